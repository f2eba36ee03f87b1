// The oversight function: what regulators see of their jurisdiction.
import { createApp, on } from '#shared/http/create-app.ts';
import { pageRequest, pageResponse } from '#shared/http/cursor.ts';
import { allPages, csvResponse, wantsCsv } from '#shared/http/csv.ts';
import { commit, ok } from '#shared/http/respond.ts';
import { closeAlert, listAlerts } from '#shared/services/alert-service.ts';
import { keyUnits, oversightManifests } from '#shared/services/oversight-service.ts';
import { statsOf } from '#shared/services/stats-service.ts';
import type { OversightCursor } from '#shared/services/oversight-service.ts';
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

const ALERT_COLUMNS = ['id', 'type', 'status', 'partyId', 'divisionCode', 'manifestId', 'subjectId', 'dueAt', 'openedAt', 'closedAt', 'closedBy', 'closeNote'] as const;

on(app, r.listAlerts, async (c) => {
  const { limit, cursor, ...query } = c.req.valid('query');
  if (wantsCsv(c)) {
    const pages = allPages<Record<string, unknown>, Record<string, unknown>>(async (start) => listAlerts(c.var.actor, query, 100, start) as never);
    return csvResponse(c, [...ALERT_COLUMNS], pages, 'alerts.csv');
  }
  const page = pageRequest<Record<string, unknown>>(c, { limit, cursor });
  const { items, next } = await listAlerts(c.var.actor, query, page.limit, page.start);
  return ok(c, pageResponse(c, items, next));
});

on(app, r.closeAlert, async (c) => {
  const { view, writes } = await closeAlert(c.var.actor, c.req.valid('param').id, c.req.valid('json').note, c.var.ifMatch, c.var.now);
  return commit(c, writes, view);
});

const STATS_COLUMNS = ['group', 'name', 'month', 'generatedKg', 'dispatchedKg', 'receivedKg', 'utilisedKg', 'disposedKg', 'rate'] as const;

on(app, r.getStats, async (c) => {
  const { perMonth, ...query } = c.req.valid('query');
  const stats = await statsOf(c.var.actor, { ...query, perMonth: perMonth === 'true' }, c.var.now);
  if (!wantsCsv(c)) return ok(c, stats);
  const rows = (async function* () {
    yield stats.items as Record<string, unknown>[];
  })();
  return csvResponse(c, [...STATS_COLUMNS], rows, `stats-${stats.division}-${stats.year}-${stats.groupBy}.csv`);
});
