// Serial numbers: atomic counters outside any transaction (batch codes per party and day; manifest and filing numbers).
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';
import { localDate } from '#shared/domain/calendar.ts';
import { batchCode, type LedgerKind } from '#shared/domain/ledger-rules.ts';
import { db } from '#shared/store/client.ts';
import { keys } from '#shared/store/keys.ts';
import { toAppError } from '#shared/store/store-errors.ts';
import { must } from '#shared/must.ts';

/** The next value of an atomic counter, taken outside any transaction: a failed write may leave a gap, never a repeat. */
export async function nextSerial(key: { PK: string; SK: string }): Promise<number> {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: key,
        UpdateExpression: 'SET itemType = :type ADD serial :one',
        ExpressionAttributeValues: { ':type': 'counter', ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return must(out.Attributes?.serial as number | undefined, 'an ADD returns the new serial');
  } catch (err) {
    throw toAppError(err);
  }
}

/** A batch code from the party's counter for the local day of `at`. */
export async function allocateBatchCode(partyId: string, kind: LedgerKind, at: string): Promise<string> {
  const day = localDate(new Date(at), config.timeZone);
  return batchCode(kind, day, await nextSerial(keys.batchCounter(partyId, day)));
}
