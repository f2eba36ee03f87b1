// The one DynamoDB client of a process: short timeouts so a stuck store answers 503, not a hung request.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';

let documentClient: DynamoDBDocumentClient | undefined;

export function createDynamoClient(endpoint = config.dynamoEndpoint): DynamoDBClient {
  return new DynamoDBClient({
    region: config.region,
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

export function db(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(createDynamoClient(), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

/** Tests inject a client whose middleware fails on purpose; production never calls this. */
export function setDocumentClient(client: DynamoDBDocumentClient | undefined): void {
  documentClient = client;
}
