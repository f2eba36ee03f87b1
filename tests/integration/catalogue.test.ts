// Reference data through the API: waste codes, medical categories, operations, divisions; and the public routes.
import { describe, expect, it } from 'vitest';
import { DivisionEntry, MedicalCategoryEntry, OperationEntry, WasteCodeEntry } from '#schemas/catalogue.ts';
import { enterprise, regulator, testApi } from '../support/api.ts';

const user = enterprise('catalogue-reader');

describe('public routes', () => {
  it('GET /v1/health answers without a token', async () => {
    const t = await testApi();
    const res = await t.call(null, 'GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: expect.any(String) });
  });

  it('GET /docs serves Swagger UI for /openapi.json, without a token', async () => {
    const t = await testApi();
    const res = await t.call(null, 'GET', '/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.body).toContain('/docs/swagger-ui-bundle.js');
    expect((await t.call(null, 'GET', '/docs/init.js')).body).toContain("url: '/openapi.json'");
    const css = await t.call(null, 'GET', '/docs/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect((await t.call(null, 'GET', '/docs/package.json')).status).toBe(404); // only the page's own files
  });

  it('an unknown route answers 404 problem+json', async () => {
    const t = await testApi();
    const res = await t.call(user, 'GET', '/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('every catalogue route needs a token (401)', async () => {
    const t = await testApi();
    for (const path of [
      '/v1/catalogue/waste-codes',
      '/v1/catalogue/medical-categories',
      '/v1/catalogue/operations',
      '/v1/catalogue/divisions',
    ]) {
      const res = await t.call(null, 'GET', path);
      expect(res.status, path).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('waste codes', () => {
  it('searches the catalogue by code or description, and by category', async () => {
    const t = await testApi();
    const byCode = await t.call(user, 'GET', '/v1/catalogue/waste-codes?q=900-041');
    expect(byCode.status).toBe(200);
    expect(byCode.body.items).toEqual([WasteCodeEntry.strict().parse(byCode.body.items[0])]);
    expect(byCode.body.items[0]).toMatchObject({ code: '900-041-49', category: 'HW49', hazards: ['T', 'In'] });
    const byText = await t.call(user, 'GET', `/v1/catalogue/waste-codes?q=${encodeURIComponent('感染性')}`);
    expect(byText.body.items.map((w: { code: string }) => w.code)).toContain('841-001-01');
    const hw01 = await t.call(user, 'GET', '/v1/catalogue/waste-codes?category=HW01');
    expect(hw01.body.items.map((w: { code: string }) => w.code)).toEqual([
      '841-001-01',
      '841-002-01',
      '841-003-01',
      '841-004-01',
      '841-005-01',
    ]);
    expect((await t.call(user, 'GET', '/v1/catalogue/waste-codes')).body.items).toHaveLength(467);
  });

  it('answers one code, 404 for a code not in the catalogue, 400 for a malformed category', async () => {
    const t = await testApi();
    const one = await t.call(regulator('catalogue-reg', '14'), 'GET', '/v1/catalogue/waste-codes/772-003-18');
    expect(one.status).toBe(200);
    expect(WasteCodeEntry.strict().parse(one.body).category).toBe('HW18');
    const missing = await t.call(user, 'GET', '/v1/catalogue/waste-codes/999-999-99');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const bad = await t.call(user, 'GET', '/v1/catalogue/waste-codes?category=49');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'query.category' })]);
  });
});

describe('medical categories and operations', () => {
  it('lists the five medical categories with their HW01 codes', async () => {
    const t = await testApi();
    const res = await t.call(user, 'GET', '/v1/catalogue/medical-categories');
    expect(res.status).toBe(200);
    expect(
      res.body.items
        .map((m: unknown) => MedicalCategoryEntry.strict().parse(m))
        .map((m: { category: string; code: string }) => [m.category, m.code]),
    ).toEqual([
      ['infectious', '841-001-01'],
      ['sharps', '841-002-01'],
      ['pathological', '841-003-01'],
      ['chemical', '841-004-01'],
      ['pharmaceutical', '841-005-01'],
    ]);
  });

  it('lists utilisation and disposal operations', async () => {
    const t = await testApi();
    const res = await t.call(user, 'GET', '/v1/catalogue/operations');
    const items = res.body.items.map((o: unknown) => OperationEntry.strict().parse(o));
    expect(new Set(items.map((o: { kind: string }) => o.kind))).toEqual(new Set(['utilisation', 'disposal']));
    expect(items.find((o: { code: string }) => o.code === 'R2')).toMatchObject({ kind: 'utilisation' });
  });
});

describe('divisions', () => {
  it('lists the provinces without a parent, and the children of 14 include Lüliang (1411)', async () => {
    const t = await testApi();
    const provinces = await t.call(user, 'GET', '/v1/catalogue/divisions');
    expect(provinces.body.items).toHaveLength(31);
    const shanxi = await t.call(user, 'GET', '/v1/catalogue/divisions?parent=14');
    expect(shanxi.body.items.map((d: unknown) => DivisionEntry.strict().parse(d))).toContainEqual({
      code: '1411',
      name: '吕梁市',
      level: 'city',
      parent: '14',
    });
    const lvliang = await t.call(user, 'GET', '/v1/catalogue/divisions?parent=1411');
    expect(
      lvliang.body.items.every((d: { level: string; parent: string }) => d.level === 'county' && d.parent === '1411'),
    ).toBe(true);
  });

  it('answers one division at each level, 404 for an unknown one, 400 for a malformed parent', async () => {
    const t = await testApi();
    expect((await t.call(user, 'GET', '/v1/catalogue/divisions/14')).body).toEqual({
      code: '14',
      name: '山西省',
      level: 'province',
      parent: null,
    });
    expect((await t.call(user, 'GET', '/v1/catalogue/divisions/141102')).body).toEqual({
      code: '141102',
      name: '离石区',
      level: 'county',
      parent: '1411',
    });
    for (const path of ['/v1/catalogue/divisions/99', '/v1/catalogue/divisions?parent=1499']) {
      const res = await t.call(user, 'GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const bad = await t.call(user, 'GET', '/v1/catalogue/divisions?parent=141102');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'query.parent' })]);
  });
});
