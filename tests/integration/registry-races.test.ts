// What a user sees when something happens between our read and our write, or when the store is unavailable:
// a hook on the store client runs a competing request (or fails) at the moment the route commits.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '#shared/store/client.ts';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { activeParty, partyBody } from '../support/fixtures.ts';

type Hook = (commandName: string, input: unknown) => Promise<void>;
let hook: Hook | undefined;
let t: TestApi;
const shanxi = regulator('race-shanxi', '14');

beforeAll(async () => {
  t = await testApi();
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const run = hook;
      if (run) await run(String(context.commandName), args.input);
      return next(args);
    },
    { step: 'initialize', name: 'testRaceHook' },
  );
});
afterEach(() => {
  hook = undefined;
});

/** Runs `competitor` once, just before the first transaction that mentions `id` is sent. */
function beforeCommitOf(id: string, competitor: () => Promise<unknown>): void {
  hook = async (name, input) => {
    if (!name.startsWith('TransactWrite') || !JSON.stringify(input).includes(id)) return;
    hook = undefined;
    await competitor();
  };
}

describe('lost races', () => {
  it('a write that loses the race without If-Match answers 409 VERSION_CONFLICT and changes nothing', async () => {
    const party = await activeParty(t, 'race-owner');
    beforeCommitOf(party.id, () =>
      t.call(shanxi, 'PUT', `/v1/parties/${party.id}/supervision`, { keyUnit: true, year: 2026 }),
    );
    const res = await t.call(shanxi, 'POST', `/v1/parties/${party.id}/suspend`, { reason: '停产' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
    expect((await t.call(shanxi, 'GET', `/v1/parties/${party.id}`)).body).toMatchObject({
      status: 'active',
      keyUnitYears: [2026],
      version: 3,
    });
  });

  it('with If-Match naming the version it read, the loser answers 412 PRECONDITION_FAILED', async () => {
    const party = await activeParty(t, 'race-owner');
    beforeCommitOf(party.id, () =>
      t.call(shanxi, 'PUT', `/v1/parties/${party.id}/supervision`, { keyUnit: true, year: 2026 }),
    );
    const res = await t.call(
      shanxi,
      'POST',
      `/v1/parties/${party.id}/suspend`,
      { reason: '停产' },
      { 'if-match': '"2"' },
    );
    expect(res.status).toBe(412);
    expect(res.body.code).toBe('PRECONDITION_FAILED');
  });

  it('a status change racing a manager leaving does not bring the manager count back: the last manager still cannot leave', async () => {
    const party = await activeParty(t, 'race-m1');
    await t.call(enterprise('race-m1'), 'POST', `/v1/parties/${party.id}/members`, { sub: 'race-m2', role: 'manager' });
    beforeCommitOf(party.id, () => t.call(enterprise('race-m2'), 'DELETE', `/v1/parties/${party.id}/members/race-m2`));
    expect((await t.call(shanxi, 'POST', `/v1/parties/${party.id}/suspend`, { reason: '停产' })).status).toBe(200);
    const last = await t.call(enterprise('race-m1'), 'DELETE', `/v1/parties/${party.id}/members/race-m1`);
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('INVALID_STATE');
    expect((await t.call(enterprise('race-m1'), 'GET', `/v1/parties/${party.id}/members`)).body.items).toHaveLength(1);
  });
});

describe('Idempotency-Key while the first request is still running', () => {
  it('answers the repeat 409, then the first completes once and later repeats replay it', async () => {
    const owner = enterprise('race-idem');
    const body = partyBody();
    const headers = { 'idempotency-key': 'slow-registration' };
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const atCommit = new Promise<void>((resolve) => (reached = resolve));
    hook = async (name, input) => {
      if (!name.startsWith('TransactWrite') || !JSON.stringify(input).includes(body.uscc)) return;
      hook = undefined;
      reached();
      await released;
    };
    const first = t.call(owner, 'POST', '/v1/parties', body, headers);
    await atCommit;
    const repeat = await t.call(owner, 'POST', '/v1/parties', body, headers);
    expect(repeat.status).toBe(409);
    expect(repeat.body.code).toBe('INVALID_STATE');
    release();
    const done = await first;
    expect(done.status).toBe(201);
    const later = await t.call(owner, 'POST', '/v1/parties', body, headers);
    expect(later.status).toBe(201);
    expect(later.body).toEqual(done.body);
    expect((await t.call(owner, 'GET', '/v1/me')).body.memberships).toHaveLength(1);
  });
});

describe('the store unavailable or throttling', () => {
  const throttled = () =>
    Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name: 'ThrottlingException' });

  it('answers a read 503 STORE_UNAVAILABLE with Retry-After', async () => {
    const party = await activeParty(t, 'race-owner');
    hook = async (name) => {
      if (name.startsWith('Get')) throw throttled();
    };
    const res = await t.call(shanxi, 'GET', `/v1/parties/${party.id}`);
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('STORE_UNAVAILABLE');
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('answers a write 503 and keeps nothing of it', async () => {
    const owner = enterprise('race-503');
    hook = async (name) => {
      if (name.startsWith('TransactWrite')) throw throttled();
    };
    const res = await t.call(owner, 'POST', '/v1/parties', partyBody());
    hook = undefined;
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('STORE_UNAVAILABLE');
    expect((await t.call(owner, 'GET', '/v1/me')).body.memberships).toEqual([]);
  });
});
