// Idempotency records: a lock taken before the work, completed with the response in the work's own transaction.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { AppError } from '#shared/errors.ts';
import { config } from '#shared/config.ts';
import { db } from '#shared/store/client.ts';
import { keys } from '#shared/store/keys.ts';
import { toAppError } from '#shared/store/store-errors.ts';
import type { TxItem } from '#shared/store/transact.ts';

const DAY_SECONDS = 86_400;
/** A lock older than this belongs to a request that died; a retry may take it over. */
const STALE_LOCK_SECONDS = 60;

export interface StoredResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface IdempotencyRecord {
  key: { PK: string; SK: string };
  hash: string;
}

export type LockOutcome = { kind: 'locked' } | { kind: 'replay'; response: StoredResponse };

export async function lockIdempotencyKey(record: IdempotencyRecord, nowSeconds: number): Promise<LockOutcome> {
  try {
    await db().send(
      new PutCommand({
        TableName: config.tableName,
        Item: {
          ...record.key,
          itemType: 'idempotency',
          state: 'pending',
          hash: record.hash,
          lockedAt: nowSeconds,
          expiresAt: nowSeconds + DAY_SECONDS,
        },
        ConditionExpression:
          'attribute_not_exists(PK) OR expiresAt < :now OR (#state = :pending AND lockedAt < :stale)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':now': nowSeconds,
          ':pending': 'pending',
          ':stale': nowSeconds - STALE_LOCK_SECONDS,
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { kind: 'locked' };
  } catch (err) {
    // The conflicting item comes back in DynamoDB's wire format: the document client does not convert error payloads.
    const raw = (err as { Item?: Record<string, AttributeValue> }).Item;
    const old = raw && unmarshall(raw);
    if ((err as Error).name !== 'ConditionalCheckFailedException' || !old) throw toAppError(err);
    if (old.hash !== record.hash) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request body');
    }
    if (old.state === 'done') return { kind: 'replay', response: old.response as StoredResponse };
    throw new AppError('INVALID_STATE', 'A request with this Idempotency-Key is still running; retry later');
  }
}

/** The transaction item that marks the key done with its response; fails if the lock is no longer ours. */
export function idempotencyDone(record: IdempotencyRecord, response: StoredResponse, nowSeconds: number): TxItem {
  return {
    item: {
      Put: {
        TableName: config.tableName,
        Item: {
          ...record.key,
          itemType: 'idempotency',
          state: 'done',
          hash: record.hash,
          response,
          expiresAt: nowSeconds + DAY_SECONDS,
        },
        ConditionExpression: '#state = :pending AND #hash = :hash',
        ExpressionAttributeNames: { '#state': 'state', '#hash': 'hash' },
        ExpressionAttributeValues: { ':pending': 'pending', ':hash': record.hash },
      },
    },
    onConditionFailed: () =>
      new AppError('INVALID_STATE', 'A request with this Idempotency-Key is still running; retry later'),
  };
}

/** Frees the key after a refusal, so a corrected retry is evaluated afresh. */
export async function releaseIdempotencyKey(record: IdempotencyRecord): Promise<void> {
  try {
    await db().send(
      new DeleteCommand({
        TableName: config.tableName,
        Key: record.key,
        ConditionExpression: '#state = :pending AND #hash = :hash',
        ExpressionAttributeNames: { '#state': 'state', '#hash': 'hash' },
        ExpressionAttributeValues: { ':pending': 'pending', ':hash': record.hash },
      }),
    );
  } catch {
    // Best effort: an unreleased lock goes stale after a minute and is taken over by the next retry.
  }
}

export const idempotencyKeyOf = (sub: string, idempotencyKey: string) => keys.idempotency(sub, idempotencyKey);
