// The write path of track ingest, built for throughput: a leg's points are written by one call at a time, the holder
// of a short lease on the leg's head. The lease is one conditional put on the head (unmoved, and not closed: the
// transition that ends a leg closes its head, track-closing.ts). Under it the call learns which of its instants the
// leg already has (one Query over the batch's time range), writes the new points with BatchWriteItem in parallel
// requests of 25 (no per-point condition is needed: no one else writes this leg meanwhile, and an unprocessed item is
// just sent again), then puts the new head, releasing the lease, in the transaction that stores the call's idempotency
// record. A leg closing reads the head: a live lease makes it retry, and its transaction closes the head only at the
// version it read, which every lease moves, so no point lands after a digest is taken.
import { BatchWriteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';
import { AppError } from '#shared/errors.ts';
import type { TrackPoint } from '#shared/domain/track-rules.ts';
import { db } from '#shared/store/client.ts';
import { keys } from '#shared/store/keys.ts';
import { toAppError } from '#shared/store/store-errors.ts';
import type { TxItem } from '#shared/store/transact.ts';
import type { Lease, LegHead } from '#shared/store/track-store.ts';

/** How long a lease holds. Longer than the manifests function's timeout (10 s), so a writer that died holding it has
 *  stopped writing before anyone may take the leg over or close it; a live writer gives up at `until` (see putPoints). */
export const LEASE_MS = 30_000;

export type ReserveOutcome = 'reserved' | 'legClosed' | 'moved';

const table = () => config.tableName;
const BATCH = 25;

/** Takes the lease on a leg whose head is at `version` (none yet: undefined) and not closed (its leg has not ended).
 *  The new head (version + 1) is `base` with the lease; its summary stays as it was until the release. */
export async function reserveLeg(
  manifestId: string,
  leg: number,
  base: LegHead,
  expected: number | undefined,
  lease: Lease,
): Promise<ReserveOutcome> {
  const head = { ...keys.trackHead(manifestId, leg), itemType: 'track-head', ...base, ...lease };
  const condition =
    expected === undefined
      ? { ConditionExpression: 'attribute_not_exists(PK)' }
      : {
          ConditionExpression: '#v = :v AND attribute_not_exists(#closed)',
          ExpressionAttributeNames: { '#v': 'version', '#closed': 'closed' },
          ExpressionAttributeValues: { ':v': expected },
        };
  try {
    await db().send(
      new PutCommand({ TableName: table(), Item: head, ...condition, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
    );
    return 'reserved';
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw toAppError(err);
    // The head as it is, in DynamoDB's wire format (the document client does not convert error payloads).
    const old = (err as { Item?: Record<string, unknown> }).Item;
    return old && 'closed' in old ? 'legClosed' : 'moved';
  }
}

/** The instants among [from, to] (ISO, inclusive) the leg already has: one Query, keys only, strongly consistent. */
export async function storedInstants(manifestId: string, leg: number, from: string, to: string): Promise<Set<string>> {
  const found = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    try {
      const out = await db().send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': keys.trackPartition(manifestId, leg),
            ':from': keys.trackPoint(manifestId, leg, from).SK,
            ':to': keys.trackPoint(manifestId, leg, to).SK,
          },
          ProjectionExpression: 'SK',
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) found.add(String(item.SK).slice(keys.trackPointPrefix.length));
      start = out.LastEvaluatedKey;
    } catch (err) {
      throw toAppError(err);
    }
  } while (start);
  return found;
}

export const pointItem = (manifestId: string, leg: number, p: TrackPoint) => ({
  ...keys.trackPoint(manifestId, leg, p.at),
  itemType: 'track-point',
  manifestId,
  leg,
  ...p,
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes the points, 25 a request, the requests in parallel; unprocessed items are sent again (with backoff) until
 *  stored. A writer still retrying at `until` gives up (503) rather than write past its lease. */
export async function putPoints(
  manifestId: string,
  leg: number,
  points: readonly TrackPoint[],
  until: number,
): Promise<void> {
  const chunks = Array.from({ length: Math.ceil(points.length / BATCH) }, (_, k) =>
    points.slice(k * BATCH, k * BATCH + BATCH),
  );
  await Promise.all(
    chunks.map(async (chunk) => {
      let request: Record<string, Record<string, unknown>[]> | undefined = {
        [table()]: chunk.map((p) => ({ PutRequest: { Item: pointItem(manifestId, leg, p) } })),
      };
      for (let attempt = 0; request && Object.keys(request).length > 0; attempt += 1) {
        if (attempt > 0) await pause(Math.min(1000, 20 * 2 ** attempt));
        if (Date.now() >= until)
          throw new AppError(
            'STORE_UNAVAILABLE',
            'The store kept refusing these points; retry the batch (stored points are not added twice)',
          );
        try {
          const out = await db().send(new BatchWriteCommand({ RequestItems: request as never }));
          request = out.UnprocessedItems as typeof request;
        } catch (err) {
          throw toAppError(err);
        }
      }
    }),
  );
}

/** The head after the points (version: the reserved one + 1), without the lease: the write that releases the leg,
 *  committed with the call's idempotency record. Refused if the lease was lost. */
export function releaseLeg(head: LegHead, writer: string): TxItem {
  return {
    item: {
      Put: {
        TableName: table(),
        Item: { ...keys.trackHead(head.manifestId, head.leg), itemType: 'track-head', ...head },
        ConditionExpression: '#v = :v AND #w = :w',
        ExpressionAttributeNames: { '#v': 'version', '#w': 'writer' },
        ExpressionAttributeValues: { ':v': head.version - 1, ':w': writer },
      },
    },
    onConditionFailed: () =>
      new AppError(
        'VERSION_CONFLICT',
        "This call's hold on the leg ran out before its points were counted; retry the batch",
      ),
  };
}
