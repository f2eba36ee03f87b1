// DynamoDB Local as the local server, the tests and the bench start it (local/dynamo.ts): its SQLite file gets the
// stream-records indexes the jar lacks (without them every write and every stream read scans the stream records of
// every older table, local/StreamRecordIndex.java), and a database started without a data folder is gone once it stops.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startDynamo } from '../../local/dynamo.ts';

describe('DynamoDB Local', () => {
  it('indexes its stream records by stream and by shard, and removes a scratch database at stop', async () => {
    const dynamo = await startDynamo({ port: await freePort() });
    const file = join(dynamo.dataDir, 'shared-local-instance.db');
    try {
      // SQLite keeps each index's CREATE statement as text in its schema table.
      const schema = readFileSync(file);
      expect(schema.includes('CREATE INDEX wastechain_stream_records ON us (StreamID)')).toBe(true);
      expect(schema.includes('CREATE INDEX wastechain_shard_records ON us (ShardID)')).toBe(true);
    } finally {
      await dynamo.stop();
    }
    expect(existsSync(dynamo.dataDir)).toBe(false);
  });
});
