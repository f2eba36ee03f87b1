import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import { pageRequest, pageResponse } from '#shared/http/cursor.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import { viewLedgerEntry, listLedger, recordEntry, voidEntry } from '#shared/services/ledger-service.ts';
import { identifyEntry } from '#shared/services/identification-service.ts';
import { viewStock } from '#shared/services/stock-service.ts';
import * as r from '#schemas/routes/records.ts';

export function ledgerRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.recordLedgerEntry, async (c) => {
    const partyId = c.req.valid('param').id;
    return commitDecision(c, recordEntry(c.var.actor, partyId, c.req.valid('json'), c.var.now), (view) => ({
      location: `/v1/parties/${partyId}/ledger/${view.id}`,
    }));
  });
  on(app, r.listLedger, async (c) => {
    const query = c.req.valid('query');
    const page = pageRequest<Record<string, unknown>>(c, query);
    const { items, next } = await listLedger(c.var.actor, c.req.valid('param').id, query, page.limit, page.start);
    return ok(c, pageResponse(c, items, next));
  });
  on(app, r.getLedgerEntry, async (c) => {
    const { id, entryId } = c.req.valid('param');
    return ok(c, await viewLedgerEntry(c.var.actor, id, entryId));
  });
  on(app, r.voidLedgerEntry, async (c) => {
    const { id, entryId } = c.req.valid('param');
    return commitDecision(c, voidEntry(c.var.actor, id, entryId, c.req.valid('json').reason, c.var.ifMatch, c.var.now));
  });
  on(app, r.identifyLedgerEntry, async (c) => {
    const { id, entryId } = c.req.valid('param');
    return commitDecision(c, identifyEntry(c.var.actor, id, entryId, c.req.valid('json'), c.var.ifMatch, c.var.now));
  });
  on(app, r.getStock, async (c) => ok(c, await viewStock(c.var.actor, c.req.valid('param').id)));
}
