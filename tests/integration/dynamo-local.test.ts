// DynamoDB Local as the local server, the tests and the bench start it (local/dynamo.ts): its SQLite file gets the
// stream-records index the jar lacks (without it every write scans the stream records of every older table,
// local/StreamRecordIndex.java), and a database started without a data folder is gone once it stops.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startDynamo } from '../../local/dynamo.ts';

describe('DynamoDB Local', () => {
  it('indexes its stream records by stream, and removes a scratch database at stop', async () => {
    const dynamo = await startDynamo({ port: await freePort() });
    const file = join(dynamo.dataDir, 'shared-local-instance.db');
    try {
      // SQLite keeps each index's CREATE statement as text in its schema table.
      expect(readFileSync(file).includes('CREATE INDEX wastechain_stream_records ON us (StreamID)')).toBe(true);
    } finally {
      await dynamo.stop();
    }
    expect(existsSync(dynamo.dataDir)).toBe(false);
  });
});
