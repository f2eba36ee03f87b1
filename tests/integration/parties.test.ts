import { describe, expect, it } from 'vitest';
import { enterprise, regulator, testApi } from '../support/api.ts';
import { activeParty, partyBody } from '../support/fixtures.ts';

describe('party registration', () => {
  it('registers a pending party with the caller as its first manager, then a covering regulator approves it', async () => {
    const t = await testApi();
    const owner = enterprise('reg-owner-1');
    const created = await t.call(owner, 'POST', '/v1/parties', partyBody({ divisionCode: '141102' }));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/parties/${created.body.id}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ status: 'pending', divisionCode: '141102', version: 1 });

    const me = await t.call(owner, 'GET', '/v1/me');
    expect(me.body.memberships).toEqual([{ partyId: created.body.id, name: created.body.name, role: 'manager' }]);

    const approved = await t.call(regulator('lvliang', '1411'), 'POST', `/v1/parties/${created.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'active', version: 2 });
  });

  it('a regulator of 1411 cannot approve a party in 6523 (not visible: 404)', async () => {
    const t = await testApi();
    const created = await t.call(
      enterprise('reg-owner-2'),
      'POST',
      '/v1/parties',
      partyBody({ divisionCode: '652301' }),
    );
    const res = await t.call(regulator('lvliang', '1411'), 'POST', `/v1/parties/${created.body.id}/approve`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('a user of party A asking for party B’s members gets 404', async () => {
    const t = await testApi();
    const b = await activeParty(t, 'reg-owner-b');
    await activeParty(t, 'reg-owner-a');
    const res = await t.call(enterprise('reg-owner-a'), 'GET', `/v1/parties/${b.id}/members`);
    expect(res.status).toBe(404);
  });

  it('refuses a second registration of the same code with 409 PARTY_EXISTS', async () => {
    const t = await testApi();
    const body = partyBody();
    expect((await t.call(enterprise('reg-dup'), 'POST', '/v1/parties', body)).status).toBe(201);
    const again = await t.call(enterprise('reg-dup'), 'POST', '/v1/parties', { ...body, name: 'other' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PARTY_EXISTS');
  });

  it('lists every failing field of an invalid body', async () => {
    const t = await testApi();
    const res = await t.call(enterprise('reg-bad'), 'POST', '/v1/parties', {
      ...partyBody(),
      uscc: '123',
      kinds: [],
      extra: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['extra', 'kinds', 'uscc']);
  });

  it('refuses a division code that is not an existing county with 422 UNKNOWN_DIVISION', async () => {
    const t = await testApi();
    const res = await t.call(enterprise('reg-div'), 'POST', '/v1/parties', partyBody({ divisionCode: '149999' }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('UNKNOWN_DIVISION');
  });

  it('answers 401 without a token', async () => {
    const t = await testApi();
    const res = await t.call(null, 'GET', '/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});
