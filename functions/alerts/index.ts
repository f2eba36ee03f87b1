// Lambda on the table's stream (keeps alert deadlines in step) and on an EventBridge schedule (the alerts job).
import { clock } from '#shared/clock.ts';
import { onAlertChanges, runAlertJob } from '#shared/services/alert-service.ts';
import { toChangeRecords, type RawStreamRecord } from '#shared/stream/change-records.ts';

export async function handler(event: { Records?: RawStreamRecord[] }): Promise<{ opened: number; closed: number } | void> {
  if (event.Records) return onAlertChanges(toChangeRecords(event.Records));
  const result = await runAlertJob(clock());
  console.log(JSON.stringify({ job: 'alerts', ...result }));
  return result;
}
