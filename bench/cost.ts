// What one manifest lifecycle costs on real DynamoDB, from the commands the API sent (recorder.ts): capacity units per
// step (transaction items count double), round trips on each request's critical path (waves of overlapping commands),
// and list prices per 1,000 manifests. Prices: AWS us-east-1 list prices (DynamoDB on-demand since Nov 2024, Lambda
// arm64, HTTP API); China regions bill in CNY at other rates, so read these as relative figures.
import type { Op, TxOp, Waves } from './recorder.ts';

export const PRICES = {
  writeRequestUnit: 0.625 / 1e6,
  readRequestUnit: 0.125 / 1e6,
  lambdaGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  httpApiRequest: 1.0 / 1e6,
  lambdaMemoryGb: 1,
};

/** Items a transition writes that rules or the hash chain need atomically, and those a stream consumer could write
 *  after the commit (at-least-once, idempotent by key) without any rule depending on them at commit time. */
const COULD_FOLLOW: Record<string, string> = {
  'manifest-link': 'party ↔ manifest list and inbox entries (GSI1-3): lists may lag by seconds, as statistics do',
  'oversight-entry': 'regulator lists by division: may lag like the statistics',
  feed: "a party's feed: only with a watermark (the consumer's progress) in place of the 30-s delay, so no cursor skips an item",
};
const MUST: Record<string, string> = {
  manifest: 'the state itself, conditional on its version',
  event: 'the hash chain: its seq is conditional, and the manifest names its head',
  idempotency: 'the retry record commits with the effect it replays',
  'manifest-number': 'uniqueness claim',
  'ledger-entry': 'batch draws (remaining kg guarded by a condition)',
  'line-balance': 'balances guarded by conditions (sources, disposals)',
  'track-head': "the lease on a leg's points: the closing leg's digest covers exactly the points stored",
  disposal: 'the report and the balances it draws are one fact',
  'alert-deadline': 'api.md: a deadline is recorded in the same transaction as the write that starts it',
};
const must = (label: string) =>
  MUST[label] ??
  (label.startsWith('PARTY/STOCK') || label.startsWith('PARTY/CAPACITY') || label.startsWith('APPROVAL')
    ? 'counter guarded by a condition'
    : undefined);

const kb = (bytes: number, unit: number) => Math.max(1, Math.ceil(bytes / unit));
const writeUnits = (w: TxOp, transactional: boolean) =>
  (w.op === 'ConditionCheck' ? 1 : kb(w.bytes, 1024)) * (transactional ? 2 : 1) +
  (w.op === 'Put' || w.op === 'Update' ? w.indexes.length * kb(w.bytes, 1024) : 0);

function readUnits(op: Op): number {
  if (op.kind === 'get') return kb(op.bytes ?? 0, 4096); // strongly consistent
  if (op.kind === 'batchGet') return 0.5 * (op.found.reduce((n, b) => n + kb(b, 4096), 0) + op.missing);
  if (op.kind === 'query') return 0.5 * kb(op.scanned * op.bytes, 4096);
  return 0;
}

export interface StepCost {
  step: string;
  roundTrips: number;
  commands: number;
  transactionItems: number;
  wcu: number;
  rcu: number;
  mustItems: Record<string, number>;
  couldFollowItems: Record<string, number>;
}

export function stepCosts(stepNames: readonly string[], steps: Waves[]): StepCost[] {
  return steps.map((waves, s) => {
    const ops = waves.flat();
    const items = ops.flatMap((o) => (o.kind === 'transact' ? o.items : []));
    const count = (pick: (label: string) => boolean) => {
      const counts: Record<string, number> = {};
      for (const i of items) if (pick(i.label)) counts[i.label] = (counts[i.label] ?? 0) + 1;
      return counts;
    };
    return {
      step: stepNames[s] ?? `step ${s + 1}`,
      roundTrips: waves.length,
      commands: ops.length,
      transactionItems: items.length,
      wcu: ops.reduce(
        (n, o) =>
          n +
          (o.kind === 'write'
            ? writeUnits(o.write, false)
            : o.kind === 'transact'
              ? o.items.reduce((m, w) => m + writeUnits(w, true), 0)
              : 0),
        0,
      ),
      rcu: ops.reduce((n, o) => n + readUnits(o), 0),
      mustItems: count((l) => !COULD_FOLLOW[l]),
      couldFollowItems: count((l) => Boolean(COULD_FOLLOW[l])),
    };
  });
}

export interface CostReport {
  steps: StepCost[];
  perThousand: { dynamodb: number; lambda: number; apiGateway: number; total: number; assumptions: string[] };
  track: {
    pointsPerManifest: number;
    batch: number;
    wcuPerManifest: number;
    dynamodbPerThousand: number;
    lambdaPerThousand: number;
    apiGatewayPerThousand: number;
  };
  reasons: { must: Record<string, string>; couldFollow: Record<string, string> };
}

/** `handlerMs`: mean time a request spends in the function (DynamoDB waits included), from the bench's own run. */
export function costReport(
  stepNames: readonly string[],
  steps: Waves[],
  handlerMs: number,
  trackHandlerMs: number,
): CostReport {
  const costs = stepCosts(stepNames, steps);
  const requests = costs.length;
  const wcu = costs.reduce((n, c) => n + c.wcu, 0);
  const rcu = costs.reduce((n, c) => n + c.rcu, 0);
  const lambdaPerRequest = PRICES.lambdaRequest + ((PRICES.lambdaMemoryGb * handlerMs) / 1000) * PRICES.lambdaGbSecond;
  // Stream consumers (alerts, webhooks): one invocation each per state-changing request, 100 ms, no batching (a ceiling).
  const streamLambda =
    requests * 2 * (PRICES.lambdaRequest + ((PRICES.lambdaMemoryGb * 100) / 1000) * PRICES.lambdaGbSecond);
  const dynamodb = 1000 * (wcu * PRICES.writeRequestUnit + rcu * PRICES.readRequestUnit);
  const lambda = 1000 * (requests * lambdaPerRequest + streamLambda);
  const apiGateway = 1000 * requests * PRICES.httpApiRequest;
  // A 4-hour trip reporting every 30 s (480 points) in calls of 10: per call 10 point puts (BatchWriteItem, 1 WCU
  // each), the lease (leg check and head, transactional: 2 × 2), the head's release (1), ~6 RCU of reads (manifest,
  // membership, head, sites, the stored instants' Query).
  const points = 480;
  const batch = 10;
  const calls = points / batch;
  const trackWcu = calls * (batch + 4 + 1);
  const trackRcu = calls * 6;
  const mustReasons = Object.fromEntries(
    costs
      .flatMap((c) => Object.keys(c.mustItems))
      .map((l) => [l, must(l) ?? 'conditional or read by a rule at commit']),
  );
  return {
    steps: costs,
    perThousand: {
      dynamodb: round(dynamodb),
      lambda: round(lambda),
      apiGateway: round(apiGateway),
      total: round(dynamodb + lambda + apiGateway),
      assumptions: [
        'us-east-1 list prices: DynamoDB on-demand $0.625/M WRU, $0.125/M RRU; Lambda arm64 $0.0000133334/GB-s + $0.20/M; HTTP API $1.00/M',
        `Lambda 1 GB, ${Math.round(handlerMs)} ms per API request (this run's mean, DynamoDB Local on a shared machine: real DynamoDB is faster)`,
        'stream consumers: 2 invocations × 100 ms per state-changing request (a ceiling: Lambda batches stream records)',
        'update items are sized by their changed values, index writes 1 per index (2 when a key moves); storage, backups and stream reads excluded',
      ],
    },
    track: {
      pointsPerManifest: points,
      batch,
      wcuPerManifest: trackWcu,
      dynamodbPerThousand: round(1000 * (trackWcu * PRICES.writeRequestUnit + trackRcu * PRICES.readRequestUnit)),
      lambdaPerThousand: round(
        1000 *
          calls *
          (PRICES.lambdaRequest + ((PRICES.lambdaMemoryGb * trackHandlerMs) / 1000) * PRICES.lambdaGbSecond),
      ),
      apiGatewayPerThousand: round(1000 * calls * PRICES.httpApiRequest),
    },
    reasons: { must: mustReasons, couldFollow: COULD_FOLLOW },
  };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
