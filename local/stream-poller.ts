// Reads DynamoDB Local's stream, as Lambda's event source mapping does in AWS, and hands each batch to a consumer
// with the same contract: a record the consumer fails on (shared/stream/batch.ts) is retried from its own sequence
// number, the records before it count as done, and after `maxAttempts` tries or once older than `maxRecordAgeMs`
// it goes to the failure queue (the on-failure destination in AWS) and the shard moves on: one poison record
// never blocks the records behind it. Starts at the stream's end: what happened before a restart was handled then.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { config } from '#shared/config.ts';
import { must } from '#shared/must.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { consumeBatch } from '#shared/stream/batch.ts';
import { toChangeRecords, type ChangeRecord, type RawStreamRecord } from '#shared/stream/change-records.ts';
import { logFailureQueue, type FailureQueue } from './failure-queue.ts';

export interface StreamPoller {
  stop(): Promise<void>;
  /** Resolves once every record written before the call has been handled (or sent to the failure queue). */
  drain(): Promise<void>;
}

export interface PollerOptions {
  /** Named in logs and failure entries (the Lambda it stands in for). */
  name?: string;
  /** Only these records reach the consumer (the event source mapping's filter). */
  filter?: (record: RawStreamRecord) => boolean;
  /** Tries of one record before it goes to the failure queue (Lambda's maxRetryAttempts + 1). */
  maxAttempts?: number;
  /** A failing record older than this goes to the failure queue at once (Lambda's maxRecordAge). */
  maxRecordAgeMs?: number;
  failureQueue?: FailureQueue;
}

export async function startStreamPoller(
  handler: (records: ChangeRecord[]) => Promise<unknown>,
  intervalMs = 250,
  options: PollerOptions = {},
): Promise<StreamPoller> {
  const {
    name = 'stream',
    filter,
    maxAttempts = 3,
    maxRecordAgeMs = 3600_000,
    failureQueue = logFailureQueue,
  } = options;
  // The poller stands in for AWS's event source mapping, so it only ever runs against DynamoDB Local.
  const endpoint = config.dynamoEndpoint;
  if (!endpoint) throw new Error('The stream poller reads DynamoDB Local: set DYNAMODB_ENDPOINT');
  const table = await createDynamoClient(endpoint).send(new DescribeTableCommand({ TableName: config.tableName }));
  const streamArn = must(
    table.Table?.LatestStreamArn,
    `a stream on the table ${config.tableName} (table-definition.ts enables it)`,
  );
  const streams = new DynamoDBStreamsClient({
    endpoint,
    region: config.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const iterators = new Map<string, string | undefined>();
  // Tries of the record a shard is stuck on: sequence number → count.
  const attempts = new Map<string, { sequenceNumber: string; count: number }>();
  let running = true;
  // A waiter resolves after two idle polls: the first may have been under way before the caller's writes.
  let idleWaiters: { idlePolls: number; resolve: () => void }[] = [];

  const iterator = async (
    shardId: string,
    type: 'LATEST' | 'TRIM_HORIZON' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER',
    sequenceNumber?: string,
  ) =>
    (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: type,
          SequenceNumber: sequenceNumber,
        }),
      )
    ).ShardIterator;

  async function refreshShards(type: 'LATEST' | 'TRIM_HORIZON') {
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const { ShardId: shardId } of description.StreamDescription?.Shards ?? []) {
      if (shardId !== undefined && !iterators.has(shardId)) iterators.set(shardId, await iterator(shardId, type));
    }
  }

  /** After a failure at `raw`: retry from it, or give it up to the failure queue and move past it. */
  async function onFailure(shardId: string, raw: _Record, error: unknown): Promise<string | undefined> {
    const sequenceNumber = must(raw.dynamodb?.SequenceNumber, 'a sequence number on every stream record');
    const previous = attempts.get(shardId);
    const count = previous?.sequenceNumber === sequenceNumber ? previous.count + 1 : 1;
    const createdAt = raw.dynamodb?.ApproximateCreationDateTime;
    const tooOld = createdAt !== undefined && Date.now() - new Date(createdAt).getTime() > maxRecordAgeMs;
    if (count < maxAttempts && !tooOld) {
      attempts.set(shardId, { sequenceNumber, count });
      return iterator(shardId, 'AT_SEQUENCE_NUMBER', sequenceNumber);
    }
    attempts.delete(shardId);
    const message = (error as Error)?.message ?? String(error);
    console.error(
      `\n!!! ${name} consumer gave up on stream record ${sequenceNumber} (shard ${shardId}) after ${count} attempt(s)${tooOld ? ', past maxRecordAge' : ''}: ${message}\n!!! sent to the failure queue: ${failureQueue.where}\n`,
    );
    await failureQueue.send({
      consumer: name,
      streamArn,
      shardId,
      sequenceNumber,
      attempts: count,
      error: message,
      failedAt: new Date().toISOString(),
      record: raw,
    });
    return iterator(shardId, 'AFTER_SEQUENCE_NUMBER', sequenceNumber);
  }

  /** One GetRecords per shard; returns how many records the stream returned (0: idle). */
  async function pollOnce(): Promise<number> {
    await refreshShards('TRIM_HORIZON');
    let seen = 0;
    for (const [shardId, current] of iterators) {
      if (!current) continue;
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: current, Limit: 500 }));
      const raw = out.Records ?? [];
      seen += raw.length;
      const wanted = filter ? raw.filter((r) => filter(r as RawStreamRecord)) : raw;
      const outcome = await consumeBatch(toChangeRecords(wanted as RawStreamRecord[]), handler);
      const failedAt = outcome.failed?.sequenceNumber;
      const failed = failedAt !== undefined && wanted.find((r) => r.dynamodb?.SequenceNumber === failedAt);
      iterators.set(shardId, failed ? await onFailure(shardId, failed, outcome.error) : out.NextShardIterator);
      if (!failed) attempts.delete(shardId);
    }
    return seen;
  }

  await refreshShards('LATEST');
  const loop = (async () => {
    while (running) {
      let seen: number | undefined;
      try {
        seen = await pollOnce();
      } catch (err) {
        console.error(`${name} poller:`, (err as Error).message);
      }
      // A poll that failed is not idle: the records it did not read are still to come.
      if (seen === 0) {
        for (const w of idleWaiters) if (++w.idlePolls >= 2) w.resolve();
        idleWaiters = idleWaiters.filter((w) => w.idlePolls < 2);
      }
      if (seen !== undefined && seen > 0 && !attempts.size) continue;
      await new Promise((r) => setTimeout(r, intervalMs));
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
