// Alert deadlines (domain.md, "Alerts"): written in the transaction of the write that starts (or ends) a cause, so no
// failure of an asynchronous consumer can lose an alert; read by the alerts job from every shard of the due index.
//
// One item per cause (type, subject). `since` is when this occurrence of the cause began: a write that finds the cause
// already present keeps it (`if_not_exists`), one that starts it afresh sets it; the alert's id is derived from it, so a
// cause that goes away and returns opens a new alert, and one still present after its alert was closed opens nothing.
// `writeId` changes at every write, so the job's clean-up never undoes a write that landed after its read.
import { randomUUID } from 'node:crypto';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';
import { sameCause, type Deadline } from '#shared/domain/alert-rules.ts';
import { db } from '#shared/store/client.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { getItem, queryAll } from '#shared/store/read.ts';
import { toAppError } from '#shared/store/store-errors.ts';
import { remove, update, type TxItem } from '#shared/store/transact.ts';

export type Cause = Pick<Deadline, 'type' | 'subjectId'>;
/** A deadline as stored: when its occurrence began, and the write that last set it. */
export type StoredDeadline = Deadline & { since?: string; writeId?: string };

/** Upsert of one deadline (in the write's transaction): `fresh` starts a new occurrence of the cause. */
function putDeadlineWrite(d: Deadline, fresh: boolean, now: Date): TxItem {
  const { type, subjectId, partyId, divisionCode, manifestId, dueAt } = d;
  const index = keys.alertDeadlineIndex(dueAt, type, subjectId);
  return update({
    Key: keys.alertDeadline(type, subjectId),
    UpdateExpression: `SET itemType = :it, #type = :type, subjectId = :subject, partyId = :party, divisionCode = :division, dueAt = :due, GSI3PK = :pk, GSI3SK = :sk, #writeId = :writeId, #since = ${fresh ? ':now' : 'if_not_exists(#since, :now)'}${manifestId ? ', manifestId = :manifest' : ''}`,
    ExpressionAttributeNames: { '#type': 'type', '#writeId': 'writeId', '#since': 'since' },
    ExpressionAttributeValues: {
      ':it': 'alert-deadline',
      ':type': type,
      ':subject': subjectId,
      ':party': partyId,
      ':division': divisionCode,
      ':due': dueAt,
      ':pk': index.GSI3PK,
      ':sk': index.GSI3SK,
      ':writeId': randomUUID(),
      ':now': now.toISOString(),
      ...(manifestId ? { ':manifest': manifestId } : {}),
    },
  });
}

const deleteDeadlineWrite = (c: Cause): TxItem => remove({ Key: keys.alertDeadline(c.type, c.subjectId) });

const unchanged = (a: Deadline, b: Deadline) =>
  sameCause(a, b) && a.dueAt === b.dueAt && a.partyId === b.partyId && a.divisionCode === b.divisionCode;

/**
 * THE helper every write path uses: the deadline writes that take an item from `before` (what it implied as it stood;
 * [] for a new item) to `after` (what it implies as written). Put the result in the write's own transaction.
 * - a cause in `after` and not in `before` starts a new occurrence (fresh `since`);
 * - one in both with a new due time (or party, division) is moved, its occurrence kept;
 * - one in both, unchanged, is not written (`alwaysPut` writes it anyway: for counters read before the write, where a
 *   racing write may have moved the count, so that the job checks it);
 * - one in `before` only is deleted (its alert, if open, is closed by the job, which reads the cause as it stands).
 * A stale deadline is harmless (the job checks the cause before opening anything); a missing one loses an alert.
 */
export function deadlineWrites(
  before: readonly Deadline[],
  after: readonly Deadline[],
  now: Date,
  options: { alwaysPut?: boolean } = {},
): TxItem[] {
  const writes: TxItem[] = [];
  const seen: Deadline[] = [];
  for (const a of after) {
    if (seen.some((s) => sameCause(s, a))) continue; // a transaction touches an item once
    seen.push(a);
    const was = before.find((b) => sameCause(a, b));
    if (was && unchanged(was, a) && !options.alwaysPut) continue;
    writes.push(putDeadlineWrite(a, !was, now));
  }
  for (const b of before) {
    if (!after.some((a) => sameCause(a, b)) && !seen.some((s) => sameCause(s, b))) {
      seen.push(b);
      writes.push(deleteDeadlineWrite(b));
    }
  }
  return writes;
}

/** Every deadline due by `now`, from every shard of the due index. */
export async function dueDeadlines(now: Date): Promise<StoredDeadline[]> {
  const shards = await Promise.all(
    keys
      .alertDuePartitions()
      .map((partition) => queryAll({ index: 'GSI3', partition, sortBetween: ['0', `${now.toISOString()}~`] })),
  );
  return shards.flat().map((i) => entityOf<StoredDeadline>(i));
}

async function send(command: UpdateCommand | DeleteCommand): Promise<boolean> {
  try {
    await db().send(command as UpdateCommand);
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw toAppError(err);
  }
}

const untouched = (d: StoredDeadline) =>
  d.writeId
    ? {
        ConditionExpression: 'writeId = :seen',
        ExpressionAttributeValues: { ':seen': d.writeId } as Record<string, unknown>,
      }
    : {
        ConditionExpression: 'dueAt = :seen',
        ExpressionAttributeValues: { ':seen': d.dueAt } as Record<string, unknown>,
      };

/** The job handled a due deadline whose cause holds: it leaves the due index, and the item stays (keeping `since`)
 *  while the cause lasts. Not if a write set it again meanwhile (the job reads it next time). */
export const handledDeadline = (d: StoredDeadline) =>
  send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: keys.alertDeadline(d.type, d.subjectId),
      UpdateExpression: 'REMOVE GSI3PK, GSI3SK',
      ...untouched(d),
    }),
  );

/** The job found the cause not yet due (its due time moved later): index it at the time the cause names now. */
export function movedDeadline(d: StoredDeadline, dueAt: string) {
  const index = keys.alertDeadlineIndex(dueAt, d.type, d.subjectId);
  const cond = untouched(d);
  return send(
    new UpdateCommand({
      TableName: config.tableName,
      Key: keys.alertDeadline(d.type, d.subjectId),
      UpdateExpression: 'SET dueAt = :newDue, GSI3PK = :pk, GSI3SK = :sk',
      ConditionExpression: cond.ConditionExpression,
      ExpressionAttributeValues: {
        ...cond.ExpressionAttributeValues,
        ':newDue': dueAt,
        ':pk': index.GSI3PK,
        ':sk': index.GSI3SK,
      },
    }),
  );
}

/** The cause is gone: its deadline goes (not if a write set it again meanwhile). */
export const goneDeadline = (d: StoredDeadline) =>
  send(
    new DeleteCommand({ TableName: config.tableName, Key: keys.alertDeadline(d.type, d.subjectId), ...untouched(d) }),
  );

/** The job closed an alert whose cause is gone: the occurrence's deadline goes, so a return starts a new one. */
export const endOccurrence = (c: Cause, since: string | undefined) =>
  send(
    new DeleteCommand({
      TableName: config.tableName,
      Key: keys.alertDeadline(c.type, c.subjectId),
      ...(since ? { ConditionExpression: 'since = :since', ExpressionAttributeValues: { ':since': since } } : {}),
    }),
  );

/** A cause's deadline as stored (its occurrence's `since` names the alert), if any. */
export async function getDeadline(c: Cause): Promise<StoredDeadline | undefined> {
  const item = await getItem(keys.alertDeadline(c.type, c.subjectId));
  return item && entityOf<StoredDeadline>(item);
}
