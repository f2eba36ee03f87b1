// Reads DynamoDB Local's stream, as Lambda's event source mapping does in AWS, and hands each batch to the
// same handlers the Lambdas run. Starts at the stream's end: what happened before a restart was handled then,
// and retries live in the outbox, not in the stream.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { config } from '#shared/config.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { toChangeRecords, type ChangeRecord } from '#shared/stream/change-records.ts';

export interface StreamPoller {
  stop(): Promise<void>;
  /** Resolves once every record written before the call has been handled. */
  drain(): Promise<void>;
}

export async function startStreamPoller(handler: (records: ChangeRecord[]) => Promise<unknown>, intervalMs = 250): Promise<StreamPoller> {
  const endpoint = config.dynamoEndpoint!;
  const table = await createDynamoClient(endpoint).send(new DescribeTableCommand({ TableName: config.tableName }));
  const streamArn = table.Table!.LatestStreamArn!;
  const streams = new DynamoDBStreamsClient({ endpoint, region: config.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const iterators = new Map<string, string | undefined>();
  let running = true;
  // A waiter resolves after two idle polls: the first may have been under way before the caller's writes.
  let idleWaiters: { idlePolls: number; resolve: () => void }[] = [];

  async function refreshShards(type: 'LATEST' | 'TRIM_HORIZON') {
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of description.StreamDescription?.Shards ?? []) {
      if (iterators.has(shard.ShardId!)) continue;
      const it = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: type }));
      iterators.set(shard.ShardId!, it.ShardIterator);
    }
  }

  async function pollOnce(): Promise<number> {
    await refreshShards('TRIM_HORIZON');
    let handled = 0;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 500 }));
      // Move on only once the batch is handled: a failure is retried from the same place (at least once).
      if (out.Records?.length) {
        await handler(toChangeRecords(out.Records as never));
        handled += out.Records.length;
      }
      iterators.set(shardId, out.NextShardIterator);
    }
    return handled;
  }

  await refreshShards('LATEST');
  const loop = (async () => {
    while (running) {
      let handled = 0;
      try {
        handled = await pollOnce();
      } catch (err) {
        console.error('stream poller:', (err as Error).message);
      }
      if (handled === 0) {
        for (const w of idleWaiters) if (++w.idlePolls >= 2) w.resolve();
        idleWaiters = idleWaiters.filter((w) => w.idlePolls < 2);
        await new Promise((r) => setTimeout(r, intervalMs));
      }
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
    },
    drain: () => new Promise<void>((resolve) => idleWaiters.push({ idlePolls: 0, resolve })),
  };
}
