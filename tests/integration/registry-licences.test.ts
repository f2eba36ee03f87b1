// Licences: members file them; a regulator covering the party verifies or revokes them.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Licence } from '#schemas/party.ts';
import { enterprise, regulator, testApi } from '../support/api.ts';
import { activeParty, licenceBody } from '../support/fixtures.ts';

const shanxi = regulator('lic-shanxi', '14');
const changji = regulator('lic-changji', '6523');

describe('filing a licence', () => {
  it('a member files it: 201 pending with Location and ETag; kilograms come back exactly as filed', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'lic-owner', { kinds: ['receiver'] });
    const body = licenceBody({
      wasteCodes: [
        { code: 'HW49', annualCapacityKg: 1234.567 },
        { code: '900-041-49', annualCapacityKg: 0.001 },
      ],
    });
    const res = await t.call(enterprise('lic-owner'), 'POST', `/v1/parties/${party.id}/licences`, body);
    expect(res.status).toBe(201);
    expect(Licence.strict().parse(res.body)).toEqual({
      ...body,
      id: res.body.id,
      partyId: party.id,
      status: 'pending',
      version: 1,
      createdAt: res.body.createdAt,
      updatedAt: res.body.createdAt,
    });
    expect(res.headers.get('location')).toBe(`/v1/parties/${party.id}/licences/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    const list = await t.call(enterprise('lic-owner'), 'GET', `/v1/parties/${party.id}/licences`);
    expect(list.body.items).toEqual([res.body]);
  });

  it('files a transport licence with no operations, and a licence for a pending party', async () => {
    const t = await testApi();
    const carrier = await activeParty(t, 'lic-carrier', { kinds: ['transporter'] }, false);
    const res = await t.call(
      enterprise('lic-carrier'),
      'POST',
      `/v1/parties/${carrier.id}/licences`,
      licenceBody({ type: 'transport', operations: [], wasteCodes: [] }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'transport', operations: [], wasteCodes: [] });
  });

  it('refuses inconsistent licences with 400 naming the field', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'lic-owner');
    const cases: [Record<string, unknown>, string[]][] = [
      [{ type: 'transport', operations: ['collect'] }, ['operations']],
      [{ operations: [] }, ['operations']],
      [{ wasteCodes: [] }, ['wasteCodes']],
      [{ operations: ['store', 'store'] }, ['operations']],
      [{ validFrom: '2026-06-01', validTo: '2026-05-31' }, ['validTo']],
      [{ validFrom: '2026-02-30' }, ['validFrom']],
      [{ wasteCodes: [{ code: 'HW49', annualCapacityKg: 1.0001 }] }, ['wasteCodes.0.annualCapacityKg']],
      [
        { wasteCodes: [{ code: 'waste', annualCapacityKg: -1 }] },
        ['wasteCodes.0.annualCapacityKg', 'wasteCodes.0.code'],
      ],
      [{ type: 'permit', colour: 'red' }, ['colour', 'type']],
    ];
    for (const [override, paths] of cases) {
      const res = await t.call(
        enterprise('lic-owner'),
        'POST',
        `/v1/parties/${party.id}/licences`,
        licenceBody(override),
      );
      expect(res.status, JSON.stringify(override)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path).sort(), JSON.stringify(override)).toEqual(paths);
    }
  });

  it('refuses a code or category outside the 2021 catalogue with 422 UNKNOWN_WASTE_CODE on that entry', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'lic-owner');
    for (const code of ['999-999-49', 'HW41']) {
      const body = licenceBody({
        wasteCodes: [
          { code: 'HW08', annualCapacityKg: 10 },
          { code, annualCapacityKg: 10 },
        ],
      });
      const res = await t.call(enterprise('lic-owner'), 'POST', `/v1/parties/${party.id}/licences`, body);
      expect(res.status, code).toBe(422);
      expect(res.body).toMatchObject({ code: 'UNKNOWN_WASTE_CODE', errors: [{ path: 'wasteCodes.1.code' }] });
    }
  });

  it('only members file: a covering regulator or another enterprise gets 403 NOT_A_MEMBER; a hidden party 404', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'lic-owner');
    for (const user of [shanxi, enterprise('lic-stranger')]) {
      const res = await t.call(user, 'POST', `/v1/parties/${party.id}/licences`, licenceBody());
      expect(res.status, user.sub).toBe(403);
      expect(res.body.code).toBe('NOT_A_MEMBER');
    }
    const pending = await activeParty(t, 'lic-owner', {}, false);
    expect(
      (await t.call(enterprise('lic-stranger'), 'POST', `/v1/parties/${pending.id}/licences`, licenceBody())).status,
    ).toBe(404);
    expect(
      (await t.call(enterprise('lic-stranger'), 'POST', `/v1/parties/${randomUUID()}/licences`, licenceBody())).status,
    ).toBe(404);
  });
});

describe('reading licences', () => {
  it('whoever sees the party reads its licences; a pending party’s are hidden from strangers (404)', async () => {
    const t = await testApi();
    const active = await activeParty(t, 'lic-reader');
    const filed = await t.call(enterprise('lic-reader'), 'POST', `/v1/parties/${active.id}/licences`, licenceBody());
    for (const user of [enterprise('lic-counterpart'), changji, shanxi]) {
      const res = await t.call(user, 'GET', `/v1/parties/${active.id}/licences`);
      expect(res.status, user.sub).toBe(200);
      expect(res.body.items.map((l: { id: string }) => l.id)).toEqual([filed.body.id]);
    }
    const pending = await activeParty(t, 'lic-reader', {}, false);
    const res = await t.call(enterprise('lic-counterpart'), 'GET', `/v1/parties/${pending.id}/licences`);
    expect(res.status).toBe(404);
    expect((await t.call(changji, 'GET', `/v1/parties/${pending.id}/licences`)).status).toBe(404);
  });
});

describe('verifying and revoking', () => {
  it('pending → verified → revoked by a covering regulator, each 200 with the whole licence and the next version', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'lic-owner', { divisionCode: '141102' });
    const filed = await t.call(enterprise('lic-owner'), 'POST', `/v1/parties/${party.id}/licences`, licenceBody());
    const base = `/v1/parties/${party.id}/licences/${filed.body.id}`;
    const verified = await t.call(regulator('lic-r1411', '1411'), 'POST', `${base}/verify`);
    expect(verified.status).toBe(200);
    expect(Licence.strict().parse(verified.body)).toMatchObject({
      status: 'verified',
      verifiedBy: 'lic-r1411',
      version: 2,
    });
    expect(verified.headers.get('etag')).toBe('"2"');
    const revoked = await t.call(regulator('lic-r1411', '1411'), 'POST', `${base}/revoke`, { reason: '超范围经营' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revokedReason: '超范围经营',
      verifiedBy: 'lic-r1411',
      version: 3,
    });
    expect(
      (await t.call(enterprise('lic-owner'), 'GET', `/v1/parties/${party.id}/licences`)).body.items[0].status,
    ).toBe('revoked');
  });

  it('a pending licence may be revoked; a verified one not verified again, a revoked one neither (409 INVALID_STATE)', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'lic-owner');
    const a = await t.call(enterprise('lic-owner'), 'POST', `/v1/parties/${party.id}/licences`, licenceBody());
    const b = await t.call(enterprise('lic-owner'), 'POST', `/v1/parties/${party.id}/licences`, licenceBody());
    const at = (id: string) => `/v1/parties/${party.id}/licences/${id}`;
    expect((await t.call(shanxi, 'POST', `${at(a.body.id)}/revoke`, { reason: '伪造' })).status).toBe(200);
    expect((await t.call(shanxi, 'POST', `${at(b.body.id)}/verify`)).status).toBe(200);
    for (const [id, action, body] of [
      [a.body.id, 'verify', undefined],
      [a.body.id, 'revoke', { reason: 'x' }],
      [b.body.id, 'verify', undefined],
    ] as const) {
      const res = await t.call(shanxi, 'POST', `${at(id)}/${action}`, body);
      expect(res.status, action).toBe(409);
      expect(res.body.code).toBe('INVALID_STATE');
    }
  });

  it('belongs to covering regulators: the party’s member and other regulators get 403, unseen parties and licences 404', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'lic-owner', { divisionCode: '141102' });
    const filed = await t.call(enterprise('lic-owner'), 'POST', `/v1/parties/${party.id}/licences`, licenceBody());
    const path = `/v1/parties/${party.id}/licences/${filed.body.id}/verify`;
    for (const user of [enterprise('lic-owner'), changji, regulator('lic-r1401', '1401')]) {
      const res = await t.call(user, 'POST', path);
      expect(res.status, user.sub).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await t.call(shanxi, 'POST', `/v1/parties/${party.id}/licences/${randomUUID()}/verify`)).status).toBe(404);
    const hidden = await activeParty(t, 'lic-xj', { divisionCode: '652301' }, false);
    const hiddenLicence = await t.call(
      enterprise('lic-xj'),
      'POST',
      `/v1/parties/${hidden.id}/licences`,
      licenceBody(),
    );
    const res = await t.call(shanxi, 'POST', `/v1/parties/${hidden.id}/licences/${hiddenLicence.body.id}/verify`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('needs a reason to revoke (400) and honours If-Match (412 when stale)', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'lic-owner');
    const filed = await t.call(enterprise('lic-owner'), 'POST', `/v1/parties/${party.id}/licences`, licenceBody());
    const base = `/v1/parties/${party.id}/licences/${filed.body.id}`;
    expect((await t.call(shanxi, 'POST', `${base}/revoke`, {})).status).toBe(400);
    const stale = await t.call(shanxi, 'POST', `${base}/verify`, undefined, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect((await t.call(shanxi, 'POST', `${base}/verify`, undefined, { 'if-match': '"1"' })).status).toBe(200);
  });

  it('replays a filing retried with the same Idempotency-Key: one licence, one answer', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'lic-idem');
    const body = licenceBody();
    const headers = { 'idempotency-key': 'file-licence-once' };
    const first = await t.call(enterprise('lic-idem'), 'POST', `/v1/parties/${party.id}/licences`, body, headers);
    const again = await t.call(enterprise('lic-idem'), 'POST', `/v1/parties/${party.id}/licences`, body, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect((await t.call(enterprise('lic-idem'), 'GET', `/v1/parties/${party.id}/licences`)).body.items).toHaveLength(
      1,
    );
  });
});
