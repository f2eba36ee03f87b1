// Route track items: points (one per leg and instant, written once) and each leg's head (count and running summary).
// Points are written under a lease on the head (track-ingest-store.ts); a leg's closing checks the head has not moved,
// so its digest and its stored points can never disagree.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';
import type { AppError } from '#shared/errors.ts';
import type { LegSummary, TrackPoint } from '#shared/domain/track-rules.ts';
import { db } from '#shared/store/client.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { batchGet, getItem, itemAt, type Page } from '#shared/store/read.ts';
import type { PartyEntity } from '#shared/store/party-store.ts';
import { toAppError } from '#shared/store/store-errors.ts';
import { putNew, update, type TxItem } from '#shared/store/transact.ts';

export interface LegHead extends LegSummary {
  manifestId: string;
  leg: number;
  version: number;
}

/** A lease on a leg's points, kept on its head while one call writes them (track-ingest-store.ts). */
export interface Lease {
  writer: string;
  /** Epoch milliseconds. */
  writingUntil: number;
}

export type LeasedHead = LegHead & Partial<Lease>;

export const leaseLive = (head: Partial<Lease> | undefined, nowMs: number) =>
  head?.writer !== undefined && (head.writingUntil ?? 0) > nowMs;

export interface StoredPoint extends TrackPoint {
  leg: number;
}

/** A leg's head and the parties asked for, in one round trip (strongly consistent). */
export async function getLegHeadAndParties(
  manifestId: string,
  leg: number,
  partyIds: readonly string[],
): Promise<{ head: LeasedHead | undefined; parties: Map<string, PartyEntity> }> {
  const headKey = keys.trackHead(manifestId, leg);
  const unique = [...new Set(partyIds)];
  const items = await batchGet([headKey, ...unique.map((id) => keys.party(id))], true);
  const head = itemAt(items, headKey);
  const parties = unique.flatMap((id) => {
    const item = itemAt(items, keys.party(id));
    return item ? [[id, entityOf<PartyEntity>(item)] as const] : [];
  });
  return { head: head && entityOf<LeasedHead>(head), parties: new Map(parties) };
}

export async function getLegHead(manifestId: string, leg: number): Promise<LegHead | undefined> {
  const item = await getItem(keys.trackHead(manifestId, leg));
  return item && entityOf<LegHead>(item);
}

export function pointFromItem(item: Record<string, unknown>): StoredPoint {
  const { manifestId: _m, ...point } = entityOf<StoredPoint & { manifestId: string }>(item);
  return point;
}

/** The write that closes a leg's head as the leg ends, if it has not moved since it was read at `version` (none yet:
 *  undefined); a closed head takes no lease, so no point is added after the leg's digest (track-ingest-store.ts). */
export function closeLegHead(
  manifestId: string,
  leg: number,
  version: number | undefined,
  onMoved: () => AppError,
): TxItem {
  const key = keys.trackHead(manifestId, leg);
  if (version === undefined)
    return putNew({ ...key, itemType: 'track-head', manifestId, leg, points: 0, version: 1, closed: true }, onMoved);
  return update(
    {
      Key: key,
      UpdateExpression: 'SET #closed = :closed, #v = :next',
      ConditionExpression: '#v = :v',
      ExpressionAttributeNames: { '#v': 'version', '#closed': 'closed' },
      ExpressionAttributeValues: { ':v': version, ':next': version + 1, ':closed': true },
    },
    onMoved,
  );
}

/** A page of a leg's points, oldest first (strongly consistent: a closing digest reads what is committed). */
export async function legPointPage(
  manifestId: string,
  leg: number,
  limit: number,
  start?: Record<string, unknown>,
  hidePhone = false,
): Promise<Page> {
  const items: Record<string, unknown>[] = [];
  let startKey = start;
  do {
    try {
      const out = await db().send(
        new QueryCommand({
          TableName: config.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :at)',
          ...(hidePhone ? { FilterExpression: '#src <> :phone', ExpressionAttributeNames: { '#src': 'source' } } : {}),
          ExpressionAttributeValues: {
            ':pk': keys.trackPartition(manifestId, leg),
            ':at': keys.trackPointPrefix,
            ...(hidePhone ? { ':phone': 'phone' } : {}),
          },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
          Limit: limit - items.length,
        }),
      );
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
