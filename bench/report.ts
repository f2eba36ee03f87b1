// The printed table of a bench run (the same figures go to bench/results.json).
import { bundleLines } from '../infra/bundles.ts';
import type { LoadResult } from './load.ts';
import type { Results } from './run.ts';
import type { TrackResults } from './track.ts';

const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(8);
const row = (cells: string[], widths: number[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');

function loadRow(name: string, r: LoadResult, unit: string): string {
  return row(
    [
      name,
      `${r.perSecond.toFixed(2)} ${unit}`,
      ms(r.latency.p50),
      ms(r.latency.p95),
      ms(r.latency.p99),
      String(r.done),
      String(r.failed),
    ],
    [34, 16, 8, 8, 8, 6, 6],
  );
}

const HEADER = row(['', 'throughput', 'p50', 'p95', 'p99', 'n', 'failed'], [34, 16, 8, 8, 8, 6, 6]);

/** Track ingest against its floors, and the read of a long leg. */
export function trackLines(tr: TrackResults): string[] {
  const target = tr.ratio >= 0.8 ? 'met' : 'MISSED';
  return [
    `\nTrack ingest, batches of ${tr.batch} points at concurrency ${tr.concurrency} (each worker one leg, one call at a time, as a fleet platform sends)`,
    HEADER,
    loadRow('(a) floor: BatchWriteItem, same items', tr.floor, 'batch/s'),
    loadRow('(a′) TransactWrite ×98, conditional', tr.conditionalFloor, 'batch/s'),
    loadRow('(b) API: POST …/track', tr.api, 'batch/s'),
    `    points/s API ${tr.api.pointsPerSecond} / floor ${tr.floor.pointsPerSecond} = ${tr.ratio.toFixed(2)} (target ≥ 0.8: ${target}); against the conditional floor (${tr.conditionalFloor.pointsPerSecond} points/s) ${tr.conditionalRatio.toFixed(2)}`,
    `    floor = the same ${tr.batch} point items per call (same attributes and sizes), 25 a BatchWriteItem, a call's requests in parallel, as the API writes them; the API also authorises, checks each point, reads the manifest with the membership and the leg head with the sites (a BatchGetItem each), leases the leg (a conditional put), finds stored instants (unless the batch follows the leg's last point), and releases the leg with the Idempotency-Key record (a 2-item transaction)`,
    `    GET …/track, a leg of ${tr.read.points} points: GeoJSON p50 ${tr.read.geojson.latency.p50.toFixed(0)} ms, JSON in pages of ${tr.read.pageLimit} p50 ${tr.read.pages.latency.p50.toFixed(0)} ms`,
  ];
}

export function printReport(r: Results): void {
  const out: string[] = [];
  const header = row(['', 'throughput', 'p50', 'p95', 'p99', 'n', 'failed'], [34, 16, 8, 8, 8, 6, 6]);
  out.push(
    `\nWasteChain bench — ${r.environment.cpus} cores, node ${r.environment.node}, load avg at start ${r.environment.loadAtStart.join(' / ')}`,
  );
  out.push(
    '\nCommand mix of one lifecycle (per step: GetItem, Query, BatchGet keys, single writes, TransactWrite items):',
  );
  for (const [i, m] of r.mix.entries())
    out.push(
      `  ${(r.steps[i] ?? `step ${i + 1}`).padEnd(9)} get ${m.get}  query ${m.query}  batchGet ${m.batchGet}  write ${m.write}  transact ${m.transact}`,
    );
  for (const level of r.lifecycles) {
    out.push(`\n(a)/(b) lifecycles at concurrency ${level.concurrency} (load avg ${level.load.join(' / ')})`);
    out.push(header);
    out.push(loadRow('(a) floor: raw SDK, same commands', level.floor, 'lc/s'));
    out.push(loadRow('(b) API over HTTP', level.api, 'lc/s'));
    const target = level.ratio >= 0.8 ? 'met' : 'MISSED';
    out.push(`    ratio API/floor ${level.ratio.toFixed(2)} (target ≥ 0.8: ${target})`);
    out.push(
      `    per step p50 API / floor: ${r.steps.map((s, i) => `${s} ${level.stepsApi[i]?.toFixed(0) ?? '-'}/${level.stepsFloor[i]?.toFixed(0) ?? '-'}`).join(', ')} ms`,
    );
    const b = level.breakdown;
    out.push(
      `    per API request (mean): ${b.latencyMs} ms at the client = ${b.dbMs} ms DynamoDB in flight + ${b.serverCpuMs} ms in the handler besides ` +
        `(of it ${b.tokenVerifyMs} ms token verify) + ${b.outsideHandlerMs} ms HTTP/queueing outside it; ${b.commands} commands`,
    );
    const names = [...new Set([...Object.keys(level.commands.api), ...Object.keys(level.commands.floor)])].sort();
    out.push(
      `    mean ms per command API / floor: ${names.map((n) => `${n} ${level.commands.api[n]?.meanMs ?? '-'}/${level.commands.floor[n]?.meanMs ?? '-'}`).join(', ')}`,
    );
  }
  out.push(...trackLines(r.track));
  const c = r.cost;
  out.push('\nLifecycle cost on real DynamoDB (from the commands recorded): per step');
  out.push(
    row(
      ['step', 'round trips', 'commands', 'tx items', 'WCU', 'RCU', 'could follow from the stream'],
      [9, 11, 8, 8, 6, 6, 40],
    ),
  );
  for (const st of c.steps) {
    const follow =
      Object.entries(st.couldFollowItems)
        .map(([l, n]) => `${l} ${n}`)
        .join(', ') || '-';
    out.push(
      row(
        [
          st.step,
          String(st.roundTrips),
          String(st.commands),
          String(st.transactionItems),
          String(st.wcu),
          String(st.rcu),
          follow,
        ],
        [9, 11, 8, 8, 6, 6, 40],
      ),
    );
  }
  const p = c.perThousand;
  out.push(
    `    per 1,000 manifests: DynamoDB $${p.dynamodb}, Lambda $${p.lambda}, API Gateway $${p.apiGateway}, total $${p.total}`,
  );
  out.push(
    `    track (${c.track.pointsPerManifest} points in calls of ${c.track.batch}) per 1,000 manifests: DynamoDB $${c.track.dynamodbPerThousand}, Lambda $${c.track.lambdaPerThousand}, API Gateway $${c.track.apiGatewayPerThousand}`,
  );
  for (const a of p.assumptions) out.push(`    · ${a}`);
  out.push(
    `    must stay in the transaction: ${Object.entries(c.reasons.must)
      .map(([l, why]) => `${l} (${why})`)
      .join('; ')}`,
  );
  out.push(
    `    could follow from the stream: ${Object.entries(c.reasons.couldFollow)
      .map(([l, why]) => `${l} (${why})`)
      .join('; ')}`,
  );

  out.push(`\n(c) queries, ${r.queries.requests} requests each at concurrency ${r.queries.concurrency}`);
  out.push(header);
  for (const q of r.queries.sizes) {
    out.push(loadRow(`chain, ${q.manifests} manifests`, q.chain, 'req/s'));
    out.push(loadRow('  floor: its reads, raw SDK', q.chainFloor, 'req/s'));
    out.push(loadRow(`list 1411, ${q.manifests} manifests`, q.list, 'req/s'));
    out.push(loadRow('  floor: its reads, raw SDK', q.listFloor, 'req/s'));
    out.push(`    (load avg ${q.load.join(' / ')})`);
  }
  const g = r.queries.growth;
  out.push(
    `    p50 growth ${r.queries.sizes.at(-1)?.manifests ?? '-'}/${r.queries.sizes[0]?.manifests ?? '-'}: chain ${g.chain.toFixed(2)}×, list ${g.list.toFixed(2)}× (target ≤ 1.3: ${g.chain <= 1.3 && g.list <= 1.3 ? 'met' : 'MISSED'}); the floor's: chain ${g.chainFloor.toFixed(2)}×, list ${g.listFloor.toFixed(2)}×`,
  );
  for (const s of r.queries.seeding)
    out.push(
      `    seeded ${s.manifests} manifests (${s.items} items) in ${s.seconds} s: ${s.manifestsPerSecond} manifests/s`,
    );
  if (r.profile) {
    out.push(`\nCPU profile of the API phase (${r.profile.file}), self time by owner of ${r.profile.totalMs} ms:`);
    for (const o of r.profile.byOwner)
      out.push(`  ${o.owner.padEnd(34)} ${String(o.ms).padStart(7)} ms ${o.share.toFixed(1).padStart(5)} %`);
  }
  out.push('\nLambda bundles (size against the 1 MiB budget, cold import):');
  for (const line of bundleLines(r.bundles)) out.push(`  ${line}`);
  console.log(out.join('\n'));
}
