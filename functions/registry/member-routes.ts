import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import { addMember, listMembers, removeMember } from '#shared/services/member-service.ts';
import * as r from '#schemas/routes/registry.ts';

export function memberRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.addMember, async (c) => {
    const partyId = c.req.valid('param').id;
    return commitDecision(c, addMember(c.var.actor, partyId, c.req.valid('json'), c.var.now), (view) => ({
      location: `/v1/parties/${partyId}/members/${encodeURIComponent(view.sub)}`,
    }));
  });
  on(app, r.listMembers, async (c) => ok(c, { items: await listMembers(c.var.actor, c.req.valid('param').id) }));
  on(app, r.removeMember, async (c) => {
    const { id, sub } = c.req.valid('param');
    await removeMember(c.var.actor, id, sub);
    return c.body(null, 204);
  });
}
