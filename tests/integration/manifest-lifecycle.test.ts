import { describe, expect, it, beforeAll } from 'vitest';
import { documentHash } from '#shared/domain/hash-chain.ts';
import { testApi, type TestApi } from '../support/api.ts';
import {
  cast,
  CODE,
  createBody,
  delivered,
  dispatched,
  draft,
  expectStatus,
  receiptOf,
  stockOf,
  type Cast,
} from './manifest-fixtures.ts';

let t: TestApi;
let c: Cast;
beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'life');
});

describe('manifest lifecycle', () => {
  it('goes draft → dispatched → in_transit (two carriers, hand-over) → delivered → received, signing each step', async () => {
    const before = await stockOf(t, c.generator);
    const created = await t.call(
      c.generator.user,
      'POST',
      '/v1/manifests',
      createBody(c, { transporterIds: [c.carrier.party.id, c.carrier2.party.id] }),
    );
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/manifests/${created.body.id}`);
    expect(created.body).toMatchObject({
      status: 'draft',
      version: 1,
      currentLeg: 0,
      lines: [{ lineNo: 1, quantityKg: 100 }],
    });
    expect(created.body.number).toMatch(/^\d{4}1401\d{6}$/);
    const id = created.body.id;

    const sent = expectStatus(await t.call(c.generator.user, 'POST', `/v1/manifests/${id}/dispatch`), 200);
    expect(sent).toMatchObject({
      status: 'dispatched',
      signatures: { dispatch: { partyId: c.generator.party.id, sub: c.generator.user.sub } },
    });
    const { signatures, ...doc } = sent;
    void signatures;
    expect(sent.signatures.dispatch.documentHash).toBe(documentHash(doc));
    expect((await stockOf(t, c.generator)).onHandKg).toBe(before.onHandKg - 100);

    const first = expectStatus(
      await t.call(c.carrier.user, 'POST', `/v1/manifests/${id}/pickup`, {
        transporterId: c.carrier.party.id,
        vehiclePlate: '晋A12345',
        driverName: '张',
      }),
      200,
    );
    expect(first).toMatchObject({ status: 'in_transit', currentLeg: 1 });
    const early = await t.call(c.receiver.user, 'POST', `/v1/manifests/${id}/receive`, receiptOf(first));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('INVALID_STATE');
    const second = expectStatus(
      await t.call(c.carrier2.user, 'POST', `/v1/manifests/${id}/pickup`, {
        transporterId: c.carrier2.party.id,
        vehiclePlate: '晋A54321',
        driverName: '李',
      }),
      200,
    );
    expect(second).toMatchObject({ status: 'in_transit', currentLeg: 2 });
    expect(second.signatures.pickups).toHaveLength(2);

    const arrived = expectStatus(
      await t.call(c.carrier2.user, 'POST', `/v1/manifests/${id}/deliver`, {
        transporterId: c.carrier2.party.id,
        deliveredAt: new Date().toISOString(),
      }),
      200,
    );
    expect(arrived.status).toBe('delivered');
    const receivedBefore = await stockOf(t, c.receiver);
    const received = expectStatus(
      await t.call(c.receiver.user, 'POST', `/v1/manifests/${id}/receive`, receiptOf(arrived)),
      200,
    );
    expect(received).toMatchObject({
      status: 'received',
      discrepancy: null,
      lines: [{ receipt: { receivedKg: 100, rejectedKg: 0, acceptedKg: 100 } }],
    });
    expect(received.signatures.receipt.partyId).toBe(c.receiver.party.id);
    expect((await stockOf(t, c.receiver)).acceptedKg).toBe(receivedBefore.acceptedKg + 100);

    const events = expectStatus(await t.call(c.generator.user, 'GET', `/v1/manifests/${id}`), 200);
    expect(events.version).toBe(6);
  });

  it('finds a manifest by its number and lists a party’s manifests newest first', async () => {
    const a = await draft(t, c);
    const b = await draft(t, c);
    const found = expectStatus(await t.call(c.receiver.user, 'GET', `/v1/manifests/by-number/${a.number}`), 200);
    expect(found.id).toBe(a.id);
    const list = expectStatus(
      await t.call(c.generator.user, 'GET', `/v1/manifests?partyId=${c.generator.party.id}&status=draft&limit=2`),
      200,
    );
    expect(list.items.map((m: { id: string }) => m.id)).toEqual([b.id, a.id]);
    expect(list.nextCursor).toEqual(expect.any(String));
    const asCarrier = expectStatus(
      await t.call(c.carrier.user, 'GET', `/v1/manifests?partyId=${c.carrier.party.id}&role=receiver`),
      200,
    );
    expect(asCarrier.items).toEqual([]);
  });

  it('replays a repeated dispatch with the same Idempotency-Key and changes nothing', async () => {
    const d = await draft(t, c);
    const key = { 'idempotency-key': `dispatch-${d.id}` };
    const first = await t.call(c.generator.user, 'POST', `/v1/manifests/${d.id}/dispatch`, undefined, key);
    const again = await t.call(c.generator.user, 'POST', `/v1/manifests/${d.id}/dispatch`, undefined, key);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(first.body).not.toHaveProperty('taken');
  });

  it('cancels a dispatched manifest before pickup and gives every kilogram back', async () => {
    const before = await stockOf(t, c.generator);
    const m = await dispatched(t, c);
    expect((await stockOf(t, c.generator)).onHandKg).toBe(before.onHandKg - 100);
    const cancelled = expectStatus(
      await t.call(c.generator.user, 'POST', `/v1/manifests/${m.id}/cancel`, { reason: '车辆故障' }),
      200,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: { reason: '车辆故障' } });
    expect((await stockOf(t, c.generator)).onHandKg).toBe(before.onHandKg);
  });

  it('refuses to cancel after pickup with 409', async () => {
    const m = await delivered(t, c);
    const res = await t.call(c.generator.user, 'POST', `/v1/manifests/${m.id}/cancel`, { reason: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_STATE');
  });

  it('flags a discrepancy the generator explains and a covering regulator closes', async () => {
    const m = await delivered(t, c);
    const received = expectStatus(
      await t.call(c.receiver.user, 'POST', `/v1/manifests/${m.id}/receive`, receiptOf(m, { receivedKg: 80 })),
      200,
    );
    expect(received.discrepancy).toEqual({ status: 'open', lines: [{ lineNo: 1, reasons: ['quantity'] }] });
    const explained = expectStatus(
      await t.call(c.generator.user, 'POST', `/v1/manifests/${m.id}/discrepancy/explain`, { note: '含水率下降' }),
      200,
    );
    expect(explained.discrepancy).toMatchObject({ status: 'explained', explanation: '含水率下降' });
    const closed = expectStatus(
      await t.call(
        { sub: 'life-reg', groups: ['regulator'], jurisdiction: '1411' },
        'POST',
        `/v1/manifests/${m.id}/discrepancy/close`,
        { note: '已核实' },
      ),
      200,
    );
    expect(closed.discrepancy.status).toBe('closed');
  });

  it('lists the actions the caller may take, from the transition table', async () => {
    const m = await dispatched(t, c);
    expect(expectStatus(await t.call(c.carrier.user, 'GET', `/v1/manifests/${m.id}/actions`), 200)).toEqual([
      { action: 'pickup', partyId: c.carrier.party.id },
    ]);
    expect(expectStatus(await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/actions`), 200)).toEqual([
      { action: 'change-carriers', partyId: c.generator.party.id },
      { action: 'cancel', partyId: c.generator.party.id },
    ]);
    expect(expectStatus(await t.call(c.receiver.user, 'GET', `/v1/manifests/${m.id}/actions`), 200)).toEqual([]);
  });

  it('patches a draft with a merge patch (arrays replace whole) and refuses once dispatched', async () => {
    const d = await draft(t, c);
    const patched = expectStatus(
      await t.call(c.generator.user, 'PATCH', `/v1/manifests/${d.id}`, {
        lines: [
          { ...createBody(c).lines[0], quantityKg: 40 },
          { ...createBody(c).lines[0], quantityKg: 2 },
        ],
      }),
      200,
    );
    expect(patched.lines.map((l: { lineNo: number; quantityKg: number }) => [l.lineNo, l.quantityKg])).toEqual([
      [1, 40],
      [2, 2],
    ]);
    expect(patched.version).toBe(2);
    expect(patched.lines[0].wasteCode).toBe(CODE);
    const merge = await t.call(
      c.generator.user,
      'PATCH',
      `/v1/manifests/${d.id}`,
      { transporterIds: [c.carrier2.party.id] },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(merge.body).toMatchObject({ transporterIds: [c.carrier2.party.id], version: 3 });
    const stale = await t.call(
      c.generator.user,
      'PATCH',
      `/v1/manifests/${d.id}`,
      { plannedPickupAt: null },
      { 'if-match': '"2"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    // Idempotency-Key is a POST header (api.md): a PATCH ignores it, even one a POST would refuse as too long.
    const keyed = await t.call(
      c.generator.user,
      'PATCH',
      `/v1/manifests/${d.id}`,
      { plannedPickupAt: null },
      { 'idempotency-key': 'k'.repeat(129), 'if-match': '"3"' },
    );
    expect(keyed.body).toMatchObject({ version: 4 });
    expectStatus(await t.call(c.generator.user, 'POST', `/v1/manifests/${d.id}/dispatch`), 200);
    const late = await t.call(c.generator.user, 'PATCH', `/v1/manifests/${d.id}`, { lines: [createBody(c).lines[0]] });
    expect(late.status).toBe(409);
  });
});
