// How instants and kilograms are printed: local time of the deployment's zone, exact kilograms.
import { localDate } from '#shared/domain/calendar.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** "2026-03-15 08:00" in the zone. */
export function localDateTime(instant: string, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** "2026-03-15" in the zone. */
export const localDay = (instant: string, timeZone: string): string => localDate(new Date(instant), timeZone);

/** Kilograms as given (at most 3 decimals), grouped by thousands: 12,500.25. */
export const formatKg = (kg: number | undefined): string =>
  kg === undefined ? '' : kg.toLocaleString('en-US', { maximumFractionDigits: 3 });
