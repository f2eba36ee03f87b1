// Working days (工作日) for deadlines such as "within 5 working days of delivery" (ZY 18): Monday to Friday, less
// official holidays, plus make-up working days (调休). A year without data falls back to Monday–Friday.
import { addDays, localDate, startOfLocalDay } from '#shared/domain/calendar.ts';

export interface WorkingCalendar {
  /** date → true for a holiday (no work), false for a make-up working day. */
  overrides: Map<string, boolean>;
  yearsCovered: Set<number>;
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const override = calendar.overrides.get(date);
  if (override !== undefined) return !override;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date of the `n`th working day after `date` (the day itself does not count). */
export function addWorkingDays(date: string, n: number, calendar: WorkingCalendar): string {
  let current = date;
  for (let counted = 0; counted < n; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) counted += 1;
  }
  return current;
}

/** The instant a deadline of `n` working days after `from` passes: the end of the nth working day, local time. */
export function workingDayDeadline(from: Date, n: number, timeZone: string, calendar: WorkingCalendar): Date {
  const lastDay = addWorkingDays(localDate(from, timeZone), n, calendar);
  return startOfLocalDay(addDays(lastDay, 1), timeZone);
}

/** Years a deadline computation touched that the holiday data does not cover (for a warning in the logs). */
export function uncoveredYears(from: string, to: string, calendar: WorkingCalendar): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    if (!calendar.yearsCovered.has(y)) years.push(y);
  return years;
}
