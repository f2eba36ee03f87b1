// A party's members: managers add and remove them, anyone may leave, the last manager may not.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Member } from '#schemas/party.ts';
import { enterprise, regulator, testApi } from '../support/api.ts';
import { activeParty } from '../support/fixtures.ts';

const subs = (res: { body: { items: { sub: string }[] } }) => res.body.items.map((m) => m.sub).sort();

describe('members', () => {
  it('a manager adds an operator: 201 with Location; the new member sees the party in /v1/me and may act for it', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'members-boss');
    const res = await t.call(enterprise('members-boss'), 'POST', `/v1/parties/${party.id}/members`, {
      sub: 'members-clerk',
      role: 'operator',
    });
    expect(res.status).toBe(201);
    expect(Member.strict().parse(res.body)).toEqual({
      partyId: party.id,
      sub: 'members-clerk',
      role: 'operator',
      addedBy: 'members-boss',
      addedAt: expect.any(String),
    });
    expect(res.headers.get('location')).toBe(`/v1/parties/${party.id}/members/members-clerk`);
    expect((await t.call(enterprise('members-clerk'), 'GET', '/v1/me')).body.memberships).toEqual([
      { partyId: party.id, name: party.name, role: 'operator' },
    ]);
    expect((await t.call(enterprise('members-clerk'), 'GET', `/v1/parties/${party.id}`)).body.uscc).toBe(party.uscc);
  });

  it('lists members to members and covering regulators; to anyone else the list does not exist (404)', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'members-boss', { divisionCode: '141102' });
    await t.call(enterprise('members-boss'), 'POST', `/v1/parties/${party.id}/members`, {
      sub: 'members-op',
      role: 'operator',
    });
    for (const user of [
      enterprise('members-boss'),
      enterprise('members-op'),
      regulator('members-r1411', '1411'),
      regulator('members-r00', '00'),
    ]) {
      const res = await t.call(user, 'GET', `/v1/parties/${party.id}/members`);
      expect(res.status, user.sub).toBe(200);
      expect(subs(res)).toEqual(['members-boss', 'members-op']);
    }
    await activeParty(t, 'members-of-a');
    for (const user of [enterprise('members-of-a'), regulator('members-r6523', '6523')]) {
      const res = await t.call(user, 'GET', `/v1/parties/${party.id}/members`);
      expect(res.status, user.sub).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  it('an operator cannot add members (403 FORBIDDEN); a covering regulator is not a member (403 NOT_A_MEMBER); a stranger gets 404', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'members-boss');
    await t.call(enterprise('members-boss'), 'POST', `/v1/parties/${party.id}/members`, {
      sub: 'members-op2',
      role: 'operator',
    });
    const body = { sub: 'members-new', role: 'operator' };
    const byOperator = await t.call(enterprise('members-op2'), 'POST', `/v1/parties/${party.id}/members`, body);
    expect(byOperator.status).toBe(403);
    expect(byOperator.body.code).toBe('FORBIDDEN');
    const byRegulator = await t.call(regulator('members-r14', '14'), 'POST', `/v1/parties/${party.id}/members`, body);
    expect(byRegulator.status).toBe(403);
    expect(byRegulator.body.code).toBe('NOT_A_MEMBER');
    expect((await t.call(enterprise('members-stranger'), 'POST', `/v1/parties/${party.id}/members`, body)).status).toBe(
      404,
    );
    expect((await t.call(enterprise('members-boss'), 'POST', `/v1/parties/${randomUUID()}/members`, body)).status).toBe(
      404,
    );
  });

  it('refuses adding someone who already is a member (409 INVALID_STATE) and a bad body (400)', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'members-boss');
    const again = await t.call(enterprise('members-boss'), 'POST', `/v1/parties/${party.id}/members`, {
      sub: 'members-boss',
      role: 'operator',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_STATE');
    const bad = await t.call(enterprise('members-boss'), 'POST', `/v1/parties/${party.id}/members`, {
      sub: '',
      role: 'owner',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['role', 'sub']);
  });

  it('a manager removes a member (204); an operator may leave but may not remove others (403)', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'members-boss');
    const boss = enterprise('members-boss');
    for (const sub of ['members-x', 'members-y', 'members-z']) {
      await t.call(boss, 'POST', `/v1/parties/${party.id}/members`, { sub, role: 'operator' });
    }
    const removed = await t.call(boss, 'DELETE', `/v1/parties/${party.id}/members/members-x`);
    expect(removed.status).toBe(204);
    expect((await t.call(enterprise('members-x'), 'GET', '/v1/me')).body.memberships).toEqual([]);
    expect((await t.call(enterprise('members-x'), 'GET', `/v1/parties/${party.id}/members`)).status).toBe(404);

    const byOperator = await t.call(enterprise('members-y'), 'DELETE', `/v1/parties/${party.id}/members/members-z`);
    expect(byOperator.status).toBe(403);
    expect(byOperator.body.code).toBe('FORBIDDEN');
    expect((await t.call(enterprise('members-y'), 'DELETE', `/v1/parties/${party.id}/members/members-y`)).status).toBe(
      204,
    );
    expect(subs(await t.call(boss, 'GET', `/v1/parties/${party.id}/members`))).toEqual(['members-boss', 'members-z']);
    const gone = await t.call(boss, 'DELETE', `/v1/parties/${party.id}/members/members-x`);
    expect(gone.status).toBe(404);
  });

  it('the last manager cannot leave (409 INVALID_STATE); with a second manager one may', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'members-solo');
    const solo = enterprise('members-solo');
    const alone = await t.call(solo, 'DELETE', `/v1/parties/${party.id}/members/members-solo`);
    expect(alone.status).toBe(409);
    expect(alone.body.code).toBe('INVALID_STATE');
    await t.call(solo, 'POST', `/v1/parties/${party.id}/members`, { sub: 'members-deputy', role: 'manager' });
    expect((await t.call(solo, 'DELETE', `/v1/parties/${party.id}/members/members-solo`)).status).toBe(204);
    const deputy = await t.call(
      enterprise('members-deputy'),
      'DELETE',
      `/v1/parties/${party.id}/members/members-deputy`,
    );
    expect(deputy.status).toBe(409);
    expect(subs(await t.call(enterprise('members-deputy'), 'GET', `/v1/parties/${party.id}/members`))).toEqual([
      'members-deputy',
    ]);
  });

  it('two managers leaving at once: exactly one goes, the other is told 409', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'members-m1');
    await t.call(enterprise('members-m1'), 'POST', `/v1/parties/${party.id}/members`, {
      sub: 'members-m2',
      role: 'manager',
    });
    const results = await Promise.all(
      ['members-m1', 'members-m2'].map((sub) =>
        t.call(enterprise(sub), 'DELETE', `/v1/parties/${party.id}/members/${sub}`),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
    const left = results.find((r) => r.status === 204) === results[0] ? 'members-m2' : 'members-m1';
    expect(subs(await t.call(enterprise(left), 'GET', `/v1/parties/${party.id}/members`))).toEqual([left]);
  });

  it('a covering regulator may not remove members (403 NOT_A_MEMBER); a stranger gets 404', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'members-boss');
    const byRegulator = await t.call(
      regulator('members-r14', '14'),
      'DELETE',
      `/v1/parties/${party.id}/members/members-boss`,
    );
    expect(byRegulator.status).toBe(403);
    expect(byRegulator.body.code).toBe('NOT_A_MEMBER');
    expect(
      (await t.call(enterprise('members-stranger'), 'DELETE', `/v1/parties/${party.id}/members/members-boss`)).status,
    ).toBe(404);
  });

  it('replays an add retried with the same Idempotency-Key', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'members-boss');
    const headers = { 'idempotency-key': 'add-clerk' };
    const body = { sub: 'members-idem', role: 'operator' };
    const first = await t.call(enterprise('members-boss'), 'POST', `/v1/parties/${party.id}/members`, body, headers);
    const again = await t.call(enterprise('members-boss'), 'POST', `/v1/parties/${party.id}/members`, body, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
  });
});
