// Writing responses: JSON with ETag from the resource's version; a commit writes the transaction and the
// idempotency record together, so a retried POST can never apply twice.
import type { RouteConfig } from '@hono/zod-openapi';
import { transact, type TxItem } from '#shared/store/transact.ts';
import { withIdempotency } from '#shared/http/idempotency.ts';
import type { RoutedContext, SuccessBody } from '#shared/http/typed-route.ts';

/** The writes a service decided and `commit` sends. */
export type { TxItem };

type Status = 200 | 201 | 202;

function headersFor(body: unknown, location?: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const version = (body as { version?: unknown })?.version;
  if (typeof version === 'number') headers.etag = `"${version}"`;
  if (location) headers.location = location;
  return headers;
}

/** Answers with `body`, which must match the route's 200/201 schema (checked by tsc, not at run time). */
export function ok<R extends RouteConfig>(c: RoutedContext<R>, body: SuccessBody<R>, status: Status = 200): Response {
  return c.body(JSON.stringify(body), status, headersFor(body));
}

/** Commits `writes` in one transaction (plus the idempotency record) and answers with `body`. */
export async function commit<R extends RouteConfig>(
  c: RoutedContext<R>,
  writes: TxItem[],
  body: SuccessBody<R>,
  options: { status?: Status; location?: string } = {},
): Promise<Response> {
  const status = options.status ?? (options.location ? 201 : 200);
  const headers = headersFor(body, options.location);
  const text = JSON.stringify(body);
  const state = c.var.idempotency;
  try {
    await transact(withIdempotency(state, writes, { status, body: text, headers }, c.var.now));
  } catch (err) {
    if (state) state.committed = false;
    throw err;
  }
  return c.body(text, status, headers);
}
