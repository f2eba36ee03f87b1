// The system under measurement: DynamoDB Local in memory, the table, and the whole local API served over real HTTP
// in this process, with every DynamoDB command it issues attributed to the request that issued it.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { serve, type ServerType } from '@hono/node-server';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { User } from '../local/users.ts';
import { createDynamoClient, db } from '#shared/store/client.ts';
import { ensureTable } from '#shared/store/create-table.ts';
import { freePort, startDynamo, type RunningDynamo } from '../local/dynamo.ts';
import { generateLocalKeys, localAuth, type LocalAuth } from '../local/keys.ts';
import { recordCommands, type Recorder } from './recorder.ts';

export { enterprise, regulator, type User } from '../local/users.ts';

export interface Reply {
  status: number;
  body: any;
}

export interface Harness {
  dynamo: RunningDynamo;
  /** A document client of its own (same settings as the API's), for the floor and the bulk seed. */
  raw: DynamoDBDocumentClient;
  recorder: Recorder;
  /** Milliseconds spent verifying tokens (jose), summed over requests. */
  verifyMs(): number;
  call(user: User, method: string, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<Reply>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dynamo = await startDynamo({ port: await freePort() });
  // The store reads its settings lazily: they must be set before the first db() call.
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.TABLE_NAME = 'wastechain-bench';
  process.env.CURSOR_SECRET ??= randomBytes(32).toString('hex');
  const raw = DynamoDBDocumentClient.from(createDynamoClient(), { marshallOptions: { removeUndefinedValues: true } });
  await ensureTable(createDynamoClient(), process.env.TABLE_NAME);

  const auth = await localAuth(await generateLocalKeys());
  let verifyMs = 0;
  const timedAuth: LocalAuth = {
    mint: auth.mint,
    async verify(token) {
      const t0 = performance.now();
      try {
        return await auth.verify(token);
      } finally {
        verifyMs += performance.now() - t0;
      }
    },
  };
  // Imported late: the function apps load reference data and config at import.
  const { createLocalApi } = await import('../local/api.ts');
  const api = createLocalApi(timedAuth);
  const recorder = recordCommands(db(), raw);
  const port = await freePort();
  const server: ServerType = serve({
    fetch: (req: Request) => recorder.request(() => api.fetch(req)),
    port,
    hostname: '127.0.0.1',
  });
  const base = `http://127.0.0.1:${port}`;

  const tokens = new Map<string, string>();
  const token = async (user: User) => {
    const key = JSON.stringify(user);
    if (!tokens.has(key)) tokens.set(key, await auth.mint({ ...user, expiresIn: 6 * 3600 }));
    return tokens.get(key)!;
  };

  return {
    dynamo,
    raw,
    recorder,
    verifyMs: () => verifyMs,
    async call(user, method, path, body, extraHeaders = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${await token(user)}`, ...extraHeaders };
      // Clients retry POSTs safely with an Idempotency-Key (api.md), so the measured path includes its lock.
      if (method === 'POST') headers['idempotency-key'] = randomUUID();
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(base + path, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      raw.destroy();
      db().destroy();
      await dynamo.stop();
    },
  };
}

export function expectStatus(reply: Reply, status: number, what: string): any {
  if (reply.status !== status)
    throw new Error(`${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}
