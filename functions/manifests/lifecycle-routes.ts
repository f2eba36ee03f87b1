import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import { completeAfterReceipt } from '#shared/services/disposal-service.ts';
import type { TxItem } from '#shared/http/respond.ts';
import type { AppEnv } from '#shared/http/env.ts';
import type { RoutedContext, SuccessBody } from '#shared/http/typed-route.ts';
import { commit, ok } from '#shared/http/respond.ts';
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
  writes: TxItem[],
  view: SuccessBody<R>,
): Promise<Response> {
  const res = await commit(c, writes, view);
  await completeAfterReceipt(manifestId, c.var.now);
  return res;
}

export function lifecycleRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.createManifest, async (c) => {
    const { view, writes } = await createManifest(c.var.actor, c.req.valid('json'), c.var.now);
    return commit(c, writes, view, { location: `/v1/manifests/${view.id}` });
  });
  on(app, r.validateManifest, async (c) => ok(c, await validateManifest(c.var.actor, c.req.valid('json'), c.var.now)));
  on(app, r.patchManifest, async (c) => {
    const { view, writes } = await patchManifest(
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.ifMatch,
      c.var.now,
    );
    return commit(c, writes, view);
  });
  on(app, r.dispatchManifest, async (c) => {
    const { view, writes } = await dispatchManifest(c.var.actor, c.req.valid('param').id, c.var.ifMatch, c.var.now);
    return commit(c, writes, view);
  });
  on(app, r.changeCarriers, async (c) => {
    const { view, writes } = await changeCarriers(
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json').transporterIds,
      c.var.ifMatch,
      c.var.now,
    );
    return commit(c, writes, view);
  });
  on(app, r.pickupManifest, async (c) => {
    const { view, writes } = await pickup(
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.ifMatch,
      c.var.now,
    );
    return commit(c, writes, view);
  });
  on(app, r.deliverManifest, async (c) => {
    const { view, writes } = await deliver(
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      c.var.ifMatch,
      c.var.now,
    );
    return commit(c, writes, view);
  });
  on(app, r.receiveManifest, async (c) => {
    const id = c.req.valid('param').id;
    const { view, writes } = await receive(c.var.actor, id, c.req.valid('json'), c.var.ifMatch, c.var.now);
    return commitThenComplete(c, id, writes, view);
  });
  on(app, r.rejectManifest, async (c) => {
    const id = c.req.valid('param').id;
    const { view, writes } = await reject(c.var.actor, id, c.req.valid('json'), c.var.ifMatch, c.var.now);
    return commitThenComplete(c, id, writes, view);
  });
  on(app, r.cancelManifest, async (c) => {
    const { view, writes } = await cancel(
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json').reason,
      c.var.ifMatch,
      c.var.now,
    );
    return commit(c, writes, view);
  });
  for (const [route, action] of [
    [r.explainDiscrepancy, 'explain-discrepancy'],
    [r.closeDiscrepancy, 'close-discrepancy'],
  ] as const) {
    on(app, route, async (c) => {
      const { view, writes } = await discrepancyNote(
        c.var.actor,
        c.req.valid('param').id,
        action,
        c.req.valid('json').note,
        c.var.ifMatch,
        c.var.now,
      );
      return commit(c, writes, view);
    });
  }
}
