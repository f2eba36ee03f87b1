import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { ok } from '#shared/http/respond.ts';
import { listManifestEvents, viewManifestIntegrity } from '#shared/services/manifest-record-service.ts';
import * as r from '#schemas/routes/manifest-record.ts';

export function recordRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.listManifestEvents, async (c) => ok(c, await listManifestEvents(c.var.actor, c.req.valid('param').id)));
  on(app, r.getManifestIntegrity, async (c) =>
    ok(c, await viewManifestIntegrity(c.var.actor, c.req.valid('param').id)),
  );
}
