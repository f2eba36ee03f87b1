// Which Lambdas exist (one per functions/<name>/index.ts) and what each may do: the least-privilege map.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndexName } from '../shared/store/table-definition.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FUNCTIONS_DIR = join(PROJECT_ROOT, 'functions');

/** DynamoDB actions on the table's items, by their IAM names (without the `dynamodb:` prefix). A transaction is no
 *  action of its own: each of its items is authorised as PutItem, UpdateItem, DeleteItem or ConditionCheckItem. */
export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'ConditionCheckItem'
  | 'BatchWriteItem';

/** The one action the cursor secret needs: its value, read once at cold start (shared/http/secrets-loader.ts). */
export const CURSOR_SECRET_ACTION = 'secretsmanager:GetSecretValue';

export interface FunctionSpec {
  /** Table actions the function's code can call; nothing else is granted. */
  table: TableAction[];
  /** Indexes it queries (dynamodb:Query on `table/index/<name>`); none means no index ARN at all. */
  indexes?: IndexName[];
  /** Lists answer sealed cursors: the function reads the cursor secret at cold start. */
  cursorSecret?: boolean;
  /** Object actions on the exports bucket (EXPORT_BUCKET): background CSV exports written, and pre-signed for download. */
  exportBucket?: ('s3:GetObject' | 's3:PutObject')[];
  /** An EventBridge schedule invokes it (`rate(...)` / `cron(...)` expression). */
  schedule?: string;
  /** It consumes the table's stream. */
  stream?: boolean;
  /** Seconds; API functions answer well inside API Gateway's 30 s. */
  timeoutSeconds?: number;
}

/**
 * Every function the code may have, granted exactly what its bundle can send: tests/infra/iam.test.ts derives that
 * from the code (infra/table-access.ts) and fails on any difference, and every integration test refuses a command
 * sent while serving a route that is not granted here, as AWS would (tests/support/iam-emulation.ts). A folder without an entry
 * fails the synth, so nobody ships a function with permissions nobody chose.
 */
export const FUNCTION_SPECS: Record<string, FunctionSpec> = {
  // Health and the OpenAPI document: never touches the table.
  public: { table: [] },
  registry: {
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'],
    indexes: ['GSI1', 'GSI2'],
    cursorSecret: true,
  },
  records: {
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'],
    indexes: ['GSI1', 'GSI2', 'GSI3'],
    cursorSecret: true,
  },
  manifests: {
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
    indexes: ['GSI1', 'GSI2', 'GSI3'],
    cursorSecret: true,
  },
  disposal: {
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
    cursorSecret: true,
  },
  oversight: {
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'DeleteItem'],
    indexes: ['GSI1', 'GSI2'],
    cursorSecret: true,
    exportBucket: ['s3:GetObject', 's3:PutObject'],
    // New export requests from the stream: their files are written in the background, up to 50,000 rows a run.
    stream: true,
    timeoutSeconds: 300,
  },
  // Printable PDFs, the only bundle with pdf-lib, fontkit and the CJK font. Its routes are GETs only, so the shared
  // idempotency middleware (POST only) never writes here.
  documents: { table: ['GetItem', 'BatchGetItem'] },
  // The schedule runs the alerts job; the stream keeps alert deadlines in step with the manifests.
  alerts: {
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'],
    indexes: ['GSI1', 'GSI2', 'GSI3'],
    stream: true,
    schedule: 'rate(15 minutes)',
    timeoutSeconds: 300,
  },
  // The stream queues deliveries; the schedule retries the ones that failed (backoff up to 24 h).
  webhooks: {
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
    indexes: ['GSI1', 'GSI3'],
    stream: true,
    schedule: 'rate(1 minute)',
    timeoutSeconds: 60,
  },
};

/** The IAM actions a spec grants on the table and the cursor secret (`dynamodb:GetItem`, …), sorted. */
export const grantedActions = (spec: FunctionSpec): string[] =>
  [
    ...spec.table.map((a) => `dynamodb:${a}`),
    ...(spec.cursorSecret ? [CURSOR_SECRET_ACTION] : []),
    ...(spec.exportBucket ?? []),
  ].sort();

/** The function folders present in this checkout (later functions appear when their folder does). */
export function functionNames(dir = FUNCTIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.ts')))
    .map((e) => e.name)
    .sort();
}

export function specOf(name: string): FunctionSpec {
  const spec = FUNCTION_SPECS[name];
  if (!spec)
    throw new Error(
      `functions/${name} has no entry in FUNCTION_SPECS (infra/function-specs.ts): choose its permissions`,
    );
  return spec;
}

export const entryOf = (name: string) => join(FUNCTIONS_DIR, name, 'index.ts');
