// Stock arithmetic against a model: random sequences of ledger entries, voids, dispatches (FIFO draws), receipts and
// disposals must leave GET …/stock equal to the sums the test computes, and be refused exactly when the model says so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { drawBatchWrites, planBatchDraws } from '#shared/store/batch-draw-store.ts';
import { moveStock } from '#shared/store/stock-store.ts';
import { transact } from '#shared/store/transact.ts';
import { enterprise, testApi, type TestApi } from '../support/api.ts';
import { activeParty } from '../support/fixtures.ts';
import { at as nth } from '../support/present.ts';

const CODE = '900-041-49';
const owner = enterprise('stock-owner');
const grams = fc.integer({ min: 1, max: 20_000 });

type Op =
  | { t: 'generate'; g: number }
  | { t: 'selfTreat'; g: number; kind: 'self-utilised' | 'self-disposed' }
  | { t: 'void'; i: number }
  | { t: 'dispatch'; g: number }
  | { t: 'accept'; g: number }
  | { t: 'dispose'; g: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: grams.map((g) => ({ t: 'generate' as const, g })), weight: 3 },
  fc.record({
    t: fc.constant('selfTreat' as const),
    g: grams,
    kind: fc.constantFrom('self-utilised' as const, 'self-disposed' as const),
  }),
  fc.record({ t: fc.constant('void' as const), i: fc.nat() }),
  { arbitrary: grams.map((g) => ({ t: 'dispatch' as const, g })), weight: 2 },
  grams.map((g) => ({ t: 'accept' as const, g })),
  grams.map((g) => ({ t: 'dispose' as const, g })),
);

interface ModelEntry {
  id: string;
  kind: string;
  g: number;
  remaining: number;
  voided: boolean;
  drawn: number;
}

class Model {
  entries: ModelEntry[] = [];
  totals = { generated: 0, accepted: 0, residue: 0, dispatched: 0, disposed: 0, selfTreated: 0 };
  get onHand() {
    const t = this.totals;
    return t.generated + t.accepted + t.residue - t.dispatched - t.disposed - t.selfTreated;
  }
  get openGrams() {
    return this.entries.filter((e) => e.kind === 'generated' && !e.voided).reduce((s, e) => s + e.remaining, 0);
  }
}

async function run(t: TestApi, partyId: string, model: Model, o: Op, at: string): Promise<void> {
  const ledger = `/v1/parties/${partyId}/ledger`;
  if (o.t === 'generate' || o.t === 'selfTreat') {
    const kind = o.t === 'generate' ? 'generated' : o.kind;
    const res = await t.call(owner, 'POST', ledger, {
      kind,
      wasteCode: CODE,
      quantityKg: o.g / 1000,
      at,
      ...(kind === 'generated' ? {} : { operationCode: kind === 'self-utilised' ? 'R4' : 'D10' }),
    });
    if (kind !== 'generated' && model.onHand < o.g)
      return void expect([res.status, res.body.code]).toEqual([422, 'INSUFFICIENT_STOCK']);
    expect(res.status).toBe(201);
    model.entries.push({
      id: res.body.id,
      kind,
      g: o.g,
      remaining: kind === 'generated' ? o.g : 0,
      voided: false,
      drawn: 0,
    });
    model.totals[kind === 'generated' ? 'generated' : 'selfTreated'] += o.g;
  } else if (o.t === 'void') {
    if (model.entries.length === 0) return;
    const e = nth(model.entries, o.i % model.entries.length, 'entry');
    const res = await t.call(owner, 'POST', `${ledger}/${e.id}/void`, { reason: 'model' });
    if (e.voided || e.drawn > 0) return void expect(res.status).toBe(409);
    if (e.kind === 'generated' && model.onHand < e.g)
      return void expect([res.status, res.body.code]).toEqual([422, 'INSUFFICIENT_STOCK']);
    expect(res.status).toBe(200);
    e.voided = true;
    model.totals[e.kind === 'generated' ? 'generated' : 'selfTreated'] -= e.g;
  } else if (o.t === 'dispatch') {
    const attempt = (async () => {
      const draws = await planBatchDraws(partyId, CODE, o.g);
      await transact([
        ...drawBatchWrites(partyId, uuidv7(), draws),
        moveStock(partyId, CODE, 'dispatched', o.g, { requireOnHand: true }),
      ]);
    })();
    if (model.openGrams < o.g || model.onHand < o.g)
      return void (await expect(attempt).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' }));
    await attempt;
    let left = o.g;
    for (const e of model.entries.filter((x) => x.kind === 'generated' && !x.voided && x.remaining > 0)) {
      const take = Math.min(left, e.remaining);
      e.remaining -= take;
      e.drawn += take;
      left -= take;
    }
    model.totals.dispatched += o.g;
  } else {
    const field = o.t === 'accept' ? 'accepted' : 'disposed';
    const attempt = transact([moveStock(partyId, CODE, field, o.g, { requireOnHand: true })]);
    if (field === 'disposed' && model.onHand < o.g)
      return void (await expect(attempt).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' }));
    await attempt;
    model.totals[field] += o.g;
  }
}

describe('stock arithmetic', () => {
  it('GET …/stock equals the model’s sums after any sequence, in exact grams', async () => {
    const t = await testApi();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 7 }), async (ops) => {
        const party = await activeParty(t, owner);
        const model = new Model();
        const start = Date.now() - 86_400_000;
        for (const [i, o] of ops.entries())
          await run(t, party.id, model, o, new Date(start + i * 60_000).toISOString());
        const stock = await t.call(owner, 'GET', `/v1/parties/${party.id}/stock`);
        const m = model.totals;
        const expected = {
          wasteCode: CODE,
          generatedKg: m.generated / 1000,
          acceptedKg: m.accepted / 1000,
          residueKg: 0,
          dispatchedKg: m.dispatched / 1000,
          disposedKg: m.disposed / 1000,
          selfTreatedKg: m.selfTreated / 1000,
          onHandKg: model.onHand / 1000,
        };
        expect(
          stock.body.items[0] ?? {
            ...expected,
            generatedKg: 0,
            acceptedKg: 0,
            dispatchedKg: 0,
            disposedKg: 0,
            selfTreatedKg: 0,
            onHandKg: 0,
          },
        ).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });
});
