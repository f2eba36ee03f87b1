// The oversight function: what regulators see of their jurisdiction.
import type { Context } from 'hono';
import { createApp, on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { pageRequest, pageResponse } from '#shared/http/cursor.ts';
import { csvResponse, wantsCsv } from '#shared/http/csv.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import { closeAlert, listAlerts } from '#shared/services/alert-service.ts';
import { listOversightIncidents } from '#shared/services/incident-service.ts';
import { listPartyAlerts } from '#shared/services/party-alert-service.ts';
import * as extras from '#schemas/routes/party-extras.ts';
import { listKeyUnits, listOversightManifests } from '#shared/services/oversight-service.ts';
import { viewStats } from '#shared/services/stats-service.ts';
import { OVERSIGHT_LISTS, type ExportList } from '#shared/services/oversight-lists.ts';
import type { OversightCursor } from '#shared/services/oversight-service.ts';
import * as r from '#schemas/routes/oversight.ts';
import { exportRoutes } from './export-routes.ts';
import * as incidentRoutes from '#schemas/routes/oversight-incidents.ts';
import { must } from '#shared/must.ts';

export const app = createApp();

/** Every row of a list as CSV (at most 10,000: more → 422 TOO_MANY_ROWS naming the export route). */
function csvOf(c: Context<AppEnv>, list: ExportList, query: Record<string, unknown>) {
  const def = must(OVERSIGHT_LISTS[list], `a CSV definition of the ${list} list (oversight-lists.ts)`);
  return csvResponse(c, def.columns, def.pages(c.var.actor, query, c.var.now), def.filename(query), list);
}

on(app, r.listOversightManifests, async (c) => {
  const { limit, cursor, ...filter } = c.req.valid('query');
  if (wantsCsv(c)) return csvOf(c, 'manifests', filter);
  const page = pageRequest<OversightCursor>(c, { limit, cursor });
  const { items, next } = await listOversightManifests(c.var.actor, filter, page.limit, page.start);
  return ok(c, pageResponse(c, items, next));
});

on(app, r.listKeyUnits, async (c) => {
  const { limit, cursor, ...query } = c.req.valid('query');
  if (wantsCsv(c)) return csvOf(c, 'key-units', query);
  const page = pageRequest<Record<string, unknown>>(c, { limit, cursor });
  const { items, next } = await listKeyUnits(c.var.actor, query, c.var.now, page.limit, page.start);
  return ok(c, pageResponse(c, items, next));
});

on(app, r.listAlerts, async (c) => {
  const { limit, cursor, ...query } = c.req.valid('query');
  if (wantsCsv(c)) return csvOf(c, 'alerts', query);
  const page = pageRequest<Record<string, unknown>>(c, { limit, cursor });
  const { items, next } = await listAlerts(c.var.actor, query, page.limit, page.start);
  return ok(c, pageResponse(c, items, next));
});

on(app, extras.partyAlerts, async (c) => {
  const { limit, cursor, status } = c.req.valid('query');
  const page = pageRequest<Record<string, unknown>>(c, { limit, cursor });
  const { items, next } = await listPartyAlerts(c.var.actor, c.req.valid('param').id, status, page.limit, page.start);
  return ok(c, pageResponse(c, items, next));
});

on(app, r.closeAlert, async (c) => {
  return commitDecision(
    c,
    closeAlert(c.var.actor, c.req.valid('param').id, c.req.valid('json').note, c.var.ifMatch, c.var.now),
  );
});

on(app, r.getStats, async (c) => {
  const query = c.req.valid('query');
  if (wantsCsv(c)) return csvOf(c, 'stats', query);
  return ok(c, await viewStats(c.var.actor, { ...query, perMonth: query.perMonth === 'true' }, c.var.now));
});

exportRoutes(app);
on(app, incidentRoutes.listOversightIncidents, async (c) => {
  const { limit, cursor, ...query } = c.req.valid('query');
  if (wantsCsv(c)) return csvOf(c, 'incidents', query);
  const page = pageRequest<Record<string, unknown>>(c, { limit, cursor });
  const { items, next } = await listOversightIncidents(c.var.actor, query, page.limit, page.start);
  return ok(c, pageResponse(c, items, next));
});
