// Calendar notions (a day, a year, "valid on the day") in the deployment's time zone (China Standard Time by default).
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

export const isoInstant = (d: Date): string => d.toISOString();
