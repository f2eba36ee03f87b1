// The alert thresholds of this deployment (environment) and the working calendar: read by write paths and the job.
import { config } from '#shared/config.ts';
import type { AlertSettings } from '#shared/domain/alert-rules.ts';
import { workingCalendar } from '#shared/reference/holidays.ts';

export const alertSettings = (): AlertSettings => ({
  timeZone: config.timeZone,
  calendar: workingCalendar(),
  transitOverdueHours: Number(process.env.TRANSIT_OVERDUE_HOURS ?? 72),
  medicalStorageHours: config.medicalStorageHours,
  medicalStorageHoursByProvince: config.medicalStorageHoursByProvince,
  track: config.track,
  identificationOverdueDays: Number(process.env.IDENTIFICATION_OVERDUE_DAYS ?? 90),
});
