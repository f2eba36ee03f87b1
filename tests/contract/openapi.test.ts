// The OpenAPI document served at /openapi.json: 3.1, every declared route in it, auth and problems documented.
import { beforeAll, describe, expect, it } from 'vitest';
import { allRoutes, routesByFunction } from '#schemas/routes/index.ts';
import { isValidUscc } from '#shared/domain/uscc.ts';
import { testApi } from '../support/api.ts';

let doc: any;
const publicRoutes = new Set(routesByFunction.public);
const operations = () => allRoutes.map((route) => ({ route, operation: doc.paths[route.path]?.[route.method] }));

beforeAll(async () => {
  const t = await testApi();
  const res = await t.call(null, 'GET', '/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document declaring the bearer scheme', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('lists every route of the route table with its method, its path written in full', () => {
    const missing = operations()
      .filter((o) => !o.operation)
      .map((o) => `${o.route.method.toUpperCase()} ${o.route.path}`);
    expect(missing).toEqual([]);
    for (const path of Object.keys(doc.paths)) expect(path).toMatch(/^\/v1\//);
  });

  it('declares bearerAuth and documents 400, 401 and 503 problem+json on every route that needs a token', () => {
    for (const { route, operation } of operations()) {
      const name = `${route.method.toUpperCase()} ${route.path}`;
      if (publicRoutes.has(route)) {
        expect(operation.security, name).toEqual([]);
        continue;
      }
      expect(operation.security, name).toEqual([{ bearerAuth: [] }]);
      for (const status of ['400', '401', '503']) {
        expect(operation.responses[status]?.content?.['application/problem+json']?.schema, `${name} ${status}`).toEqual(
          { $ref: '#/components/schemas/Problem' },
        );
      }
    }
  });

  it('documents the success status of each registry route: 201 for creates, 200 for reads and actions, 204 for removal', () => {
    const success = (method: string, path: string) =>
      Object.keys(doc.paths[path][method].responses).filter((s) => s.startsWith('2'));
    expect(success('post', '/v1/parties')).toEqual(['201']);
    expect(success('post', '/v1/parties/{id}/members')).toEqual(['201']);
    expect(success('post', '/v1/parties/{id}/licences')).toEqual(['201']);
    expect(success('post', '/v1/parties/{id}/approve')).toEqual(['200']);
    expect(success('get', '/v1/parties')).toEqual(['200']);
    expect(success('delete', '/v1/parties/{id}/members/{sub}')).toEqual(['204']);
    expect(doc.paths['/v1/parties/{id}'].get.parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    );
  });

  it('gives a USCC example that passes the check it documents', () => {
    const example = doc.components.schemas.CreateParty.properties.uscc.example;
    expect(isValidUscc(example)).toBe(true);
  });
});

describe('the published contract for integrators', () => {
  it('gives every operation a unique camelCase operationId, a summary and a declared tag', () => {
    const declared = new Set(doc.tags.map((t: { name: string }) => t.name));
    const ids = operations().map(({ route, operation }) => {
      const name = `${route.method.toUpperCase()} ${route.path}`;
      expect(operation.operationId, name).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(operation.summary, name).toEqual(expect.any(String));
      expect(operation.tags?.length, name).toBeGreaterThan(0);
      for (const tag of operation.tags) expect(declared.has(tag), `${name}: tag ${tag}`).toBe(true);
      return operation.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents 429 (with Retry-After) and 500 as problem+json on every operation', () => {
    for (const { route, operation } of operations()) {
      const name = `${route.method.toUpperCase()} ${route.path}`;
      expect(operation.responses['429']?.headers?.['Retry-After'], name).toBeDefined();
      expect(operation.responses['500']?.content?.['application/problem+json'], name).toBeDefined();
    }
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) }]);
  });
});
