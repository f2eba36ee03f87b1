// One DynamoDB Local (on a free port) per vitest worker, so parallel files never queue behind each other's
// transactions in one JVM; each test file gets its own table on its worker's instance (setup.ts). Each keeps its
// database in a scratch folder in RAM rather than in memory: only a file gets the stream-records index
// (local/StreamRecordIndex.java), without which a worker's writes slowed with every file it had run.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { freePort, scratchFolder, startDynamo, type RunningDynamo } from '../../local/dynamo.ts';

let dynamos: RunningDynamo[] = [];
let folders: string[] = [];

export async function setup(project: TestProject) {
  folders = Array.from({ length: project.config.maxWorkers }, () => scratchFolder('wastechain-test-dynamo-'));
  dynamos = await Promise.all(folders.map(async (dataDir) => startDynamo({ port: await freePort(), dataDir })));
  project.provide(
    'dynamoEndpoints',
    dynamos.map((d) => d.endpoint),
  );
}

export async function teardown() {
  await Promise.all(dynamos.map((d) => d.stop()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoints: string[];
  }
}
