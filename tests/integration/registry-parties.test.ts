// Registering and reading parties: POST /v1/parties, GET /v1/parties/{id}, GET /v1/me, and the cross-cutting
// answers every POST shares (401, 413, idempotent replay).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Me, Party, PublicParty } from '#schemas/party.ts';
import { enterprise, regulator, testApi } from '../support/api.ts';
import { activeParty, partyBody, provinceRegulator } from '../support/fixtures.ts';

const problemOf = (res: { status: number; headers: Headers; body: any }) => {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body.status).toBe(res.status);
  return res.body as { code: string; errors?: { path: string; message: string }[] };
};

describe('POST /v1/parties', () => {
  it('answers 201 with the pending party, its Location and ETag "1"; the caller becomes its manager', async () => {
    const t = await testApi();
    const owner = enterprise('parties-owner');
    const body = partyBody({ divisionCode: '141102', kinds: ['generator', 'medical'] });
    const res = await t.call(owner, 'POST', '/v1/parties', body);
    expect(res.status).toBe(201);
    expect(Party.strict().parse(res.body)).toMatchObject({ ...body, status: 'pending', keyUnitYears: [], version: 1 });
    expect(res.headers.get('location')).toBe(`/v1/parties/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body.createdAt).toMatch(/Z$/);

    const me = await t.call(owner, 'GET', '/v1/me');
    expect(Me.strict().parse(me.body)).toEqual({
      sub: 'parties-owner',
      groups: ['enterprise'],
      memberships: [{ partyId: res.body.id, name: body.name, role: 'manager' }],
    });
    const members = await t.call(owner, 'GET', `/v1/parties/${res.body.id}/members`);
    expect(members.body.items).toEqual([
      expect.objectContaining({ sub: 'parties-owner', role: 'manager', addedBy: 'parties-owner' }),
    ]);
  });

  it('names every failing field in a 400', async () => {
    const t = await testApi();
    const res = await t.call(enterprise('parties-bad'), 'POST', '/v1/parties', {
      ...partyBody(),
      name: '',
      uscc: '91140105MA0ABCDE0F',
      divisionCode: '14',
      kinds: ['generator', 'generator'],
      contact: { name: 'x', phone: 'call me' },
      colour: 'red',
    });
    expect(res.status).toBe(400);
    const problem = problemOf(res);
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors!.map((e) => e.path).sort()).toEqual([
      'colour',
      'contact.phone',
      'divisionCode',
      'kinds',
      'name',
      'uscc',
    ]);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const t = await testApi();
    const res = await t.call(enterprise('parties-bad'), 'POST', '/v1/parties', '{"name":', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(problemOf(res).code).toBe('VALIDATION_FAILED');
  });

  it('refuses a division code that is not an existing county: 422 UNKNOWN_DIVISION on divisionCode', async () => {
    const t = await testApi();
    const res = await t.call(enterprise('parties-div'), 'POST', '/v1/parties', partyBody({ divisionCode: '141199' }));
    expect(res.status).toBe(422);
    expect(problemOf(res)).toMatchObject({ code: 'UNKNOWN_DIVISION', errors: [{ path: 'divisionCode' }] });
  });

  it('refuses a second party with the same USCC: 409 PARTY_EXISTS, and nothing of it is kept', async () => {
    const t = await testApi();
    const body = partyBody();
    expect((await t.call(enterprise('parties-first'), 'POST', '/v1/parties', body)).status).toBe(201);
    const again = await t.call(enterprise('parties-second'), 'POST', '/v1/parties', { ...body, name: '另一家' });
    expect(again.status).toBe(409);
    expect(problemOf(again).code).toBe('PARTY_EXISTS');
    expect((await t.call(enterprise('parties-second'), 'GET', '/v1/me')).body.memberships).toEqual([]);
  });

  it('lets only enterprise users register (a regulator gets 403 FORBIDDEN)', async () => {
    const t = await testApi();
    const res = await t.call(regulator('parties-reg', '14'), 'POST', '/v1/parties', partyBody());
    expect(res.status).toBe(403);
    expect(problemOf(res).code).toBe('FORBIDDEN');
  });

  it('answers 413 PAYLOAD_TOO_LARGE to a body over 256 KiB', async () => {
    const t = await testApi();
    const res = await t.call(
      enterprise('parties-big'),
      'POST',
      '/v1/parties',
      partyBody({ address: 'x'.repeat(257 * 1024) }),
    );
    expect(res.status).toBe(413);
    expect(problemOf(res).code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('authentication', () => {
  it('answers 401 UNAUTHENTICATED without a token, with a forged or expired one, or a malformed header', async () => {
    const t = await testApi();
    const expired = await t.token(enterprise('parties-late'), -60);
    const valid = await t.token(enterprise('parties-late'));
    const forged = valid.slice(0, -4) + (valid.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const authorization of [
      null,
      `Bearer ${expired}`,
      `Bearer ${forged}`,
      'Bearer',
      `Basic ${valid}`,
      'Bearer not.a.jwt',
    ]) {
      const res = await t.call(authorization, 'GET', '/v1/me');
      expect(res.status, String(authorization)).toBe(401);
      expect(problemOf(res).code).toBe('UNAUTHENTICATED');
    }
    expect((await t.call(null, 'POST', '/v1/parties', partyBody())).status).toBe(401);
  });

  it('/v1/me shows a regulator its jurisdiction and an admin its group', async () => {
    const t = await testApi();
    expect((await t.call(regulator('parties-lvliang', '1411'), 'GET', '/v1/me')).body).toEqual({
      sub: 'parties-lvliang',
      groups: ['regulator'],
      jurisdiction: '1411',
      memberships: [],
    });
    expect((await t.call({ sub: 'parties-admin', groups: ['admin'] }, 'GET', '/v1/me')).body).toEqual({
      sub: 'parties-admin',
      groups: ['admin'],
      memberships: [],
    });
  });
});

describe('GET /v1/parties/{id}', () => {
  it('shows members and covering regulators (at 14, 1411, 141102, 00 and admin) the whole party with its ETag', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'parties-view', { divisionCode: '141102' }, false);
    const viewers = [
      enterprise('parties-view'),
      regulator('r14', '14'),
      regulator('r1411', '1411'),
      regulator('r141102', '141102'),
      regulator('r00', '00'),
      { sub: 'admin', groups: ['admin' as const] },
    ];
    for (const viewer of viewers) {
      const res = await t.call(viewer, 'GET', `/v1/parties/${party.id}`);
      expect(res.status, viewer.sub).toBe(200);
      expect(Party.strict().parse(res.body)).toEqual(party);
      expect(res.headers.get('etag')).toBe('"1"');
    }
  });

  it('shows anyone else the public entry of an active party, and nothing (404) of a pending, refused or suspended one', async () => {
    const t = await testApi();
    const stranger = enterprise('parties-stranger');
    const outsider = regulator('r6523', '6523');
    const active = await activeParty(t, 'parties-public', { divisionCode: '141102' });
    for (const viewer of [stranger, outsider]) {
      const res = await t.call(viewer, 'GET', `/v1/parties/${active.id}`);
      expect(res.status).toBe(200);
      expect(PublicParty.strict().parse(res.body)).toEqual({
        id: active.id,
        name: active.name,
        kinds: active.kinds,
        divisionCode: '141102',
        status: 'active',
      });
      expect(res.headers.get('etag')).toBeNull();
    }
    const pending = await activeParty(t, 'parties-hidden', {}, false);
    const refused = await activeParty(t, 'parties-hidden', {}, false);
    await t.call(provinceRegulator('14'), 'POST', `/v1/parties/${refused.id}/refuse`, { reason: '材料不全' });
    const suspended = await activeParty(t, 'parties-hidden');
    await t.call(provinceRegulator('14'), 'POST', `/v1/parties/${suspended.id}/suspend`, { reason: '停产整顿' });
    for (const id of [pending.id, refused.id, suspended.id, randomUUID()]) {
      for (const viewer of [stranger, outsider]) {
        const res = await t.call(viewer, 'GET', `/v1/parties/${id}`);
        expect(res.status).toBe(404);
        expect(problemOf(res).code).toBe('NOT_FOUND');
      }
    }
  });

  it('answers 400 for an id that is not a UUID', async () => {
    const t = await testApi();
    const res = await t.call(enterprise('parties-view'), 'GET', '/v1/parties/not-a-uuid');
    expect(res.status).toBe(400);
    expect(problemOf(res).errors).toEqual([expect.objectContaining({ path: 'param.id' })]);
  });
});

describe('Idempotency-Key on POST /v1/parties', () => {
  it('replays the first answer (status, body, Location, ETag) and registers nothing twice', async () => {
    const t = await testApi();
    const owner = enterprise('parties-idem');
    const body = partyBody();
    const headers = { 'idempotency-key': `register-${randomUUID()}` };
    const first = await t.call(owner, 'POST', '/v1/parties', body, headers);
    const second = await t.call(owner, 'POST', '/v1/parties', body, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('etag')).toBe('"1"');
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await t.call(owner, 'GET', '/v1/me')).body.memberships).toHaveLength(1);
  });

  it('refuses the same key with another body: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const t = await testApi();
    const owner = enterprise('parties-idem-2');
    const headers = { 'idempotency-key': 'same-key' };
    expect((await t.call(owner, 'POST', '/v1/parties', partyBody(), headers)).status).toBe(201);
    const other = await t.call(owner, 'POST', '/v1/parties', partyBody(), headers);
    expect(other.status).toBe(422);
    expect(problemOf(other).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await t.call(owner, 'GET', '/v1/me')).body.memberships).toHaveLength(1);
  });

  it('keeps keys per user: another user may use the same key', async () => {
    const t = await testApi();
    const headers = { 'idempotency-key': 'shared-key' };
    expect((await t.call(enterprise('parties-idem-a'), 'POST', '/v1/parties', partyBody(), headers)).status).toBe(201);
    expect((await t.call(enterprise('parties-idem-b'), 'POST', '/v1/parties', partyBody(), headers)).status).toBe(201);
  });

  it('does not store a refusal: a corrected retry with the same key succeeds', async () => {
    const t = await testApi();
    const owner = enterprise('parties-idem-3');
    const headers = { 'idempotency-key': 'retry-after-refusal' };
    const body = partyBody({ divisionCode: '149999' });
    expect((await t.call(owner, 'POST', '/v1/parties', body, headers)).status).toBe(422);
    const retried = await t.call(owner, 'POST', '/v1/parties', { ...body, divisionCode: '140105' }, headers);
    expect(retried.status).toBe(201);
  });

  it('refuses a key that is not 1–128 printable characters with 400 on header.idempotency-key', async () => {
    const t = await testApi();
    for (const key of ['', 'x'.repeat(129), 'tab\there']) {
      const res = await t.call(enterprise('parties-idem-4'), 'POST', '/v1/parties', partyBody(), {
        'idempotency-key': key,
      });
      expect(res.status, JSON.stringify(key)).toBe(400);
      expect(problemOf(res).errors).toEqual([expect.objectContaining({ path: 'header.idempotency-key' })]);
    }
  });
});
