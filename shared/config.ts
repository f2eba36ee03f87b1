// Deployment settings, read from the environment when first needed (tests set them before the first call).
import type { TrackSettings } from '#shared/domain/track-rules.ts';

export const config = {
  get tableName() {
    return process.env.TABLE_NAME ?? 'wastechain';
  },
  get dynamoEndpoint() {
    return process.env.DYNAMODB_ENDPOINT;
  },
  get region() {
    return process.env.AWS_REGION ?? 'cn-north-1';
  },
  get timeZone() {
    return process.env.TIME_ZONE ?? 'Asia/Shanghai';
  },
  get version() {
    return process.env.APP_VERSION ?? '0.1.0';
  },
  /** Rule 23: hours medical waste may be kept (default 48) … */
  get medicalStorageHours() {
    return Number(process.env.MEDICAL_STORAGE_HOURS ?? 48);
  },
  /** … and per province where it differs: a JSON map of 2-digit province code → hours, e.g. {"14":72}. */
  get medicalStorageHoursByProvince(): Record<string, number> {
    const raw = process.env.MEDICAL_STORAGE_HOURS_BY_PROVINCE;
    if (!raw) return {};
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    for (const [province, hours] of Object.entries(parsed)) {
      if (!/^\d{2}$/.test(province) || typeof hours !== 'number' || !(hours > 0)) {
        throw new Error(
          `MEDICAL_STORAGE_HOURS_BY_PROVINCE: ${province} → ${String(hours)} is not a province code with positive hours`,
        );
      }
    }
    return parsed as Record<string, number>;
  },
  get bodyLimitBytes() {
    return Number(process.env.BODY_LIMIT_BYTES ?? 256 * 1024);
  },
  /** Route tracks (domain.md rules 26-27): per-deployment thresholds, each overridable from the environment. */
  get track(): TrackSettings {
    const n = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
    return {
      futureToleranceMinutes: n('TRACK_FUTURE_TOLERANCE_MINUTES', 5),
      stopRadiusM: n('TRACK_STOP_RADIUS_M', 500),
      longStopHours: n('TRACK_LONG_STOP_HOURS', 2),
      siteRadiusKm: n('TRACK_SITE_RADIUS_KM', 2),
      corridorKm: n('TRACK_CORRIDOR_KM', 30),
      silentHours: n('TRACK_SILENT_HOURS', 2),
      mapStopMinutes: n('TRACK_MAP_STOP_MINUTES', 15),
    };
  },
  /** Shifts the clock (shared/clock.ts) for a local server that must reach deadlines without waiting. */
  get clockOffsetMs() {
    return Number(process.env.CLOCK_OFFSET_MS ?? 0);
  },
  /** Set by the Lambda runtime; its absence means the local server or a test. */
  get lambdaFunctionName() {
    return process.env.AWS_LAMBDA_FUNCTION_NAME;
  },
  get serviceName() {
    return process.env.SERVICE_NAME ?? process.env.AWS_LAMBDA_FUNCTION_NAME;
  },
  get logLevel() {
    return process.env.LOG_LEVEL;
  },
  /** METRICS=emf writes metrics outside Lambda too (tests). */
  get metricsEmf() {
    return process.env.METRICS === 'emf';
  },
  get deployment() {
    return process.env.DEPLOYMENT ?? 'local';
  },
  get cursorSecret() {
    return process.env.CURSOR_SECRET;
  },
  get cursorSecretArn() {
    return process.env.CURSOR_SECRET_ARN;
  },
  get fontPath() {
    return process.env.FONT_PATH;
  },
  /** Only the local server sets it: webhooks may call http://localhost. */
  get webhookAllowLocalHttp() {
    return process.env.WEBHOOK_ALLOW_LOCAL_HTTP === '1';
  },
};
