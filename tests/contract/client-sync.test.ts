import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createClient, idempotencyKey } from '../../client/index.ts';
import { CLIENT_SCHEMA_FILE, clientSchemaSource } from '../../scripts/generate-client.ts';
import { enterprise, testApi } from '../support/api.ts';
import { partyBody } from '../support/fixtures.ts';

describe('the typed client', () => {
  it('has path types generated from the current routes', async () => {
    const [generated, committed] = await Promise.all([clientSchemaSource(), readFile(CLIENT_SCHEMA_FILE, 'utf8')]);
    // toBe would print a 160 kB diff; the message says what to do
    expect(
      committed === generated,
      'client/schema.d.ts is out of date with the routes: run npm run client:generate',
    ).toBe(true);
  });

  it('calls the API with a bearer token and an idempotency key', async () => {
    const t = await testApi();
    const user = enterprise('client-user');
    const client = createClient({
      baseUrl: 'http://wastechain.test',
      token: () => t.token(user),
      fetch: async (request) => t.api.request(request),
    });

    const body = partyBody();
    const key = idempotencyKey();
    const created = await client.POST('/v1/parties', { body: body as never, headers: key });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ name: body.name, uscc: body.uscc, status: 'pending' });

    const again = await client.POST('/v1/parties', { body: body as never, headers: key });
    expect(again.response.status).toBe(201);
    expect(again.data?.id).toBe(created.data?.id);

    const me = await client.GET('/v1/me');
    expect(me.data).toMatchObject({
      sub: 'client-user',
      memberships: [{ partyId: created.data!.id, name: body.name, role: 'manager' }],
    });
  });

  it('hands a refusal back as the typed problem', async () => {
    const t = await testApi();
    const client = createClient({
      baseUrl: 'http://wastechain.test',
      fetch: async (request) => t.api.request(request),
    });
    const res = await client.GET('/v1/me');
    expect(res.response.status).toBe(401);
    expect(res.error?.code).toBe('UNAUTHENTICATED');
  });
});
