// Random bad input to POST /v1/parties: always a 400 or 422 problem+json, never a 500, never a party.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCounty } from '#shared/reference/divisions.ts';
import { enterprise, testApi } from '../support/api.ts';
import { activeParty, partyBody } from '../support/fixtures.ts';

const owner = enterprise('fuzz-owner');
const FIELDS = ['name', 'uscc', 'divisionCode', 'address', 'kinds', 'contact'] as const;
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
);

// A valid body with one field broken: a wrong type, a random string, or missing; or an unknown field added.
const brokenBody = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELDS), wrongType).map(([field, value]) => ({ ...partyBody(), [field]: value })),
  fc
    .tuple(fc.constantFrom(...FIELDS), fc.string())
    .filter(([f]) => f === 'uscc' || f === 'kinds' || f === 'contact')
    .map(([field, value]) => ({ ...partyBody(), [field]: value })),
  fc.constantFrom(...FIELDS).map((field) => {
    const body: Record<string, unknown> = partyBody();
    delete body[field];
    return body;
  }),
  fc
    .string({ minLength: 1 })
    .filter((k) => !(FIELDS as readonly string[]).includes(k))
    .map((key) => ({ ...partyBody(), [key]: 1 })),
  fc
    .stringMatching(/^\d{6}$/)
    .filter((code) => !isCounty(code))
    .map((divisionCode) => partyBody({ divisionCode })),
);
const anyJson = fc.jsonValue().map((v) => JSON.stringify(v));
const notJson = fc.string().filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});

describe('POST /v1/parties with bad input', () => {
  it('answers 400 or 422 problem+json for broken bodies, arbitrary JSON and non-JSON alike', async () => {
    const t = await testApi();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          brokenBody.map((b) => JSON.stringify(b)),
          anyJson,
          notJson,
        ),
        async (text) => {
          const res = await t.call(owner, 'POST', '/v1/parties', text, { 'content-type': 'application/json' });
          expect([400, 422], text).toContain(res.status);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          expect(['VALIDATION_FAILED', 'UNKNOWN_DIVISION']).toContain(res.body.code);
          if (res.status === 400 && res.body.errors)
            expect(res.body.errors.every((e: { path: unknown }) => typeof e.path === 'string')).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
    expect((await t.call(owner, 'GET', '/v1/me')).body.memberships).toEqual([]);
  });
});

describe('text that is not well-formed Unicode', () => {
  it('is refused with 400 naming the field, on any route, and nothing is written', async () => {
    const t = await testApi();
    const party = await activeParty(t, 'surrogate-owner');
    const member = await t.call(
      enterprise('surrogate-owner'),
      'POST',
      `/v1/parties/${party.id}/members`,
      '{"sub":"a\\ud800b","role":"operator"}',
    );
    expect(member.status).toBe(400);
    expect(member.body.errors).toEqual([{ path: 'sub', message: 'contains a lone surrogate' }]);
    const members = await t.call(enterprise('surrogate-owner'), 'GET', `/v1/parties/${party.id}/members`);
    expect(members.body.items).toHaveLength(1);
  });
});
