// A thin typed client for the WasteChain API: openapi-fetch over the generated path types (client/schema.d.ts).
import createFetchClient from 'openapi-fetch';
import type { paths } from './schema.d.ts';

export type { components, paths } from './schema.d.ts';

export interface ClientOptions {
  /** e.g. http://127.0.0.1:3000 (the paths carry /v1) */
  baseUrl: string;
  /** a bearer token, or a function giving the current one (e.g. refreshed from Cognito) */
  token?: string | (() => string | Promise<string>);
  /** another fetch (tests route it to the app in-process) */
  fetch?: (request: Request) => Promise<Response>;
}

/**
 * `client.GET('/v1/parties/{id}', { params: { path: { id } } })` → `{ data, error, response }`: `data` typed by the
 * route's success response, `error` by its problem+json.
 */
export function createClient({ baseUrl, token, fetch }: ClientOptions) {
  const client = createFetchClient<paths>({ baseUrl, ...(fetch ? { fetch } : {}) });
  if (token !== undefined) {
    client.use({
      async onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${typeof token === 'function' ? await token() : token}`);
        return request;
      },
    });
  }
  return client;
}

export type WasteChainClient = ReturnType<typeof createClient>;

/**
 * Headers for a POST that may be retried: the same key (and body) within 24 hours returns the first response.
 * `client.POST('/v1/parties', { body, headers: idempotencyKey(key) })`; keep the key to retry with it.
 */
export const idempotencyKey = (key: string = crypto.randomUUID()) => ({ 'Idempotency-Key': key });
