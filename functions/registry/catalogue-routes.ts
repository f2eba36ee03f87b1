import type { OpenAPIHono } from '@hono/zod-openapi';
import { notFound } from '#shared/errors.ts';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { ok } from '#shared/http/respond.ts';
import {
  MEDICAL_CATEGORIES,
  type MedicalCategory,
  operations,
  searchWasteCodes,
  wasteCodes,
} from '#shared/reference/catalogue.ts';
import { childDivisions, division } from '#shared/reference/divisions.ts';
import * as r from '#schemas/routes/registry.ts';
import { must } from '#shared/must.ts';

export function catalogueRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.listWasteCodes, (c) => {
    const { q, category } = c.req.valid('query');
    return ok(c, { items: searchWasteCodes(q, category) });
  });
  on(app, r.getWasteCode, (c) => {
    const entry = wasteCodes().get(c.req.valid('param').code);
    if (!entry) throw notFound('waste code');
    return ok(c, entry);
  });
  on(app, r.listMedicalCategories, (c) =>
    ok(c, {
      items: (Object.keys(MEDICAL_CATEGORIES) as MedicalCategory[]).map((category) => {
        const code = MEDICAL_CATEGORIES[category];
        const entry = must(wasteCodes().get(code), `catalogue entry ${code} of medical category ${category}`);
        return { category, code, description: entry.description };
      }),
    }),
  );
  on(app, r.listOperations, (c) => ok(c, { items: [...operations().values()] }));
  on(app, r.listDivisions, (c) => {
    const { parent } = c.req.valid('query');
    if (parent && !division(parent)) throw notFound('division');
    return ok(c, { items: childDivisions(parent) });
  });
  on(app, r.getDivision, (c) => {
    const found = division(c.req.valid('param').code);
    if (!found) throw notFound('division');
    return ok(c, found);
  });
}
