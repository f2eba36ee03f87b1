// `npm start`: DynamoDB Local + the API + demo data on one machine, no AWS account (api.md, "The local server").
import { serve } from '@hono/node-server';
import { config } from '#shared/config.ts';
import { setCursorSecret } from '#shared/http/cursor.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { ensureTable } from '#shared/store/create-table.ts';
import { createLocalApi } from './api.ts';
import { DEMO_PARTIES, DEMO_REGULATOR, loadDemoData } from './demo-data.ts';
import { startDynamo, type RunningDynamo } from './dynamo.ts';
import { loadOrCreateKeys, localAuth } from './keys.ts';
import { onSchedule } from '#functions/webhooks/handler-core.ts';
import { clock } from '#shared/clock.ts';
import { runAlertJob } from '#shared/services/alert-service.ts';
import { localJobs, startStreamConsumers } from './change-handlers.ts';
import { fileFailureQueue } from './failure-queue.ts';
import { localExportFiles } from './export-files.ts';
import { setExportStorage } from '#shared/exports/storage.ts';
import { join } from 'node:path';

const env = process.env;
// The local server may deliver webhooks over http to a receiver on this machine; a Lambda never may.
env.WEBHOOK_ALLOW_LOCAL_HTTP = '1';
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';
const started = Date.now();

let dynamo: RunningDynamo | undefined;
if (!env.DYNAMODB_ENDPOINT) {
  dynamo = await startDynamo({
    port: Number(env.DYNAMODB_PORT ?? 8000),
    dataDir: env.IN_MEMORY === '1' ? undefined : (env.DATA_DIR ?? '.data'),
  });
  env.DYNAMODB_ENDPOINT = dynamo.endpoint;
}

// Output may be closed under us (the terminal or parent went away, `| head`): a lost log line must neither crash
// nor hang the server (an unhandled EPIPE would), and whatever ends this process ends DynamoDB Local too.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
process.on('exit', () => dynamo?.killNow());
// Until the server is up, a signal just ends the process (the exit handler ends DynamoDB Local); then, cleanly.
let stop: () => Promise<void> = async () => process.exit(1);
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

// A failed start must not leave DynamoDB Local running behind us.
process.on('uncaughtException', async (err) => {
  console.error(err);
  await dynamo?.stop();
  process.exit(1);
});
process.on('unhandledRejection', (err) => {
  throw err;
});

const keys = await loadOrCreateKeys(env.KEYS_DIR ?? '.keys');
setCursorSecret(keys.cursorSecret);
const auth = await localAuth(keys);
const table = await ensureTable(createDynamoClient(), config.tableName);
// The change stream drives webhooks, alert deadlines and statistics, as DynamoDB Streams does in AWS. It reads from
// the stream's end, so it starts before the demo data: the demo's statistics and deadlines come from it too. Records
// a consumer gives up on are appended to the failure queue file (an SQS on-failure destination in AWS).
const failureQueue = fileFailureQueue(join(env.DATA_DIR ?? '.data', 'stream-failures.jsonl'));
const poller = await startStreamConsumers(failureQueue);
// Oversight exports are written as files under DATA_DIR/exports and downloaded from /local/exports/ (S3 in AWS).
const exportFiles = localExportFiles(join(env.DATA_DIR ?? '.data', 'exports'));
setExportStorage(exportFiles);
const api = createLocalApi(auth, localJobs(poller), exportFiles);
const demoCreated = env.NO_DEMO === '1' ? 0 : await loadDemoData(api, auth);

// Timers run the webhook retry sweep and the alerts job (EventBridge schedules in AWS).
const sweeper = setInterval(() => onSchedule().catch((err) => console.error('webhook sweep:', err.message)), 10_000);
// The first job runs once the stream has caught up, so the demo's overdue batch is an open alert from the start.
await poller.drain();
await runAlertJob(clock());
const alertJob = setInterval(
  () => runAlertJob(clock()).catch((err) => console.error('alerts job:', err.message)),
  60_000,
);

const server = serve({ fetch: api.fetch, port, hostname: host });
const base = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
console.log(`WasteChain API on ${base} (DynamoDB at ${env.DYNAMODB_ENDPOINT}, table ${config.tableName} ${table}; ready in ${Date.now() - started} ms)
Web console: ${base}/ (sign in with a demo user's button)
Docs: ${base}/docs   OpenAPI: ${base}/openapi.json
Stream records the consumers gave up on: ${failureQueue.where}
Demo data: ${env.NO_DEMO === '1' ? 'off (NO_DEMO=1)' : demoCreated ? `${demoCreated} parties loaded` : 'already loaded'}

Mint a token (local server only), then call the API with it:
  curl -s -X POST ${base}/local/token -H 'content-type: application/json' -d '{"sub":"demo-generator","groups":["enterprise"]}'
  curl -s ${base}/v1/me -H "authorization: Bearer $TOKEN"
Demo users: ${DEMO_PARTIES.map((d) => d.user).join(', ')} (group enterprise);
  ${DEMO_REGULATOR.sub} (group regulator, jurisdiction ${DEMO_REGULATOR.jurisdiction}).`);

let stopping = false;
stop = async () => {
  if (stopping) return;
  stopping = true;
  // However the steps below go, the process is gone well inside 10 s (the exit handler kills DynamoDB Local).
  setTimeout(() => process.exit(1), 8_000).unref();
  console.log('\nStopping…');
  server.close();
  clearInterval(sweeper);
  clearInterval(alertJob);
  await poller.stop();
  await dynamo?.stop();
  process.exit(0);
};
