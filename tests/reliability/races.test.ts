// Conflicting writes at once on one resource: exactly one wins, every other answer is 409 or 412, and what
// is stored afterwards is consistent with the winner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { installFaultyStore, type FaultyStore } from '../support/fault-injection.ts';
import { activeParty, licenceBody, partyBody } from '../support/fixtures.ts';
import { losersOnly, race, races } from '../support/race.ts';
import { itemsOf, snapshot } from './store-snapshot.ts';
import { at, first } from '../support/present.ts';

const LOST = ['409 INVALID_STATE', '409 VERSION_CONFLICT'];
const shanxi = regulator('race-regulator', '14');
let t: TestApi;
let store: FaultyStore;

beforeAll(async () => {
  t = await testApi();
  // Never armed: long timeouts only, so a slow shared CI machine cannot turn a race's loser into a 503.
  store = installFaultyStore(undefined, { patient: true });
});

afterAll(() => {
  store.restore();
  console.log(`races: ${races.run} races run, ${races.requests} concurrent requests`);
});

describe('races on parties, licences and members', () => {
  it('50 concurrent approve and refuse on one pending party: one wins, the rest get 409, the party is as the winner left it', async () => {
    const party = await activeParty(t, 'race-owner-1', {}, false);
    const tally = await race(50, (i) =>
      i % 2
        ? t.call(shanxi, 'POST', `/v1/parties/${party.id}/approve`)
        : t.call(shanxi, 'POST', `/v1/parties/${party.id}/refuse`, { reason: 'race' }),
    );
    expect(tally.winners, JSON.stringify(tally.outcomes)).toHaveLength(1);
    expect(losersOnly(tally, LOST)).toEqual([]);
    const stored = await t.call(shanxi, 'GET', `/v1/parties/${party.id}`);
    expect(stored.body).toEqual(first(tally.winners, 'winner').body);
    expect(stored.body.version).toBe(2);
  });

  it('50 concurrent verifications of one licence: one wins', async () => {
    const party = await activeParty(t, 'race-owner-2');
    const licence = (
      await t.call(enterprise('race-owner-2'), 'POST', `/v1/parties/${party.id}/licences`, licenceBody())
    ).body;
    const tally = await race(50, () => t.call(shanxi, 'POST', `/v1/parties/${party.id}/licences/${licence.id}/verify`));
    expect(tally.winners, JSON.stringify(tally.outcomes)).toHaveLength(1);
    expect(losersOnly(tally, LOST)).toEqual([]);
    const [stored] = (await t.call(shanxi, 'GET', `/v1/parties/${party.id}/licences`)).body.items;
    expect(stored).toMatchObject({ status: 'verified', version: 2 });
  });

  it('30 concurrent additions of one member: added once', async () => {
    const owner = enterprise('race-owner-3');
    const party = await activeParty(t, owner);
    const tally = await race(30, () =>
      t.call(owner, 'POST', `/v1/parties/${party.id}/members`, { sub: 'race-newcomer', role: 'manager' }),
    );
    expect(tally.winners, JSON.stringify(tally.outcomes)).toHaveLength(1);
    expect(losersOnly(tally, LOST)).toEqual([]);
    const members = (await t.call(owner, 'GET', `/v1/parties/${party.id}/members`)).body.items;
    expect(members.filter((m: { sub: string }) => m.sub === 'race-newcomer')).toHaveLength(1);
    const stored = itemsOf(await snapshot()).find((i) => i.itemType === 'party' && i.id === party.id)!;
    expect(stored.managerCount).toBe(2);
  });

  it('10 managers leaving at once: at least one stays, and the manager count matches the managers left', async () => {
    const owner = enterprise('race-owner-4');
    const party = await activeParty(t, owner);
    const managers = [owner.sub];
    for (let i = 0; i < 9; i++) {
      const sub = `race-manager-${i}`;
      expect((await t.call(owner, 'POST', `/v1/parties/${party.id}/members`, { sub, role: 'manager' })).status).toBe(
        201,
      );
      managers.push(sub);
    }
    const tally = await race(managers.length, (i) => {
      const sub = at(managers, i, 'manager');
      return t.call(enterprise(sub), 'DELETE', `/v1/parties/${party.id}/members/${sub}`);
    });
    expect(losersOnly(tally, LOST), JSON.stringify(tally.outcomes)).toEqual([]);
    const items = itemsOf(await snapshot());
    const left = items.filter((i) => i.itemType === 'member' && i.partyId === party.id);
    const stored = items.find((i) => i.itemType === 'party' && i.id === party.id)!;
    expect(left.length).toBeGreaterThanOrEqual(1);
    expect(left.length).toBe(managers.length - tally.winners.length);
    expect(stored.managerCount).toBe(left.length);
  });

  it('30 concurrent registrations of one USCC by different users: one party, the others 409, no stray membership', async () => {
    const body = partyBody();
    const tally = await race(30, (i) =>
      t.call(enterprise(`race-registrant-${i}`), 'POST', '/v1/parties', { ...body, name: `并发单位${i}` }),
    );
    expect(tally.winners, JSON.stringify(tally.outcomes)).toHaveLength(1);
    expect(losersOnly(tally, ['409 PARTY_EXISTS', '409 VERSION_CONFLICT'])).toEqual([]);
    const items = itemsOf(await snapshot());
    const parties = items.filter((i) => i.itemType === 'party' && i.uscc === body.uscc);
    expect(parties.map((p) => p.id)).toEqual([first(tally.winners, 'winner').body.id]);
    expect(
      items.filter((i) => i.itemType === 'member' && i.partyId !== undefined && i.sub.startsWith('race-registrant-')),
    ).toHaveLength(1);
  });

  it('If-Match with a stale version answers 412; 20 concurrent suspensions naming the current version: one wins', async () => {
    const party = await activeParty(t, 'race-owner-5');
    expect(party.version).toBe(2);
    const stale = await t.call(
      shanxi,
      'POST',
      `/v1/parties/${party.id}/suspend`,
      { reason: 'stale' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    const tally = await race(20, () =>
      t.call(shanxi, 'POST', `/v1/parties/${party.id}/suspend`, { reason: 'race' }, { 'if-match': '"2"' }),
    );
    expect(tally.winners, JSON.stringify(tally.outcomes)).toHaveLength(1);
    expect(losersOnly(tally, ['412 PRECONDITION_FAILED', '409 INVALID_STATE'])).toEqual([]);
    expect(first(tally.winners, 'winner').headers.get('etag')).toBe('"3"');
  });
});
