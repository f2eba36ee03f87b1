// The oversight function: what regulators see of their jurisdiction.
import { createApp, on } from '#shared/http/create-app.ts';
import { pageRequest, pageResponse } from '#shared/http/cursor.ts';
import { allPages, csvResponse, wantsCsv } from '#shared/http/csv.ts';
import { ok } from '#shared/http/respond.ts';
import { keyUnits, oversightManifests } from '#shared/services/oversight-service.ts';
import type { OversightCursor } from '#shared/store/oversight-index-store.ts';
import * as r from '#schemas/routes/oversight.ts';

export const app = createApp();

const MANIFEST_COLUMNS = ['id', 'number', 'status', 'generatorId', 'receiverId', 'generatorDivision', 'receiverDivision', 'wasteCodes', 'quantityKg', 'createdAt', 'updatedAt'] as const;
const PARTY_COLUMNS = ['id', 'name', 'uscc', 'divisionCode', 'address', 'kinds', 'status', 'keyUnitYears'] as const;

on(app, r.listOversightManifests, async (c) => {
  const { limit, cursor, ...filter } = c.req.valid('query');
  if (wantsCsv(c)) {
    const pages = allPages<Record<string, unknown>, OversightCursor>(async (start) => oversightManifests(c.var.actor, filter, 100, start) as never);
    return csvResponse(c, [...MANIFEST_COLUMNS], pages, 'manifests.csv');
  }
  const page = pageRequest<OversightCursor>(c, { limit, cursor });
  const { items, next } = await oversightManifests(c.var.actor, filter, page.limit, page.start);
  return ok(c, pageResponse(c, items, next));
});

on(app, r.listKeyUnits, async (c) => {
  const { limit, cursor, ...query } = c.req.valid('query');
  if (wantsCsv(c)) {
    const pages = allPages<Record<string, unknown>, Record<string, unknown>>(async (start) => keyUnits(c.var.actor, query, c.var.now, 100, start) as never);
    return csvResponse(c, [...PARTY_COLUMNS], pages, 'key-units.csv');
  }
  const page = pageRequest<Record<string, unknown>>(c, { limit, cursor });
  const { items, next } = await keyUnits(c.var.actor, query, c.var.now, page.limit, page.start);
  return ok(c, pageResponse(c, items, next));
});
