import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, uncoveredYears, workingDayDeadline } from '#shared/domain/working-days.ts';
import { localDate, startOfLocalDay } from '#shared/domain/calendar.ts';
import { workingCalendar } from '#shared/reference/holidays.ts';

const cal = workingCalendar();
const TZ = 'Asia/Shanghai';

describe('working days (China, with holidays and make-up days)', () => {
  it('skips the 2026 National Day holiday and counts the make-up Saturday 2026-10-10', () => {
    expect(isWorkingDay('2026-10-01', cal)).toBe(false);
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // a Saturday, worked
    expect(addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, cal)).toBe('2026-10-10');
  });

  it('falls back to Monday–Friday for a year without data, and says which years were not covered', () => {
    expect(isWorkingDay('2031-01-01', cal)).toBe(true); // a Wednesday, no holiday data for 2031
    expect(uncoveredYears('2026-12-30', '2031-01-02', cal)).toEqual([2027, 2028, 2029, 2030, 2031]);
  });

  it('a receipt deadline of 5 working days after a Friday delivery passes at the start of the next Saturday, local time', () => {
    // Delivered Friday 2026-11-20 15:00 CST → 5th working day is Friday 2026-11-27 → passes 2026-11-28 00:00 CST.
    const deadline = workingDayDeadline(new Date('2026-11-20T07:00:00Z'), 5, TZ, cal);
    expect(deadline.toISOString()).toBe('2026-11-27T16:00:00.000Z');
  });

  it('the nth working day after a date is a working day, later than it, and exactly n working days lie between', () => {
    const date = fc
      .date({ min: new Date('2024-01-01'), max: new Date('2026-11-30'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 20 }), (start, n) => {
        const end = addWorkingDays(start, n, cal);
        let count = 0;
        for (let d = start; d < end; ) {
          d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          if (isWorkingDay(d, cal)) count++;
        }
        return end > start && isWorkingDay(end, cal) && count === n;
      }),
    );
  });

  it('local midnight in China Standard Time is 16:00 UTC the day before', () => {
    expect(startOfLocalDay('2027-01-01', TZ).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(localDate(new Date('2026-12-31T16:00:00Z'), TZ)).toBe('2027-01-01');
  });
});
