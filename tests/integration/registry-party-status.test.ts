// The regulator's actions on a party: approve, refuse, suspend, reinstate, and the key supervised unit flag.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Party } from '#schemas/party.ts';
import { enterprise, regulator, testApi } from '../support/api.ts';
import { activeParty } from '../support/fixtures.ts';

const shanxi = regulator('status-shanxi', '14');
const lvliang = regulator('status-lvliang', '1411');
const changji = regulator('status-changji', '6523');

describe('party status actions', () => {
  it('pending → active (approve): 200 with the whole party, version and ETag advanced', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'status-owner', { divisionCode: '141102' }, false);
    const res = await t.call(lvliang, 'POST', `/v1/parties/${party.id}/approve`);
    expect(res.status).toBe(200);
    expect(Party.strict().parse(res.body)).toEqual({
      ...party,
      status: 'active',
      version: 2,
      updatedAt: res.body.updatedAt,
    });
    expect(res.headers.get('etag')).toBe('"2"');
    expect((await t.call(enterprise('status-owner'), 'GET', `/v1/parties/${party.id}`)).body.status).toBe('active');
  });

  it('pending → refused with a reason; a refused party cannot then be approved (409 INVALID_STATE)', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'status-owner', {}, false);
    const refused = await t.call(shanxi, 'POST', `/v1/parties/${party.id}/refuse`, { reason: '营业执照与申报不符' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', statusReason: '营业执照与申报不符', version: 2 });
    const approve = await t.call(shanxi, 'POST', `/v1/parties/${party.id}/approve`);
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('INVALID_STATE');
  });

  it('active ⇄ suspended: suspend keeps the reason, reinstate clears it', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'status-owner');
    const suspended = await t.call(shanxi, 'POST', `/v1/parties/${party.id}/suspend`, { reason: '停产整顿' });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: '停产整顿', version: 3 });
    const reinstated = await t.call(shanxi, 'POST', `/v1/parties/${party.id}/reinstate`);
    expect(reinstated.status).toBe(200);
    expect(reinstated.body).toMatchObject({ status: 'active', version: 4 });
    expect(reinstated.body).not.toHaveProperty('statusReason');
  });

  it('refuses an action the state does not allow with 409 INVALID_STATE', async () => {
    const t = await testApi();
    const pending = await activeParty(t, 'status-owner', {}, false);
    const active = await activeParty(t, 'status-owner');
    const cases: [string, string, object | undefined][] = [
      [pending.id, 'suspend', { reason: 'x' }],
      [pending.id, 'reinstate', undefined],
      [active.id, 'approve', undefined],
      [active.id, 'refuse', { reason: 'x' }],
      [active.id, 'reinstate', undefined],
    ];
    for (const [id, action, body] of cases) {
      const res = await t.call(shanxi, 'POST', `/v1/parties/${id}/${action}`, body);
      expect(res.status, action).toBe(409);
      expect(res.body.code).toBe('INVALID_STATE');
    }
  });

  it('needs a reason to refuse or suspend (400 on reason)', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'status-owner');
    for (const body of [undefined, {}, { reason: '   ' }, { reason: 'x', extra: 1 }]) {
      const res = await t.call(shanxi, 'POST', `/v1/parties/${party.id}/suspend`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('a regulator of 1411 cannot approve a party in 6523: it cannot even see it (404)', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'status-xj', { divisionCode: '652301' }, false);
    const res = await t.call(lvliang, 'POST', `/v1/parties/${party.id}/approve`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect((await t.call(changji, 'POST', `/v1/parties/${party.id}/approve`)).status).toBe(200);
  });

  it('a regulator who sees an active party outside its jurisdiction may not suspend it (403 FORBIDDEN)', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'status-xj', { divisionCode: '652301' });
    const res = await t.call(lvliang, 'POST', `/v1/parties/${party.id}/suspend`, { reason: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('an enterprise may not approve its own party (403), nor see a stranger’s pending one (404)', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'status-self', {}, false);
    const own = await t.call(enterprise('status-self'), 'POST', `/v1/parties/${party.id}/approve`);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FORBIDDEN');
    expect((await t.call(enterprise('status-other'), 'POST', `/v1/parties/${party.id}/approve`)).status).toBe(404);
    expect((await t.call(shanxi, 'POST', `/v1/parties/${randomUUID()}/approve`)).status).toBe(404);
  });

  it('honours If-Match: the current version passes, a stale one answers 412, a malformed one 400', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'status-owner');
    const stale = await t.call(
      shanxi,
      'POST',
      `/v1/parties/${party.id}/suspend`,
      { reason: 'x' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    const bad = await t.call(
      shanxi,
      'POST',
      `/v1/parties/${party.id}/suspend`,
      { reason: 'x' },
      { 'if-match': 'yesterday' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'header.if-match' })]);
    const current = await t.call(
      shanxi,
      'POST',
      `/v1/parties/${party.id}/suspend`,
      { reason: 'x' },
      { 'if-match': '"2"' },
    );
    expect(current.status).toBe(200);
    expect(current.body.version).toBe(3);
  });

  it('replays an approval retried with the same Idempotency-Key instead of answering 409', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'status-owner', {}, false);
    const headers = { 'idempotency-key': `approve-${party.id}` };
    const first = await t.call(shanxi, 'POST', `/v1/parties/${party.id}/approve`, undefined, headers);
    const again = await t.call(shanxi, 'POST', `/v1/parties/${party.id}/approve`, undefined, headers);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe('"2"');
  });
});

describe('PUT /v1/parties/{id}/supervision', () => {
  it('a covering regulator puts a party on the key unit list for a year and takes it off', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'status-key', { divisionCode: '141102' });
    const on = await t.call(lvliang, 'PUT', `/v1/parties/${party.id}/supervision`, { keyUnit: true, year: 2026 });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ keyUnitYears: [2026], version: 3 });
    expect(on.headers.get('etag')).toBe('"3"');
    const also = await t.call(lvliang, 'PUT', `/v1/parties/${party.id}/supervision`, { keyUnit: true, year: 2025 });
    expect(also.body.keyUnitYears).toEqual([2025, 2026]);
    const off = await t.call(lvliang, 'PUT', `/v1/parties/${party.id}/supervision`, { keyUnit: false, year: 2026 });
    expect(off.body.keyUnitYears).toEqual([2025]);
  });

  it('belongs to regulators covering the party (403 to its member and to other regulators), 404 when unseen', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'status-key', { divisionCode: '141102' });
    for (const user of [enterprise('status-key'), changji, regulator('status-taiyuan', '1401')]) {
      const res = await t.call(user, 'PUT', `/v1/parties/${party.id}/supervision`, { keyUnit: true, year: 2026 });
      expect(res.status, user.sub).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    const pending = await activeParty(t, 'status-key', { divisionCode: '141102' }, false);
    expect(
      (await t.call(changji, 'PUT', `/v1/parties/${pending.id}/supervision`, { keyUnit: true, year: 2026 })).status,
    ).toBe(404);
  });

  it('answers 412 to a stale If-Match and 400 to a bad body', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'status-key');
    const stale = await t.call(
      shanxi,
      'PUT',
      `/v1/parties/${party.id}/supervision`,
      { keyUnit: true, year: 2026 },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    const bad = await t.call(shanxi, 'PUT', `/v1/parties/${party.id}/supervision`, { keyUnit: 'yes', year: 1999 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['keyUnit', 'year']);
  });
});
