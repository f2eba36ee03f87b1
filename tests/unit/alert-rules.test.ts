// The pure rules behind capacity-reached, over-plan, collector-holding-exceeded and licence-expired-in-flight: where
// each starts, and when it falls due.
import { describe, expect, it } from 'vitest';
import {
  capacityDeadlines,
  holdsCollectionLicence,
  manifestDeadlines,
  overPlanDeadlines,
  receivedLineDeadlines,
  type AlertSettings,
} from '#shared/domain/alert-rules.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { workingCalendar } from '#shared/reference/holidays.ts';
import { config } from '#shared/config.ts';

const s: AlertSettings = {
  timeZone: 'Asia/Shanghai',
  calendar: workingCalendar(),
  transitOverdueHours: 72,
  medicalStorageHours: 48,
  identificationOverdueDays: 90,
  track: config.track,
};
const now = new Date('2026-06-01T02:00:00Z');

describe('capacity-reached', () => {
  const counter = { partyId: 'r', year: 2026, licenceId: 'lic', entryCode: 'HW49', committedGrams: 1_000_000 };
  it('holds only past 100% of the annual capacity, due at the change', () => {
    expect(capacityDeadlines(counter, 1_000_000, '141102', now)).toEqual([]);
    expect(capacityDeadlines({ ...counter, committedGrams: 1_000_001 }, 1_000_000, '141102', now)).toEqual([
      {
        type: 'capacity-reached',
        subjectId: 'lic/HW49/2026',
        partyId: 'r',
        divisionCode: '141102',
        dueAt: now.toISOString(),
      },
    ]);
  });
  it('does not hold when the licence entry is gone', () => {
    expect(capacityDeadlines({ ...counter, committedGrams: 2_000_000 }, undefined, '141102', now)).toEqual([]);
  });
});

describe('over-plan', () => {
  const plan = {
    partyId: 'g',
    year: 2026,
    items: [
      { wasteCode: '900-041-49', expectedGrams: 500_000 },
      { wasteCode: '900-039-49', expectedGrams: 1 },
    ],
  };
  const flow = (month: string, wasteCode: string, dispatched: number) => ({
    month,
    wasteCode,
    grams: { dispatched, generated: 9_999_999 },
  });
  it("sums the plan year's months per code and holds only beyond the expected kilograms", () => {
    const flows = [
      flow('2026-01', '900-041-49', 300_000),
      flow('2026-05', '900-041-49', 200_000),
      flow('2025-12', '900-041-49', 900_000),
    ];
    expect(overPlanDeadlines(plan, flows, '140105', now)).toEqual([]);
    expect(overPlanDeadlines(plan, [...flows, flow('2026-06', '900-041-49', 1)], '140105', now)).toEqual([
      {
        type: 'over-plan',
        subjectId: 'g/2026/900-041-49',
        partyId: 'g',
        divisionCode: '140105',
        dueAt: now.toISOString(),
      },
    ]);
  });
  it('counts a code the current plan no longer lists as expecting nothing; without a plan there is nothing to pass', () => {
    expect(overPlanDeadlines(plan, [flow('2026-02', '261-151-50', 1)], '140105', now).map((d) => d.subjectId)).toEqual([
      'g/2026/261-151-50',
    ]);
    expect(overPlanDeadlines(undefined, [flow('2026-02', '900-041-49', 1e9)], '140105', now)).toEqual([]);
  });
});

describe('collector-holding-exceeded', () => {
  const line = {
    manifestId: 'm',
    lineNo: 2,
    holderId: 'c',
    availableAcceptedGrams: 1,
    receivedAt: '2026-09-30T02:00:00Z',
  };
  it('falls due at the end of the 90th working day after receipt, holidays and make-up days counted', () => {
    const [d] = receivedLineDeadlines(line, true, '141121', s);
    // 2026-09-30 + 90 working days (National Day week off, Saturday 10-10 worked) ends on Tuesday 2027-02-09.
    expect(d).toEqual({
      type: 'collector-holding-exceeded',
      subjectId: 'm/2',
      manifestId: 'm',
      partyId: 'c',
      divisionCode: '141121',
      dueAt: '2027-02-09T16:00:00.000Z',
    });
  });
  it('needs a collection licence holder still holding accepted kilograms', () => {
    expect(receivedLineDeadlines(line, false, '141121', s)).toEqual([]);
    expect(receivedLineDeadlines({ ...line, availableAcceptedGrams: 0 }, true, '141121', s)).toEqual([]);
    expect(
      holdsCollectionLicence([
        { type: 'hazardous-waste', status: 'verified' },
        { type: 'hazardous-waste-collection', status: 'pending' },
      ]),
    ).toBe(false);
    expect(holdsCollectionLicence([{ type: 'hazardous-waste-collection', status: 'verified' }])).toBe(true);
  });
});

describe('licence-expired-in-flight', () => {
  const capacity = (licenceId: string) => ({ licenceId, entryCode: 'HW49', year: 2026, lineNos: [1], grams: 1 });
  const manifest = (status: string, licenceIds = ['a', 'b']) =>
    ({
      id: 'm',
      status,
      receiverId: 'r',
      receiverDivision: '141102',
      generatorId: 'g',
      generatorDivision: '140105',
      legs: [],
      transporterIds: ['t'],
      deliveredAt: now.toISOString(),
      taken: { capacity: licenceIds.map(capacity) },
    }) as unknown as Manifest;
  const licences = [
    { id: 'a', validTo: '2026-12-31' },
    { id: 'b', validTo: '2026-07-15' },
    { id: 'other', validTo: '2026-06-02' },
  ];
  const lapse = (m: Manifest) =>
    manifestDeadlines(m, licences, s).filter((d) => d.type === 'licence-expired-in-flight');

  it('falls due when the first licence the load left under ends (the start of the next local day), naming the manifest', () => {
    expect(lapse(manifest('dispatched'))).toEqual([
      {
        type: 'licence-expired-in-flight',
        subjectId: 'm',
        manifestId: 'm',
        partyId: 'r',
        divisionCode: '141102',
        dueAt: '2026-07-15T16:00:00.000Z',
      },
    ]);
  });
  it('holds only while the load is on its way, and not for a return to origin (no receiver licence taken)', () => {
    expect(lapse(manifest('delivered'))).toHaveLength(1);
    for (const status of ['draft', 'received', 'rejected', 'cancelled', 'completed'])
      expect(lapse(manifest(status))).toEqual([]);
    expect(lapse(manifest('in_transit', []))).toEqual([]);
  });
});
