import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import { viewDeclaration, submitDeclaration } from '#shared/services/declaration-service.ts';
import * as r from '#schemas/routes/records.ts';

export function declarationRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.getDeclaration, async (c) => {
    const { id, period } = c.req.valid('param');
    return ok(c, await viewDeclaration(c.var.actor, id, period, c.var.now));
  });
  on(app, r.submitDeclaration, async (c) => {
    const { id, period } = c.req.valid('param');
    return commitDecision(c, submitDeclaration(c.var.actor, id, period, c.var.ifMatch, c.var.now));
  });
}
