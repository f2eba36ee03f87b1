import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import { pageRequest, pageResponse } from '#shared/http/cursor.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import { listDeliveries, registerWebhook, removeWebhook, listWebhooks } from '#shared/services/webhook-service.ts';
import * as r from '#schemas/routes/webhooks.ts';

export function webhookRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.createWebhook, async (c) => {
    const partyId = c.req.valid('param').id;
    return commitDecision(c, registerWebhook(c.var.actor, partyId, c.req.valid('json'), c.var.now), (view) => ({
      location: `/v1/parties/${partyId}/webhooks/${view.id}`,
    }));
  });
  on(app, r.listWebhooks, async (c) => ok(c, { items: await listWebhooks(c.var.actor, c.req.valid('param').id) }));
  on(app, r.deleteWebhook, async (c) => {
    const { id, wid } = c.req.valid('param');
    await removeWebhook(c.var.actor, id, wid);
    return c.body(null, 204);
  });
  on(app, r.listDeliveries, async (c) => {
    const { id, wid } = c.req.valid('param');
    const page = pageRequest<Record<string, unknown>>(c, c.req.valid('query'));
    const { items, next } = await listDeliveries(c.var.actor, id, wid, page.limit, page.start);
    return ok(c, pageResponse(c, items, next));
  });
}
