import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import { completeAfterReceipt } from '#shared/services/disposal-service.ts';
import {
  closeIncident,
  listManifestIncidents,
  reportIncident,
  viewIncident,
} from '#shared/services/incident-service.ts';
import * as r from '#schemas/routes/incidents.ts';

export function incidentRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.reportIncident, async (c) => {
    return commitDecision(
      c,
      reportIncident(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.ifMatch, c.var.now),
      (view) => ({ location: `/v1/incidents/${view.id}` }),
    );
  });
  on(app, r.listManifestIncidents, async (c) =>
    ok(c, await listManifestIncidents(c.var.actor, c.req.valid('param').id)),
  );
  on(app, r.getIncident, async (c) => ok(c, await viewIncident(c.var.actor, c.req.valid('param').id)));
  on(app, r.closeIncident, async (c) => {
    const decision = await closeIncident(
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json').note,
      c.var.ifMatch,
      c.var.now,
    );
    const res = await commitDecision(c, decision);
    // A received manifest held back only by this incident completes now (rule 19), as after a receipt.
    const { manifest } = decision;
    if (manifest.status === 'received') await completeAfterReceipt(manifest.id, c.var.now);
    return res;
  });
}
