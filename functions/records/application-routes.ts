import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import { pageRequest, pageResponse } from '#shared/http/cursor.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import type { ApplicationAction } from '#shared/domain/application/transition-table.ts';
import { actOnApplication, type ActionInput } from '#shared/services/application-actions.ts';
import {
  viewApplication,
  applicationActions,
  listApplications,
  submitApplication,
  type ListPosition,
} from '#shared/services/application-service.ts';
import * as r from '#schemas/routes/applications.ts';

const ACTION_ROUTES: [ApplicationAction, typeof r.acceptApplication][] = [
  ['accept', r.acceptApplication],
  ['incomplete', r.applicationIncomplete],
  ['resubmit', r.resubmitApplication],
  ['request-consent', r.requestConsent],
  ['consent', r.consentApplication],
  ['decline', r.declineApplication],
  ['approve', r.approveApplication],
  ['refuse', r.refuseApplication],
];

export function applicationRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.submitApplication, async (c) => {
    return commitDecision(c, submitApplication(c.var.actor, c.req.valid('json'), c.var.now), (view) => ({
      location: `/v1/approval-applications/${view.id}`,
    }));
  });
  on(app, r.getApplication, async (c) => ok(c, await viewApplication(c.var.actor, c.req.valid('param').id, c.var.now)));
  on(app, r.applicationActions, async (c) =>
    ok(c, await applicationActions(c.var.actor, c.req.valid('param').id, c.var.now)),
  );
  on(app, r.listApplications, async (c) => {
    const query = c.req.valid('query');
    const page = pageRequest<ListPosition>(c, query);
    const { items, next } = await listApplications(c.var.actor, query, page.limit, page.start, c.var.now);
    return ok(c, pageResponse(c, items, next));
  });
  for (const [action, route] of ACTION_ROUTES) {
    on(app, route, async (c) => {
      // The body and path as the route's schemas validated them (actions without a body take none).
      const valid = (c.req.valid as (target: 'json' | 'param') => unknown).bind(c.req);
      const input = (route.request.body ? valid('json') : {}) as ActionInput;
      const { id } = valid('param') as { id: string };
      return commitDecision(c, actOnApplication(c.var.actor, id, action, input, c.var.ifMatch, c.var.now));
    });
  }
}
