// The pure rules of incidents (rule 28) and the medical clock (rule 23): LOSS_EXCEEDED at the boundary, which
// divisions an incident alerts, the receipt's comparison with quantity − lost (1% explains, beyond does not), custody
// conserved with losses at every chain node, and when medical waste and a waiting dispatch fall due.
import { config } from '#shared/config.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ledgerDeadlines,
  manifestDeadlines,
  medicalLineDeadlines,
  medicalStorageHoursIn,
  type AlertSettings,
} from '#shared/domain/alert-rules.ts';
import { incidentNode, manifestNode } from '#shared/domain/chain.ts';
import { alertedDivisions, checkLosses, lostWhole, type Incident } from '#shared/domain/manifest/incidents.ts';
import type { IncidentRef, Manifest, ManifestLine } from '#shared/domain/manifest/manifest.ts';
import { applyReceipt, rejectAll } from '#shared/domain/manifest/receipt.ts';
import type { AppError } from '#shared/errors.ts';
import { workingCalendar } from '#shared/reference/holidays.ts';
import { first } from '../support/present.ts';

const line = (lineNo: number, grams: number): ManifestLine =>
  ({
    lineNo,
    wasteCode: '900-041-49',
    name: 'x',
    physicalForm: 'solid',
    hazards: ['T'],
    packaging: 'drum',
    containerCount: 2,
    grams,
  }) as ManifestLine;
const ref = (id: string, lines: [number, number][], status: IncidentRef['status'] = 'open'): IncidentRef => ({
  id,
  status,
  divisionCode: '140702',
  lines: lines.map(([lineNo, grams]) => ({ lineNo, grams })),
});
const codeOf = (f: () => unknown) => {
  try {
    f();
    return undefined;
  } catch (err) {
    return { code: (err as AppError).code, paths: (err as AppError).errors?.map((e) => e.path) };
  }
};

describe('lost kilograms', () => {
  const m = { lines: [line(1, 100_000), line(2, 5_000)], incidents: [ref('a', [[1, 60_000]])] };
  it('refuses with LOSS_EXCEEDED, naming the field, once earlier incidents and this one pass the quantity', () => {
    expect(
      codeOf(() =>
        checkLosses(m, [
          { lineNo: 1, grams: 40_000 },
          { lineNo: 2, grams: 5_000 },
        ]),
      ),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        checkLosses(m, [
          { lineNo: 2, grams: 1 },
          { lineNo: 1, grams: 40_001 },
        ]),
      ),
    ).toEqual({ code: 'LOSS_EXCEEDED', paths: ['lines.1.lostKg'] });
  });
  it('refuses a line the manifest lacks, or one named twice, as bad input', () => {
    expect(codeOf(() => checkLosses(m, [{ lineNo: 3, grams: 1 }]))).toEqual({
      code: 'VALIDATION_FAILED',
      paths: ['lines.0.lineNo'],
    });
    expect(
      codeOf(() =>
        checkLosses(m, [
          { lineNo: 2, grams: 1 },
          { lineNo: 2, grams: 1 },
        ]),
      ),
    ).toEqual({ code: 'VALIDATION_FAILED', paths: ['lines.1.lineNo'] });
  });
  it('calls a load lost whole only when every line lost all of its quantity', () => {
    expect(lostWhole(m)).toBe(false);
    expect(
      lostWhole({
        ...m,
        incidents: [
          ...m.incidents,
          ref(
            'b',
            [
              [1, 40_000],
              [2, 5_000],
            ],
            'closed',
          ),
        ],
      }),
    ).toBe(true);
  });
});

describe('who an incident alerts', () => {
  it('the place, and each end in another city, once', () => {
    expect(
      alertedDivisions({ divisionCode: '140702', generatorDivision: '140105', receiverDivision: '141102' }),
    ).toEqual(['140702', '140105', '141102']);
    expect(
      alertedDivisions({ divisionCode: '140105', generatorDivision: '140106', receiverDivision: '141102' }),
    ).toEqual(['140105', '141102']);
    expect(
      alertedDivisions({ divisionCode: '140702', generatorDivision: '141102', receiverDivision: '141102' }),
    ).toEqual(['140702', '141102']);
  });
});

describe('receipt after losses (rules 14, 28)', () => {
  const m = { lines: [line(1, 100_000), line(2, 50_000)], incidents: [ref('inc', [[1, 30_000]])] };
  const receive = (first: number, second = 50_000) =>
    applyReceipt(m, [
      { lineNo: 1, receivedGrams: first, containerCount: 1 },
      { lineNo: 2, receivedGrams: second, containerCount: 2 },
    ]).discrepancy;
  it('starts explained by the incident within 1% of quantity − lost (a lost drum’s container count too)', () => {
    expect(receive(71_000)).toMatchObject({
      status: 'explained',
      incidentIds: ['inc'],
      lines: [{ lineNo: 1, reasons: ['lost'] }],
    });
    expect(receive(69_000)?.status).toBe('explained');
  });
  it('is open beyond 1%, or when another line differs', () => {
    expect(receive(68_999)).toMatchObject({ status: 'open', lines: [{ lineNo: 1, reasons: ['lost', 'quantity'] }] });
    expect(receive(70_000, 40_000)).toMatchObject({
      status: 'open',
      lines: [
        { lineNo: 1, reasons: ['lost'] },
        { lineNo: 2, reasons: ['quantity'] },
      ],
    });
  });
  it('a whole rejection refuses what arrived, not what was lost', () => {
    expect(rejectAll(m).map((l) => l.receipt!.receivedGrams)).toEqual([70_000, 50_000]);
  });
});

describe('the chain with losses', () => {
  const manifest = (status: Manifest['status'], incidents: IncidentRef[], received?: number[]): Manifest =>
    ({
      id: 'm',
      number: '1',
      status,
      generatorId: 'g',
      receiverId: 'r',
      transporterIds: ['c'],
      generatorDivision: '140105',
      receiverDivision: '141102',
      legs: [],
      signatures: { pickups: [] },
      discrepancy: null,
      incidents,
      lines: [line(1, 100_000), line(2, 20_000)].map((l, i) =>
        received
          ? {
              ...l,
              receipt: { receivedGrams: received[i], rejectedGrams: 0, acceptedGrams: received[i], containerCount: 2 },
            }
          : l,
      ),
      createdBy: 'u',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      version: 1,
      lastEventSeq: 0,
      headHash: '',
    }) as Manifest;
  it('conserves in = out + disposed + onHand + lost on the manifest and its incidents, before and after receipt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (l1, l2, r1, r2) => {
          const incidents = [
            ref('i', [
              [1, l1],
              [2, l2],
            ]),
          ];
          for (const m of [manifest('in_transit', incidents), manifest('received', incidents, [r1, r2])]) {
            const node = manifestNode(
              m,
              m.lines.map((l) => ({
                lineNo: l.lineNo,
                acceptedGrams: l.receipt?.acceptedGrams ?? 0,
                rejectedGrams: 0,
                availableAcceptedGrams: l.receipt?.acceptedGrams ?? 0,
                availableRejectedGrams: 0,
              })),
              [],
            );
            expect(node.grams.in).toBe(node.grams.out + node.grams.disposed + node.grams.onHand + node.grams.lost);
            expect(node.grams.lost).toBe(l1 + l2);
            expect(node.downstream.map((d) => d.ref)).toContainEqual({ type: 'incident', id: 'i' });
            const inc = incidentNode(
              {
                id: 'i',
                manifestId: 'm',
                partyId: 'c',
                divisionCode: '140702',
                lines: first(incidents).lines,
                status: 'open',
                at: 'x',
                reportedAt: 'x',
              } as Incident,
              m,
            );
            expect(inc.grams).toEqual({ in: l1 + l2, out: 0, disposed: 0, onHand: 0, lost: l1 + l2 });
          }
        },
      ),
    );
  });
});

describe('the medical clock (rule 23) and dispatched-not-picked-up', () => {
  const s: AlertSettings = {
    timeZone: 'Asia/Shanghai',
    calendar: workingCalendar(),
    transitOverdueHours: 72,
    medicalStorageHours: 48,
    medicalStorageHoursByProvince: { 14: 72 },
    identificationOverdueDays: 90,
    track: config.track,
  };
  const batch = {
    id: 'b',
    partyId: 'clinic',
    kind: 'generated',
    wasteCode: '841-001-01',
    at: '2026-06-01T00:00:00.000Z',
    remainingGrams: 0,
    draws: { m1: 5_000 },
  };
  it('takes the province’s limit where one is configured', () => {
    expect(medicalStorageHoursIn(s, '141102')).toBe(72);
    expect(medicalStorageHoursIn(s, '650102')).toBe(48);
  });
  it('keeps a dispatched batch on the clock until its manifests are picked up', () => {
    expect(ledgerDeadlines(batch, '650102', s).map((d) => d.dueAt)).toEqual(['2026-06-03T00:00:00.000Z']);
    expect(ledgerDeadlines(batch, '650102', s, 5_000)).toHaveLength(1);
    expect(ledgerDeadlines(batch, '650102', s, 0)).toEqual([]);
    expect(ledgerDeadlines({ ...batch, wasteCode: '900-041-49' }, '650102', s)).toEqual([]);
  });
  it('runs at a receiver of HW01 from receipt while any of its kilograms wait', () => {
    const held = {
      manifestId: 'm',
      lineNo: 1,
      holderId: 'r',
      wasteCode: '841-002-01',
      receivedAt: '2026-06-01T00:00:00.000Z',
      availableAcceptedGrams: 0,
      availableRejectedGrams: 1,
    };
    expect(medicalLineDeadlines(held, '141102', s)).toEqual([
      {
        type: 'medical-storage-exceeded',
        subjectId: 'm/1',
        manifestId: 'm',
        partyId: 'r',
        divisionCode: '141102',
        dueAt: '2026-06-04T00:00:00.000Z',
      },
    ]);
    expect(medicalLineDeadlines({ ...held, availableRejectedGrams: 0 }, '141102', s)).toEqual([]);
    expect(
      medicalLineDeadlines({ ...held, availableRejectedGrams: 0, onwardManifestIds: ['o'] }, '141102', s, 0),
    ).toEqual([]);
  });
  it('falls due 24 hours after plannedPickupAt on a dispatched manifest only', () => {
    const m = {
      id: 'm',
      status: 'dispatched',
      plannedPickupAt: '2026-06-01T00:00:00.000Z',
      generatorId: 'g',
      generatorDivision: '140105',
      transporterIds: ['c'],
      legs: [],
      lines: [],
    } as unknown as Manifest;
    expect(manifestDeadlines(m, [], s).filter((d) => d.type === 'dispatched-not-picked-up')).toEqual([
      {
        type: 'dispatched-not-picked-up',
        subjectId: 'm',
        manifestId: 'm',
        partyId: 'g',
        divisionCode: '140105',
        dueAt: '2026-06-02T00:00:00.000Z',
      },
    ]);
    expect(
      manifestDeadlines({ ...m, status: 'in_transit' }, [], s).filter((d) => d.type === 'dispatched-not-picked-up'),
    ).toEqual([]);
  });
});
