// Lambda on the table's stream (counts statistics, completes manifests whose custody passed, counts manifest events)
// and on an EventBridge schedule (the alerts job). Alert deadlines are not the stream's: each write commits its own
// (shared/services/deadline-writes.ts), so a failing consumer loses no alert.
import { clock } from '#shared/clock.ts';
import { runAlertJob } from '#shared/services/alert-service.ts';
import { onCustodyChanges } from '#shared/services/completion-consumer.ts';
import { onPartyAlertChanges } from '#shared/services/party-alert-service.ts';
import { onStatsChanges } from '#shared/services/stats-service.ts';
import { countManifestEvents } from '#shared/observability/manifest-metrics.ts';
import { logger } from '#shared/observability/log.ts';
import { countMetrics } from '#shared/observability/metrics.ts';
import { batchResponse, consumeBatch, logBatchFailure, type BatchResponse } from '#shared/stream/batch.ts';
import { toChangeRecords, type ChangeRecord, type RawStreamRecord } from '#shared/stream/change-records.ts';

/** What this function does with the stream (the local server runs the same beside the webhooks consumer). */
export const onAlertsStream = (records: ChangeRecord[], now: Date) =>
  Promise.all([
    onStatsChanges(records, now),
    onCustodyChanges(records, now),
    countManifestEvents(records),
    onPartyAlertChanges(records),
  ]);

export async function handler(event: {
  Records?: RawStreamRecord[];
}): Promise<{ opened: number; closed: number } | BatchResponse> {
  if (event.Records) {
    const outcome = await consumeBatch(toChangeRecords(event.Records), (records) => onAlertsStream(records, clock()));
    logBatchFailure('alerts', outcome);
    return batchResponse(outcome);
  }
  const result = await runAlertJob(clock());
  logger.info('alerts job', { job: 'alerts', ...result });
  countMetrics({ AlertsOpened: result.opened });
  return result;
}
