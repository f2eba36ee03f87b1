// If-Match: "<version>" on writes (api.md, Concurrency).
import { createMiddleware } from 'hono/factory';
import { AppError } from '#shared/errors.ts';
import type { AppEnv } from '#shared/http/env.ts';

export const ifMatch = createMiddleware<AppEnv>(async function ifMatch(c, next) {
  const header = c.req.header('if-match');
  if (header !== undefined && header.trim() !== '*') {
    const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
    if (!match) {
      throw new AppError('VALIDATION_FAILED', 'If-Match must name a version, e.g. "3"', [
        { path: 'header.if-match', message: 'must be a quoted integer version' },
      ]);
    }
    c.set('ifMatch', Number(match[1]));
  }
  await next();
});
