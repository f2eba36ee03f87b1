// Requests through the real local API (every function app, real auth, DynamoDB Local) without an HTTP server.
import type { Hono } from 'hono';
import { config } from '#shared/config.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { ensureTable } from '#shared/store/create-table.ts';
import type { User } from '../../local/users.ts';
import { clock } from '#shared/clock.ts';
import { runAlertJob } from '#shared/services/alert-service.ts';
import { createLocalApi } from '../../local/api.ts';
import { generateLocalKeys, localAuth, type LocalAuth } from '../../local/keys.ts';
import { emulateIam } from './iam-emulation.ts';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export { enterprise, regulator, type User } from '../../local/users.ts';

export interface TestApi {
  api: Hono;
  auth: LocalAuth;
  token(user: User, expiresIn?: number): Promise<string>;
  call<T = any>(
    user: User | string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply<T>>;
}

let shared: Promise<TestApi> | undefined;

/** The API of this test file, on its own table (created on first use). */
export function testApi(): Promise<TestApi> {
  shared ??= (async () => {
    await ensureTable(createDynamoClient(), config.tableName);
    // As in AWS, a function's command that its role does not grant is refused (AccessDenied).
    emulateIam();
    const auth = await localAuth(await generateLocalKeys());
    const api = createLocalApi(auth, { alerts: () => runAlertJob(clock()) });
    const tokens = new Map<string, string>();
    const token = async (user: User, expiresIn?: number) => {
      const cacheKey = JSON.stringify(user);
      if (expiresIn !== undefined) return auth.mint({ ...user, expiresIn });
      if (!tokens.has(cacheKey)) tokens.set(cacheKey, await auth.mint(user));
      return tokens.get(cacheKey)!;
    };
    return {
      api,
      auth,
      token,
      async call(user, method, path, body, headers = {}) {
        const authorization =
          user === null ? undefined : typeof user === 'string' ? user : `Bearer ${await token(user)}`;
        const res = await api.request(path, {
          method,
          headers: {
            ...(authorization ? { authorization } : {}),
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
          body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
        });
        // Keep a BOM if there is one (Response.text() would drop it): CSV exports must start with it.
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON (a PDF, HTML): keep the text
        }
        return { status: res.status, body: parsed as never, headers: res.headers };
      },
    };
  })();
  return shared;
}
