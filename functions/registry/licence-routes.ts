import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import { changeLicenceStatus, fileLicence, listLicences } from '#shared/services/licence-service.ts';
import * as r from '#schemas/routes/registry.ts';

export function licenceRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.createLicence, async (c) => {
    const partyId = c.req.valid('param').id;
    return commitDecision(c, fileLicence(c.var.actor, partyId, c.req.valid('json'), c.var.now), (view) => ({
      location: `/v1/parties/${partyId}/licences/${view.id}`,
    }));
  });
  on(app, r.listLicences, async (c) => ok(c, { items: await listLicences(c.var.actor, c.req.valid('param').id) }));
  on(app, r.verifyLicence, async (c) => {
    const { id, licenceId } = c.req.valid('param');
    return commitDecision(
      c,
      changeLicenceStatus(c.var.actor, id, licenceId, 'verify', undefined, c.var.ifMatch, c.var.now),
    );
  });
  on(app, r.revokeLicence, async (c) => {
    const { id, licenceId } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    return commitDecision(
      c,
      changeLicenceStatus(c.var.actor, id, licenceId, 'revoke', reason, c.var.ifMatch, c.var.now),
    );
  });
}
