// Incidents in transit (domain.md rules 19, 25, 28) through the API: a carrier reports a spill on the road, the
// regulators of the place and of the manifest's ends get an alert at once, the incident is in the hash chain and the
// webhook feed, a regulator of the place sees the manifest, the loss explains the shortfall at receipt, an open
// incident holds completion back, and a load lost whole ends `lost` when a regulator closes its incidents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onChanges } from '#functions/webhooks/handler-core.ts';
import { startStreamPoller, type StreamPoller } from '../../local/stream-poller.ts';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { expectJsonFields, parseCsv } from '../support/csv.ts';
import { only } from '../support/present.ts';
import {
  cast,
  delivered,
  dispatched,
  expectStatus,
  pickedUp,
  receiptOf,
  type Cast,
  type Entity,
} from './manifest-fixtures.ts';

const JINZHONG = '140702'; // 榆次区: neither end's city (the generator is in Taiyuan 1401, the receiver in Lüliang 1411)
const shanxi = regulator('inc-shanxi', '14');
const jinzhong = regulator('inc-jinzhong', '1407');
const datong = regulator('inc-datong', '1402');
const xinjiang = regulator('inc-xinjiang', '65');

let t: TestApi;
let c: Cast;
let poller: StreamPoller;

beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'inc');
  poller = await startStreamPoller((records) => onChanges(records), 50);
});
afterAll(() => poller.stop());

const onTheRoad = (): Promise<Entity> => pickedUp(t, c);

const incidentBody = (partyId: string, lostKg: number | null, extra: Record<string, unknown> = {}) => ({
  partyId,
  type: 'spill',
  at: new Date().toISOString(),
  lat: 37.68,
  lon: 112.73,
  divisionCode: JINZHONG,
  lines: lostKg === null ? [] : [{ lineNo: 1, lostKg }],
  description: '追尾事故，一桶泄漏',
  measures: '围堵吸附，报告当地生态环境局',
  ...extra,
});
const report = (m: Entity, lostKg: number | null, user = c.carrier.user, partyId = c.carrier.party.id, extra = {}) =>
  t.call(user, 'POST', `/v1/manifests/${m.id}/incidents`, incidentBody(partyId, lostKg, extra));
const close = (id: string, user = shanxi, note = '现场已处置') =>
  t.call(user, 'POST', `/v1/incidents/${id}/close`, { note });
const incidentAlerts = async (manifestId: string) =>
  (await t.call(shanxi, 'GET', '/v1/oversight/alerts?type=incident-reported&limit=100')).body.items.filter(
    (a: Entity) => a.manifestId === manifestId,
  );
const manifest = async (id: string) =>
  expectStatus(await t.call(c.generator.user, 'GET', `/v1/manifests/${id}`), 200, 'manifest');

describe('reporting an incident on the road', () => {
  it('answers 201 with Location, appends incident_reported to a valid chain, and alerts the place and both ends at once', async () => {
    const m = await onTheRoad();
    const res = await report(m, 20);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/incidents/${res.body.id}`);
    expect(res.body).toMatchObject({
      manifestId: m.id,
      partyId: c.carrier.party.id,
      type: 'spill',
      divisionCode: JINZHONG,
      status: 'open',
      lines: [{ lineNo: 1, lostKg: 20 }],
    });

    const events = expectStatus(
      await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/events`),
      200,
      'events',
    ).items;
    expect(events.at(-1)).toMatchObject({
      type: 'incident_reported',
      actor: { partyId: c.carrier.party.id, role: 'transporter' },
      data: { incidentId: res.body.id },
    });
    expect(
      expectStatus(await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/integrity`), 200, 'integrity').valid,
    ).toBe(true);

    // In the same transaction, no job run: the place (Jinzhong), the generator's Taiyuan and the receiver's Lüliang.
    const alerts = await incidentAlerts(m.id);
    expect(alerts.map((a: Entity) => a.divisionCode).sort()).toEqual(
      [c.generator.party.divisionCode, JINZHONG, c.receiver.party.divisionCode].sort(),
    );
    expect(alerts.every((a: Entity) => a.status === 'open' && a.partyId === c.carrier.party.id)).toBe(true);
    const seenInJinzhong = expectStatus(
      await t.call(jinzhong, 'GET', '/v1/oversight/alerts?type=incident-reported'),
      200,
      'jinzhong alerts',
    ).items;
    expect(seenInJinzhong.map((a: Entity) => a.manifestId)).toContain(m.id);

    expect((await manifest(m.id)).incidents).toEqual([
      { id: res.body.id, status: 'open', divisionCode: JINZHONG, lines: [{ lineNo: 1, lostKg: 20 }] },
    ]);
    const listed = expectStatus(await t.call(c.receiver.user, 'GET', `/v1/manifests/${m.id}/incidents`), 200, 'list');
    expect(listed.items.map((i: Entity) => i.id)).toEqual([res.body.id]);
  });

  it('lets a regulator of the place see the incident and its manifest; other regulators and strangers get 404', async () => {
    const m = await onTheRoad();
    const id = expectStatus(await report(m, 1), 201, 'report').id;
    expect((await t.call(jinzhong, 'GET', `/v1/incidents/${id}`)).status).toBe(200);
    expect((await t.call(jinzhong, 'GET', `/v1/manifests/${m.id}`)).status).toBe(200);
    expect((await t.call(jinzhong, 'GET', `/v1/chains/${m.id}`)).status).toBe(200);
    for (const stranger of [datong, xinjiang, enterprise('inc-stranger')]) {
      expect((await t.call(stranger, 'GET', `/v1/incidents/${id}`)).status).toBe(404);
      expect((await t.call(stranger, 'GET', `/v1/manifests/${m.id}/incidents`)).status).toBe(404);
    }
  });

  it('sends manifest.incident_reported to the parties’ webhooks', async () => {
    const hook = expectStatus(
      await t.call(c.receiver.user, 'POST', `/v1/parties/${c.receiver.party.id}/webhooks`, {
        url: 'http://127.0.0.1:9/hook',
        events: ['manifest.incident_reported'],
      }),
      201,
      'webhook',
    );
    const m = await onTheRoad();
    expectStatus(await report(m, 2), 201, 'report');
    await poller.drain();
    const deliveries = expectStatus(
      await t.call(c.receiver.user, 'GET', `/v1/parties/${c.receiver.party.id}/webhooks/${hook.id}/deliveries`),
      200,
      'deliveries',
    );
    expect(deliveries.items.filter((d: Entity) => d.manifestId === m.id).map((d: Entity) => d.eventType)).toEqual([
      'incident_reported',
    ]);
  });
});

describe('refusals', () => {
  it('422 LOSS_EXCEEDED naming the field when lost kg with earlier incidents pass the line’s quantity', async () => {
    const m = await onTheRoad();
    expectStatus(await report(m, 60), 201, 'first');
    const res = await report(m, 40.001);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ code: 'LOSS_EXCEEDED', errors: [{ path: 'lines.0.lostKg' }] });
    expectStatus(await report(m, 40), 201, 'exactly the rest');
  });

  it('403 for a party that is not the one holding the load, 404 for strangers, 409 when not on the road', async () => {
    const m = await onTheRoad();
    expect((await report(m, 1, c.generator.user, c.generator.party.id)).body.code).toBe('FORBIDDEN');
    expect((await report(m, 1, c.receiver.user, c.receiver.party.id)).status).toBe(409); // the receiver reports only once delivered
    expect((await report(m, 1, c.carrier.user, c.receiver.party.id)).body.code).toBe('NOT_A_MEMBER');
    expect((await report(m, 1, enterprise('inc-stranger'), c.carrier.party.id)).status).toBe(404);
    expect((await report(m, 1, shanxi)).status).toBe(403);
    const waiting = await dispatched(t, c);
    expect((await report(waiting, 1)).status).toBe(409);
    const arrived = await delivered(t, c);
    expect((await report(arrived, 1, c.receiver.user, c.receiver.party.id)).status).toBe(201);
    expect((await report(arrived, 1)).status).toBe(201); // the last carrier, too
  });

  it('400 for a line the manifest does not have, a time before pickup, lat without lon; 422 for an unknown county', async () => {
    const m = await onTheRoad();
    expect(
      (
        await t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/incidents`, {
          ...incidentBody(c.carrier.party.id, 1),
          lines: [{ lineNo: 2, lostKg: 1 }],
        })
      ).body,
    ).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'lines.0.lineNo' }] });
    expect((await report(m, 1, c.carrier.user, c.carrier.party.id, { at: '2020-01-01T00:00:00Z' })).body).toMatchObject(
      { code: 'VALIDATION_FAILED', errors: [{ path: 'at' }] },
    );
    expect((await report(m, 1, c.carrier.user, c.carrier.party.id, { lon: undefined })).status).toBe(400);
    expect((await report(m, 1, c.carrier.user, c.carrier.party.id, { divisionCode: '149999' })).body).toMatchObject({
      code: 'UNKNOWN_DIVISION',
      errors: [{ path: 'divisionCode' }],
    });
  });

  it('closing: 403 for an enterprise, 404 for a regulator elsewhere, 409 when already closed', async () => {
    const m = await onTheRoad();
    const id = expectStatus(await report(m, null), 201, 'report').id;
    expect((await close(id, c.carrier.user as never)).body.code).toBe('FORBIDDEN');
    expect((await close(id, xinjiang)).status).toBe(404);
    expect((await close(id, datong)).status).toBe(404);
    expectStatus(await close(id, jinzhong), 200, 'close by the place');
    expect((await close(id)).status).toBe(409);
  });
});

describe('the mass balance', () => {
  it('a receipt short by the lost kilograms (within 1%) starts an explained discrepancy; beyond 1% it is open', async () => {
    const a = await onTheRoad();
    const incident = expectStatus(await report(a, 30), 201, 'report');
    const got = expectStatus(
      await t.call(c.receiver.user, 'POST', `/v1/manifests/${a.id}/receive`, receiptOf(a, { receivedKg: 69.5 })),
      200,
      'receive',
    );
    expect(got.discrepancy).toMatchObject({
      status: 'explained',
      lines: [{ lineNo: 1, reasons: ['lost'] }],
      incidentIds: [incident.id],
    });
    const types = expectStatus(
      await t.call(c.generator.user, 'GET', `/v1/manifests/${a.id}/events`),
      200,
      'events',
    ).items.map((e: Entity) => e.type);
    expect(types.slice(-3)).toEqual(['received', 'discrepancy_opened', 'discrepancy_explained']);

    const b = await onTheRoad();
    expectStatus(await report(b, 30), 201, 'report');
    const short = expectStatus(
      await t.call(c.receiver.user, 'POST', `/v1/manifests/${b.id}/receive`, receiptOf(b, { receivedKg: 68.9 })),
      200,
      'receive',
    );
    expect(short.discrepancy).toMatchObject({ status: 'open', lines: [{ lineNo: 1, reasons: ['lost', 'quantity'] }] });
  });

  it('an open incident holds completion back; closing it completes the manifest and closes its alerts', async () => {
    const m = await onTheRoad();
    const incident = expectStatus(await report(m, 30), 201, 'report');
    expectStatus(
      await t.call(c.receiver.user, 'POST', `/v1/manifests/${m.id}/receive`, receiptOf(m, { receivedKg: 70 })),
      200,
      'receive',
    );
    expectStatus(
      await t.call(c.receiver.user, 'POST', `/v1/manifests/${m.id}/disposals`, {
        lines: [{ lineNo: 1, operationCode: 'D10', quantityKg: 70, completedAt: new Date().toISOString() }],
      }),
      201,
      'disposal',
    );
    expect((await manifest(m.id)).status).toBe('received');

    const closed = expectStatus(await close(incident.id), 200, 'close');
    expect(closed).toMatchObject({ status: 'closed', closedBy: shanxi.sub, closeNote: '现场已处置', version: 2 });
    expect((await manifest(m.id)).status).toBe('completed');
    expect((await incidentAlerts(m.id)).every((a: Entity) => a.status === 'closed')).toBe(true);
    const types = expectStatus(
      await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/events`),
      200,
      'events',
    ).items.map((e: Entity) => e.type);
    expect(types.slice(-2)).toEqual(['incident_closed', 'completed']);

    const chain = expectStatus(await t.call(shanxi, 'GET', `/v1/chains/${m.id}`), 200, 'chain');
    const node = chain.nodes.find((n: Entity) => n.id === m.id);
    expect(node.kg).toEqual({ in: 100, out: 0, disposed: 70, onHand: 0, lost: 30 });
    expect(chain.nodes.find((n: Entity) => n.type === 'incident')).toMatchObject({
      id: incident.id,
      kg: { in: 30, out: 0, disposed: 0, onHand: 0, lost: 30 },
      state: 'closed',
    });
    for (const n of chain.nodes) expect(n.kg.in).toBeCloseTo(n.kg.out + n.kg.disposed + n.kg.onHand + n.kg.lost, 3);
  });

  it('a load lost whole ends `lost` when a regulator closes its last incident; nothing can be received after', async () => {
    const m = await onTheRoad();
    const first = expectStatus(await report(m, 40), 201, 'first');
    const second = expectStatus(
      await report(m, 60, c.carrier.user, c.carrier.party.id, { type: 'theft' }),
      201,
      'second',
    );
    expectStatus(await close(first.id), 200, 'close first');
    expect((await manifest(m.id)).status).toBe('in_transit');
    expectStatus(await close(second.id), 200, 'close second');
    const lost = await manifest(m.id);
    expect(lost.status).toBe('lost');
    const events = expectStatus(
      await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/events`),
      200,
      'events',
    ).items;
    // The loss ends the leg as a delivery would: its track is sealed in the event and takes no more points.
    expect(events.at(-1)).toMatchObject({
      type: 'incident_closed',
      data: { incidentId: second.id, status: 'lost', track: { leg: 1, points: 0 } },
    });
    const late = {
      transporterId: c.carrier.party.id,
      points: [{ at: new Date().toISOString(), lat: 37.7, lon: 112.5, source: 'terminal' }],
    };
    expect((await t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/track`, late)).status).toBe(409);
    expect((await t.call(c.generator.user, 'GET', `/v1/manifests/${m.id}/integrity`)).body).toMatchObject({
      valid: true,
      tracks: [{ leg: 1, valid: true, points: 0 }],
    });
    expect(
      (await t.call(c.receiver.user, 'POST', `/v1/manifests/${m.id}/receive`, receiptOf(m, { receivedKg: 0 }))).status,
    ).toBe(409);
    const chain = expectStatus(await t.call(c.generator.user, 'GET', `/v1/chains/${m.id}`), 200, 'chain');
    expect(chain.nodes.find((n: Entity) => n.id === m.id).kg).toEqual({
      in: 100,
      out: 0,
      disposed: 0,
      onHand: 0,
      lost: 100,
    });
    expect(
      chain.nodes
        .filter((n: Entity) => n.type === 'incident')
        .map((n: Entity) => n.kg.lost)
        .sort(),
    ).toEqual([40, 60]);
  });
});

describe('oversight', () => {
  it('lists incidents where they happened, by status, as JSON and as CSV', async () => {
    const m = await onTheRoad();
    const id = expectStatus(await report(m, 5), 201, 'report').id;
    const open = expectStatus(
      await t.call(jinzhong, 'GET', '/v1/oversight/incidents?status=open&limit=100'),
      200,
      'open',
    );
    expect(open.items.map((i: Entity) => i.id)).toContain(id);
    expect(open.items.every((i: Entity) => i.status === 'open' && i.divisionCode.startsWith('1407'))).toBe(true);
    expect((await t.call(datong, 'GET', '/v1/oversight/incidents')).body.items).toEqual([]);
    expect((await t.call(datong, 'GET', '/v1/oversight/incidents?division=1407')).status).toBe(403);
    expect((await t.call(c.carrier.user, 'GET', '/v1/oversight/incidents')).status).toBe(403);
    const csv = await t.call(jinzhong, 'GET', '/v1/oversight/incidents?status=open', undefined, { accept: 'text/csv' });
    expect(csv.status).toBe(200);
    expect(csv.body.startsWith('\uFEFFid,manifestId,')).toBe(true);
    expectJsonFields(parseCsv(csv.body), open.items);
    const row = only(
      parseCsv(csv.body).filter((r) => r.id === id),
      'the incident row',
    );
    // the same fields as JSON: its lines too, not `[object Object]`
    expect(JSON.parse(row.lines ?? '')).toEqual(open.items.find((i: Entity) => i.id === id).lines);
  });
});
