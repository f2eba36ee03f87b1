import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { commit, ok } from '#shared/http/respond.ts';
import { changeLicenceStatus, fileLicence, listLicences } from '#shared/services/licence-service.ts';
import * as r from '#schemas/routes/registry.ts';

export function licenceRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.createLicence, async (c) => {
    const partyId = c.req.valid('param').id;
    const { view, writes } = await fileLicence(c.var.actor, partyId, c.req.valid('json'), c.var.now);
    return commit(c, writes, view, { location: `/v1/parties/${partyId}/licences/${view.id}` });
  });
  on(app, r.listLicences, async (c) => ok(c, { items: await listLicences(c.var.actor, c.req.valid('param').id) }));
  on(app, r.verifyLicence, async (c) => {
    const { id, licenceId } = c.req.valid('param');
    const { view, writes } = await changeLicenceStatus(
      c.var.actor,
      id,
      licenceId,
      'verify',
      undefined,
      c.var.ifMatch,
      c.var.now,
    );
    return commit(c, writes, view);
  });
  on(app, r.revokeLicence, async (c) => {
    const { id, licenceId } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const { view, writes } = await changeLicenceStatus(
      c.var.actor,
      id,
      licenceId,
      'revoke',
      reason,
      c.var.ifMatch,
      c.var.now,
    );
    return commit(c, writes, view);
  });
}
