// A party's copies of the alerts that name it or one of its manifests (api.md GET /v1/parties/{id}/alerts): one item
// per party and alert in the party's own partition, newest first, rewritten by the change stream as the alert changes.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';
import type { AlertEntity } from '#shared/store/alert-store.ts';
import { db } from '#shared/store/client.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { queryPage, type Page } from '#shared/store/read.ts';
import { toAppError } from '#shared/store/store-errors.ts';

/** Writes the party's copy unless a later version of the alert is there already (stream records may repeat). */
export async function putPartyAlert(partyId: string, alert: AlertEntity): Promise<void> {
  try {
    await db().send(
      new PutCommand({
        TableName: config.tableName,
        Item: {
          ...keys.partyAlert(partyId, alert.openedAt, alert.id),
          itemType: 'party-alert',
          forPartyId: partyId,
          ...alert,
        },
        ConditionExpression: 'attribute_not_exists(PK) OR #v <= :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': alert.version },
      }),
    );
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw toAppError(err);
  }
}

export function partyAlertPage(
  partyId: string,
  status: 'open' | 'closed' | undefined,
  limit: number,
  start?: Record<string, unknown>,
): Promise<Page> {
  return queryPage(
    {
      partition: keys.partyAlertsPartition(partyId),
      newestFirst: true,
      ...(status
        ? { filter: { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': status } } }
        : {}),
    },
    limit,
    start,
  );
}

export function partyAlertFromItem(item: Record<string, unknown>): AlertEntity {
  const { forPartyId: _p, ...alert } = entityOf<AlertEntity & { forPartyId: string }>(item);
  return alert;
}
