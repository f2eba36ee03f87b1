// Everything the table's change stream drives, as the stream-consuming Lambdas (webhooks, alerts) do in AWS: one
// poller per consumer (each its own event source mapping there), each with its own retries and the same failure
// queue, and the alerts job that first lets both catch up with every committed write (api.md, "The local server").
import { onAlertsStream } from '#functions/alerts/index.ts';
import { onChanges } from '#functions/webhooks/handler-core.ts';
import { wantedByWebhooks } from '#functions/webhooks/stream-filter.ts';
import { EXPORT_STREAM_FILTER } from '#functions/oversight/stream-filter.ts';
import { onExportChanges } from '#shared/services/export-service.ts';
import { clock } from '#shared/clock.ts';
import { runAlertJob } from '#shared/services/alert-service.ts';
import type { LocalJobs } from './api.ts';
import type { FailureQueue } from './failure-queue.ts';
import { startStreamPoller, type StreamPoller } from './stream-poller.ts';

export interface StreamConsumers {
  pollers: StreamPoller[];
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export async function startStreamConsumers(failureQueue: FailureQueue, intervalMs = 250): Promise<StreamConsumers> {
  const pollers = await Promise.all([
    startStreamPoller((records) => onAlertsStream(records, clock()), intervalMs, { name: 'alerts', failureQueue }),
    startStreamPoller((records) => onChanges(records), intervalMs, {
      name: 'webhooks',
      filter: wantedByWebhooks,
      failureQueue,
    }),
    startStreamPoller((records) => onExportChanges(records, clock), intervalMs, {
      name: 'oversight-exports',
      filter: EXPORT_STREAM_FILTER.matches,
      failureQueue,
    }),
  ]);
  return {
    pollers,
    // Each drain also covers the follow-up writes its consumer makes (counters → party flows → deadlines).
    drain: async () => void (await Promise.all(pollers.map((p) => p.drain()))),
    stop: async () => void (await Promise.all(pollers.map((p) => p.stop()))),
  };
}

/** The local server's jobs: the alerts job runs once the consumers have caught up with every write before the call. */
export const localJobs = (consumers: Pick<StreamConsumers, 'drain'>): LocalJobs => ({
  async alerts() {
    await consumers.drain();
    return runAlertJob(clock());
  },
});
