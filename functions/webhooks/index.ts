// Lambda on the table's DynamoDB stream (queues and sends deliveries) and on an EventBridge schedule (retries).
import { batchResponse, consumeBatch, logBatchFailure, type BatchResponse } from '#shared/stream/batch.ts';
import { toChangeRecords, type RawStreamRecord } from '#shared/stream/change-records.ts';
import { onChanges, onSchedule } from './handler-core.ts';
import { wantedByWebhooks } from './stream-filter.ts';

export async function handler(event: { Records?: RawStreamRecord[] }): Promise<BatchResponse | undefined> {
  if (!event.Records) {
    await onSchedule();
    return undefined;
  }
  const outcome = await consumeBatch(toChangeRecords(event.Records.filter(wantedByWebhooks)), (records) =>
    onChanges(records),
  );
  logBatchFailure('webhooks', outcome);
  return batchResponse(outcome);
}
