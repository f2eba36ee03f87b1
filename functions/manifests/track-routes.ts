import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { pageRequest, pageResponse } from '#shared/http/cursor.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import { viewTrackGeoJson, listTrackPoints, type TrackPosition } from '#shared/services/track-read-service.ts';
import { ingestTrack } from '#shared/services/track-service.ts';
import { raiseAlerts } from '#shared/services/alert-service.ts';
import * as r from '#schemas/routes/track.ts';

export function trackRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.postTrack, async (c) => {
    const decision = await ingestTrack(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.now);
    const answer = await commitDecision(c, decision);
    await raiseAlerts(decision.alerts, c.var.now); // after the commit: the alert job reads causes from the committed head
    return answer;
  });
  on(app, r.getTrack, async (c) => {
    const { limit, cursor, leg } = c.req.valid('query');
    const id = c.req.valid('param').id;
    if ((c.req.header('accept') ?? '').includes('application/geo+json')) {
      return c.body(JSON.stringify(await viewTrackGeoJson(c.var.actor, id, { leg })), 200, {
        'content-type': 'application/geo+json',
      });
    }
    const page = pageRequest<TrackPosition>(c, { limit: limit ?? 500, cursor });
    const { items, next } = await listTrackPoints(c.var.actor, id, { leg }, page.limit, page.start);
    return ok(c, pageResponse(c, items, next));
  });
}
