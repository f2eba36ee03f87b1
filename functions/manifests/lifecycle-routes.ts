import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import { completeAfterReceipt } from '#shared/services/disposal-service.ts';
import type { AppEnv } from '#shared/http/env.ts';
import type { RoutedContext, SuccessBody } from '#shared/http/typed-route.ts';
import { commitDecision, ok, type Decided } from '#shared/http/respond.ts';
import { createManifest, patchManifest, validateManifest } from '#shared/services/manifest-draft-service.ts';
import { dispatchManifest } from '#shared/services/manifest-dispatch-service.ts';
import { receive, reject } from '#shared/services/manifest-receipt-service.ts';
import { cancel, changeCarriers, deliver, discrepancyNote, pickup } from '#shared/services/manifest-transit-service.ts';
import * as r from '#schemas/routes/manifests.ts';

/** Custody has passed on a receipt or rejection: the manifests this one shipped on may now be complete. That runs
 *  after the commit (see completeAfterReceipt), and again from the change stream should this process die in between. */
async function commitThenComplete<R extends RouteConfig>(
  c: RoutedContext<R>,
  manifestId: string,
  decision: Promise<Decided<SuccessBody<R>>>,
): Promise<Response> {
  const res = await commitDecision(c, decision);
  await completeAfterReceipt(manifestId, c.var.now);
  return res;
}

export function lifecycleRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.createManifest, async (c) => {
    return commitDecision(c, createManifest(c.var.actor, c.req.valid('json'), c.var.now), (view) => ({
      location: `/v1/manifests/${view.id}`,
    }));
  });
  on(app, r.validateManifest, async (c) => ok(c, await validateManifest(c.var.actor, c.req.valid('json'), c.var.now)));
  on(app, r.patchManifest, async (c) => {
    return commitDecision(
      c,
      patchManifest(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.ifMatch, c.var.now),
    );
  });
  on(app, r.dispatchManifest, async (c) => {
    return commitDecision(c, dispatchManifest(c.var.actor, c.req.valid('param').id, c.var.ifMatch, c.var.now));
  });
  on(app, r.changeCarriers, async (c) => {
    return commitDecision(
      c,
      changeCarriers(
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json').transporterIds,
        c.var.ifMatch,
        c.var.now,
      ),
    );
  });
  on(app, r.pickupManifest, async (c) => {
    return commitDecision(
      c,
      pickup(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.ifMatch, c.var.now),
    );
  });
  on(app, r.deliverManifest, async (c) => {
    return commitDecision(
      c,
      deliver(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.ifMatch, c.var.now),
    );
  });
  on(app, r.receiveManifest, async (c) => {
    const id = c.req.valid('param').id;
    return commitThenComplete(c, id, receive(c.var.actor, id, c.req.valid('json'), c.var.ifMatch, c.var.now));
  });
  on(app, r.rejectManifest, async (c) => {
    const id = c.req.valid('param').id;
    return commitThenComplete(c, id, reject(c.var.actor, id, c.req.valid('json'), c.var.ifMatch, c.var.now));
  });
  on(app, r.cancelManifest, async (c) => {
    return commitDecision(
      c,
      cancel(c.var.actor, c.req.valid('param').id, c.req.valid('json').reason, c.var.ifMatch, c.var.now),
    );
  });
  for (const [route, action] of [
    [r.explainDiscrepancy, 'explain-discrepancy'],
    [r.closeDiscrepancy, 'close-discrepancy'],
  ] as const) {
    on(app, route, async (c) => {
      return commitDecision(
        c,
        discrepancyNote(
          c.var.actor,
          c.req.valid('param').id,
          action,
          c.req.valid('json').note,
          c.var.ifMatch,
          c.var.now,
        ),
      );
    });
  }
}
