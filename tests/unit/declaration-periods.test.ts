import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueDate,
  filesPeriod,
  KEY_SUPERVISED_GRAMS,
  overdueFrom,
  parsePeriod,
  periodOver,
  periodsOfYear,
  SIMPLIFIED_GRAMS,
  tierOf,
} from '#shared/domain/declaration-periods.ts';

const TZ = 'Asia/Shanghai';
const year = fc.integer({ min: 2000, max: 2099 });
const month = fc.integer({ min: 1, max: 12 });
const mm = (m: number) => String(m).padStart(2, '0');

describe('declaration periods', () => {
  it('reads months, quarters and years, and nothing else', () => {
    expect(parsePeriod('2026-10')).toMatchObject({ kind: 'month', year: 2026, from: '2026-10-01', to: '2026-10-31' });
    expect(parsePeriod('2028-02')).toMatchObject({ to: '2028-02-29' });
    expect(parsePeriod('2026-Q4')).toMatchObject({
      kind: 'quarter',
      firstMonth: '2026-10',
      lastMonth: '2026-12',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', firstMonth: '2026-01', lastMonth: '2026-12' });
    for (const bad of ['2026-13', '2026-Q5', '2026-Q0', '26', '2026-1', '2026-00', '2026-10-01', ''])
      expect(parsePeriod(bad)).toBeUndefined();
  });

  it('a quarter covers exactly its three months', () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 4 }), (y, q) => {
        const p = parsePeriod(`${y}-Q${q}`)!;
        expect(parsePeriod(`${y}-${mm(q * 3 - 2)}`)!.from).toBe(p.from);
        expect(parsePeriod(`${y}-${mm(q * 3)}`)!.to).toBe(p.to);
      }),
    );
  });

  it('tiers: key unit or ≥ 100 t key supervised, ≥ 10 t simplified, below registered', () => {
    expect(tierOf(false, KEY_SUPERVISED_GRAMS)).toBe('key-supervised');
    expect(tierOf(false, KEY_SUPERVISED_GRAMS - 1)).toBe('simplified');
    expect(tierOf(false, SIMPLIFIED_GRAMS)).toBe('simplified');
    expect(tierOf(false, SIMPLIFIED_GRAMS - 1)).toBe('registered');
    expect(tierOf(false, 0)).toBe('registered');
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 12 }), (grams) => {
        expect(tierOf(true, grams)).toBe('key-supervised');
      }),
    );
  });

  it('key supervised files monthly, simplified quarterly, registered only annually; every tier annually', () => {
    expect(periodsOfYear('key-supervised', 2026).map((p) => p.id)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `2026-${mm(i + 1)}`),
      '2026',
    ]);
    expect(periodsOfYear('simplified', 2026).map((p) => p.id)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2026',
    ]);
    expect(periodsOfYear('registered', 2026).map((p) => p.id)).toEqual(['2026']);
    for (const tier of ['key-supervised', 'simplified', 'registered'] as const) {
      for (const kind of ['month', 'quarter', 'year'] as const) {
        expect(filesPeriod(tier, kind)).toBe(periodsOfYear(tier, 2026).some((p) => p.kind === kind));
      }
    }
  });

  it('due dates: the 15th of the next month, of the first month of the next quarter, 31 March next year', () => {
    expect(dueDate(parsePeriod('2026-10')!)).toBe('2026-11-15');
    expect(dueDate(parsePeriod('2026-12')!)).toBe('2027-01-15');
    expect(dueDate(parsePeriod('2026-Q1')!)).toBe('2026-04-15');
    expect(dueDate(parsePeriod('2026-Q4')!)).toBe('2027-01-15');
    expect(dueDate(parsePeriod('2026')!)).toBe('2027-03-31');
    fc.assert(
      fc.property(year, month, (y, m) => {
        const due = dueDate(parsePeriod(`${y}-${mm(m)}`)!);
        expect(due > parsePeriod(`${y}-${mm(m)}`)!.to).toBe(true);
        expect(due.slice(8)).toBe('15');
        // A quarter is due when its last month is.
        const q = Math.ceil(m / 3);
        expect(dueDate(parsePeriod(`${y}-Q${q}`)!)).toBe(dueDate(parsePeriod(`${y}-${mm(q * 3)}`)!));
      }),
    );
  });

  it('overdue from the start of the day after the due date, in China Standard Time; submittable once the period is over', () => {
    const oct = parsePeriod('2026-10')!;
    expect(overdueFrom(oct, TZ).toISOString()).toBe('2026-11-15T16:00:00.000Z');
    expect(periodOver(oct, new Date('2026-10-31T15:59:59.999Z'), TZ)).toBe(false);
    expect(periodOver(oct, new Date('2026-10-31T16:00:00.000Z'), TZ)).toBe(true);
  });
});
