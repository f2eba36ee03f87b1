// Which Lambdas exist (one per functions/<name>/index.ts) and what each may do: the least-privilege map.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FUNCTIONS_DIR = join(PROJECT_ROOT, 'functions');

/** DynamoDB actions by their IAM names (without the `dynamodb:` prefix). */
export type TableAction =
  | 'GetItem' | 'BatchGetItem' | 'Query'
  | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem' | 'TransactWriteItems';

const READS: TableAction[] = ['GetItem', 'BatchGetItem', 'Query'];
/** What shared/store's transactions and the idempotency records need (a transaction's items are authorised one by one). */
const WRITES: TableAction[] = ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem', 'TransactWriteItems'];

export interface FunctionSpec {
  /** Table actions the function's code calls; nothing else is granted. */
  table: TableAction[];
  /** Lists answer sealed cursors: the function reads the cursor secret at cold start. */
  cursorSecret?: boolean;
  /** An EventBridge schedule invokes it (`rate(...)` / `cron(...)` expression). */
  schedule?: string;
  /** It consumes the table's stream. */
  stream?: boolean;
  /** Seconds; API functions answer well inside API Gateway's 30 s. */
  timeoutSeconds?: number;
}

/**
 * Every function the code may have. A folder without an entry here fails the synth, so nobody ships a function
 * with permissions nobody chose. `public` serves health and the OpenAPI document: it never touches the table.
 */
export const FUNCTION_SPECS: Record<string, FunctionSpec> = {
  public: { table: [] },
  registry: { table: [...READS, ...WRITES], cursorSecret: true },
  records: { table: [...READS, ...WRITES], cursorSecret: true },
  manifests: { table: [...READS, ...WRITES], cursorSecret: true },
  disposal: { table: [...READS, ...WRITES], cursorSecret: true },
  oversight: { table: [...READS, ...WRITES], cursorSecret: true },
  // Printable PDFs, the only bundle with pdf-lib, fontkit and the CJK font. Its routes only read, but the shared
  // middleware in every bundle (idempotency records on POST) can write.
  documents: { table: [...READS, ...WRITES] },
  // The schedule runs the alerts job; the stream keeps alert deadlines in step with the manifests.
  alerts: { table: [...READS, ...WRITES], stream: true, schedule: 'rate(15 minutes)', timeoutSeconds: 300 },
  // The stream queues deliveries; the schedule retries the ones that failed (backoff up to 24 h).
  webhooks: { table: [...READS, ...WRITES], stream: true, schedule: 'rate(1 minute)', timeoutSeconds: 60 },
};

/** The function folders present in this checkout (later functions appear when their folder does). */
export function functionNames(dir = FUNCTIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.ts')))
    .map((e) => e.name)
    .sort();
}

export function specOf(name: string): FunctionSpec {
  const spec = FUNCTION_SPECS[name];
  if (!spec) throw new Error(`functions/${name} has no entry in FUNCTION_SPECS (infra/function-specs.ts): choose its permissions`);
  return spec;
}

export const entryOf = (name: string) => join(FUNCTIONS_DIR, name, 'index.ts');
