import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClockOffset } from '#shared/clock.ts';
import { regulator, testApi, type TestApi } from '../support/api.ts';
import { provinceRegulator } from '../support/fixtures.ts';
import {
  cast,
  dispatched,
  draft,
  expectStatus,
  member,
  receiverLicence,
  transportLicence,
  type Cast,
} from './manifest-fixtures.ts';

let t: TestApi;
let c: Cast;
beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'vis');
});
afterEach(() => setClockOffset(0));

describe('who sees a manifest', () => {
  it('a carrier not on the manifest gets 404; the receiver calling pickup gets 403', async () => {
    const m = await dispatched(t, c);
    const stranger = await member(t, 'vis-stranger', '140105', ['transporter'], transportLicence);
    const hidden = await t.call(stranger.user, 'GET', `/v1/manifests/${m.id}`);
    expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const pick = await t.call(stranger.user, 'POST', `/v1/manifests/${m.id}/pickup`, {
      transporterId: stranger.party.id,
      vehiclePlate: '晋A1',
      driverName: '张',
    });
    expect(pick.status).toBe(404);
    const asReceiver = await t.call(c.receiver.user, 'POST', `/v1/manifests/${m.id}/pickup`, {
      transporterId: c.carrier.party.id,
      vehiclePlate: '晋A1',
      driverName: '张',
    });
    expect({ status: asReceiver.status, code: asReceiver.body.code }).toEqual({ status: 403, code: 'NOT_A_MEMBER' });
    const ownParty = await t.call(c.receiver.user, 'POST', `/v1/manifests/${m.id}/pickup`, {
      transporterId: c.receiver.party.id,
      vehiclePlate: '晋A1',
      driverName: '张',
    });
    expect({ status: ownParty.status, code: ownParty.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const notGenerator = await t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/cancel`, { reason: 'x' });
    expect({ status: notGenerator.status, code: notGenerator.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });

  it('a regulator of another province sees nothing unless the manifest crosses into it', async () => {
    const local = await draft(t, c);
    expect((await t.call(provinceRegulator('14'), 'GET', `/v1/manifests/${local.id}`)).status).toBe(200);
    expect((await t.call(regulator('vis-lvliang', '1411'), 'GET', `/v1/manifests/${local.id}`)).status).toBe(200);
    expect((await t.call(provinceRegulator('13'), 'GET', `/v1/manifests/${local.id}`)).status).toBe(404);
    expect((await t.call(provinceRegulator('13'), 'GET', `/v1/manifests/by-number/${local.number}`)).status).toBe(404);

    const hebei = await member(
      t,
      'vis-hebei',
      '130102',
      ['receiver'],
      receiverLicence([{ code: 'HW49', annualCapacityKg: 1000 }]),
    );
    const cross = await draft(t, { ...c, receiver: hebei });
    expect((await t.call(provinceRegulator('13'), 'GET', `/v1/manifests/${cross.id}`)).status).toBe(200);
    expect((await t.call(provinceRegulator('65'), 'GET', `/v1/manifests/${cross.id}`)).status).toBe(404);
    const list = expectStatus(
      await t.call(provinceRegulator('13'), 'GET', `/v1/manifests?partyId=${hebei.party.id}`),
      200,
    );
    expect(list.items.map((m: { id: string }) => m.id)).toEqual([cross.id]);
    const closing = await t.call(provinceRegulator('14'), 'POST', `/v1/manifests/${cross.id}/dispatch`);
    expect({ status: closing.status, code: closing.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });
});

describe('inbox and feed', () => {
  it('the inbox shows what waits for the party, oldest first, with its actions', async () => {
    const own = await cast(t, 'vis-inbox');
    const a = await dispatched(t, own);
    const b = await dispatched(t, own);
    const inbox = expectStatus(await t.call(own.carrier.user, 'GET', `/v1/parties/${own.carrier.party.id}/inbox`), 200);
    expect(inbox.items.map((i: any) => [i.manifest.id, i.actions])).toEqual([
      [a.id, ['pickup']],
      [b.id, ['pickup']],
    ]);
    expectStatus(
      await t.call(own.carrier.user, 'POST', `/v1/manifests/${a.id}/pickup`, {
        transporterId: own.carrier.party.id,
        vehiclePlate: '晋A1',
        driverName: '张',
      }),
      200,
    );
    const after = expectStatus(await t.call(own.carrier.user, 'GET', `/v1/parties/${own.carrier.party.id}/inbox`), 200);
    // The carrier holding the load may also report an incident on it (rule 28).
    expect(after.items.map((i: any) => [i.manifest.id, i.actions])).toEqual([
      [b.id, ['pickup']],
      [a.id, ['deliver', 'report-incident']],
    ]);
    const receiverInbox = expectStatus(
      await t.call(own.receiver.user, 'GET', `/v1/parties/${own.receiver.party.id}/inbox`),
      200,
    );
    expect(receiverInbox.items.map((i: any) => [i.manifest.id, i.actions])).toEqual([[a.id, ['receive', 'reject']]]);
    expect((await t.call(own.receiver.user, 'GET', `/v1/parties/${own.carrier.party.id}/inbox`)).status).toBe(404);
  });

  it('the feed returns every event of the party’s manifests in commit order, and a cursor resumes where it stopped', async () => {
    const own = await cast(t, 'vis-feed');
    const m = await dispatched(t, own);
    setClockOffset(60_000);
    const first = expectStatus(
      await t.call(own.generator.user, 'GET', `/v1/parties/${own.generator.party.id}/feed?limit=1`),
      200,
    );
    expect(first.items.map((e: any) => [e.manifestId, e.type, e.seq])).toEqual([[m.id, 'created', 1]]);
    setClockOffset(0);
    expectStatus(
      await t.call(own.carrier.user, 'POST', `/v1/manifests/${m.id}/pickup`, {
        transporterId: own.carrier.party.id,
        vehiclePlate: '晋A1',
        driverName: '张',
      }),
      200,
    );
    const settling = expectStatus(
      await t.call(
        own.generator.user,
        'GET',
        `/v1/parties/${own.generator.party.id}/feed?limit=1&cursor=${first.nextCursor}`,
      ),
      200,
    );
    expect(settling.items).toEqual([]);
    setClockOffset(60_000);
    const rest = expectStatus(
      await t.call(
        own.generator.user,
        'GET',
        `/v1/parties/${own.generator.party.id}/feed?cursor=${settling.nextCursor}`,
      ),
      200,
    );
    expect(rest.items.map((e: any) => e.type)).toEqual(['dispatched', 'picked_up']);
    expect(rest.items[1]).toMatchObject({
      manifestNumber: m.number,
      actor: { partyId: own.carrier.party.id, role: 'transporter' },
      prevHash: rest.items[0].hash,
    });
    const carrierFeed = expectStatus(
      await t.call(own.carrier.user, 'GET', `/v1/parties/${own.carrier.party.id}/feed`),
      200,
    );
    expect(carrierFeed.items.map((e: any) => e.type)).toEqual(['created', 'dispatched', 'picked_up']);
    expect((await t.call(own.carrier.user, 'GET', `/v1/parties/${own.generator.party.id}/feed`)).status).toBe(404);
  });
});
