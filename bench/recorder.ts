// Watches the API's DynamoDB client: attributes each command's wall time to the HTTP request that issued it
// (AsyncLocalStorage), and on demand records each command's shape — which operation, how many items of what size,
// which indexes it touches, whether it is conditional, and which commands ran in parallel — for the floor to replay —
// and the command as sent (read routes' floor replays those exactly).
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const INDEXES = ['GSI1', 'GSI2', 'GSI3'] as const;
export type IndexName = (typeof INDEXES)[number];

export interface TxOp {
  op: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  bytes: number;
  /** Indexes whose keys the write sets (each costs an index write). */
  indexes: IndexName[];
  conditional: boolean;
  /** A Put that must not find an item (a new item) rather than replace one. */
  fresh: boolean;
  /** What the item is: its itemType, else its key's prefixes (for the lifecycle cost report). */
  label: string;
}

export type Op =
  | { kind: 'get'; bytes: number | null }
  | { kind: 'query'; index?: IndexName; limit?: number; scanned: number; bytes: number }
  | { kind: 'batchGet'; found: number[]; missing: number }
  | { kind: 'write'; write: TxOp }
  | { kind: 'transact'; items: TxOp[] };

/** Commands that overlapped in time form a wave; waves run one after another. */
export type Waves = Op[][];

/** A command as the code sent it (document-client input, before marshalling). */
export interface SentCommand {
  name: string;
  input: Record<string, unknown>;
}

interface Timed {
  op: Op;
  sent: SentCommand;
  start: number;
  end: number;
}

interface RequestContext {
  intervals: [number, number][];
  captured?: Timed[];
}

export interface RequestTiming {
  serverMs: number;
  /** Time with at least one DynamoDB command in flight (overlaps counted once). */
  dbMs: number;
  commands: number;
}

/** Per command name: how many were sent and their summed wall time (ms). */
export type CommandTimes = Record<string, { count: number; ms: number }>;

export interface Recorder {
  /** Command wall times since the last call (requests and the floor's own client alike). */
  takeCommandTimes(): CommandTimes;
  /** Runs one request's handling, attributing its commands to it. */
  request(handle: () => Promise<Response> | Response): Promise<Response>;
  /** From now on, record the shapes of every request's commands (costly: only for the sample lifecycle). */
  capture(on: boolean): void;
  /** Per request finished since the last call (in finishing order), its waves of command shapes and of commands as sent. */
  takeCaptured(): { shapes: Waves[]; commands: SentCommand[][][] };
  /** Timings of the requests finished since the last call. */
  takeTimings(): RequestTiming[];
}

const sizeOf = (value: unknown) =>
  value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value, (_k, v) => (v instanceof Set ? [...v] : v)));

function indexesSet(item: Record<string, unknown> | undefined, names: Record<string, string> | undefined): IndexName[] {
  const attributes = new Set([...Object.keys(item ?? {}), ...Object.values(names ?? {})]);
  return INDEXES.filter((i) => attributes.has(`${i}PK`));
}

const prefix = (v: unknown) => String(v ?? '').split('#')[0];
const labelOf = (body: Record<string, any>) =>
  body.Item?.itemType ?? `${prefix(body.Item?.PK ?? body.Key?.PK)}/${prefix(body.Item?.SK ?? body.Key?.SK)}`;

function txOp(entry: Record<string, any>): TxOp {
  const [op, body] = Object.entries(entry)[0] as [TxOp['op'], Record<string, any>];
  const condition: string | undefined = body.ConditionExpression;
  return {
    label: labelOf(body),
    op,
    bytes: op === 'Put' ? sizeOf(body.Item) : op === 'Update' ? sizeOf(body.ExpressionAttributeValues) : 0,
    indexes:
      op === 'Put'
        ? indexesSet(body.Item, undefined)
        : op === 'Update'
          ? indexesSet(undefined, body.ExpressionAttributeNames)
          : [],
    conditional: Boolean(condition),
    fresh: op === 'Put' && Boolean(condition?.startsWith('attribute_not_exists')),
  };
}

function shapeOf(name: string, input: Record<string, any>, output: Record<string, any>): Op | undefined {
  switch (name) {
    case 'GetItemCommand':
      return { kind: 'get', bytes: output.Item ? sizeOf(output.Item) : null };
    case 'QueryCommand': {
      const items: unknown[] = output.Items ?? [];
      return {
        kind: 'query',
        index: input.IndexName,
        limit: input.Limit,
        scanned: output.ScannedCount ?? items.length,
        bytes: items.length ? Math.round(sizeOf(items) / items.length) : 0,
      };
    }
    case 'BatchGetItemCommand': {
      const asked = Object.values(input.RequestItems as Record<string, { Keys: unknown[] }>).reduce(
        (n, r) => n + r.Keys.length,
        0,
      );
      const found = Object.values((output.Responses ?? {}) as Record<string, unknown[]>)
        .flat()
        .map(sizeOf);
      return { kind: 'batchGet', found, missing: asked - found.length };
    }
    case 'PutItemCommand':
      return { kind: 'write', write: txOp({ Put: input }) };
    case 'UpdateItemCommand':
      return { kind: 'write', write: txOp({ Update: input }) };
    case 'DeleteItemCommand':
      return { kind: 'write', write: txOp({ Delete: input }) };
    case 'TransactWriteItemsCommand':
      return { kind: 'transact', items: (input.TransactItems as Record<string, any>[]).map(txOp) };
    default:
      return undefined;
  }
}

/** Groups commands that overlapped in time into waves. */
function wavesOf<T>(timed: Timed[], pick: (t: Timed) => T): T[][] {
  const waves: T[][] = [];
  let waveEnd = -Infinity;
  for (const t of [...timed].sort((a, b) => a.start - b.start)) {
    if (t.start >= waveEnd) waves.push([]);
    waves.at(-1)!.push(pick(t));
    waveEnd = Math.max(waveEnd, t.end);
  }
  return waves;
}

function busyMs(intervals: [number, number][]): number {
  let total = 0;
  let reach = -Infinity;
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

export function recordCommands(...clients: DynamoDBDocumentClient[]): Recorder {
  const context = new AsyncLocalStorage<RequestContext>();
  let capturing = false;
  let captured: Timed[][] = [];
  let timings: RequestTiming[] = [];
  let commandTimes: CommandTimes = {};
  for (const client of clients)
    client.middlewareStack.add(
      (next, ctx) => async (args) => {
        const request = context.getStore();
        const start = performance.now();
        let output: unknown;
        try {
          const result = await next(args);
          output = result.output;
          return result;
        } finally {
          const end = performance.now();
          const name = ctx.commandName ?? '?';
          commandTimes[name] ??= { count: 0, ms: 0 };
          const times = commandTimes[name];
          times.count++;
          times.ms += end - start;
          if (request) {
            request.intervals.push([start, end]);
            // A refused command (a lost condition) still did its work: replayed as if it had succeeded.
            const op = request.captured && shapeOf(ctx.commandName ?? '', args.input as never, (output ?? {}) as never);
            if (op)
              request.captured!.push({
                op,
                sent: { name: ctx.commandName ?? '', input: args.input as never },
                start,
                end,
              });
          }
        }
      },
      { step: 'initialize', name: 'benchRecorder' },
    );
  return {
    async request(handle) {
      const request: RequestContext = { intervals: [], ...(capturing ? { captured: [] } : {}) };
      const start = performance.now();
      const response = await context.run(request, handle);
      // The body is produced before the handler returns (JSON strings), so the request's work is done here.
      timings.push({
        serverMs: performance.now() - start,
        dbMs: busyMs(request.intervals),
        commands: request.intervals.length,
      });
      if (request.captured) captured.push(request.captured);
      return response;
    },
    capture(on) {
      capturing = on;
    },
    takeCaptured() {
      const taken = captured;
      captured = [];
      return {
        shapes: taken.map((t) => wavesOf(t, (c) => c.op)),
        commands: taken.map((t) => wavesOf(t, (c) => c.sent)),
      };
    },
    takeCommandTimes() {
      const taken = commandTimes;
      commandTimes = {};
      return taken;
    },
    takeTimings() {
      const taken = timings;
      timings = [];
      return taken;
    },
  };
}
