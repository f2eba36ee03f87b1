// A test-only Scan of this file's table (never the API's client, which tests may make fail on purpose): taken
// before and after refused requests, the two must be equal.
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';
import { createDynamoClient } from '#shared/store/client.ts';

export type Snapshot = Map<string, string>;

const clients = new Map<string, DynamoDBDocumentClient>();

function scanner(endpoint = config.dynamoEndpoint!): DynamoDBDocumentClient {
  if (!clients.has(endpoint)) clients.set(endpoint, DynamoDBDocumentClient.from(createDynamoClient(endpoint)));
  return clients.get(endpoint)!;
}

/** Every item of the table, by `PK SK`, as canonical JSON. */
export async function snapshot(endpoint?: string): Promise<Snapshot> {
  const items = new Map<string, string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await scanner(endpoint).send(
      new ScanCommand({ TableName: config.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) items.set(`${item.PK} ${item.SK}`, canonical(item));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const canonical = (item: Record<string, unknown>) =>
  JSON.stringify(item, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
  );

/** What changed between two snapshots: items added, removed or rewritten, by key. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const added = [...after.keys()].filter((k) => !before.has(k)).map((k) => `added ${k}`);
  const removed = [...before.keys()].filter((k) => !after.has(k)).map((k) => `removed ${k}`);
  const changed = [...after.keys()]
    .filter((k) => before.has(k) && before.get(k) !== after.get(k))
    .map((k) => `changed ${k}`);
  return [...added, ...removed, ...changed];
}

/** The items of a snapshot, parsed. */
export const itemsOf = (s: Snapshot) => [...s.values()].map((v) => JSON.parse(v) as Record<string, any>);
