// One DynamoDB Local (its file in a scratch folder in RAM, on a free port) per vitest worker, so parallel files never queue behind each
// other's transactions in one JVM; each test file gets its own table on its worker's instance (setup.ts).
import type { TestProject } from 'vitest/node';
import { freePort, startDynamo, type RunningDynamo } from '../../local/dynamo.ts';

let dynamos: RunningDynamo[] = [];

export async function setup(project: TestProject) {
  dynamos = await Promise.all(
    Array.from({ length: project.config.maxWorkers }, async () => startDynamo({ port: await freePort() })),
  );
  project.provide(
    'dynamoEndpoints',
    dynamos.map((d) => d.endpoint),
  );
}

export async function teardown() {
  await Promise.all(dynamos.map((d) => d.stop()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoints: string[];
  }
}
