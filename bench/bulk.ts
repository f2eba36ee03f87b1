// Bulk manifests written straight into the table with BatchWriteItem: each a copy of a real manifest item (so of
// realistic size) under a new id, between parties of counties outside the measured city, with the oversight entries
// every transition keeps (one per division level and a nationwide shard). The measured city's lists stay the same
// while the table grows; only the table's size changes between the 1k and the 100k measurement.
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { divisionPartitions } from '#shared/domain/oversight-divisions.ts';
import { divisions } from '#shared/reference/divisions.ts';
import { keys } from '#shared/store/keys.ts';
import { must } from '#shared/must.ts';

type Item = Record<string, any>;

const counties = (outside: string) =>
  [...divisions().values()].filter((d) => d.level === 'county' && !d.code.startsWith(outside)).map((d) => d.code);

/** The items of one synthetic manifest: the manifest and its oversight entries. */
function manifestItems(template: Item, n: number, places: string[]): Item[] {
  const id = randomUUID();
  const place = (k: number) => must(places[k % places.length], 'counties outside the measured city');
  const generatorDivision = place(n);
  const receiverDivision = place(n * 7 + 3);
  const createdAt = new Date(Date.now() - (n % 300) * 86_400_000 - (n % 86_400) * 1000).toISOString();
  const manifest: Item = {
    ...template,
    ...keys.manifest(id),
    id,
    number: `${generatorDivision.slice(0, 4)}${String(n).padStart(10, '0')}`,
    generatorId: randomUUID(),
    receiverId: randomUUID(),
    transporterIds: [randomUUID()],
    generatorDivision,
    receiverDivision,
    createdAt,
    updatedAt: createdAt,
  };
  const entry = {
    id,
    number: manifest.number,
    status: manifest.status,
    generatorId: manifest.generatorId,
    receiverId: manifest.receiverId,
    generatorDivision,
    receiverDivision,
    wasteCodes: ['900-041-49'],
    quantityKg: 1,
    createdAt,
    updatedAt: createdAt,
  };
  const entries = divisionPartitions(id, generatorDivision, receiverDivision).map((partition) => ({
    ...keys.oversightEntry(partition, createdAt, id),
    ...keys.oversightStatusIndex(partition, entry.status, createdAt, id),
    itemType: 'oversight-entry',
    ...entry,
  }));
  return [manifest, ...entries];
}

export interface BulkResult {
  manifests: number;
  items: number;
  seconds: number;
  manifestsPerSecond: number;
}

/** Writes `count` synthetic manifests (numbered from `from`) outside the city `outside`, `writers` batches at a time. */
export async function seedManifests(
  client: DynamoDBDocumentClient,
  template: Item,
  from: number,
  count: number,
  outside: string,
  writers = 8,
): Promise<BulkResult> {
  const places = counties(outside);
  const table = process.env.TABLE_NAME!;
  const start = performance.now();
  let next = from;
  let items = 0;
  const end = from + count;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < end) {
        // 3 manifests of at most 8 items each (the manifest, 7 entries) fit one batch of 25 puts.
        const batch: Item[] = [];
        for (let k = 0; k < 3 && next < end; k++) batch.push(...manifestItems(template, next++, places));
        items += batch.length;
        let request: Record<string, any[]> | undefined = { [table]: batch.map((Item) => ({ PutRequest: { Item } })) };
        while (request && Object.keys(request).length)
          request = (await client.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems as never;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return {
    manifests: count,
    items,
    seconds: Math.round(seconds * 10) / 10,
    manifestsPerSecond: Math.round(count / seconds),
  };
}
