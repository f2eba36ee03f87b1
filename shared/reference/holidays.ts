// The official holiday and make-up working day data (holiday-cn), read once into a working calendar.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkingCalendar } from '#shared/domain/working-days.ts';
import { once, readJson, referenceDataDir } from '#shared/reference/load.ts';

interface HolidayFile {
  year: number;
  days: { date: string; isOffDay: boolean }[];
}

export const workingCalendar = once((): WorkingCalendar => {
  const overrides = new Map<string, boolean>();
  const yearsCovered = new Set<number>();
  for (const file of readdirSync(join(referenceDataDir(), 'holidays')).filter((f) => f.endsWith('.json'))) {
    const data = readJson<HolidayFile>(join('holidays', file));
    yearsCovered.add(data.year);
    for (const day of data.days) overrides.set(day.date, day.isOffDay);
  }
  return { overrides, yearsCovered };
});
