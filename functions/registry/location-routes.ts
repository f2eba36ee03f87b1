import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { commitDecision } from '#shared/http/respond.ts';
import { setLocation } from '#shared/services/party-location-service.ts';
import * as r from '#schemas/routes/party-extras.ts';

export function locationRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.putLocation, async (c) => {
    return commitDecision(
      c,
      setLocation(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.ifMatch, c.var.now),
    );
  });
}
