// Issue 4's industrial scenario: a Taiyuan plant ships waste oil and contaminated packaging to a disposer, which
// refuses part of the packaging and routes it to an alternate receiver on a replacement manifest. Both report what
// they did with what they accepted; the chain shows the split, and custody conserves the kilograms.
import { beforeAll, describe, expect, it } from 'vitest';
import { regulator, testApi, type TestApi } from '../support/api.ts';
import {
  carrier,
  carry,
  dispatch,
  disposalLine,
  disposerLicence,
  expectOk,
  generated,
  line,
  member,
  plan,
  receive,
  reportDisposal,
  ship,
  type Actor,
} from './scenario-steps.ts';

const OIL = '900-249-08';
const PACKAGING = '900-041-49';
const shanxi = regulator('industrial-shanxi', '14');

let t: TestApi;
let plant: Actor;
let truck: Actor;
let recycler: Actor;
let alternate: Actor;
let original: any;
let replacement: any;

beforeAll(async () => {
  t = await testApi();
  [plant, truck, recycler, alternate] = await Promise.all([
    member(t, 'ind-plant', '140105', ['generator']),
    carrier(t, 'ind-truck'),
    member(
      t,
      'ind-recycler',
      '141102',
      ['receiver'],
      disposerLicence(['HW08', 'HW49'], ['store', 'utilise', 'dispose']),
    ),
    member(t, 'ind-alternate', '141121', ['receiver'], disposerLicence(['HW49'])),
  ]);
  await plan(t, plant, [OIL, PACKAGING]);
  await generated(t, plant, OIL, 20);
  await generated(t, plant, PACKAGING, 10);
  const shipped = await ship(t, plant, recycler, truck, [
    line(OIL, 20, { physicalForm: 'liquid' }),
    line(PACKAGING, 10),
  ]);
  await carry(t, truck, shipped.id);
  original = await receive(
    t,
    recycler,
    shipped,
    { 2: 4 },
    { disposition: 'alternate', alternateReceiverId: alternate.party.id },
  );

  // The recycler sends the refused packaging on to the alternate receiver.
  await expectOk(
    await t.call(recycler.user, 'PATCH', `/v1/manifests/${original.replacedBy}`, {
      transporterIds: [truck.party.id],
      plannedPickupAt: new Date(Date.now() + 3_600_000).toISOString(),
    }),
    200,
    'replacement carriers',
  );
  await dispatch(t, recycler, original.replacedBy);
  await carry(t, truck, original.replacedBy);
  replacement = await receive(
    t,
    alternate,
    (await t.call(alternate.user, 'GET', `/v1/manifests/${original.replacedBy}`)).body,
  );
});

describe('a partial rejection routed to an alternate receiver', () => {
  it('each receiver reports its own kilograms; the original completes without the refused ones', async () => {
    const over = await t.call(recycler.user, 'POST', `/v1/manifests/${original.id}/disposals`, {
      lines: [disposalLine(2, 'D10', 6.001)],
    });
    expect([over.status, over.body.code]).toEqual([422, 'OVER_DISPOSAL']);
    await reportDisposal(t, alternate, replacement.id, [disposalLine(1, 'D10', 4)]);
    const last = await reportDisposal(t, recycler, original.id, [disposalLine(1, 'R9', 20), disposalLine(2, 'D10', 6)]);
    expect(last.lines.map((l: any) => l.kind)).toEqual(['utilisation', 'disposal']);
    expect(last.completedManifest).toBe(true);
    for (const m of [original, replacement])
      expect((await t.call(shanxi, 'GET', `/v1/manifests/${m.id}`)).body.status).toBe('completed');
  });

  it('the chain of the original shows the replacement and every report below it, with custody conserved', async () => {
    const { body } = await t.call(shanxi, 'GET', `/v1/chains/${original.id}`);
    const node = (id: string) => body.nodes.find((n: any) => n.id === id);
    expect(node(original.id).kg).toEqual({ in: 30, out: 4, disposed: 26, onHand: 0, lost: 0 });
    expect(node(replacement.id)).toMatchObject({
      relation: 'descendant',
      distance: 1,
      kg: { in: 4, out: 0, disposed: 4, onHand: 0 },
    });
    expect(body.edges).toContainEqual({ from: original.id, to: replacement.id, kg: 4 });
    const reports = body.nodes.filter((n: any) => n.type === 'disposal');
    expect(reports.map((r: any) => [r.distance, r.operationCodes.sort()]).sort()).toEqual([
      [1, ['D10', 'R9']],
      [2, ['D10']],
    ]);
    for (const n of body.nodes) expect(n.kg.in).toBeCloseTo(n.kg.out + n.kg.disposed + n.kg.onHand, 6);
    const batches = body.nodes.filter((n: any) => n.type === 'batch');
    expect(batches.map((b: any) => b.kg.out).sort()).toEqual([10, 20]);
  });

  it('the chain of the replacement leads back to the plant, and the plant sees the alternate receiver only redacted', async () => {
    const { body } = await t.call(plant.user, 'GET', `/v1/chains/${original.id}`);
    expect(body.nodes.find((n: any) => n.id === replacement.id)).toMatchObject({
      redacted: true,
      divisionCode: '141121',
    });
    const back = await t.call(alternate.user, 'GET', `/v1/chains/${replacement.id}`);
    expect(
      back.body.nodes.filter((n: any) => n.relation === 'ancestor').map((n: any) => [n.type, n.distance, n.redacted]),
    ).toEqual([
      ['manifest', 1, true],
      ['batch', 2, true],
      ['batch', 2, true],
    ]);
  });
});
