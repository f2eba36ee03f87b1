// Invoking a built Lambda bundle as Lambda would: API Gateway HTTP API (payload 2.0) events carrying the JWT
// authorizer's claims, EventBridge schedules and DynamoDB stream batches, each handler run in a fresh Node process
// with only the environment the stack gives it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltBundle } from '../../infra/bundles.ts';
import { FONTS_FOLDER, REFERENCE_DATA_FOLDER } from '../../infra/bundling.ts';
import { first } from '../support/present.ts';

/** Claims as the JWT authorizer passes them on: every value a string, an array claim flattened to "[a b]". */
export type AuthorizerClaims = Record<string, string>;

export interface ApiCall {
  method: string;
  /** The route as API Gateway names it (`/v1/parties/{id}`), and the request path. */
  route: string;
  path: string;
  query?: string;
  body?: unknown;
  claims?: AuthorizerClaims;
  headers?: Record<string, string>;
}

let serial = 0;

export function httpApiEvent(call: ApiCall): Record<string, unknown> {
  const requestId = `req-${++serial}-${Date.now()}`;
  const now = new Date();
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  return {
    version: '2.0',
    routeKey: `${call.method} ${call.route}`,
    rawPath: call.path,
    rawQueryString: call.query ?? '',
    headers: {
      host: 'abc123.execute-api.cn-northwest-1.amazonaws.com.cn',
      'user-agent': 'bundle-test',
      ...(body ? { 'content-type': 'application/json' } : {}),
      // API Gateway has already checked the token; the function never sees a verifier.
      ...(call.claims ? { authorization: 'Bearer checked-by-api-gateway' } : {}),
      ...call.headers,
    },
    ...(call.query ? { queryStringParameters: Object.fromEntries(new URLSearchParams(call.query)) } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.cn-northwest-1.amazonaws.com.cn',
      domainPrefix: 'abc123',
      http: {
        method: call.method,
        path: call.path,
        protocol: 'HTTP/1.1',
        sourceIp: '192.0.2.1',
        userAgent: 'bundle-test',
      },
      requestId,
      routeKey: `${call.method} ${call.route}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(call.claims ? { authorizer: { jwt: { claims: call.claims, scopes: null } } } : {}),
    },
    ...(body ? { body } : {}),
    isBase64Encoded: false,
  };
}

export const scheduledEvent = () => ({
  version: '0',
  id: `sched-${++serial}`,
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: new Date().toISOString(),
  region: 'cn-northwest-1',
  resources: ['arn:aws-cn:events:cn-northwest-1:123456789012:rule/x'],
  detail: {},
});

export interface Invocation {
  event: unknown;
  /** Environment for this invocation only (e.g. the external issuer's claim mapping). */
  env?: Record<string, string>;
}

export interface InvocationResult {
  /** What the handler returned, or the error it threw. */
  result?: any;
  error?: string;
  /** The JSON lines the function wrote to stdout while handling it (logs and EMF metrics). */
  lines: Record<string, any>[];
}

const RESULT = '@@result:';

/** The child: import the bundle once (a cold start), then handle each event in turn, as one warm Lambda would. */
const CHILD = `
const invocations = JSON.parse(process.env.INVOCATIONS);
const base = { ...process.env };
const { handler } = await import(process.env.BUNDLE);
for (const [i, { event, env }] of invocations.entries()) {
  for (const k of Object.keys(process.env)) if (!(k in base)) delete process.env[k];
  Object.assign(process.env, env ?? {});
  const context = { awsRequestId: 'lambda-' + i, functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, getRemainingTimeInMillis: () => 10000 };
  let out;
  try { out = { result: await handler(event, context) }; } catch (e) { out = { error: String(e && e.stack || e) }; }
  process.stdout.write('\\n${RESULT}' + JSON.stringify(out) + '\\n');
}`;

/** Only the documents bundle carries the font (infra/bundling.ts); FONT_PATH names the file. */
function fontOf(bundle: BuiltBundle): Record<string, string> {
  const dir = join(bundle.dir, FONTS_FOLDER);
  return existsSync(dir) ? { FONT_PATH: join(dir, first(readdirSync(dir), 'bundled font')) } : {};
}

/** Runs the invocations in one fresh Node process with the bundle's runtime files and the test's DynamoDB Local. */
export function invokeBundle(
  bundle: BuiltBundle,
  invocations: Invocation[],
  env: Record<string, string> = {},
): InvocationResult[] {
  const child = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', CHILD], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      PATH: process.env.PATH,
      BUNDLE: bundle.file,
      INVOCATIONS: JSON.stringify(invocations),
      // What the stack sets (infra/lambdas.ts), and what Lambda itself sets.
      AWS_REGION: 'cn-northwest-1',
      AWS_LAMBDA_FUNCTION_NAME: `WasteChain-${bundle.name}`,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      TABLE_NAME: process.env.TABLE_NAME!,
      DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT!,
      TIME_ZONE: 'Asia/Shanghai',
      SERVICE_NAME: bundle.name,
      DEPLOYMENT: 'BundleTest',
      CURSOR_SECRET: 'bundle-test-cursor-secret',
      REFERENCE_DATA_DIR: join(bundle.dir, REFERENCE_DATA_FOLDER),
      ...fontOf(bundle),
      ...env,
    },
  });
  if (child.status !== 0) throw new Error(`${bundle.name} exited ${child.status}: ${child.stderr}`);
  const results: InvocationResult[] = [];
  let lines: Record<string, any>[] = [];
  for (const line of child.stdout.split('\n')) {
    if (line.startsWith(RESULT)) {
      results.push({ ...JSON.parse(line.slice(RESULT.length)), lines });
      lines = [];
    } else if (line.startsWith('{')) {
      lines.push(JSON.parse(line));
    }
  }
  return results;
}
