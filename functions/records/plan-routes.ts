import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import { filePlan, listPlans } from '#shared/services/plan-service.ts';
import * as r from '#schemas/routes/records.ts';

export function planRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.filePlan, async (c) => {
    const partyId = c.req.valid('param').id;
    return commitDecision(c, filePlan(c.var.actor, partyId, c.req.valid('json'), c.var.ifMatch, c.var.now), (view) => ({
      location: `/v1/parties/${partyId}/plans?year=${view.year}`,
    }));
  });
  on(app, r.getPlans, async (c) =>
    ok(c, await listPlans(c.var.actor, c.req.valid('param').id, c.req.valid('query').year, c.var.now)),
  );
}
