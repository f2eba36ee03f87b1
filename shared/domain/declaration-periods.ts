// Declaration periods, tiers and due dates (HJ 1259-2022 §7.2; domain.md rule 9). Pure; dates are local (CST).
import { addDays, dateParts, startOfLocalDay } from '#shared/domain/calendar.ts';
import { must } from '#shared/must.ts';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  /** As in the path: 2026-10, 2026-Q4 or 2026. */
  id: string;
  kind: PeriodKind;
  year: number;
  /** The first and last local month (YYYY-MM) and day (YYYY-MM-DD) it covers. */
  firstMonth: string;
  lastMonth: string;
  from: string;
  to: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const monthId = (year: number, month: number) => `${year}-${pad2(month)}`;
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function span(id: string, kind: PeriodKind, year: number, first: number, last: number): Period {
  return {
    id,
    kind,
    year,
    firstMonth: monthId(year, first),
    lastMonth: monthId(year, last),
    from: `${monthId(year, first)}-01`,
    to: `${monthId(year, last)}-${pad2(lastDayOf(year, last))}`,
  };
}

export const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** The period a path names, or undefined when it names none. */
export function parsePeriod(id: string): Period | undefined {
  const m = PERIOD_PATTERN.exec(id);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return span(id, 'month', year, Number(m[2]), Number(m[2]));
  if (m[3]) return span(id, 'quarter', year, Number(m[3]) * 3 - 2, Number(m[3]) * 3);
  return span(id, 'year', year, 1, 12);
}

export const TIERS = ['key-supervised', 'simplified', 'registered'] as const;
export type Tier = (typeof TIERS)[number];

/** 100 t and 10 t a year, in grams. */
export const KEY_SUPERVISED_GRAMS = 100_000_000;
export const SIMPLIFIED_GRAMS = 10_000_000;

/** Key supervised: on the key unit list, or planning ≥ 100 t; simplified: ≥ 10 t; registered: below (or no plan). */
export function tierOf(keyUnit: boolean, plannedGrams: number): Tier {
  if (keyUnit || plannedGrams >= KEY_SUPERVISED_GRAMS) return 'key-supervised';
  return plannedGrams >= SIMPLIFIED_GRAMS ? 'simplified' : 'registered';
}

/** The periodic kind a tier files besides the annual declaration every tier files. */
const PERIODIC: Record<Tier, PeriodKind | undefined> = {
  'key-supervised': 'month',
  simplified: 'quarter',
  registered: undefined,
};

export const filesPeriod = (tier: Tier, kind: PeriodKind): boolean => kind === 'year' || PERIODIC[tier] === kind;

/** Monthly: the 15th of the next month; quarterly: the 15th of the first month of the next quarter; annual: 31 March next year. */
export function dueDate(p: Period): string {
  if (p.kind === 'year') return `${p.year + 1}-03-31`;
  const [y, m] = dateParts(p.to); // the last day of its last month
  return m === 12 ? `${y + 1}-01-15` : `${monthId(y, m + 1)}-15`;
}

/** Overdue from the start of the day after the due date. */
export const overdueFrom = (p: Period, timeZone: string): Date => startOfLocalDay(addDays(dueDate(p), 1), timeZone);

/** A period can be submitted once it is over (its last day has ended). */
export const periodOver = (p: Period, now: Date, timeZone: string): boolean =>
  now >= startOfLocalDay(addDays(p.to, 1), timeZone);

/** Every period a tier declares for a year: its months or quarters, then the year. */
export function periodsOfYear(tier: Tier, year: number): Period[] {
  const periodic = PERIODIC[tier];
  const ids =
    periodic === 'month'
      ? Array.from({ length: 12 }, (_, i) => monthId(year, i + 1))
      : periodic === 'quarter'
        ? [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
        : [];
  return [...ids, String(year)].map((id) => must(parsePeriod(id), `${id} names a period`));
}
