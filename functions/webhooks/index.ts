// Lambda on the table's DynamoDB stream (queues and sends deliveries) and on an EventBridge schedule (retries).
import { toChangeRecords, type RawStreamRecord } from '#shared/stream/change-records.ts';
import { onChanges, onSchedule } from './handler-core.ts';

export async function handler(event: { Records?: RawStreamRecord[] }): Promise<void> {
  if (event.Records) await onChanges(toChangeRecords(event.Records));
  else await onSchedule();
}
