import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { pageRequest, pageResponse } from '#shared/http/cursor.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import {
  changePartyStatus,
  listParties,
  viewMe,
  registerParty,
  setSupervision,
  viewParty,
} from '#shared/services/party-service.ts';
import * as r from '#schemas/routes/registry.ts';

export function partyRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.getMe, async (c) => ok(c, await viewMe(c.var.actor)));

  on(app, r.createParty, async (c) => {
    return commitDecision(c, registerParty(c.var.actor, c.req.valid('json'), c.var.now), (view) => ({
      location: `/v1/parties/${view.id}`,
    }));
  });

  on(app, r.listParties, async (c) => {
    const { limit, cursor, ...query } = c.req.valid('query');
    const page = pageRequest<Record<string, unknown>>(c, { limit, cursor });
    const { items, next } = await listParties(c.var.actor, query, page.limit, page.start);
    return ok(c, pageResponse(c, items, next));
  });

  on(app, r.getParty, async (c) => ok(c, await viewParty(c.var.actor, c.req.valid('param').id)));

  for (const [route, action] of [
    [r.approveParty, 'approve'],
    [r.refuseParty, 'refuse'],
    [r.suspendParty, 'suspend'],
    [r.reinstateParty, 'reinstate'],
  ] as const) {
    on(app, route, async (c) => {
      const reason = (c.req.valid('json' as never) as { reason?: string } | undefined)?.reason;
      return commitDecision(
        c,
        changePartyStatus(c.var.actor, c.req.valid('param').id, action, reason, c.var.ifMatch, c.var.now),
      );
    });
  }

  on(app, r.putSupervision, async (c) => {
    return commitDecision(
      c,
      setSupervision(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.ifMatch, c.var.now),
    );
  });
}
