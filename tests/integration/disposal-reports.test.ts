import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import {
  carrier,
  disposalLine,
  disposerLicence,
  generated,
  line,
  member,
  plan,
  reportDisposal,
  ship,
  carry,
  receive,
  transfer,
  type Actor,
} from './scenario-steps.ts';

const CODE = '900-041-49';
let t: TestApi;
let plant: Actor;
let truck: Actor;
let disposer: Actor;

/** A fresh manifest of `kg` kilograms received by the disposer (less `rejectedKg`, returned to the plant). */
async function received(kg: number, rejectedKg = 0) {
  await generated(t, plant, CODE, kg);
  const m = await ship(t, plant, disposer, truck, [line(CODE, kg)]);
  await carry(t, truck, m.id);
  return receive(
    t,
    disposer,
    m,
    rejectedKg ? { 1: rejectedKg } : {},
    rejectedKg ? { disposition: 'return' } : undefined,
  );
}

/** The manifest's event log and integrity, as the chain's evidence gives them. */
async function evidence(who: Actor, manifestId: string) {
  const reply = await t.call(who.user, 'GET', `/v1/chains/${manifestId}?depth=0&format=evidence`);
  return reply.body.evidence[0];
}

beforeAll(async () => {
  t = await testApi();
  [plant, truck, disposer] = await Promise.all([
    member(t, 'dr-plant', '140105', ['generator']),
    carrier(t, 'dr-truck'),
    member(t, 'dr-disposer', '141102', ['receiver'], disposerLicence(['HW49'])),
  ]);
  await plan(t, plant, [CODE]);
});

describe('disposal reports', () => {
  it('the receiver reports part of a line: 201, signed, listed, in its stock as disposed, and the manifest stays received', async () => {
    const m = await received(10);
    const reply = await t.call(disposer.user, 'POST', `/v1/manifests/${m.id}/disposals`, {
      lines: [disposalLine(1, 'D10', 4)],
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(`/v1/manifests/${m.id}/disposals/${reply.body.id}`);
    expect(reply.body).toMatchObject({
      manifestId: m.id,
      manifestNumber: m.number,
      receiverId: disposer.party.id,
      completedManifest: false,
      lines: [{ lineNo: 1, wasteCode: CODE, operationCode: 'D10', kind: 'disposal', quantityKg: 4 }],
      signature: { sub: 'dr-disposer', partyId: disposer.party.id },
    });
    expect(reply.body.signature.documentHash).toMatch(/^[0-9a-f]{64}$/);

    expect(
      (await t.call(plant.user, 'GET', `/v1/manifests/${m.id}/disposals`)).body.items.map((r: any) => r.id),
    ).toEqual([reply.body.id]);
    expect((await t.call(disposer.user, 'GET', reply.headers.get('location')!)).body).toEqual(reply.body);
    expect((await t.call(disposer.user, 'GET', `/v1/manifests/${m.id}`)).body.status).toBe('received');
    const stock = (await t.call(disposer.user, 'GET', `/v1/parties/${disposer.party.id}/stock`)).body.items.find(
      (s: any) => s.wasteCode === CODE,
    );
    expect(stock.disposedKg).toBeGreaterThanOrEqual(4);
    const events = (await evidence(disposer, m.id)).events;
    expect(events.at(-1)).toMatchObject({
      type: 'disposal_reported',
      documentHash: reply.body.signature.documentHash,
      data: { disposalId: reply.body.id },
    });
  });

  it('the report that accounts for the last accepted kilogram completes the manifest; rejected kilograms do not count', async () => {
    const m = await received(10, 3);
    await reportDisposal(t, disposer, m.id, [disposalLine(1, 'D10', 2.5)]);
    const last = await reportDisposal(t, disposer, m.id, [disposalLine(1, 'D9', 2), disposalLine(1, 'D10', 2.5)]);
    expect(last.completedManifest).toBe(true);
    expect((await t.call(plant.user, 'GET', `/v1/manifests/${m.id}`)).body.status).toBe('completed');
    const { events, integrity } = await evidence(plant, m.id);
    expect(events.map((e: any) => e.type).slice(-3)).toEqual(['disposal_reported', 'disposal_reported', 'completed']);
    expect(integrity).toMatchObject({ valid: true, firstBrokenSeq: null });
    const after = await t.call(disposer.user, 'POST', `/v1/manifests/${m.id}/disposals`, {
      lines: [disposalLine(1, 'D10', 0.001)],
    });
    expect([after.status, after.body.code]).toEqual([409, 'INVALID_STATE']);
  });

  it('refuses more than the accepted kilograms not yet disposed of (422 OVER_DISPOSAL), also summed within one report', async () => {
    const m = await received(10, 4);
    const over = await t.call(disposer.user, 'POST', `/v1/manifests/${m.id}/disposals`, {
      lines: [disposalLine(1, 'D10', 6.001)],
    });
    expect([over.status, over.body.code]).toEqual([422, 'OVER_DISPOSAL']);
    await reportDisposal(t, disposer, m.id, [disposalLine(1, 'D10', 5)]);
    const split = await t.call(disposer.user, 'POST', `/v1/manifests/${m.id}/disposals`, {
      lines: [disposalLine(1, 'D10', 0.5), disposalLine(1, 'D9', 0.501)],
    });
    expect([split.status, split.body.code]).toEqual([422, 'OVER_DISPOSAL']);
  });

  it('needs a licence allowing the kind of operation: a disposer reporting utilisation gets 422 LICENCE_MISSING', async () => {
    const m = await received(5);
    const reply = await t.call(disposer.user, 'POST', `/v1/manifests/${m.id}/disposals`, {
      lines: [disposalLine(1, 'R4', 1)],
    });
    expect([reply.status, reply.body.code]).toEqual([422, 'LICENCE_MISSING']);
  });

  it('residues enter the receiver ledger as generated batches linked to the report, and its stock as residue', async () => {
    const m = await received(8);
    const report = await reportDisposal(
      t,
      disposer,
      m.id,
      [disposalLine(1, 'D10', 8)],
      [{ wasteCode: '772-003-18', quantityKg: 1.25 }],
    );
    const [residue] = report.residues;
    expect(residue).toMatchObject({ wasteCode: '772-003-18', quantityKg: 1.25 });
    const entry = (await t.call(disposer.user, 'GET', `/v1/parties/${disposer.party.id}/ledger/${residue.entryId}`))
      .body;
    expect(entry).toMatchObject({ kind: 'generated', wasteCode: '772-003-18', quantityKg: 1.25 });
    const stock = (await t.call(disposer.user, 'GET', `/v1/parties/${disposer.party.id}/stock`)).body.items.find(
      (s: any) => s.wasteCode === '772-003-18',
    );
    expect(stock).toMatchObject({ residueKg: 1.25, onHandKg: 1.25 });
    const unknown = await t.call(disposer.user, 'POST', `/v1/manifests/${(await received(1)).id}/disposals`, {
      lines: [disposalLine(1, 'D10', 1)],
      residues: [{ wasteCode: '999-999-18', quantityKg: 1 }],
    });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'UNKNOWN_WASTE_CODE']);
  });

  it('answers who may not: 404 to those who cannot see the manifest, 403 to parties on it but not its receiver, 409 before receipt', async () => {
    const m = await received(3);
    const body = { lines: [disposalLine(1, 'D10', 1)] };
    const hidden = await t.call(enterprise('dr-stranger'), 'POST', `/v1/manifests/${m.id}/disposals`, body);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await t.call(regulator('dr-xinjiang', '65'), 'GET', `/v1/manifests/${m.id}/disposals`)).status).toBe(404);
    for (const who of [plant, truck]) {
      const reply = await t.call(who.user, 'POST', `/v1/manifests/${m.id}/disposals`, body);
      expect([reply.status, reply.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await t.call(regulator('dr-shanxi', '14'), 'POST', `/v1/manifests/${m.id}/disposals`, body)).status).toBe(
      403,
    );
    await generated(t, plant, CODE, 1);
    const onTheRoad = await ship(t, plant, disposer, truck, [line(CODE, 1)]);
    const early = await t.call(disposer.user, 'POST', `/v1/manifests/${onTheRoad.id}/disposals`, body);
    expect([early.status, early.body.code]).toEqual([409, 'INVALID_STATE']);
  });

  it('validates input (400) and honours If-Match (412)', async () => {
    const m = await received(2);
    for (const bad of [
      { lines: [disposalLine(1, 'X99', 1)] },
      { lines: [disposalLine(2, 'D10', 1)] },
      { lines: [{ ...disposalLine(1, 'D10', 1), completedAt: new Date(Date.now() + 3_600_000).toISOString() }] },
      { lines: [] },
      { lines: [disposalLine(1, 'D10', 1)], extra: true },
    ]) {
      const reply = await t.call(disposer.user, 'POST', `/v1/manifests/${m.id}/disposals`, bad);
      expect([reply.status, reply.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const stale = await t.call(
      disposer.user,
      'POST',
      `/v1/manifests/${m.id}/disposals`,
      { lines: [disposalLine(1, 'D10', 1)] },
      { 'if-match': `"${m.version - 1}"` },
    );
    expect([stale.status, stale.body.code]).toEqual([412, 'PRECONDITION_FAILED']);
  });

  it('no sequence of reports, concurrent or not, disposes of more than was accepted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 6 }),
        fc.boolean(),
        async (amounts, together) => {
          await generated(t, plant, CODE, 10);
          const m = await transfer(t, plant, disposer, truck, [line(CODE, 10)]);
          const post = (kg: number) =>
            t.call(disposer.user, 'POST', `/v1/manifests/${m.id}/disposals`, { lines: [disposalLine(1, 'D10', kg)] });
          const replies = together
            ? await Promise.all(amounts.map(post))
            : await amounts.reduce(async (acc, kg) => [...(await acc), await post(kg)], Promise.resolve([] as any[]));
          for (const r of replies) expect([201, 409, 422]).toContain(r.status);
          const disposed = (await t.call(disposer.user, 'GET', `/v1/manifests/${m.id}/disposals`)).body.items.reduce(
            (s: number, r: any) => s + r.lines[0].quantityKg,
            0,
          );
          expect(disposed).toBeLessThanOrEqual(10);
          expect(disposed).toBe(
            replies.filter((r) => r.status === 201).reduce((s, r) => s + r.body.lines[0].quantityKg, 0),
          );
          const status = (await t.call(disposer.user, 'GET', `/v1/manifests/${m.id}`)).body.status;
          expect(status).toBe(disposed === 10 ? 'completed' : 'received');
          if (!together) {
            let left = 10;
            for (const [i, kg] of amounts.entries()) {
              expect(replies[i].status).toBe(kg <= left ? 201 : left === 0 ? 409 : 422);
              if (kg <= left) left -= kg;
            }
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});
