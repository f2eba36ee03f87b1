// One TransactWriteItems call; a cancelled transaction is mapped to the error of the first item whose condition failed.
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AppError } from '#shared/errors.ts';
import { config } from '#shared/config.ts';
import { db } from '#shared/store/client.ts';
import { toAppError, versionConflict } from '#shared/store/store-errors.ts';

type DocTransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface TxItem {
  item: DocTransactItem;
  /** The refusal when this item's condition fails; a lost version race by default. */
  onConditionFailed?: (() => AppError) | undefined;
}

export async function transact(items: TxItem[]): Promise<void> {
  if (items.length === 0) return;
  if (items.length > 100) throw new Error(`transaction of ${items.length} items exceeds DynamoDB's limit of 100`);
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items.map((i) => i.item) }));
  } catch (err) {
    const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if ((err as Error).name === 'TransactionCanceledException' && reasons) {
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0) throw (items[failed]?.onConditionFailed ?? versionConflict)();
      if (reasons.some((r) => r.Code === 'TransactionConflict')) throw versionConflict();
      if (reasons.some((r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded')) {
        throw toAppError({ name: 'ThrottlingException' });
      }
    }
    throw toAppError(err);
  }
}

const table = () => config.tableName;

/** Put a new item; fails with `onExists` when the key is taken. */
export function putNew(item: Record<string, unknown>, onExists?: () => AppError): TxItem {
  return {
    item: { Put: { TableName: table(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
    onConditionFailed: onExists,
  };
}

/** Replace an item written at `expectedVersion`; the new item must carry version expectedVersion + 1. */
export function putVersioned(
  item: Record<string, unknown>,
  expectedVersion: number,
  onConflict?: () => AppError,
): TxItem {
  return {
    item: {
      Put: {
        TableName: table(),
        Item: item,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    },
    onConditionFailed: onConflict,
  };
}

export function update(
  params: Omit<NonNullable<DocTransactItem['Update']>, 'TableName'>,
  onConditionFailed?: () => AppError,
): TxItem {
  return { item: { Update: { TableName: table(), ...params } }, onConditionFailed };
}

export function remove(
  params: Omit<NonNullable<DocTransactItem['Delete']>, 'TableName'>,
  onConditionFailed?: () => AppError,
): TxItem {
  return { item: { Delete: { TableName: table(), ...params } }, onConditionFailed };
}

export function conditionCheck(
  params: Omit<NonNullable<DocTransactItem['ConditionCheck']>, 'TableName'>,
  onConditionFailed?: () => AppError,
): TxItem {
  return { item: { ConditionCheck: { TableName: table(), ...params } }, onConditionFailed };
}
