// Incident reports fuzzed against a model (fast-check): random lines and kilograms — other lines, repeats, zero,
// negative, too many decimals, past the quantity — on one manifest in transit. Every answer is 201 or problem+json
// 4xx, never ≥ 500; a report is accepted exactly when the model says its losses fit under each line's quantity with
// every earlier accepted report, and then the manifest and the chain show the model's lost kilograms.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_INCIDENTS } from '#shared/domain/manifest/incidents.ts';
import { testApi, type TestApi } from '../support/api.ts';
import { problemMismatch } from '../support/route-matrix.ts';
import { cast, createBody, expectStatus, line, type Cast } from '../integration/manifest-fixtures.ts';
import { at } from '../support/present.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const QUANTITY_GRAMS = [100_000, 40_000];
let t: TestApi;
let c: Cast;

beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'fuzz-inc');
});

const lostKg = fc.oneof(
  fc.integer({ min: 1, max: 60_000 }).map((g) => g / 1000),
  fc.constantFrom(0, -1, 0.0001, 1e9, 100, 40, 100.001),
);
const report = fc.array(fc.record({ lineNo: fc.integer({ min: 0, max: 3 }), lostKg }), { maxLength: 3 });

describe('fuzzing incident reports', () => {
  it('accepts exactly the reports whose losses fit the lines, refuses the rest with problem+json, and never fails', async () => {
    const d = expectStatus(
      await t.call(c.generator.user, 'POST', '/v1/manifests', createBody(c, { lines: [line(100), line(40)] })),
      201,
      'create',
    );
    expectStatus(await t.call(c.generator.user, 'POST', `/v1/manifests/${d.id}/dispatch`), 200, 'dispatch');
    expectStatus(
      await t.call(c.carrier.user, 'POST', `/v1/manifests/${d.id}/pickup`, {
        transporterId: c.carrier.party.id,
        vehiclePlate: '晋A12345',
        driverName: '张师傅',
      }),
      200,
      'pickup',
    );
    const lost = [0, 0];
    const lostOn = (lineNo: number) => at(lost, lineNo - 1, `grams lost on line ${lineNo}`);
    let accepted = 0;

    await fc.assert(
      fc.asyncProperty(report, async (lines) => {
        const res = await t.call(c.carrier.user, 'POST', `/v1/manifests/${d.id}/incidents`, {
          partyId: c.carrier.party.id,
          type: 'loss',
          at: new Date().toISOString(),
          divisionCode: '140105',
          lines,
          description: 'fuzz',
          measures: 'fuzz',
        });
        expect(res.status).toBeLessThan(500);
        const grams = lines.map((l) => Math.round(l.lostKg * 1000));
        const wellFormed = lines.every(
          (l) =>
            l.lostKg > 0 &&
            l.lostKg <= 10_000_000 &&
            Number.isInteger(Math.round(l.lostKg * 1000)) &&
            Math.abs(l.lostKg * 1000 - Math.round(l.lostKg * 1000)) < 1e-6,
        );
        const onManifest =
          lines.every((l) => l.lineNo === 1 || l.lineNo === 2) &&
          new Set(lines.map((l) => l.lineNo)).size === lines.length;
        // Asked only of reports on the manifest's lines (1 and 2): the report's lines whose loss does not fit.
        const exceeding = () =>
          lines.flatMap((l, i) =>
            lostOn(l.lineNo) + at(grams, i) > at(QUANTITY_GRAMS, l.lineNo - 1, 'line quantity')
              ? [`lines.${i}.lostKg`]
              : [],
          );
        if (res.status !== 201) expect(problemMismatch(res)).toBeUndefined();
        if (!wellFormed || lines.some((l) => l.lineNo < 1)) expect(res.status).toBe(400);
        else if (accepted >= MAX_INCIDENTS) expect(res.status).toBe(409);
        else if (!onManifest) expect(res.status).toBe(400);
        else if (exceeding().length > 0) {
          // Every line that does not fit is named, not only the first.
          expect(res.body.code).toBe('LOSS_EXCEEDED');
          expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(exceeding());
        } else {
          expect(res.status).toBe(201);
          for (const [i, l] of lines.entries()) lost[l.lineNo - 1] = lostOn(l.lineNo) + at(grams, i);
          accepted += 1;
        }
      }),
      { numRuns: RUNS },
    );

    const m = expectStatus(await t.call(c.generator.user, 'GET', `/v1/manifests/${d.id}`), 200, 'manifest');
    const shown = [1, 2].map((n) =>
      (m.incidents ?? [])
        .flatMap((i: any) => i.lines)
        .filter((l: any) => l.lineNo === n)
        .reduce((s: number, l: any) => s + Math.round(l.lostKg * 1000), 0),
    );
    expect(shown).toEqual(lost);
    const chain = expectStatus(await t.call(c.generator.user, 'GET', `/v1/chains/${d.id}`), 200, 'chain');
    const node = chain.nodes.find((n: any) => n.id === d.id);
    expect(Math.round(node.kg.lost * 1000)).toBe(lostOn(1) + lostOn(2));
    expect(Math.round(node.kg.in * 1000)).toBe(
      Math.round((node.kg.out + node.kg.disposed + node.kg.onHand + node.kg.lost) * 1000),
    );
  }, 300_000);
});
