import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateWithin, localDate, localYear } from '#shared/domain/calendar.ts';

const CST = 'Asia/Shanghai';
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

describe('calendar in China Standard Time', () => {
  it('2026-12-31T17:00Z is already 1 January 2027 in China', () => {
    const at = new Date('2026-12-31T17:00:00Z');
    expect(localDate(at, CST)).toBe('2027-01-01');
    expect(localYear(at, CST)).toBe(2027);
    expect(localDate(at, 'UTC')).toBe('2026-12-31');
  });

  it('the Chinese day changes at 16:00 UTC', () => {
    expect(localDate(new Date('2026-03-14T15:59:59.999Z'), CST)).toBe('2026-03-14');
    expect(localDate(new Date('2026-03-14T16:00:00Z'), CST)).toBe('2026-03-15');
  });

  it('is the UTC date eight hours later, for any instant (China keeps no daylight saving)', () => {
    fc.assert(
      fc.property(instant, (at) => {
        expect(localDate(at, CST)).toBe(new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
      }),
    );
  });

  it('"valid on the day" includes both ends', () => {
    expect(dateWithin('2026-01-01', '2026-01-01', '2026-12-31')).toBe(true);
    expect(dateWithin('2026-12-31', '2026-01-01', '2026-12-31')).toBe(true);
    expect(dateWithin('2025-12-31', '2026-01-01', '2026-12-31')).toBe(false);
    expect(dateWithin('2027-01-01', '2026-01-01', '2026-12-31')).toBe(false);
  });
});
