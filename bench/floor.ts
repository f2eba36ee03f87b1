// The floor: the commands one real lifecycle issued (recorder.ts), replayed raw with the SDK against synthetic keys
// and items of the same sizes, wave by wave as the API ran them (parallel reads stay parallel). Reads hit items
// seeded beforehand (or miss where the API's missed); a new item is put under a new key each lifecycle; a replaced
// or updated item is one seeded per worker, rewritten under the same kind of condition, moving its index entries.
import {
  BatchWriteCommand,
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Op, TxOp, Waves } from './recorder.ts';
import { must } from '#shared/must.ts';

type Item = Record<string, unknown>;
const table = () => process.env.TABLE_NAME!;

/** A filler string making an item of about `bytes` JSON bytes together with its keys. */
const pad = (bytes: number) => 'x'.repeat(Math.max(0, bytes - 120));

/** Keys of a worker's seeded item at a position in the lifecycle, and of a lifecycle's new item there. */
const slot = (worker: number, at: string): { PK: string; SK: string } => ({
  PK: `BENCHFLOOR#${worker}#${at}`,
  SK: 'ITEM',
});
const fresh = (worker: number, run: number, at: string): { PK: string; SK: string } => ({
  PK: `BENCHFLOOR#${worker}#${run}#${at}`,
  SK: 'ITEM',
});

function withIndexes(key: { PK: string; SK: string }, indexes: TxOp['indexes'], sortValue: string): Item {
  return Object.fromEntries(
    indexes.flatMap((i) => [
      [`${i}PK`, `${key.PK}#${i}`],
      [`${i}SK`, sortValue],
    ]),
  );
}

const itemOf = (key: { PK: string; SK: string }, write: TxOp, sortValue: string): Item => ({
  ...key,
  ...withIndexes(key, write.indexes, sortValue),
  pad: pad(write.bytes),
});

/** Every item the replay reads or rewrites, for one worker. */
function seedItems(steps: Waves[], worker: number): Item[] {
  const items: Item[] = [];
  const seedWrite = (at: string, w: TxOp) => {
    if (!(w.op === 'Put' && w.fresh) && w.op !== 'Delete')
      items.push(itemOf(slot(worker, at), { ...w, bytes: Math.max(w.bytes, 200) }, '0'));
  };
  forEachOp(steps, (op, at) => {
    if (op.kind === 'get' && op.bytes !== null) items.push({ ...slot(worker, at), pad: pad(op.bytes) });
    if (op.kind === 'batchGet') {
      for (const [j, bytes] of op.found.entries()) items.push({ ...slot(worker, `${at}.${j}`), pad: pad(bytes) });
    }
    if (op.kind === 'query') {
      for (let j = 0; j < op.scanned; j++) {
        const key = { PK: `BENCHFLOORQ#${worker}#${at}`, SK: String(j).padStart(6, '0') };
        items.push(
          op.index
            ? {
                PK: `${key.PK}#${j}`,
                SK: 'ITEM',
                [`${op.index}PK`]: key.PK,
                [`${op.index}SK`]: key.SK,
                pad: pad(op.bytes),
              }
            : { ...key, pad: pad(op.bytes) },
        );
      }
    }
    if (op.kind === 'write') seedWrite(at, op.write);
    if (op.kind === 'transact') {
      for (const [j, w] of op.items.entries()) seedWrite(`${at}.${j}`, w);
    }
  });
  return items;
}

function forEachOp(steps: Waves[], visit: (op: Op, at: string) => void) {
  for (const [s, waves] of steps.entries()) {
    for (const [w, wave] of waves.entries()) for (const [o, op] of wave.entries()) visit(op, `${s}.${w}.${o}`);
  }
}

export async function seedFloor(client: DynamoDBDocumentClient, steps: Waves[], workers: number): Promise<number> {
  const items = Array.from({ length: workers }, (_, w) => seedItems(steps, w)).flat();
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, any[]> | undefined = {
      [table()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length)
      request = (await client.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems as never;
  }
  return items.length;
}

/** The transaction entry (or standalone command input) replaying one recorded write. */
function writeEntry(w: TxOp, worker: number, run: number, at: string): Record<string, Item> {
  const TableName = table();
  const sortValue = String(run);
  if (w.op === 'Put' && w.fresh) {
    return {
      Put: {
        TableName,
        Item: itemOf(fresh(worker, run, at), w, sortValue),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }
  if (w.op === 'Put') {
    return {
      Put: {
        TableName,
        Item: itemOf(slot(worker, at), w, sortValue),
        ...(w.conditional ? { ConditionExpression: 'attribute_exists(PK)' } : {}),
      },
    };
  }
  if (w.op === 'Update') {
    const indexes = withIndexes(slot(worker, at), w.indexes, sortValue);
    const sets = Object.keys(indexes).map((_name, i) => `#i${i} = :i${i}`);
    return {
      Update: {
        TableName,
        Key: slot(worker, at),
        UpdateExpression: `SET ${['#v = :v', ...sets].join(', ')} ADD #n :one`,
        ExpressionAttributeNames: {
          '#v': 'value',
          '#n': 'n',
          ...Object.fromEntries(Object.keys(indexes).map((name, i) => [`#i${i}`, name])),
        },
        ExpressionAttributeValues: {
          ':v': pad(w.bytes + 120),
          ':one': 1,
          ...Object.fromEntries(Object.values(indexes).map((v, i) => [`:i${i}`, v])),
        },
        ...(w.conditional ? { ConditionExpression: 'attribute_exists(PK)' } : {}),
      },
    };
  }
  if (w.op === 'Delete') return { Delete: { TableName, Key: fresh(worker, run, at) } };
  return { ConditionCheck: { TableName, Key: slot(worker, at), ConditionExpression: 'attribute_exists(PK)' } };
}

function replayOp(client: DynamoDBDocumentClient, op: Op, worker: number, run: number, at: string): Promise<unknown> {
  const TableName = table();
  switch (op.kind) {
    case 'get':
      return client.send(
        new GetCommand({
          TableName,
          Key: op.bytes === null ? fresh(worker, run, at) : slot(worker, at),
          ConsistentRead: true,
        }),
      );
    case 'batchGet': {
      const keys = [
        ...op.found.map((_, j) => slot(worker, `${at}.${j}`)),
        ...Array.from({ length: op.missing }, (_, j) => fresh(worker, run, `${at}.m${j}`)),
      ];
      return client.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: keys } } }));
    }
    case 'query': {
      const pk = op.index ? `${op.index}PK` : 'PK';
      return client.send(
        new QueryCommand({
          TableName,
          IndexName: op.index,
          Limit: op.limit,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': pk },
          ExpressionAttributeValues: { ':pk': `BENCHFLOORQ#${worker}#${at}` },
        }),
      );
    }
    case 'write': {
      const [kind, input] = must(
        Object.entries(writeEntry(op.write, worker, run, at))[0],
        'a write entry names its kind',
      );
      const Command = { Put: PutCommand, Update: UpdateCommand, Delete: DeleteCommand }[kind as 'Put'];
      if (!Command) throw new Error(`no standalone ${kind}`);
      return client.send(new Command(input as never));
    }
    case 'transact':
      return client.send(
        new TransactWriteCommand({
          TransactItems: op.items.map((w, j) => writeEntry(w, worker, run, `${at}.${j}`)) as never,
        }),
      );
  }
}

/** One lifecycle's worth of commands, step by step, wave by wave. */
export async function floorLifecycle(
  client: DynamoDBDocumentClient,
  steps: Waves[],
  worker: number,
  run: number,
  onStep?: (step: number, ms: number) => void,
) {
  for (const [s, waves] of steps.entries()) {
    const t0 = performance.now();
    for (const [w, wave] of waves.entries())
      await Promise.all(wave.map((op, o) => replayOp(client, op, worker, run, `${s}.${w}.${o}`)));
    onStep?.(s, performance.now() - t0);
  }
}

/** Per step, how many commands of each kind (and transaction items) the lifecycle issued. */
export function commandMix(
  steps: Waves[],
): { get: number; query: number; batchGet: string; write: number; transact: string }[] {
  return steps.map((waves) => {
    const ops = waves.flat();
    const of = <K extends Op['kind']>(k: K) => ops.filter((o): o is Extract<Op, { kind: K }> => o.kind === k);
    return {
      get: of('get').length,
      query: of('query').length,
      batchGet:
        of('batchGet')
          .map((b) => b.found.length + b.missing)
          .join('+') || '0',
      write: of('write').length,
      transact:
        of('transact')
          .map((t) => t.items.length)
          .join('+') || '0',
    };
  });
}
