// Opaque list cursors: the DynamoDB position, sealed with an HMAC and bound to the user and the query.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { AppError } from '#shared/errors.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { config } from '#shared/config.ts';

let secret: Buffer | undefined;

/** The local server and tests set a generated secret; a Lambda loads it once per cold start (infra). */
export function setCursorSecret(value: string | Buffer): void {
  secret = Buffer.from(value);
}

function cursorSecret(): Buffer {
  if (!secret && config.cursorSecret) secret = Buffer.from(config.cursorSecret);
  if (!secret) throw new Error('No cursor secret: set CURSOR_SECRET or call setCursorSecret at start');
  return secret;
}

const sign = (payload: string) => createHmac('sha256', cursorSecret()).update(payload).digest('base64url');

export function sealCursor(position: unknown, sub: string, query: string): string {
  const payload = Buffer.from(JSON.stringify({ p: position, u: sub, q: query })).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

const badCursor = (why: string) =>
  new AppError('VALIDATION_FAILED', `The cursor is not valid here: ${why}`, [{ path: 'query.cursor', message: why }]);

export function openCursor<T>(cursor: string, sub: string, query: string): T {
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) throw badCursor('malformed');
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badCursor('not issued by this API');
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { p: T; u: string; q: string };
  if (decoded.u !== sub) throw badCursor('issued to another user');
  if (decoded.q !== query) throw badCursor('issued for another query');
  return decoded.p;
}

/** The query a cursor is bound to: the path and every parameter but the cursor and the page size. */
export function queryFingerprint(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  const params = [...url.searchParams.entries()].filter(([k]) => k !== 'cursor' && k !== 'limit').sort();
  return `${url.pathname}?${new URLSearchParams(params).toString()}`;
}

export interface PageRequest<P> {
  limit: number;
  start?: P | undefined;
}

export function pageRequest<P>(
  c: Context<AppEnv>,
  query: { limit?: number | undefined; cursor?: string | undefined },
): PageRequest<P> {
  return {
    limit: query.limit ?? 25,
    start: query.cursor ? openCursor<P>(query.cursor, c.var.actor.sub, queryFingerprint(c)) : undefined,
  };
}

export function pageResponse<T, P>(
  c: Context<AppEnv>,
  items: T[],
  next: P | undefined,
): { items: T[]; nextCursor: string | null } {
  return { items, nextCursor: next === undefined ? null : sealCursor(next, c.var.actor.sub, queryFingerprint(c)) };
}
