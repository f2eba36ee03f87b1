// Calendar notions (a day, a year, "valid on the day") in the deployment's time zone (China Standard Time by default).
import { must } from '#shared/must.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date (YYYY-MM-DD) of an instant in the given time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return formatter(timeZone).format(instant);
}

export function localYear(instant: Date, timeZone: string): number {
  return Number(localDate(instant, timeZone).slice(0, 4));
}

/** Inclusive date range check on YYYY-MM-DD strings (they sort as dates). */
export function dateWithin(date: string, from: string, to: string): boolean {
  return from <= date && date <= to;
}

/** Minutes the zone is ahead of UTC at an instant (e.g. 480 for China Standard Time). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) =>
    Number(
      must(
        parts.find((p) => p.type === type),
        `Intl formats the ${type}`,
      ).value,
    );
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** Year, month (1–12) and day of a YYYY-MM-DD date; fewer parts is a bug (dates are checked where they come in). */
export function dateParts(date: string): [year: number, month: number, day: number] {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined)
    throw new Error(`Invariant broken: ${date} is a YYYY-MM-DD date`);
  return [y, m, d];
}

/** The instant a local calendar day (YYYY-MM-DD) begins in the zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = dateParts(date);
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess - offsetMinutes(new Date(first), timeZone) * 60_000);
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = dateParts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
