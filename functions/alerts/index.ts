// Lambda on the table's stream (counts statistics, completes manifests whose custody passed) and on an EventBridge
// schedule (the alerts job). Alert deadlines are not the stream's: each write commits its own (deadline-writes.ts).
import { clock } from '#shared/clock.ts';
import { runAlertJob } from '#shared/services/alert-service.ts';
import { onCustodyChanges } from '#shared/services/completion-consumer.ts';
import { onStatsChanges } from '#shared/services/stats-service.ts';
import { toChangeRecords, type ChangeRecord, type RawStreamRecord } from '#shared/stream/change-records.ts';

/** What this function does with the stream (the local server runs the same beside the webhooks consumer). */
export const onAlertsStream = (records: ChangeRecord[], now: Date) =>
  Promise.all([onStatsChanges(records, now), onCustodyChanges(records, now)]);

export async function handler(event: { Records?: RawStreamRecord[] }): Promise<{ opened: number; closed: number } | void> {
  if (event.Records) {
    await onAlertsStream(toChangeRecords(event.Records), clock());
    return;
  }
  const result = await runAlertJob(clock());
  console.log(JSON.stringify({ job: 'alerts', ...result }));
  return result;
}
