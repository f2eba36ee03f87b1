// Business metrics as CloudWatch Embedded Metric Format: one JSON line on stdout that CloudWatch Logs turns into
// metrics (no PutMetricData call, no extra permission). The stack's dashboard and alarms read the same names
// (infra/observability.ts), in the namespace below with the deployment as the one dimension.
import { writeRaw } from '#shared/observability/log.ts';
import { config } from '#shared/config.ts';

export const METRICS_NAMESPACE = 'WasteChain';
export const METRICS_DIMENSION = 'Deployment';

export const BUSINESS_METRICS = [
  'ManifestsCreated',
  'ManifestsDispatched',
  'ManifestsReceived',
  'ManifestsCompleted',
  'AlertsOpened',
  'WebhookDeliveriesSucceeded',
  'WebhookDeliveriesFailed',
  /** A hook for the tracking feature: count each refused track point when it exists. */
  'TrackPointsRefused',
] as const;
export type BusinessMetric = (typeof BUSINESS_METRICS)[number];

/** Emitted in Lambda, or anywhere with METRICS=emf (tests); the local server writes none. */
const enabled = () => Boolean(config.lambdaFunctionName || config.metricsEmf);

/** The EMF document for these counts (zero counts are left out; nothing at all gives undefined). */
export function emfDocument(
  counts: Partial<Record<BusinessMetric, number>>,
  now = Date.now(),
): Record<string, unknown> | undefined {
  const names = (Object.keys(counts) as BusinessMetric[]).filter((n) => (counts[n] ?? 0) > 0);
  if (!names.length) return undefined;
  return {
    _aws: {
      Timestamp: now,
      CloudWatchMetrics: [
        {
          Namespace: METRICS_NAMESPACE,
          Dimensions: [[METRICS_DIMENSION]],
          Metrics: names.map((Name) => ({ Name, Unit: 'Count' })),
        },
      ],
    },
    [METRICS_DIMENSION]: config.deployment,
    ...Object.fromEntries(names.map((n) => [n, counts[n]])),
  };
}

/** Counts business events; one line for all of them. */
export function countMetrics(counts: Partial<Record<BusinessMetric, number>>): void {
  if (!enabled()) return;
  const doc = emfDocument(counts);
  if (doc) writeRaw(JSON.stringify(doc));
}
