// `npm run bench` (issue 8): the API against the database floor under it, and the read paths as the table grows.
// Starts its own DynamoDB Local (in memory) and the local API over HTTP; see bench/README.md for what is measured.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/store/keys.ts';
import { must } from '#shared/must.ts';
import { buildBundles, measure, type BundleReport } from '../infra/bundles.ts';
import type { BulkResult } from './bulk.ts';
import { seedManifests } from './bulk.ts';
import { commandMix, floorLifecycle, seedFloor } from './floor.ts';
import type { CommandTimes, RequestTiming, Waves } from './recorder.ts';
import { expectStatus, regulator, startHarness, type Harness } from './harness.ts';
import { latency, Meter, runCount, type LoadResult } from './load.ts';
import { profiled, type ProfileSummary } from './profile.ts';
import { replayReads } from './read-floor.ts';
import { printReport, trackLines } from './report.ts';
import { costReport, type CostReport } from './cost.ts';
import { measureTrack, type TrackResults } from './track.ts';
import { LIFECYCLE_STEPS, lifecycle, makeCasts, RECEIVER_CITY, type Cast } from './world.ts';

const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const CONCURRENCY = env('BENCH_CONCURRENCY', '16').split(',').map(Number);
/** Seconds of (a) plus (b) at each concurrency, split evenly. */
const SECONDS = Number(env('BENCH_SECONDS', '30'));
const BULK = Number(env('BENCH_BULK', '100000'));
const QUERIES = Number(env('BENCH_QUERIES', '300'));
const QUERY_CONCURRENCY = Number(env('BENCH_QUERY_CONCURRENCY', '8'));
const PROFILE = process.env.BENCH_PROFILE === '1';
/** (a) and (b) alternate this many times at each concurrency. */
const ROUNDS = Number(env('BENCH_ROUNDS', '3'));
const RESULTS = new URL('./results.json', import.meta.url).pathname;
/** Track ingest: points per call, and the seconds of API plus floor (alternating like the lifecycles). */
const TRACK_BATCH = Number(env('BENCH_TRACK_BATCH', '100'));
const TRACK_SECONDS = Number(env('BENCH_TRACK_SECONDS', String(SECONDS)));
/** `track`: only the track ingest and read measurements (the casts they need, then nothing else). */
const ONLY = process.env.BENCH_ONLY;

const load = () => loadavg().map((n) => Math.round(n * 100) / 100);
const round = (n: number) => Math.round(n * 10) / 10;

export interface LevelResult {
  concurrency: number;
  load: number[];
  floor: LoadResult;
  api: LoadResult;
  ratio: number;
  stepsApi: number[];
  stepsFloor: number[];
  breakdown: {
    latencyMs: number;
    dbMs: number;
    serverCpuMs: number;
    tokenVerifyMs: number;
    outsideHandlerMs: number;
    commands: number;
  };
  /** Mean wall time per DynamoDB command kind, as the floor and as the API sent them. */
  commands: { floor: CommandMeans; api: CommandMeans };
}

export interface Results {
  environment: { cpus: number; node: string; loadAtStart: number[]; loadAtEnd?: number[] };
  settings: Record<string, unknown>;
  steps: readonly string[];
  mix: ReturnType<typeof commandMix>;
  lifecycles: LevelResult[];
  queries: {
    concurrency: number;
    requests: number;
    /** `load`: the machine's load average after the measurement (a busy machine slows the larger table's run as much). */
    /** Each route beside its floor: the DynamoDB reads one request of it sent, replayed raw at the same concurrency. */
    sizes: {
      manifests: number;
      load: number[];
      chain: LoadResult;
      list: LoadResult;
      chainFloor: LoadResult;
      listFloor: LoadResult;
    }[];
    growth: { chain: number; list: number; chainFloor: number; listFloor: number };
    seeding: BulkResult[];
  };
  profile?: ProfileSummary;
  track: TrackResults;
  cost: CostReport;
  bundles: BundleReport;
}

const stepSamples = () => LIFECYCLE_STEPS.map(() => [] as number[]);
const sampleInto = (samples: number[][]) => (step: number, ms: number) =>
  must(samples[step], `a sample list per step (${step})`).push(ms);
const castOf = (casts: readonly Cast[], w: number) => must(casts[w], `a cast per meter worker (${w})`);
const p50s = (samples: number[][]) => samples.map((s) => latency(s).p50);

type CommandMeans = Record<string, { count: number; meanMs: number }>;

function commandMeans(times: ReturnType<Harness['recorder']['takeCommandTimes']>): CommandMeans {
  return Object.fromEntries(
    Object.entries(times).map(([name, t]) => [
      name.replace(/Command$/, ''),
      { count: t.count, meanMs: round(t.ms / t.count) },
    ]),
  );
}

/** (a) and (b) in alternating slices, so that a change in the machine's load hits both alike. */
async function measureLevel(
  h: Harness,
  casts: Cast[],
  steps: Waves[],
  concurrency: number,
  level: number,
): Promise<LevelResult> {
  const slice = SECONDS / 2 / ROUNDS;
  const [floor, api] = [new Meter(concurrency), new Meter(concurrency)];
  const [floorSteps, apiSteps] = [stepSamples(), stepSamples()];
  const floorTimes: CommandTimes = {};
  const apiTimes: CommandTimes = {};
  const timings: RequestTiming[] = [];
  let verifyMs = 0;
  const add = (into: CommandTimes, from: CommandTimes) => {
    for (const [name, t] of Object.entries(from)) {
      into[name] ??= { count: 0, ms: 0 };
      const sum = into[name];
      sum.count += t.count;
      sum.ms += t.ms;
    }
  };
  let floorRuns = level * 1_000_000;
  for (let round = 0; round < ROUNDS; round++) {
    h.recorder.takeCommandTimes();
    await floor.during(slice, (w) => floorLifecycle(h.raw, steps, w, floorRuns++, sampleInto(floorSteps)));
    add(floorTimes, h.recorder.takeCommandTimes());
    h.recorder.takeTimings();
    const verifyBefore = h.verifyMs();
    await api.during(slice, (w) =>
      lifecycle(h, castOf(casts, w), (s, ms) => sampleInto(apiSteps)(LIFECYCLE_STEPS.indexOf(s), ms)).then(
        () => undefined,
      ),
    );
    add(apiTimes, h.recorder.takeCommandTimes());
    timings.push(...h.recorder.takeTimings());
    verifyMs += h.verifyMs() - verifyBefore;
  }
  const mean = (f: (t: RequestTiming) => number) => round(timings.reduce((s, t) => s + f(t), 0) / timings.length);
  const latencyMs = round(apiSteps.flat().reduce((s, n) => s + n, 0) / apiSteps.flat().length);
  const [serverMs, dbMs] = [mean((t) => t.serverMs), mean((t) => t.dbMs)];
  const [floorResult, apiResult] = [floor.result(), api.result()];
  return {
    concurrency,
    load: load(),
    floor: floorResult,
    api: apiResult,
    ratio: Math.round((apiResult.perSecond / floorResult.perSecond) * 100) / 100,
    stepsApi: p50s(apiSteps),
    stepsFloor: p50s(floorSteps),
    breakdown: {
      latencyMs,
      dbMs,
      serverCpuMs: round(serverMs - dbMs),
      tokenVerifyMs: round(verifyMs / timings.length),
      outsideHandlerMs: round(latencyMs - serverMs),
      commands: mean((t) => t.commands),
    },
    commands: { floor: commandMeans(floorTimes), api: commandMeans(apiTimes) },
  };
}

/** BENCH_PROFILE=1: one more API-only slice under the CPU profiler (not counted in the figures). */
const profileApi = (h: Harness, casts: Cast[], concurrency: number) =>
  profiled(join(tmpdir(), 'wastechain-bench.cpuprofile'), () =>
    new Meter(concurrency).during(SECONDS / 2 / ROUNDS, (w) => lifecycle(h, castOf(casts, w)).then(() => undefined)),
  );

/** One read route at QUERY_CONCURRENCY, and its floor: the reads one request of it sent, replayed raw. */
async function measureRead(h: Harness, request: () => Promise<void>) {
  await runCount(QUERY_CONCURRENCY, 30, request); // warm-up
  h.recorder.capture(true);
  await request();
  h.recorder.capture(false);
  const reads = h.recorder.takeCaptured().commands.at(-1)!;
  return {
    api: await runCount(QUERY_CONCURRENCY, QUERIES, request),
    floor: await runCount(QUERY_CONCURRENCY, QUERIES, () => replayReads(h.raw, reads)),
  };
}

async function measureQueries(h: Harness, chainOf: { cast: Cast; manifestId: string }) {
  const shanxi = regulator('bench-regulator-14', '14');
  const chain = await measureRead(
    h,
    async () =>
      void expectStatus(
        await h.call(chainOf.cast.generator.user, 'GET', `/v1/chains/${chainOf.manifestId}`),
        200,
        'chain',
      ),
  );
  const list = await measureRead(
    h,
    async () =>
      void expectStatus(await h.call(shanxi, 'GET', `/v1/oversight/manifests?division=${RECEIVER_CITY}`), 200, 'list'),
  );
  return { chain: chain.api, chainFloor: chain.floor, list: list.api, listFloor: list.floor };
}

/** BENCH_ONLY=track: the track measurements alone, printed and written to results.json. */
async function trackOnly() {
  const concurrency = CONCURRENCY[0] ?? 16;
  const h = await startHarness();
  try {
    console.log(`setting up ${concurrency} casts through the API…`);
    const casts = await makeCasts(h, concurrency);
    console.log(
      `track ingest: batches of ${TRACK_BATCH} points at concurrency ${concurrency}, API against BatchWriteItem…`,
    );
    const measure = () => measureTrack(h, casts, concurrency, TRACK_SECONDS, ROUNDS, TRACK_BATCH);
    // With BENCH_PROFILE=1 the whole track phase runs under the profiler (this process's CPU: idle means the time
    // went to DynamoDB Local).
    const track = PROFILE
      ? await profiled(join(tmpdir(), 'wastechain-bench-track.cpuprofile'), measure).then(({ result, summary }) => {
          console.log(`CPU of this process by owner: ${JSON.stringify(summary.byOwner)}`);
          return result;
        })
      : await measure();
    writeFileSync(
      RESULTS,
      JSON.stringify({ environment: { cpus: cpus().length, node: process.version, load: load() }, track }, null, 2),
    );
    console.log(trackLines(track).join('\n'));
  } finally {
    await h.stop();
  }
}

async function main() {
  const results = { environment: { cpus: cpus().length, node: process.version, loadAtStart: load() } } as Results;
  results.settings = {
    concurrency: CONCURRENCY,
    seconds: SECONDS,
    rounds: ROUNDS,
    bulk: BULK,
    queries: QUERIES,
    queryConcurrency: QUERY_CONCURRENCY,
    profile: PROFILE,
  };
  results.steps = LIFECYCLE_STEPS;
  const h = await startHarness();
  try {
    console.log(`setting up ${Math.max(...CONCURRENCY)} casts through the API…`);
    const casts = await makeCasts(h, Math.max(...CONCURRENCY));
    const first = castOf(casts, 0);
    await lifecycle(h, first); // warm-up: every route compiled once
    h.recorder.capture(true);
    const sample = { cast: first, manifestId: await lifecycle(h, first) };
    h.recorder.capture(false);
    const steps = h.recorder.takeCaptured().shapes.slice(-LIFECYCLE_STEPS.length);
    results.mix = commandMix(steps);
    await seedFloor(h.raw, steps, Math.max(...CONCURRENCY));
    let manifests = 2;

    results.lifecycles = [];
    for (const [level, concurrency] of CONCURRENCY.entries()) {
      console.log(`(a)+(b) at concurrency ${concurrency}, ${SECONDS / 2} s each in ${ROUNDS} alternating slices…`);
      const measured = await measureLevel(h, casts, steps, concurrency, level);
      results.lifecycles.push(measured);
      manifests += measured.api.done + measured.api.failed;
      if (PROFILE && level === 0) {
        const { result, summary } = await profileApi(h, casts, concurrency);
        results.profile = summary;
        manifests += result.result().done + result.result().failed;
      }
    }

    const level = must(results.lifecycles[0], 'BENCH_CONCURRENCY names a level');
    console.log(
      `track ingest: batches of ${TRACK_BATCH} points at concurrency ${level.concurrency}, API against BatchWriteItem…`,
    );
    h.recorder.takeTimings();
    results.track = await measureTrack(h, casts, level.concurrency, TRACK_SECONDS, ROUNDS, TRACK_BATCH);
    const trackTimings = h.recorder.takeTimings();
    const trackMs = trackTimings.reduce((n, t) => n + t.serverMs, 0) / Math.max(1, trackTimings.length);
    results.cost = costReport(LIFECYCLE_STEPS, steps, level.breakdown.dbMs + level.breakdown.serverCpuMs, trackMs);

    const template = (
      await h.raw.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: keys.manifest(sample.manifestId) }))
    ).Item;
    if (!template) throw new Error(`the sample manifest ${sample.manifestId} is not in the table`);
    results.queries = {
      concurrency: QUERY_CONCURRENCY,
      requests: QUERIES,
      sizes: [],
      seeding: [],
      growth: { chain: 0, list: 0, chainFloor: 0, listFloor: 0 },
    };
    for (const size of [1000, BULK]) {
      if (size > manifests) {
        console.log(`seeding ${size - manifests} manifests…`);
        results.queries.seeding.push(await seedManifests(h.raw, template, manifests, size - manifests, RECEIVER_CITY));
        manifests = size;
      }
      console.log(`(c) chain and list with ${manifests} manifests…`);
      results.queries.sizes.push({ manifests, ...(await measureQueries(h, sample)), load: load() });
    }
    const [small, large] = [
      must(results.queries.sizes[0], 'a size measured'),
      must(results.queries.sizes.at(-1), 'a size measured'),
    ];
    const growth = (f: (s: typeof small) => LoadResult) =>
      Math.round((f(large).latency.p50 / f(small).latency.p50) * 100) / 100;
    results.queries.growth = {
      chain: growth((s) => s.chain),
      list: growth((s) => s.list),
      chainFloor: growth((s) => s.chainFloor),
      listFloor: growth((s) => s.listFloor),
    };
  } finally {
    await h.stop();
  }

  console.log('building and importing the Lambda bundles…');
  const outRoot = mkdtempSync(join(tmpdir(), 'wastechain-bench-bundles-'));
  try {
    results.bundles = measure(await buildBundles(outRoot));
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
  results.environment.loadAtEnd = load();
  writeFileSync(RESULTS, JSON.stringify(results, null, 2));
  printReport(results);
  console.log(`\nwritten to ${RESULTS}`);
}

await (ONLY === 'track' ? trackOnly() : main());
