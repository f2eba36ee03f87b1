// An external OIDC issuer's claims, mapped onto the API's (api.md "Authentication"): what a route sees as the actor.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '#shared/http/create-app.ts';
import { CLAIM_ENV, claimMappingFromEnv, mapGroups, parseGroupMap } from '#shared/http/claim-mapping.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';

const PROVINCE = {
  [CLAIM_ENV.groupsClaim]: 'roles',
  [CLAIM_ENV.jurisdictionClaim]: 'division',
  [CLAIM_ENV.groupMap]: JSON.stringify({
    'sx-hb-officer': 'regulator',
    'sx-enterprise-user': 'enterprise',
    'sx-root': 'admin',
  }),
};

const app = createApp();
app.get('/v1/whoami', (c) => c.json(c.get('actor')));

/** What the route sees, for claims as API Gateway's JWT authorizer passes them. */
async function actorFor(claims: Record<string, unknown>): Promise<{ status: number; actor?: Actor }> {
  const res = await app.request('/v1/whoami', {}, { event: { requestContext: { authorizer: { jwt: { claims } } } } });
  return res.status === 200 ? { status: 200, actor: await res.json() } : { status: res.status };
}

afterEach(() => {
  for (const name of Object.values(CLAIM_ENV)) delete process.env[name];
});

describe("claims of the stack's own Cognito user pool (no mapping set)", () => {
  it('read cognito:groups and custom:jurisdiction', async () => {
    const { actor } = await actorFor({ sub: 'reg-1', 'cognito:groups': '[regulator]', 'custom:jurisdiction': '14' });
    expect(actor).toMatchObject({
      sub: 'reg-1',
      groups: ['regulator'],
      jurisdiction: '14',
      isRegulator: true,
      jurisdictionPrefix: '14',
    });
  });

  it("ignore an external issuer's claim names", async () => {
    const { actor } = await actorFor({ sub: 'x', roles: '[sx-hb-officer]', division: '14' });
    expect(actor).toMatchObject({ groups: [], isRegulator: false });
  });
});

describe('claims of an external OIDC issuer (names and group map set by the stack)', () => {
  it("map its group values and jurisdiction claim onto the API's groups and jurisdiction", async () => {
    Object.assign(process.env, PROVINCE);
    const { actor } = await actorFor({ sub: 'official-7', roles: '[sx-hb-officer other-app-role]', division: '1411' });
    expect(actor).toMatchObject({
      sub: 'official-7',
      groups: ['regulator'],
      jurisdiction: '1411',
      isRegulator: true,
      jurisdictionPrefix: '1411',
    });
  });

  it('give an enterprise user the enterprise group, and a numeric jurisdiction is read as its digits', async () => {
    Object.assign(process.env, PROVINCE);
    expect((await actorFor({ sub: 'e', roles: ['sx-enterprise-user'] })).actor).toMatchObject({
      groups: ['enterprise'],
      isEnterprise: true,
    });
    expect((await actorFor({ sub: 'r', roles: 'sx-hb-officer', division: 14 })).actor).toMatchObject({
      jurisdiction: '14',
      isRegulator: true,
    });
  });

  it('give no group for values the map does not list, even when they spell an API group', async () => {
    Object.assign(process.env, PROVINCE);
    const { actor } = await actorFor({ sub: 'u', roles: '[admin regulator]', 'cognito:groups': '[admin]' });
    expect(actor).toMatchObject({ groups: [], isRegulator: false, isEnterprise: false });
  });

  it('still refuse claims that name no user (401)', async () => {
    Object.assign(process.env, PROVINCE);
    expect((await actorFor({ roles: '[sx-root]' })).status).toBe(401);
  });
});

describe('the group map', () => {
  it('refuses a value that is not an API group, and is not fooled by inherited names', () => {
    expect(() => parseGroupMap('{"x":"superuser"}')).toThrow(/superuser/);
    expect(() => parseGroupMap('["regulator"]')).toThrow(/JSON object/);
    expect(
      mapGroups('[constructor toString]', { groupsClaim: 'g', jurisdictionClaim: 'j', groupMap: { a: 'admin' } }),
    ).toEqual([]);
  });

  it("defaults to Cognito's claim names", () => {
    expect(claimMappingFromEnv({})).toEqual({
      groupsClaim: 'cognito:groups',
      jurisdictionClaim: 'custom:jurisdiction',
    });
  });
});
