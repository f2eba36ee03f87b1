// Waste pending identification (待鉴别, rule 29): recorded without a code, held in stock as "pending", never shippable,
// overdue after 90 days; identified hazardous it becomes a generated batch of its code (the same `at`, linked both ways)
// that ships like any other; identified not hazardous it leaves the hazardous stock. Declarations show it as its own row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '#shared/clock.ts';
import { onStatsChanges } from '#shared/services/stats-service.ts';
import { startStreamPoller, type StreamPoller } from '../../local/stream-poller.ts';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { carrier, disposerLicence, expectOk, line, member, YEAR, type Actor } from './scenario-steps.ts';

const DAY = 86_400_000;
let t: TestApi;
let poller: StreamPoller;
let plant: Actor;
let disposer: Actor;
let truck: Actor;
const shanxi = regulator('pi-shanxi', '14');

beforeAll(async () => {
  t = await testApi();
  poller = await startStreamPoller((records) => onStatsChanges(records, clock()), 50);
  [plant, disposer, truck] = await Promise.all([
    member(t, 'pi-plant', '140105', ['generator']),
    member(t, 'pi-disposer', '141102', ['receiver'], disposerLicence(['HW49', 'HW08'])),
    carrier(t, 'pi-truck'),
  ]);
});
afterAll(() => poller.stop());

const ledger = (body: Record<string, unknown>, who = plant) =>
  t.call(who.user, 'POST', `/v1/parties/${who.party.id}/ledger`, body);
const pendingBody = (extra: Record<string, unknown> = {}) => ({
  kind: 'pending-identification',
  name: '不明废液',
  process: '设备清洗',
  quantityKg: 120.5,
  at: new Date(Date.now() - 3600_000).toISOString(),
  ...extra,
});
const identify = (entryId: string, body: unknown, who = plant) =>
  t.call(who.user, 'POST', `/v1/parties/${plant.party.id}/ledger/${entryId}/identification`, body);
const stockRow = async (code: string) =>
  (await t.call(plant.user, 'GET', `/v1/parties/${plant.party.id}/stock`)).body.items.find(
    (i: { wasteCode: string }) => i.wasteCode === code,
  );
const alertsOf = async (subjectId: string) =>
  (await t.call(shanxi, 'GET', '/v1/oversight/alerts?type=identification-overdue')).body.items.filter(
    (a: { subjectId: string }) => a.subjectId === subjectId,
  );

describe('waste pending identification', () => {
  it('is recorded with a name and a process and no code, counted in stock as "pending"; bad shapes are 400', async () => {
    const entry = await expectOk(await ledger(pendingBody()), 201, 'pending entry');
    expect(entry).toMatchObject({
      kind: 'pending-identification',
      name: '不明废液',
      process: '设备清洗',
      quantityKg: 120.5,
      status: 'pending',
    });
    expect(entry.wasteCode).toBeUndefined();
    expect(entry.batchCode).toMatch(/^HWDJ\d{11}$/);
    expect(await stockRow('pending')).toMatchObject({ generatedKg: 120.5, onHandKg: 120.5 });

    const withCode = await ledger(pendingBody({ wasteCode: '900-041-49' }));
    expect(withCode.status).toBe(400);
    expect(withCode.headers.get('content-type')).toContain('application/problem+json');
    expect(withCode.body.errors.map((e: { path: string }) => e.path)).toContain('wasteCode');
    const { name: _n, ...nameless } = pendingBody();
    expect((await ledger(nameless)).body.errors.map((e: { path: string }) => e.path)).toContain('name');
    expect((await ledger({ quantityKg: 1, at: new Date().toISOString() })).status).toBe(400); // generated needs its code
    expect(
      (await ledger({ ...pendingBody(), process: undefined, name: 'x', wasteCode: undefined, kind: 'generated' }))
        .status,
    ).toBe(400);
  });

  it('can never go on a manifest: PENDING_IDENTIFICATION at create and validate', async () => {
    const entry = await expectOk(await ledger(pendingBody({ quantityKg: 10 })), 201, 'pending entry');
    const body = {
      generatorId: plant.party.id,
      transporterIds: [truck.party.id],
      receiverId: disposer.party.id,
      plannedPickupAt: new Date(Date.now() + 3600_000).toISOString(),
      lines: [line('900-041-49', 10, { ledgerEntries: [{ entryId: entry.id, quantityKg: 10 }] })],
    };
    const created = await t.call(plant.user, 'POST', '/v1/manifests', body);
    expect(created.status).toBe(422);
    expect(created.body).toMatchObject({
      code: 'PENDING_IDENTIFICATION',
      errors: [{ path: 'lines.0.ledgerEntries.0.entryId' }],
    });
    const validated = await expectOk(await t.call(plant.user, 'POST', '/v1/manifests/validate', body), 200, 'validate');
    expect(validated.valid).toBe(false);
    expect(validated.errors.map((e: { code: string }) => e.code)).toContain('PENDING_IDENTIFICATION');
  });

  it('identified hazardous (900-000-XX), it becomes a generated batch of that code, linked both ways, that ships; overdue closes', async () => {
    const at = new Date(Date.now() - 91 * DAY).toISOString();
    const entry = await expectOk(await ledger(pendingBody({ quantityKg: 40, at })), 201, 'old pending entry');
    await expectOk(await t.call(null, 'POST', '/local/jobs/alerts'), 200, 'job');
    const [alert] = await alertsOf(entry.id);
    expect(alert).toMatchObject({ status: 'open', partyId: plant.party.id, divisionCode: '140105' });

    expect((await identify(entry.id, { result: 'hazardous', wasteCode: '900-000-77' })).body.code).toBe(
      'UNKNOWN_WASTE_CODE',
    ); // no HW77
    expect((await identify(entry.id, { result: 'hazardous' })).status).toBe(400);
    expect(
      (
        await identify(
          entry.id,
          { result: 'hazardous', wasteCode: '900-000-49' },
          { user: enterprise('pi-stranger'), party: plant.party },
        )
      ).status,
    ).toBe(404);

    const identified = await expectOk(
      await identify(entry.id, { result: 'hazardous', wasteCode: '900-000-49', reportNumber: 'JB-2026-001' }),
      200,
      'identify',
    );
    expect(identified).toMatchObject({
      status: 'identified',
      identification: { result: 'hazardous', wasteCode: '900-000-49', reportNumber: 'JB-2026-001' },
    });
    const batch = await expectOk(
      await t.call(plant.user, 'GET', `/v1/parties/${plant.party.id}/ledger/${identified.resultEntryId}`),
      200,
      'batch',
    );
    expect(batch).toMatchObject({
      kind: 'generated',
      wasteCode: '900-000-49',
      quantityKg: 40,
      at,
      identifiedFrom: entry.id,
      status: 'recorded',
    });
    expect((await identify(entry.id, { result: 'not-hazardous', reportNumber: 'x', issuedBy: 'y' })).status).toBe(409); // once
    expect((await identify(batch.id, { result: 'not-hazardous', reportNumber: 'x', issuedBy: 'y' })).status).toBe(409); // not pending

    await expectOk(await t.call(null, 'POST', '/local/jobs/alerts'), 200, 'job');
    expect(await alertsOf(entry.id)).toMatchObject([{ id: alert.id, status: 'closed', closedBy: 'system' }]);

    // From 待鉴别 to a shipped, identified batch.
    await expectOk(
      await t.call(plant.user, 'POST', `/v1/parties/${plant.party.id}/plans`, {
        year: YEAR,
        items: [{ wasteCode: '900-000-49', expectedKg: 1000 }],
      }),
      201,
      'plan',
    );
    const draft = await expectOk(
      await t.call(plant.user, 'POST', '/v1/manifests', {
        generatorId: plant.party.id,
        transporterIds: [truck.party.id],
        receiverId: disposer.party.id,
        plannedPickupAt: new Date(Date.now() + 3600_000).toISOString(),
        lines: [line('900-000-49', 40, { ledgerEntries: [{ entryId: batch.id, quantityKg: 40 }] })],
      }),
      201,
      'manifest',
    );
    expect((await t.call(plant.user, 'POST', `/v1/manifests/${draft.id}/dispatch`)).body).toMatchObject({
      status: 'dispatched',
    });
    expect(await stockRow('900-000-49')).toMatchObject({ generatedKg: 40, dispatchedKg: 40, onHandKg: 0 });

    // The chain through the manifest shows the pending entry as the batch's origin: pending → batch → manifest.
    const chain = await expectOk(await t.call(plant.user, 'GET', `/v1/chains/${draft.id}`), 200, 'chain');
    const origin = chain.nodes.find((n: { id: string }) => n.id === entry.id);
    expect(origin).toMatchObject({
      type: 'pending-identification',
      relation: 'ancestor',
      distance: 2,
      redacted: false,
      wasteCode: 'pending',
      batchCode: entry.batchCode,
      name: '不明废液',
      process: '设备清洗',
      reportNumber: 'JB-2026-001',
      state: 'identified',
      kg: { in: 40, out: 40, disposed: 0, onHand: 0, lost: 0 },
      times: { at, identifiedAt: identified.identification.at },
    });
    expect(chain.nodes.find((n: { id: string }) => n.id === batch.id)).toMatchObject({
      type: 'batch',
      relation: 'ancestor',
      distance: 1,
      wasteCode: '900-000-49',
    });
    expect(chain.edges).toEqual(
      expect.arrayContaining([
        { from: entry.id, to: batch.id, kg: 40 },
        { from: batch.id, to: draft.id, kg: 40 },
      ]),
    );
    // The disposer sees the manifest, not the plant's ledger: the origin is there, redacted (no name, process, report).
    const theirs = await expectOk(
      await t.call(disposer.user, 'GET', `/v1/chains/${draft.id}`),
      200,
      'chain (disposer)',
    );
    expect(theirs.nodes.find((n: { id: string }) => n.id === entry.id)).toEqual({
      type: 'pending-identification',
      id: entry.id,
      wasteCode: 'pending',
      kg: { in: 40, out: 40, disposed: 0, onHand: 0, lost: 0 },
      state: 'identified',
      divisionCode: '140105',
      redacted: true,
      relation: 'ancestor',
      distance: 2,
    });
  });

  it('identified not hazardous, it leaves the hazardous stock with its report on record; declarations show pending waste as its own row', async () => {
    const before = (await stockRow('pending')).onHandKg;
    const entry = await expectOk(await ledger(pendingBody({ quantityKg: 7 })), 201, 'pending entry');
    expect((await identify(entry.id, { result: 'not-hazardous', reportNumber: 'JB-2' })).status).toBe(400); // issuedBy
    const identified = await expectOk(
      await identify(entry.id, { result: 'not-hazardous', reportNumber: 'JB-2', issuedBy: '山西省固体废物鉴别中心' }),
      200,
      'identify',
    );
    expect(identified).toMatchObject({
      status: 'identified',
      identification: { result: 'not-hazardous', reportNumber: 'JB-2', issuedBy: '山西省固体废物鉴别中心' },
    });
    expect(identified.resultEntryId).toBeUndefined();
    expect((await stockRow('pending')).onHandKg).toBe(before);
    expect(
      (await t.call(plant.user, 'POST', `/v1/parties/${plant.party.id}/ledger/${entry.id}/void`, { reason: 'x' }))
        .status,
    ).toBe(409);

    await poller.drain();
    const declaration = await expectOk(
      await t.call(plant.user, 'GET', `/v1/parties/${plant.party.id}/declarations/${YEAR}`),
      200,
      'declaration',
    );
    // Still pending: the first two tests' 120.5 + 10 kg (the identified ones left the row).
    expect(declaration.lines.find((l: { wasteCode: string }) => l.wasteCode === 'pending')).toMatchObject({
      generatedKg: 130.5,
    });
  });
});
