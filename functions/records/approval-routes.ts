import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import { pageRequest, pageResponse } from '#shared/http/cursor.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import { amendApproval, listProvinceApprovals, revokeApproval } from '#shared/services/approval-change-service.ts';
import { viewApproval, listApprovals, issueApproval } from '#shared/services/approval-service.ts';
import * as r from '#schemas/routes/records.ts';

export function approvalRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.issueApproval, async (c) => {
    return commitDecision(c, issueApproval(c.var.actor, c.req.valid('json'), c.var.now), (view) => ({
      location: `/v1/approvals/${view.id}`,
    }));
  });
  on(app, r.getApproval, async (c) => ok(c, await viewApproval(c.var.actor, c.req.valid('param').id)));
  on(app, r.revokeApproval, async (c) => {
    return commitDecision(
      c,
      revokeApproval(c.var.actor, c.req.valid('param').id, c.req.valid('json').reason, c.var.ifMatch, c.var.now),
    );
  });
  on(app, r.amendApproval, async (c) => {
    return commitDecision(
      c,
      amendApproval(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.ifMatch, c.var.now),
    );
  });
  on(app, r.listApprovals, async (c) => {
    const query = c.req.valid('query');
    const page = pageRequest<Record<string, unknown>>(c, query);
    const { items, next } = query.province
      ? await listProvinceApprovals(c.var.actor, query.province, page.limit, page.start)
      : await listApprovals(c.var.actor, query, page.limit, page.start);
    return ok(c, pageResponse(c, items, next));
  });
}
