// One access line per request (method, route, status, duration, the acting user and the party in the path), and the
// request id on every line logged while serving it: API Gateway's under Lambda, else an x-request-id header.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '#shared/http/env.ts';
import { logger, withLogContext } from '#shared/observability/log.ts';

const PARTY_IN_PATH = /^\/v1\/parties\/([^/]+)/;

export const requestLog = createMiddleware<AppEnv>(async function requestLog(c, next) {
  const requestId =
    c.env?.event?.requestContext?.requestId ?? c.env?.lambdaContext?.awsRequestId ?? c.req.header('x-request-id');
  const partyId = PARTY_IN_PATH.exec(c.req.path)?.[1];
  const started = performance.now();
  await withLogContext({ requestId, ...(partyId ? { partyId } : {}) }, async () => {
    await next();
    const actor = c.get('actor');
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
      ...(actor ? { actor: actor.sub, groups: actor.groups } : {}),
    });
  });
});
