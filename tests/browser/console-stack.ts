// The real local stack for the browser journeys: the local API (every function app, the console at /) on a free
// port, over this test file's DynamoDB Local table, with the change stream's consumers and the demo data.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { startStreamConsumers, type StreamConsumers } from '../../local/change-handlers.ts';
import { CONSOLE_DIR } from '../../local/console-static.ts';
import { loadDemoData } from '../../local/demo-data.ts';
import { logFailureQueue } from '../../local/failure-queue.ts';
import { testApi, type TestApi } from '../support/api.ts';

export interface ConsoleStack {
  base: string;
  t: TestApi;
  stop(): Promise<void>;
}

export async function startConsoleStack(): Promise<ConsoleStack> {
  // `npm test` builds the console before vitest; a file run alone builds it here.
  if (!existsSync(`${CONSOLE_DIR}index.html`)) {
    const { build } = await import('vite');
    await build({ configFile: new URL('../../web/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
  }
  const t = await testApi();
  const poller: StreamConsumers = await startStreamConsumers(logFailureQueue, 50);
  await loadDemoData(t.api, t.auth);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: t.api.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    t,
    async stop() {
      await new Promise((r) => server.close(r));
      await poller.stop();
    },
  };
}
