// Route track items: points (one per leg and instant, written once) and each leg's head (count and running summary).
// Points go in with attribute_not_exists, many per transaction, beside a check that the leg is still open and the
// head's versioned write, so a leg's closing digest and its stored points can never disagree.
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';
import type { AppError } from '#shared/errors.ts';
import type { LegSummary, TrackPoint } from '#shared/domain/track-rules.ts';
import { db } from '#shared/store/client.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { getItem, type Page } from '#shared/store/read.ts';
import { toAppError } from '#shared/store/store-errors.ts';
import { conditionCheck, putNew, putVersioned, type TxItem } from '#shared/store/transact.ts';

export interface LegHead extends LegSummary {
  manifestId: string;
  leg: number;
  version: number;
}

export interface StoredPoint extends TrackPoint {
  leg: number;
}

/** Points per transaction: 100 items less the leg check and the head. */
export const POINTS_PER_TRANSACTION = 98;

export async function getLegHead(manifestId: string, leg: number): Promise<LegHead | undefined> {
  const item = await getItem(keys.trackHead(manifestId, leg));
  return item && entityOf<LegHead>(item);
}

const pointItem = (manifestId: string, leg: number, p: TrackPoint) => ({ ...keys.trackPoint(manifestId, leg, p.at), itemType: 'track-point', manifestId, leg, ...p });

export function pointFromItem(item: Record<string, unknown>): StoredPoint {
  const { manifestId: _m, ...point } = entityOf<StoredPoint & { manifestId: string }>(item);
  return point;
}

/** The head as of this write; a new head is created once, a later one replaces the version read. */
export function legHeadWrite(head: LegHead): TxItem {
  const item = { ...keys.trackHead(head.manifestId, head.leg), itemType: 'track-head', ...head };
  return head.version === 1 ? putNew(item) : putVersioned(item, head.version - 1);
}

/** The head has not moved since it was read (a leg's closing digest covers exactly the points counted). */
export function legHeadUnchanged(manifestId: string, leg: number, version: number | undefined, onMoved: () => AppError): TxItem {
  return conditionCheck(
    version === undefined
      ? { Key: keys.trackHead(manifestId, leg), ConditionExpression: 'attribute_not_exists(PK)' }
      : { Key: keys.trackHead(manifestId, leg), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': version } },
    onMoved,
  );
}

export type TrackWriteOutcome = { kind: 'written' } | { kind: 'refused'; duplicates: string[]; headMoved: boolean; legClosed: boolean };

/** Writes points of an open leg with its new head, in one transaction. A refused write says why, per item. */
export async function writeLegPoints(manifestId: string, leg: number, head: LegHead, points: readonly TrackPoint[]): Promise<TrackWriteOutcome> {
  const items = [
    conditionCheck({
      Key: keys.manifest(manifestId),
      ConditionExpression: '#s = :transit AND size(legs) = :leg',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':transit': 'in_transit', ':leg': leg },
    }),
    legHeadWrite(head),
    ...points.map((p) => putNew(pointItem(manifestId, leg, p))),
  ];
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items.map((i) => i.item) }));
    return { kind: 'written' };
  } catch (err) {
    const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if ((err as Error).name !== 'TransactionCanceledException' || !reasons) throw toAppError(err);
    if (reasons.some((r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded')) throw toAppError({ name: 'ThrottlingException' });
    const failed = (i: number) => reasons[i]?.Code === 'ConditionalCheckFailed';
    return {
      kind: 'refused',
      legClosed: failed(0),
      headMoved: failed(1) || reasons.some((r) => r.Code === 'TransactionConflict'),
      duplicates: points.filter((_, i) => failed(i + 2)).map((p) => p.at),
    };
  }
}

/** A page of a leg's points, oldest first (strongly consistent: a closing digest reads what is committed). */
export async function legPointPage(manifestId: string, leg: number, limit: number, start?: Record<string, unknown>, hidePhone = false): Promise<Page> {
  const items: Record<string, unknown>[] = [];
  let startKey = start;
  do {
    try {
      const out = await db().send(new QueryCommand({
        TableName: config.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :at)',
        ...(hidePhone ? { FilterExpression: '#src <> :phone', ExpressionAttributeNames: { '#src': 'source' } } : {}),
        ExpressionAttributeValues: { ':pk': keys.trackPartition(manifestId, leg), ':at': keys.trackPointPrefix, ...(hidePhone ? { ':phone': 'phone' } : {}) },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
        Limit: limit - items.length,
      }));
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
    } catch (err) {
      throw toAppError(err);
    }
  } while (startKey && items.length < limit);
  return { items, lastKey: startKey };
}

/** Every point of a leg, in `at` order. */
export async function legPoints(manifestId: string, leg: number, hidePhone = false): Promise<StoredPoint[]> {
  const points: StoredPoint[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await legPointPage(manifestId, leg, 5000, start, hidePhone);
    points.push(...page.items.map(pointFromItem));
    start = page.lastKey;
  } while (start);
  return points;
}
