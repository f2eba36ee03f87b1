// Writing responses: JSON with ETag from the resource's version; a commit writes the transaction and the
// idempotency record together, so a retried POST can never apply twice.
import type { RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '#shared/http/env.ts';
import { transact, type TxItem } from '#shared/store/transact.ts';
import { withIdempotency } from '#shared/http/idempotency.ts';
import type { RoutedContext, SuccessBody } from '#shared/http/typed-route.ts';

/** The writes a service decided and `commitDecision` sends. */
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

/** How a commit answers: 201 with a Location, 202 where asked, else 200. */
export interface CommitOptions {
  status?: Status;
  location?: string;
}

/** What a state-changing service decides: the view to answer with and the writes that make it so. */
export interface Decided<V> {
  view: V;
  writes: TxItem[];
}

/** Commits a service's decision (or the promise of one): its writes in one transaction (plus the idempotency record),
 *  answering with its view, which must match the route's success schema (tsc). `options` may be read from the view
 *  (a Location naming the new resource's id). */
export async function commitDecision<R extends RouteConfig, V extends SuccessBody<R>>(
  c: RoutedContext<R>,
  decision: Decided<V> | Promise<Decided<V>>,
  options: CommitOptions | ((view: V) => CommitOptions) = {},
): Promise<Response> {
  const { view, writes } = await decision;
  return commitBody(c, writes, view, typeof options === 'function' ? options(view) : options);
}

// The body's type was checked by commitDecision's signature; from here on it is only serialised.
async function commitBody(
  c: Context<AppEnv>,
  writes: TxItem[],
  body: unknown,
  options: CommitOptions,
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
