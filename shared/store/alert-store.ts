// The alerts deadlines open (the deadlines themselves: deadline-store.ts).
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';
import type { AlertType } from '#shared/domain/alert-rules.ts';
import type { AppError } from '#shared/errors.ts';
import { db } from '#shared/store/client.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { getItem, queryPage, type Page, type QuerySpec } from '#shared/store/read.ts';
import { toAppError } from '#shared/store/store-errors.ts';
import { putNew, putVersioned, type TxItem } from '#shared/store/transact.ts';

export interface AlertEntity {
  id: string;
  type: AlertType;
  status: 'open' | 'closed';
  subjectId: string;
  partyId: string;
  divisionCode: string;
  manifestId?: string;
  /** When the occurrence of the cause began (the alert's id derives from it). */
  since?: string;
  dueAt: string;
  openedAt: string;
  closedAt?: string;
  closedBy?: string;
  closeNote?: string;
  version: number;
}

async function send(command: PutCommand): Promise<boolean> {
  try {
    await db().send(command as PutCommand);
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw toAppError(err);
  }
}

const alertItem = (a: AlertEntity) => ({ ...keys.alert(a.id), ...keys.alertIndexes(a), itemType: 'alert', ...a });

/** Opens a new alert: false when one exists for the cause (open or closed). */
export const openAlert = (a: AlertEntity) =>
  send(
    new PutCommand({
      TableName: config.tableName,
      Item: alertItem(a),
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );

/** Opens a new alert inside a transaction (alerts due at once, such as incident-reported); fails if it exists. */
export const openAlertWrite = (a: AlertEntity): TxItem => putNew(alertItem(a));

export function saveAlertWrite(a: AlertEntity, expectedVersion: number, onConflict: () => AppError): TxItem {
  return putVersioned(alertItem(a), expectedVersion, onConflict);
}

export async function getAlert(id: string): Promise<AlertEntity | undefined> {
  const item = await getItem(keys.alert(id));
  return item && entityOf<AlertEntity>(item);
}

export interface AlertFilter {
  divisionPrefix: string;
  type?: string | undefined;
  status?: 'open' | 'closed' | undefined;
}

export function alertPage(f: AlertFilter, limit: number, start?: Record<string, unknown>): Promise<Page> {
  const spec: QuerySpec = f.status
    ? { index: 'GSI2', partition: keys.alertsByStatusPartition(f.status) }
    : { index: 'GSI1', partition: keys.alertsPartition };
  if (f.divisionPrefix) spec.sortPrefix = f.divisionPrefix;
  if (f.type) spec.filter = { expression: '#type = :type', names: { '#type': 'type' }, values: { ':type': f.type } };
  return queryPage(spec, limit, start);
}

export const alertFromItem = (item: Record<string, unknown>) => entityOf<AlertEntity>(item);
