// DynamoDB Local as the local server and the tests start it with a data folder (local/dynamo.ts): its SQLite file
// gets the stream-records indexes the jar lacks (without them every write and every stream read scans the stream
// records of every older table, local/StreamRecordIndex.java).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, scratchFolder, startDynamo } from '../../local/dynamo.ts';

describe('DynamoDB Local', () => {
  it('indexes its stream records by stream and by shard', async () => {
    const dataDir = scratchFolder('wastechain-dynamo-local-test-');
    const dynamo = await startDynamo({ port: await freePort(), dataDir });
    try {
      // SQLite keeps each index's CREATE statement as text in its schema table.
      const schema = readFileSync(join(dataDir, 'shared-local-instance.db'));
      expect(schema.includes('CREATE INDEX wastechain_stream_records ON us (StreamID)')).toBe(true);
      expect(schema.includes('CREATE INDEX wastechain_shard_records ON us (ShardID)')).toBe(true);
    } finally {
      await dynamo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
