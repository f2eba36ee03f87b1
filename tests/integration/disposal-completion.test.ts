// Completion when a receiver both ships part of a line on and disposes of the rest (domain.md rule 19): the report
// that accounts for the last kilogram completes the manifest only once the onward load has been received.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../support/api.ts';
import {
  carrier,
  carry,
  disposalLine,
  disposerLicence,
  generated,
  line,
  member,
  plan,
  receive,
  reportDisposal,
  ship,
  transfer,
  type Actor,
} from './scenario-steps.ts';

const CODE = '900-041-49';
let t: TestApi;
let plant: Actor;
let truck: Actor;
let hub: Actor;
let furnace: Actor;

beforeAll(async () => {
  t = await testApi();
  [plant, truck, hub, furnace] = await Promise.all([
    member(t, 'dc-plant', '140105', ['generator']),
    carrier(t, 'dc-truck'),
    member(
      t,
      'dc-hub',
      '141102',
      ['collector', 'receiver'],
      disposerLicence(['HW49'], ['collect', 'store', 'dispose']),
    ),
    member(t, 'dc-furnace', '141121', ['receiver'], disposerLicence(['HW49'])),
  ]);
  await Promise.all([plan(t, plant, [CODE]), plan(t, hub, [CODE])]);
});

const status = async (id: string) => (await t.call(hub.user, 'GET', `/v1/manifests/${id}`)).body.status;
const shipOn = (from: any, kg: number) =>
  line(CODE, kg, { sources: [{ manifestId: from.id, lineNo: 1, quantityKg: kg }] });

describe('completion across shipping on and disposal', () => {
  it('waits while the onward load is on the road, and completes with the last kilogram once it has been received', async () => {
    await generated(t, plant, CODE, 10);
    const first = await transfer(t, plant, hub, truck, [line(CODE, 10)]);
    const onward = await ship(t, hub, furnace, truck, [shipOn(first, 6)]);

    const rest = await reportDisposal(t, hub, first.id, [disposalLine(1, 'D10', 4)]);
    expect(rest.completedManifest).toBe(false);
    expect(await status(first.id)).toBe('received');
    const over = await t.call(hub.user, 'POST', `/v1/manifests/${first.id}/disposals`, {
      lines: [disposalLine(1, 'D10', 0.001)],
    });
    expect([over.status, over.body.code]).toEqual([422, 'OVER_DISPOSAL']);

    await carry(t, truck, onward.id);
    await receive(t, furnace, onward);
    expect(await status(first.id)).toBe('completed');
  });

  it('completes in the disposal transaction when everything else already went on in received manifests', async () => {
    await generated(t, plant, CODE, 5);
    const first = await transfer(t, plant, hub, truck, [line(CODE, 5)]);
    await transfer(t, hub, furnace, truck, [shipOn(first, 2)]);
    const last = await reportDisposal(t, hub, first.id, [disposalLine(1, 'D10', 3)]);
    expect(last.completedManifest).toBe(true);
    expect(await status(first.id)).toBe('completed');
    const chain = (await t.call(plant.user, 'GET', `/v1/chains/${first.id}`)).body;
    expect(chain.nodes[0]).toMatchObject({ relation: 'start', kg: { in: 5, out: 2, disposed: 3, onHand: 0 } });
  });

  it('shipping on beyond what remains after disposal is refused (SOURCE_EXCEEDED): disposals and sources share one counter', async () => {
    await generated(t, plant, CODE, 4);
    const first = await transfer(t, plant, hub, truck, [line(CODE, 4)]);
    await reportDisposal(t, hub, first.id, [disposalLine(1, 'D10', 3)]);
    await generated(t, hub, CODE, 5); // stock of its own, so that only the source line's counter can refuse
    const draft = await t.call(hub.user, 'POST', '/v1/manifests', {
      generatorId: hub.party.id,
      transporterIds: [truck.party.id],
      receiverId: furnace.party.id,
      lines: [shipOn(first, 2)],
      plannedPickupAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const refused =
      draft.status === 201 ? await t.call(hub.user, 'POST', `/v1/manifests/${draft.body.id}/dispatch`) : draft;
    expect([refused.status, refused.body.code]).toEqual([422, 'SOURCE_EXCEEDED']);
  });
});
