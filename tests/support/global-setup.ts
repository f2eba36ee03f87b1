// One DynamoDB Local (in memory, on a free port) for the whole run; each test file gets its own table.
import type { TestProject } from 'vitest/node';
import { freePort, startDynamo, type RunningDynamo } from '../../local/dynamo.ts';

let dynamo: RunningDynamo | undefined;

export async function setup(project: TestProject) {
  dynamo = await startDynamo({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
}

export async function teardown() {
  await dynamo?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
