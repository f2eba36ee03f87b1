// Refuses JSON bodies carrying text that is not well-formed Unicode (a lone surrogate such as "\ud800"): no field
// can be stored, hashed (RFC 8785 forbids them) or put in a header with it, so it is refused once, here, with 400.
import { createMiddleware } from 'hono/factory';
import { AppError } from '#shared/errors.ts';
import type { AppEnv } from '#shared/http/env.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (or key) that is not well-formed, if any. */
export function firstMalformedText(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path.join('.') : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return [...path, '(key)'].join('.');
    const found = firstMalformedText(child, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

export const wellFormedText = createMiddleware<AppEnv>(async function wellFormedText(c, next) {
  const type = c.req.header('content-type') ?? '';
  if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && type.includes('json')) {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return next(); // malformed JSON: the route's validator answers it
    }
    const path = firstMalformedText(body);
    if (path !== undefined) {
      throw new AppError('VALIDATION_FAILED', 'Text must be well-formed Unicode', [
        { path, message: 'contains a lone surrogate' },
      ]);
    }
  }
  await next();
});
