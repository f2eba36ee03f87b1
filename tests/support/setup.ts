// Runs in each test file's process before its imports: points the store at its worker's test DynamoDB Local (and
// nowhere else) and gives the file a table of its own.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { at } from './present.ts';

const endpoints = inject('dynamoEndpoints');
// VITEST_POOL_ID runs from 1 to maxWorkers: two files running at once never share an instance.
const endpoint = at(
  endpoints,
  (Number(process.env.VITEST_POOL_ID ?? 1) - 1) % endpoints.length,
  'DynamoDB Local endpoint',
);
const host = new URL(endpoint).hostname;
if (host !== '127.0.0.1' && host !== 'localhost')
  throw new Error(`Tests only run against a local DynamoDB, not ${endpoint}`);
process.env.DYNAMODB_ENDPOINT = endpoint;
process.env.TABLE_NAME = `test-${randomUUID()}`;
process.env.CURSOR_SECRET = randomUUID();
process.env.WEBHOOK_ALLOW_LOCAL_HTTP = '1';

// FUZZ_SEED replays a failure: fast-check prints the seed of a failing property, and with it set every property in
// the file draws the same values again.
if (process.env.FUZZ_SEED) {
  const { configureGlobal } = await import('fast-check');
  configureGlobal({ seed: Number(process.env.FUZZ_SEED) });
}
