import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { pageRequest, pageResponse } from '#shared/http/cursor.ts';
import { ok } from '#shared/http/respond.ts';
import type { FeedPosition } from '#shared/services/manifest-read-service.ts';
import {
  listFeed,
  listInbox,
  listManifests,
  manifestActions,
  viewManifest,
  viewManifestByNumber,
} from '#shared/services/manifest-read-service.ts';
import * as r from '#schemas/routes/manifests.ts';

export function readRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.listManifests, async (c) => {
    const { limit, cursor, ...query } = c.req.valid('query');
    const page = pageRequest<Record<string, unknown>>(c, { limit, cursor });
    const { items, next } = await listManifests(c.var.actor, query, page.limit, page.start);
    return ok(c, pageResponse(c, items, next));
  });
  on(app, r.getManifestByNumber, async (c) =>
    ok(c, await viewManifestByNumber(c.var.actor, c.req.valid('param').number)),
  );
  on(app, r.getManifest, async (c) => ok(c, await viewManifest(c.var.actor, c.req.valid('param').id)));
  on(app, r.manifestActions, async (c) => ok(c, await manifestActions(c.var.actor, c.req.valid('param').id)));
  on(app, r.partyInbox, async (c) => {
    const page = pageRequest<Record<string, unknown>>(c, c.req.valid('query'));
    const { items, next } = await listInbox(c.var.actor, c.req.valid('param').id, page.limit, page.start);
    return ok(c, pageResponse(c, items, next));
  });
  on(app, r.partyFeed, async (c) => {
    const page = pageRequest<FeedPosition>(c, c.req.valid('query'));
    const { items, next } = await listFeed(c.var.actor, c.req.valid('param').id, c.var.now, page.limit, page.start);
    return ok(c, pageResponse(c, items, next));
  });
}
