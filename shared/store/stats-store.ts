// Statistics counters and party flows, kept by the stream consumer. A stream record's updates are applied exactly
// once under at-least-once delivery: each transaction carries a mark of (record, sequence number, chunk) put only
// if absent, so a redelivered record finds its marks and changes nothing.
import { AppError } from '#shared/errors.ts';
import type { Flow } from '#shared/domain/declaration.ts';
import { STAT_MEASURES, MOVEMENTS, type Movement, type StatMeasure } from '#shared/domain/stats-facts.ts';
import type { Counter, CounterDelta, FlowDelta, Grams } from '#shared/domain/stats.ts';
import { keys } from '#shared/store/keys.ts';
import { queryAll, type Item } from '#shared/store/read.ts';
import { putNew, transact, update, type TxItem } from '#shared/store/transact.ts';

export const STATS_CONSUMER = 'stats';
/** DynamoDB allows 100 items per transaction: 99 updates and the mark. */
const CHUNK = 99;
/** Stream records live 24 hours; a mark outlives any redelivery of its record, then TTL removes it. */
const MARK_TTL_SECONDS = 7 * 86_400;
const CONFLICT_RETRIES = 4;

function addGrams<M extends string>(
  key: { PK: string; SK: string },
  set: Record<string, unknown>,
  grams: Grams<M>,
): TxItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(set).map(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  const adds = Object.entries(grams).map(([measure, g], i) => {
    names[`#a${i}`] = `${measure}Grams`;
    values[`:a${i}`] = g;
    return `#a${i} :a${i}`;
  });
  return update({
    Key: key,
    UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
}

export const counterWrite = (d: CounterDelta): TxItem =>
  addGrams(keys.statsCounter(d), { itemType: 'stats-counter', group: d.group, month: d.month }, d.grams);

export const flowWrite = (d: FlowDelta): TxItem =>
  addGrams(
    keys.partyFlow(d.partyId, d.month, d.wasteCode),
    { itemType: 'party-flow', partyId: d.partyId, month: d.month, wasteCode: d.wasteCode },
    d.grams,
  );

const alreadyApplied = new AppError('INVALID_STATE', 'This stream record was counted before');

async function transactRetryingConflicts(items: TxItem[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transact(items);
    } catch (err) {
      // Another shard's consumer updating the same counters: try again shortly (the mark keeps it exactly once).
      if ((err as AppError).code !== 'VERSION_CONFLICT' || attempt >= CONFLICT_RETRIES) throw err;
      await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
}

/** Applies the writes of one stream record once; returns how many of its chunks were new. */
export async function applyOnce(recordId: string, writes: TxItem[], now: Date): Promise<number> {
  let applied = 0;
  const expiresAt = Math.floor(now.getTime() / 1000) + MARK_TTL_SECONDS;
  for (let chunk = 0; chunk * CHUNK < writes.length; chunk++) {
    const mark = putNew(
      { ...keys.streamMark(STATS_CONSUMER, `${recordId}#${chunk}`), itemType: 'stream-mark', expiresAt },
      () => alreadyApplied,
    );
    try {
      await transactRetryingConflicts([mark, ...writes.slice(chunk * CHUNK, (chunk + 1) * CHUNK)]);
      applied += 1;
    } catch (err) {
      if (err !== alreadyApplied) throw err;
    }
  }
  return applied;
}

function gramsOf<M extends string>(item: Item, measures: readonly M[]): Record<M, number> {
  return Object.fromEntries(measures.map((m) => [m, (item[`${m}Grams`] as number | undefined) ?? 0])) as Record<
    M,
    number
  >;
}

/** Every counter of one partition (one year, division level, dimension and waste filter). */
export async function statsCounters(
  year: number,
  division: string,
  dimension: string,
  category: string,
): Promise<Counter[]> {
  const items = await queryAll({ partition: keys.statsPartition(year, division, dimension, category) });
  return items.map((i) => ({
    group: i.group as string,
    month: i.month as string,
    grams: gramsOf<StatMeasure>(i, STAT_MEASURES),
  }));
}

/** A party's flows of every month from `firstMonth` (default: the first) up to and including `lastMonth`. */
export async function partyFlows(partyId: string, lastMonth: string, firstMonth = '0'): Promise<Flow[]> {
  const items = await queryAll({ partition: keys.flowPartition(partyId), sortBetween: [firstMonth, `${lastMonth}#~`] });
  return items.map((i) => ({
    month: i.month as string,
    wasteCode: i.wasteCode as string,
    grams: gramsOf<Movement>(i, MOVEMENTS),
  }));
}
