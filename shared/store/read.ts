// Reads: GetItem, BatchGet and paged Query, every failure mapped to the API's codes.
import { BatchGetCommand, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';
import { db } from '#shared/store/client.ts';
import { toAppError } from '#shared/store/store-errors.ts';
import type { IndexName } from '#shared/store/table-definition.ts';

export type Item = Record<string, unknown>;

async function send<T>(command: GetCommand | BatchGetCommand | QueryCommand): Promise<T> {
  try {
    return (await db().send(command as GetCommand)) as T;
  } catch (err) {
    throw toAppError(err);
  }
}

/** The item among `items` with `key`'s keys. */
export const itemAt = (items: readonly Item[], key: { PK: string; SK: string }) =>
  items.find((i) => i.PK === key.PK && i.SK === key.SK);

export async function getItem(key: { PK: string; SK: string }, consistent = true): Promise<Item | undefined> {
  const out = await send<{ Item?: Item }>(
    new GetCommand({ TableName: config.tableName, Key: key, ConsistentRead: consistent }),
  );
  return out.Item;
}

/** The items found among `keyList`, in no particular order; `consistent` reads them strongly consistent. */
export async function batchGet(keyList: { PK: string; SK: string }[], consistent = false): Promise<Item[]> {
  const found: Item[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean }> | undefined = {
      [config.tableName]: { Keys: keyList.slice(i, i + 100), ...(consistent ? { ConsistentRead: true } : {}) },
    };
    while (request && Object.keys(request).length > 0) {
      const out: { Responses?: Record<string, Item[]>; UnprocessedKeys?: typeof request } = await send(
        new BatchGetCommand({ RequestItems: request }),
      );
      found.push(...(out.Responses?.[config.tableName] ?? []));
      request = out.UnprocessedKeys;
    }
  }
  return found;
}

export interface QuerySpec {
  index?: IndexName;
  partition: string;
  /** Sort key condition: begins_with a prefix, or between two bounds (inclusive). */
  sortPrefix?: string;
  sortBetween?: [string, string] | undefined;
  newestFirst?: boolean;
  filter?: Filter | undefined;
}

/** A filter expression with the attribute names and values it uses. */
export interface Filter {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** The clause `attribute = value`. */
export const attributeIs = (attribute: string, value: unknown): Filter => ({
  expression: `#${attribute} = :${attribute}`,
  names: { [`#${attribute}`]: attribute },
  values: { [`:${attribute}`]: value },
});

/** The clauses that apply (falsy ones are left out) joined by AND; undefined when none apply. */
export function filterOf(...clauses: (Filter | false | '' | 0 | null | undefined)[]): Filter | undefined {
  const applied = clauses.filter((c): c is Filter => Boolean(c));
  if (applied.length === 0) return undefined;
  return {
    expression: applied.map((c) => c.expression).join(' AND '),
    names: Object.assign({}, ...applied.map((c) => c.names)),
    values: Object.assign({}, ...applied.map((c) => c.values)),
  };
}

export interface Page {
  items: Item[];
  lastKey?: Record<string, unknown> | undefined;
}

/** One page of at most `limit` matching items; keeps reading while a filter leaves the page short. */
export async function queryPage(spec: QuerySpec, limit: number, startKey?: Record<string, unknown>): Promise<Page> {
  const pk = spec.index ? `${spec.index}PK` : 'PK';
  const sk = spec.index ? `${spec.index}SK` : 'SK';
  const names: Record<string, string> = { '#pk': pk, ...(spec.filter?.names ?? {}) };
  const values: Record<string, unknown> = { ':pk': spec.partition, ...(spec.filter?.values ?? {}) };
  let condition = '#pk = :pk';
  if (spec.sortPrefix) {
    names['#sk'] = sk;
    values[':skp'] = spec.sortPrefix;
    condition += ' AND begins_with(#sk, :skp)';
  } else if (spec.sortBetween) {
    names['#sk'] = sk;
    values[':skFrom'] = spec.sortBetween[0];
    values[':skTo'] = spec.sortBetween[1];
    condition += ' AND #sk BETWEEN :skFrom AND :skTo';
  }
  const items: Item[] = [];
  let exclusiveStartKey = startKey;
  do {
    const input: QueryCommandInput = {
      TableName: config.tableName,
      IndexName: spec.index,
      KeyConditionExpression: condition,
      FilterExpression: spec.filter?.expression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: !spec.newestFirst,
      ExclusiveStartKey: exclusiveStartKey,
      Limit: limit - items.length,
    };
    const out = await send<{ Items?: Item[]; LastEvaluatedKey?: Record<string, unknown> }>(new QueryCommand(input));
    items.push(...(out.Items ?? []));
    exclusiveStartKey = out.LastEvaluatedKey;
  } while (exclusiveStartKey && items.length < limit);
  return { items, lastKey: exclusiveStartKey };
}

/** Every matching item (for bounded sets: a party's licences, a manifest's events). */
export async function queryAll(spec: QuerySpec): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryPage(spec, 1000, startKey);
    items.push(...page.items);
    startKey = page.lastKey;
  } while (startKey);
  return items;
}
