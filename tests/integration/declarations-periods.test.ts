// Declarations through the API: figures generated from the party's own records (backdated ledger entries, a manifest,
// a receipt) equal the test's sums; tiers decide the periods; submission signs, never changes, and a correction is a
// new version; an unsubmitted declaration past its due date raises declaration-overdue until it is submitted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jcsHash } from '#shared/domain/hash-chain.ts';
import { onStatsChanges } from '#shared/services/stats-service.ts';
import { startStreamPoller, type StreamPoller } from '../../local/stream-poller.ts';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { provinceRegulator } from '../support/fixtures.ts';
import {
  carrier,
  carry,
  disposerLicence,
  expectOk,
  line,
  member,
  receive,
  ship,
  type Actor,
} from './scenario-steps.ts';

const CODE = '900-041-49';
const shanxi = provinceRegulator('14');
let t: TestApi;
let poller: StreamPoller;
let plant: Actor, truck: Actor, disposer: Actor;

/** Local (CST) month `offset` months from now, and an instant on its 10th at noon. */
function month(offset: number) {
  const now = new Date(Date.now() + 8 * 3600_000);
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  const id = first.toISOString().slice(0, 7);
  return {
    id,
    year: Number(id.slice(0, 4)),
    at: new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 10, 4)).toISOString(),
  };
}
const [before, last, current] = [month(-2), month(-1), month(0)];
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type Field =
  | 'generatedKg'
  | 'receivedKg'
  | 'dispatchedKg'
  | 'selfUtilisedKg'
  | 'selfDisposedKg'
  | 'utilisedKg'
  | 'disposedKg';
const SIGN: Record<Field, number> = {
  generatedKg: 1,
  receivedKg: 1,
  dispatchedKg: -1,
  selfUtilisedKg: -1,
  selfDisposedKg: -1,
  utilisedKg: -1,
  disposedKg: -1,
};
/** What the test recorded for each party: month, field, kilograms. */
const moves = new Map<string, { month: string; field: Field; kg: number }[]>();
const record = (a: Actor, m: string, field: Field, kg: number) =>
  moves.set(a.party.id, [...(moves.get(a.party.id) ?? []), { month: m, field, kg }]);
const round = (kg: number) => Math.round(kg * 1000) / 1000;

/** The declaration line the records add up to, for months first..last. */
function expectedLine(a: Actor, first: string, lastMonth: string) {
  const mine = moves.get(a.party.id) ?? [];
  const opening = round(mine.filter((m) => m.month < first).reduce((s, m) => s + SIGN[m.field] * m.kg, 0));
  const fields = Object.fromEntries(
    Object.keys(SIGN).map((f) => [
      f,
      round(
        mine.filter((m) => m.field === f && m.month >= first && m.month <= lastMonth).reduce((s, m) => s + m.kg, 0),
      ),
    ]),
  );
  const closing = round(opening + Object.entries(fields).reduce((s, [f, kg]) => s + SIGN[f as Field] * kg, 0));
  return { wasteCode: CODE, openingKg: opening, ...fields, closingKg: closing };
}

async function ledger(a: Actor, body: Record<string, unknown>) {
  return expectOk(
    await t.call(a.user, 'POST', `/v1/parties/${a.party.id}/ledger`, { wasteCode: CODE, ...body }),
    201,
    'ledger',
  );
}
const planFor = async (a: Actor, year: number, expectedKg: number) =>
  expectOk(
    await t.call(a.user, 'POST', `/v1/parties/${a.party.id}/plans`, { year, items: [{ wasteCode: CODE, expectedKg }] }),
    201,
    'plan',
  );
const getDeclaration = (who: Actor['user'], a: Actor, period: string) =>
  t.call(who, 'GET', `/v1/parties/${a.party.id}/declarations/${period}`);
const submit = (who: Actor['user'], a: Actor, period: string, headers: Record<string, string> = {}) =>
  t.call(who, 'POST', `/v1/parties/${a.party.id}/declarations/${period}/submit`, undefined, headers);

beforeAll(async () => {
  t = await testApi();
  poller = await startStreamPoller((records) => onStatsChanges(records, new Date()), 50);
  [plant, truck, disposer] = await Promise.all([
    member(t, 'dc-plant', '140105', ['generator']),
    carrier(t, 'dc-truck'),
    member(t, 'dc-disposer', '141102', ['receiver'], disposerLicence(['HW49'])),
  ]);
  // 150 t a year: key supervised, monthly (both years, in case last month was last year).
  await Promise.all([...new Set([before.year, current.year])].map((y) => planFor(plant, y, 150_000)));
  await ledger(plant, { quantityKg: 30, at: before.at });
  record(plant, before.id, 'generatedKg', 30);
  await ledger(plant, { quantityKg: 100, at: last.at });
  record(plant, last.id, 'generatedKg', 100);
  await ledger(plant, { kind: 'self-disposed', operationCode: 'D10', quantityKg: 5.5, at: last.at });
  record(plant, last.id, 'selfDisposedKg', 5.5);
  await ledger(plant, { quantityKg: 20, at: new Date(Date.now() - 60_000).toISOString() });
  record(plant, current.id, 'generatedKg', 20);
  const m = await ship(t, plant, disposer, truck, [line(CODE, 50)]);
  record(plant, current.id, 'dispatchedKg', 50);
  await carry(t, truck, m.id);
  await receive(t, disposer, m, { 1: 2 }, { disposition: 'return' });
  record(disposer, current.id, 'receivedKg', 48);
  await poller.drain();
});
afterAll(() => poller.stop());

const documentOf = ({ status: _s, version: _v, signature: _sig, overdue: _o, submissions: _h, ...document }: any) =>
  document;

describe('declarations', () => {
  it('last month’s declaration is generated from the records: opening stock, what moved, closing stock, tier and due date', async () => {
    const reply = await getDeclaration(plant.user, plant, last.id);
    expect(reply.status).toBe(200);
    const due = last.id.endsWith('-12') ? `${last.year + 1}-01-15` : `${current.id}-15`;
    expect(reply.body).toMatchObject({
      partyId: plant.party.id,
      period: last.id,
      kind: 'month',
      from: `${last.id}-01`,
      tier: 'key-supervised',
      dueDate: due,
      status: 'draft',
      version: 1,
      submissions: [],
      overdue: today > due,
    });
    expect(reply.body.lines).toEqual([expectedLine(plant, last.id, last.id)]);
    expect(reply.body.lines[0]).toMatchObject({
      openingKg: 30,
      generatedKg: 100,
      selfDisposedKg: 5.5,
      closingKg: 124.5,
    });
  });

  it('a draft of the running period closes at what the stock says is on hand, for the generator and the receiver', async () => {
    // The disposer filed no plan: registered, it declares only the year.
    const cases: [Actor, string, string, string][] = [
      [plant, current.id, current.id, current.id],
      [disposer, String(current.year), `${current.year}-01`, `${current.year}-12`],
    ];
    for (const [a, period, first, lastMonth] of cases) {
      const draft = (await getDeclaration(a.user, a, period)).body;
      expect(draft.lines).toEqual([expectedLine(a, first, lastMonth)]);
      const stock = (await t.call(a.user, 'GET', `/v1/parties/${a.party.id}/stock`)).body.items.find(
        (s: any) => s.wasteCode === CODE,
      );
      expect(draft.lines[0].closingKg).toBe(stock.onHandKg);
    }
    const annual = (await getDeclaration(shanxi, plant, String(current.year))).body;
    expect(annual).toMatchObject({ kind: 'year', tier: 'key-supervised', dueDate: `${current.year + 1}-03-31` });
    expect(annual.lines).toEqual([expectedLine(plant, `${current.year}-01`, `${current.year}-12`)]);
  });

  it('a member submits and signs it; it stays as signed; a later record makes a correction, a new version', async () => {
    const signed = await submit(plant.user, plant, last.id);
    expect(signed.status).toBe(200);
    expect(signed.headers.get('etag')).toBe('"1"');
    expect(signed.body).toMatchObject({
      status: 'submitted',
      version: 1,
      signature: { sub: 'dc-plant', partyId: plant.party.id },
    });
    expect(signed.body.signature.documentHash).toBe(jcsHash(documentOf(signed.body)));
    expect((await getDeclaration(plant.user, plant, last.id)).body).toEqual(signed.body);
    const again = await submit(plant.user, plant, last.id);
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_STATE']);

    await ledger(plant, { quantityKg: 7, at: last.at }); // recorded late
    record(plant, last.id, 'generatedKg', 7);
    await poller.drain();
    const draft = (await getDeclaration(plant.user, plant, last.id)).body;
    expect(draft).toMatchObject({
      status: 'draft',
      version: 2,
      overdue: false,
      submissions: [{ version: 1, signature: signed.body.signature }],
    });
    expect(draft.lines).toEqual([expectedLine(plant, last.id, last.id)]);
    const stale = await submit(plant.user, plant, last.id, { 'if-match': '"1"' });
    expect([stale.status, stale.body.code]).toEqual([412, 'PRECONDITION_FAILED']);
    const corrected = await submit(plant.user, plant, last.id, { 'if-match': '"2"' });
    expect(corrected.status).toBe(200);
    expect(corrected.body.submissions.map((s: any) => [s.version, s.signature.documentHash])).toEqual([
      [2, jcsHash(documentOf(corrected.body))],
      [1, signed.body.signature.documentHash],
    ]);
  });

  it('refuses a period still running (409), a period the tier does not file or no period at all (400)', async () => {
    const running = await submit(plant.user, plant, current.id);
    expect([running.status, running.body.code]).toEqual([409, 'INVALID_STATE']);
    for (const period of [`${current.year}-Q1`, `${current.year}-13`, 'next-year']) {
      const reply = await getDeclaration(plant.user, plant, period);
      expect([period, reply.status, reply.body.code]).toEqual([period, 400, 'VALIDATION_FAILED']);
    }
  });

  it('members read and submit; covering regulators only read (403); everyone else gets 404', async () => {
    expect((await getDeclaration(shanxi, plant, last.id)).status).toBe(200);
    const byRegulator = await submit(shanxi, plant, before.id);
    expect([byRegulator.status, byRegulator.body.code]).toEqual([403, 'NOT_A_MEMBER']);
    for (const outsider of [enterprise('dc-truck'), regulator('dc-xinjiang', '65')]) {
      expect((await getDeclaration(outsider, plant, last.id)).body.code).toBe('NOT_FOUND');
      expect((await submit(outsider, plant, before.id)).body.code).toBe('NOT_FOUND');
    }
  });

  it('tiers: ≥ 10 t files quarterly, below annually only, and the key unit flag makes it monthly', async () => {
    const small = await member(t, 'dc-small', '140105', ['generator']);
    const medium = await member(t, 'dc-medium', '140105', ['generator']);
    await planFor(medium, current.year, 20_000);
    await planFor(small, current.year, 9_999.999);
    const q = `${current.year}-Q1`;
    expect((await getDeclaration(medium.user, medium, q)).body).toMatchObject({
      tier: 'simplified',
      kind: 'quarter',
      dueDate: `${current.year}-04-15`,
    });
    expect((await getDeclaration(medium.user, medium, current.id)).status).toBe(400);
    expect((await getDeclaration(small.user, small, String(current.year))).body).toMatchObject({
      tier: 'registered',
      lines: [],
    });
    expect((await getDeclaration(small.user, small, q)).status).toBe(400);
    await expectOk(
      await t.call(shanxi, 'PUT', `/v1/parties/${small.party.id}/supervision`, { keyUnit: true, year: current.year }),
      200,
      'key unit',
    );
    expect((await getDeclaration(small.user, small, current.id)).body.tier).toBe('key-supervised');
  });

  it('an annual declaration not submitted by 31 March opens declaration-overdue; submitting it closes the alert', async () => {
    const late = await member(t, 'dc-late', '141102', ['generator']);
    await planFor(late, 2024, 1);
    await poller.drain();
    const job = async () => {
      await poller.drain();
      return expectOk(await t.call(null, 'POST', '/local/jobs/alerts'), 200, 'alerts job');
    };
    const alertOf = async () =>
      (await t.call(shanxi, 'GET', '/v1/oversight/alerts?type=declaration-overdue')).body.items.filter(
        (a: any) => a.subjectId === `${late.party.id}/2024`,
      );
    await job();
    expect(await alertOf()).toEqual([
      expect.objectContaining({
        status: 'open',
        partyId: late.party.id,
        divisionCode: '141102',
        dueAt: '2025-03-31T16:00:00.000Z',
      }),
    ]);
    expect((await getDeclaration(late.user, late, '2024')).body).toMatchObject({ tier: 'registered', overdue: true });
    expect((await submit(late.user, late, '2024')).status).toBe(200);
    await job();
    expect(await alertOf()).toEqual([expect.objectContaining({ status: 'closed', closedBy: 'system' })]);
  });
});
