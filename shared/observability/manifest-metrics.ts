// Manifests created, dispatched, received and completed, counted from the manifest events the change stream carries:
// every path that changes a manifest (a route, an action, the completion consumer) appends one, so none is missed.
// At least once: a batch the stream retries is counted again, which a dashboard tolerates.
import type { ChangeRecord } from '#shared/stream/change-records.ts';
import { countMetrics, type BusinessMetric } from '#shared/observability/metrics.ts';

const METRIC_OF_EVENT: Record<string, BusinessMetric> = {
  created: 'ManifestsCreated',
  dispatched: 'ManifestsDispatched',
  received: 'ManifestsReceived',
  completed: 'ManifestsCompleted',
};

export function manifestCounts(records: ChangeRecord[]): Partial<Record<BusinessMetric, number>> {
  const counts: Partial<Record<BusinessMetric, number>> = {};
  for (const r of records) {
    if (r.eventName !== 'INSERT' || r.newImage?.itemType !== 'event') continue;
    const metric = METRIC_OF_EVENT[String(r.newImage.type)];
    if (metric) counts[metric] = (counts[metric] ?? 0) + 1;
  }
  return counts;
}

export const countManifestEvents = (records: ChangeRecord[]): void => countMetrics(manifestCounts(records));
