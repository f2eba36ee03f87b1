// Every function's hono app is made here, so problem+json, auth, body limit, If-Match and idempotency
// apply to every route the same way.
import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { config } from '#shared/config.ts';
import { AppError, fieldErrors } from '#shared/errors.ts';
import { toAppError } from '#shared/store/store-errors.ts';
import { authenticate } from '#shared/http/auth.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { idempotency } from '#shared/http/idempotency.ts';
import { ifMatch } from '#shared/http/if-match.ts';
import { wellFormedText } from '#shared/http/well-formed.ts';
import { problemResponse } from '#shared/http/problem.ts';
import { clock } from '#shared/clock.ts';
import { logger } from '#shared/observability/log.ts';
import { requestLog } from '#shared/http/request-log.ts';
import type { Routed } from '#shared/http/typed-route.ts';

function toHttpError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException && err.status < 500) {
    return new AppError('VALIDATION_FAILED', err.message || 'Malformed request');
  }
  try {
    return toAppError(err);
  } catch {
    return undefined;
  }
}

export function handleError(err: unknown, c: Context): Response {
  const appError = toHttpError(err);
  if (appError) return problemResponse(c, appError);
  logger.error('unhandled error', { error: err });
  return c.body(
    JSON.stringify({
      type: 'about:blank',
      title: 'Internal error',
      status: 500,
      detail: 'An unexpected error occurred',
      code: 'INTERNAL_ERROR',
    }),
    500,
    { 'content-type': 'application/problem+json' },
  );
}

const stampTime = createMiddleware<AppEnv>(async function stampTime(c, next) {
  c.set('now', clock());
  await next();
});

const limitBody = bodyLimit({
  maxSize: config.bodyLimitBytes,
  onError: () => {
    throw new AppError('PAYLOAD_TOO_LARGE', `The body exceeds ${config.bodyLimitBytes} bytes`);
  },
});

/** A function's app: routes under /v1 need a token, except those listed as public. */
export function createApp(options: { publicPaths?: string[] } = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError(
          'VALIDATION_FAILED',
          'The request is invalid',
          fieldErrors(result.error.issues, result.target),
        );
      }
    },
  });
  const publicPaths = new Set(options.publicPaths ?? []);
  app.onError(handleError);
  app.notFound((c) => problemResponse(c, new AppError('NOT_FOUND', 'No such route')));
  app.use('*', requestLog, stampTime);
  app.use('/v1/*', async (c, next) => (publicPaths.has(c.req.path) ? next() : authenticate(c, next)));
  app.use('/v1/*', limitBody, wellFormedText, ifMatch, idempotency);
  return app;
}

/** A handler's context: hono's for the route, plus the route itself (a type only) so ok()/commitDecision() check bodies. */
export type RouteContext<R extends RouteConfig> = Parameters<RouteHandler<R, AppEnv>>[0] & Routed<R>;

/** Registers a route whose handler answers with a Response built by ok()/commitDecision(), whose bodies tsc checks against
 *  the route's 200/201/202 schema. */
export function on<R extends RouteConfig>(
  app: OpenAPIHono<AppEnv>,
  route: R,
  handler: (c: RouteContext<R>) => Promise<Response> | Response,
): void {
  app.openapi(route, handler as never);
}
