import { describe, expect, it } from 'vitest';
import {
  capacitySubject,
  parseCapacitySubject,
  parseOverPlanSubject,
  overPlanSubject,
  parseReceivedLineSubject,
  receivedLineSubject,
} from '#shared/domain/alert-rules.ts';
import { subjectParts } from '#shared/domain/alert-subject.ts';
import { addDays, dateParts } from '#shared/domain/calendar.ts';
import { legOf } from '#shared/domain/manifest/manifest.ts';
import { legSubject, parseLegSubject } from '#shared/domain/track-alert-rules.ts';
import { isLocalOrPrivateHost } from '#shared/domain/webhook-rules.ts';
import { must } from '#shared/must.ts';

// What the code guarantees itself: read back as written, and a broken guarantee is a plain Error (a 500), not a 4xx.
describe('invariants', () => {
  it('must gives the value, and names the broken invariant when it is absent', () => {
    expect(must(0, 'zero is a value')).toBe(0);
    expect(() => must(undefined, 'the line was checked above')).toThrow('Invariant broken: the line was checked above');
    expect(() => must(null, 'a discrepancy')).toThrow(/a discrepancy/);
  });

  it('an alert subject reads back as the rules wrote it', () => {
    expect(parseCapacitySubject(capacitySubject({ licenceId: 'lic-1', entryCode: 'HW08', year: 2026 }))).toEqual({
      licenceId: 'lic-1',
      entryCode: 'HW08',
      year: 2026,
    });
    expect(parseOverPlanSubject(overPlanSubject('p-1', 2026, '900-041-49'))).toEqual({ partyId: 'p-1', year: 2026 });
    expect(parseReceivedLineSubject(receivedLineSubject({ manifestId: 'm-1', lineNo: 3 }))).toEqual({
      manifestId: 'm-1',
      lineNo: 3,
    });
    expect(parseLegSubject(legSubject('m-1', 2))).toEqual({ manifestId: 'm-1', leg: 2 });
  });

  it('a subject with fewer parts than its rule writes is a bug, not an alert about nothing', () => {
    expect(subjectParts('m-1', 1)).toEqual(['m-1']);
    expect(() => subjectParts('m-1', 2)).toThrow(/fewer than 2 parts/);
    expect(() => parseCapacitySubject('lic-1/HW08')).toThrow(Error);
  });

  it('a date splits into year, month and day; a value that is not one is a bug', () => {
    expect(dateParts('2026-02-28')).toEqual([2026, 2, 28]);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(() => dateParts('2026-02')).toThrow(/YYYY-MM-DD/);
  });

  it('a leg is numbered from 1; a leg the manifest lacks is a bug', () => {
    const legs = [{ transporterId: 'c-1', vehiclePlate: '晋A', driverName: '张', pickedUpAt: '2026-01-01T00:00:00Z' }];
    expect(legOf({ id: 'm-1', legs }, 1).transporterId).toBe('c-1');
    expect(() => legOf({ id: 'm-1', legs }, 2)).toThrow(/manifest m-1 has leg 2/);
  });

  it('private, loopback and mapped IPv4 addresses are local; public ones are not', () => {
    for (const host of [
      '10.1.2.3',
      '127.0.0.1',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '[::ffff:10.0.0.1]',
      '[::1]',
      'fd00::1',
      'localhost',
      'db.internal',
    ]) {
      expect(isLocalOrPrivateHost(host), host).toBe(true);
    }
    for (const host of ['8.8.8.8', '172.32.0.1', '[::ffff:8.8.8.8]', '2001:db8::1', 'example.com'])
      expect(isLocalOrPrivateHost(host), host).toBe(false);
  });
});
