import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { declarationLines, ON_HAND_SIGN } from '#shared/domain/declaration.ts';
import { factsOf, MOVEMENTS, STAT_MEASURES, type Fact, type Movement } from '#shared/domain/stats-facts.ts';
import {
  ALL_WASTE,
  flowDeltas,
  foldRows,
  statsDeltas,
  utilisationRate,
  zeroGrams,
  type CounterDelta,
} from '#shared/domain/stats.ts';
import { defined } from '#shared/defined.ts';

const TZ = 'Asia/Shanghai';
const codes = ['900-041-49', '841-001-01', '900-249-08'];
const counties = ['140105', '141102', '141121', '650102'];

const fact: fc.Arbitrary<Fact> = fc
  .record({
    movement: fc.constantFrom(...MOVEMENTS),
    grams: fc.integer({ min: -5_000_000, max: 5_000_000 }),
    wasteCode: fc.constantFrom(...codes),
    at: fc
      .date({ min: new Date('2025-12-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    partyId: fc.constantFrom('p1', 'p2', 'p3'),
    divisionCode: fc.constantFrom(...counties),
    generatorId: fc.constantFrom('p1', 'p2'),
    receiverId: fc.option(fc.constantFrom('p3', 'p4'), { nil: undefined }),
  })
  .map(defined);

const isStat = (m: Movement) => (STAT_MEASURES as readonly string[]).includes(m);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('statistics counters', () => {
  it('every division level, dimension and waste filter sums to the facts it covers', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), (facts) => {
        const deltas = statsDeltas(facts, TZ);
        const ids = deltas.map((d) => JSON.stringify([d.year, d.division, d.dimension, d.category, d.group, d.month]));
        expect(new Set(ids).size).toBe(ids.length); // one update per counter: a transaction touches an item once
        const total = (select: (d: CounterDelta) => boolean, measure: (typeof STAT_MEASURES)[number]) =>
          sum(deltas.filter(select).map((d) => d.grams[measure] ?? 0));
        for (const m of STAT_MEASURES) {
          const counted = facts.filter((f) => f.movement === m);
          for (const year of [2025, 2026]) {
            const inYear = counted.filter((f) => new Date(Date.parse(f.at) + 8 * 3600_000).getUTCFullYear() === year);
            for (const dimension of ['wasteCode', 'month', 'generator', 'county'] as const) {
              expect(
                total(
                  (d) =>
                    d.year === year && d.division === '00' && d.dimension === dimension && d.category === ALL_WASTE,
                  m,
                ),
              ).toBe(sum(inYear.map((f) => f.grams)));
            }
            expect(
              total(
                (d) => d.year === year && d.division === '14' && d.dimension === 'wasteCode' && d.category === 'HW01',
                m,
              ),
            ).toBe(
              sum(
                inYear
                  .filter((f) => f.divisionCode.startsWith('14') && f.wasteCode.endsWith('-01'))
                  .map((f) => f.grams),
              ),
            );
            expect(
              total(
                (d) => d.year === year && d.division === '00' && d.dimension === 'receiver' && d.category === ALL_WASTE,
                m,
              ),
            ).toBe(sum(inYear.filter((f) => f.receiverId).map((f) => f.grams)));
          }
        }
        expect(deltas.every((d) => Object.keys(d.grams).every((k) => isStat(k as Movement)))).toBe(true);
      }),
    );
  });

  it('folds counters into rows per group, or per group and month, and rates them', () => {
    const g = (generated: number, received = 0, utilised = 0, disposed = 0) => ({
      ...zeroGrams(),
      generated,
      received,
      utilised,
      disposed,
    });
    const counters = [
      { group: '141102', month: '2026-01', grams: g(1000, 4000, 1000, 1000) },
      { group: '141102', month: '2026-02', grams: g(500) },
      { group: '140105', month: '2026-02', grams: g(7) },
    ];
    expect(foldRows(counters, false).map((r) => [r.group, r.grams.generated])).toEqual([
      ['140105', 7],
      ['141102', 1500],
    ]);
    expect(foldRows(counters, true).map((r) => [r.group, r.month])).toEqual([
      ['140105', '2026-02'],
      ['141102', '2026-01'],
      ['141102', '2026-02'],
    ]);
    expect(utilisationRate(g(0, 4000, 1000, 1000))).toBe(0.5);
    expect(utilisationRate(g(10))).toBeNull();
    expect(utilisationRate(g(0, 3, 1, 0))).toBe(0.3333);
  });
});

describe('facts from item images', () => {
  const entry = {
    itemType: 'ledger-entry',
    partyId: 'p1',
    kind: 'generated',
    wasteCode: codes[0],
    quantityGrams: 5000,
    at: '2026-03-01T02:00:00.000Z',
    draws: {},
  };

  it('a ledger entry counts when recorded, not when drawn, and is taken back when voided', () => {
    expect(factsOf({ newImage: entry })).toMatchObject([
      { movement: 'generated', grams: 5000, partyId: 'p1', generatorId: 'p1' },
    ]);
    expect(factsOf({ oldImage: entry, newImage: { ...entry, draws: { m: 1000 } } })).toEqual([]);
    expect(factsOf({ oldImage: entry, newImage: { ...entry, voided: { reason: 'x' } } })).toMatchObject([
      { movement: 'generated', grams: -5000 },
    ]);
    expect(factsOf({ newImage: { ...entry, kind: 'self-disposed' } })).toMatchObject([
      { movement: 'selfDisposed', grams: 5000 },
    ]);
  });

  const manifest = {
    itemType: 'manifest',
    generatorId: 'g',
    receiverId: 'r',
    generatorDivision: '140105',
    receiverDivision: '141102',
    status: 'draft',
    dispatchedAt: '2026-03-02T00:00:00.000Z',
    receivedAt: '2026-03-03T00:00:00.000Z',
    taken: { stock: [{ wasteCode: codes[0], grams: 9000 }] },
    lines: [
      { lineNo: 1, wasteCode: codes[0], grams: 9000, receipt: { acceptedGrams: 7000 } },
      { lineNo: 2, wasteCode: codes[2], grams: 1000, receipt: { acceptedGrams: 1000, actualWasteCode: codes[1] } },
      { lineNo: 3, wasteCode: codes[2], grams: 1000, receipt: { acceptedGrams: 0 } },
    ],
  };
  const at = (status: string) => ({ ...manifest, status });

  it('a manifest counts what its dispatch took, takes it back when cancelled, and counts accepted grams of what arrived at receipt', () => {
    expect(factsOf({ oldImage: at('draft'), newImage: at('dispatched') })).toMatchObject([
      { movement: 'dispatched', grams: 9000, divisionCode: '140105', partyId: 'g' },
    ]);
    expect(factsOf({ oldImage: at('dispatched'), newImage: at('cancelled') })).toMatchObject([
      { movement: 'dispatched', grams: -9000 },
    ]);
    expect(factsOf({ oldImage: at('dispatched'), newImage: at('in_transit') })).toEqual([]);
    expect(factsOf({ oldImage: at('delivered'), newImage: at('received') })).toMatchObject([
      {
        movement: 'received',
        grams: 7000,
        wasteCode: codes[0],
        partyId: 'r',
        divisionCode: '141102',
        generatorId: 'g',
        receiverId: 'r',
      },
      { movement: 'received', grams: 1000, wasteCode: codes[1] },
    ]);
    expect(factsOf({ oldImage: at('received'), newImage: at('completed') })).toEqual([]);
    expect(factsOf({ newImage: at('draft') })).toEqual([]);
  });

  it('a disposal report counts utilisation and disposal at the receiver, once', () => {
    const report = {
      itemType: 'disposal',
      receiverId: 'r',
      manifestParties: { generatorId: 'g', receiverDivision: '141102' },
      lines: [
        { kind: 'utilisation', grams: 10, wasteCode: codes[0], completedAt: '2026-03-04T00:00:00.000Z' },
        { kind: 'disposal', grams: 20, wasteCode: codes[0], completedAt: '2026-03-04T00:00:00.000Z' },
      ],
    };
    expect(factsOf({ newImage: report }).map((f) => [f.movement, f.grams, f.divisionCode])).toEqual([
      ['utilised', 10, '141102'],
      ['disposed', 20, '141102'],
    ]);
    expect(factsOf({ oldImage: report, newImage: report })).toEqual([]);
  });
});

describe('declaration figures', () => {
  it('closing = opening + the period’s movements, and each month opens with the last one’s closing', () => {
    const partyFact = fact.map((f) => ({ ...f, partyId: 'p1' }));
    fc.assert(
      fc.property(fc.array(partyFact, { maxLength: 40 }), fc.integer({ min: 1, max: 12 }), (facts, m) => {
        const flows = flowDeltas(facts, TZ);
        const month = `2026-${String(m).padStart(2, '0')}`;
        const lines = declarationLines(flows, { firstMonth: month, lastMonth: month });
        const next =
          m < 12
            ? declarationLines(flows, {
                firstMonth: `2026-${String(m + 1).padStart(2, '0')}`,
                lastMonth: `2026-${String(m + 1).padStart(2, '0')}`,
              })
            : [];
        for (const l of lines) {
          expect(l.closingGrams).toBe(l.openingGrams + sum(MOVEMENTS.map((mv) => ON_HAND_SIGN[mv] * l.movements[mv])));
          const upTo = facts.filter(
            (f) =>
              f.wasteCode === l.wasteCode &&
              new Date(Date.parse(f.at) + 8 * 3600_000).toISOString().slice(0, 7) <= month,
          );
          expect(l.closingGrams).toBe(sum(upTo.map((f) => ON_HAND_SIGN[f.movement] * f.grams)));
          if (m < 12) expect(next.find((n) => n.wasteCode === l.wasteCode)?.openingGrams ?? 0).toBe(l.closingGrams);
        }
      }),
    );
  });
});
