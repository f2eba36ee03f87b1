// The same POST retried with one Idempotency-Key applies once: concurrent retries either get the first
// response or 409 while it is still running; later repeats replay it; another body under the key is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprise, regulator, testApi, type Reply } from '../support/api.ts';
import { installFaultyStore, type FaultyStore } from '../support/fault-injection.ts';
import { partyBody } from '../support/fixtures.ts';
import { itemsOf, snapshot } from './store-snapshot.ts';
import { first } from '../support/present.ts';

const RETRIES = 20;
let retried = 0;
let store: FaultyStore;

beforeAll(() => {
  // Never armed: long timeouts only, so a slow shared CI machine cannot turn a retry into a 503.
  store = installFaultyStore(undefined, { patient: true });
});

afterAll(() => {
  store.restore();
  console.log(`idempotency: ${retried} retried POSTs`);
});

const statusAndBody = (r: Reply) => ({ status: r.status, body: r.body });

describe('idempotency', () => {
  it(`${RETRIES} concurrent retries of POST /v1/parties with one key register one party; every reply is the first or a 409 "still running"`, async () => {
    const t = await testApi();
    const user = enterprise('idem-concurrent');
    const body = partyBody();
    const headers = { 'idempotency-key': 'register-once' };
    retried += RETRIES;
    const replies = await Promise.all(
      Array.from({ length: RETRIES }, () => t.call(user, 'POST', '/v1/parties', body, headers)),
    );

    const created = replies.filter((r) => r.status === 201);
    const running = replies.filter((r) => r.status === 409);
    expect(created.length + running.length, JSON.stringify(replies.map((r) => r.status))).toBe(RETRIES);
    expect(created.length).toBeGreaterThanOrEqual(1);
    const firstCreated = first(created, '201 reply');
    for (const r of created) expect(statusAndBody(r)).toEqual(statusAndBody(firstCreated));
    for (const r of running) expect(r.body.code).toBe('INVALID_STATE');
    expect(new Set(created.map((r) => r.headers.get('location')))).toEqual(
      new Set([`/v1/parties/${firstCreated.body.id}`]),
    );

    const parties = itemsOf(await snapshot()).filter((i) => i.itemType === 'party' && i.uscc === body.uscc);
    expect(parties.map((p) => p.id)).toEqual([firstCreated.body.id]);
    expect((await t.call(user, 'GET', '/v1/me')).body.memberships).toHaveLength(1);

    // Later repeats replay the stored response, status and body, and change nothing.
    const before = await snapshot();
    for (let i = 0; i < 3; i++) {
      retried += 1;
      const again = await t.call(user, 'POST', '/v1/parties', body, headers);
      expect(statusAndBody(again)).toEqual(statusAndBody(firstCreated));
      expect(again.headers.get('location')).toBe(firstCreated.headers.get('location'));
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the same key with another body is refused with 422 IDEMPOTENCY_KEY_REUSED, and the first result stands', async () => {
    const t = await testApi();
    const user = enterprise('idem-reuse');
    const headers = { 'idempotency-key': 'reused-key' };
    const first = await t.call(user, 'POST', '/v1/parties', partyBody(), headers);
    expect(first.status).toBe(201);
    const before = await snapshot();
    retried += 1;
    const other = await t.call(user, 'POST', '/v1/parties', partyBody(), headers);
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await snapshot()).toEqual(before);
  });

  it('a key belongs to its user: another user with the same key and body is served afresh', async () => {
    const t = await testApi();
    const headers = { 'idempotency-key': 'shared-key' };
    const a = await t.call(enterprise('idem-user-a'), 'POST', '/v1/parties', partyBody(), headers);
    const b = await t.call(enterprise('idem-user-b'), 'POST', '/v1/parties', partyBody(), headers);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('an action retried concurrently with one key applies once; its replay answers 200 though the party is now active', async () => {
    const t = await testApi();
    const created = await t.call(enterprise('idem-action'), 'POST', '/v1/parties', partyBody());
    const shanxi = regulator('idem-regulator', '14');
    const headers = { 'idempotency-key': 'approve-once' };
    retried += RETRIES;
    const replies = await Promise.all(
      Array.from({ length: RETRIES }, () =>
        t.call(shanxi, 'POST', `/v1/parties/${created.body.id}/approve`, undefined, headers),
      ),
    );
    const ok = replies.filter((r) => r.status === 200);
    expect(ok.length + replies.filter((r) => r.status === 409).length).toBe(RETRIES);
    const firstOk = first(ok, '200 reply');
    for (const r of ok) expect(r.body).toEqual(firstOk.body);
    expect(firstOk.body).toMatchObject({ status: 'active', version: 2 });
    const replay = await t.call(shanxi, 'POST', `/v1/parties/${created.body.id}/approve`, undefined, headers);
    expect(statusAndBody(replay)).toEqual(statusAndBody(firstOk));
    // Without the key, the same action is evaluated afresh: the party is no longer pending.
    expect((await t.call(shanxi, 'POST', `/v1/parties/${created.body.id}/approve`)).body.code).toBe('INVALID_STATE');
  });

  it('a refusal is not stored: the corrected request under the same key is served', async () => {
    const t = await testApi();
    const user = enterprise('idem-refused');
    const headers = { 'idempotency-key': 'fix-and-retry' };
    const body = partyBody();
    const refused = await t.call(user, 'POST', '/v1/parties', { ...body, divisionCode: '149999' }, headers);
    expect(refused.body.code).toBe('UNKNOWN_DIVISION');
    const served = await t.call(user, 'POST', '/v1/parties', body, headers);
    expect(served.status).toBe(201);
  });

  it('an anonymous POST with a key (a public or refused route) is answered as without one, never 500', async () => {
    const t = await testApi();
    const headers = { 'idempotency-key': 'anonymous' };
    for (const path of ['/v1/health', '/v1/parties']) {
      const [plain, keyed] = [await t.call(null, 'POST', path, {}), await t.call(null, 'POST', path, {}, headers)];
      expect(keyed.status).toBeLessThan(500);
      expect(statusAndBody(keyed)).toEqual(statusAndBody(plain));
    }
  });
});
