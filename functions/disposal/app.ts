// The disposal function: disposal reports on received manifests (completion included) and the chain of custody.
import { createApp, on } from '#shared/http/create-app.ts';
import { openCursor, queryFingerprint, sealCursor } from '#shared/http/cursor.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import { viewChain } from '#shared/services/chain-service.ts';
import { viewDisposal, listDisposals, reportDisposal } from '#shared/services/disposal-service.ts';
import * as r from '#schemas/routes/disposal.ts';

export const app = createApp();

on(app, r.reportDisposal, async (c) => {
  const id = c.req.valid('param').id;
  return commitDecision(c, reportDisposal(c.var.actor, id, c.req.valid('json'), c.var.ifMatch, c.var.now), (view) => ({
    location: `/v1/manifests/${id}/disposals/${view.id}`,
  }));
});
on(app, r.listDisposals, async (c) => ok(c, await listDisposals(c.var.actor, c.req.valid('param').id)));
on(app, r.getDisposal, async (c) => {
  const { id, disposalId } = c.req.valid('param');
  return ok(c, await viewDisposal(c.var.actor, id, disposalId));
});
on(app, r.getChain, async (c) => {
  const { depth, format, cursor } = c.req.valid('query');
  const fingerprint = queryFingerprint(c);
  const offset = cursor ? openCursor<{ offset: number }>(cursor, c.var.actor.sub, fingerprint).offset : 0;
  const { chain, nextOffset } = await viewChain(c.var.actor, c.req.valid('param').manifestId, {
    depth,
    format,
    offset,
  });
  return ok(c, {
    ...chain,
    nextCursor: nextOffset === undefined ? null : sealCursor({ offset: nextOffset }, c.var.actor.sub, fingerprint),
  });
});
