// The local stand-in for a stream consumer's on-failure destination (an SQS queue in AWS): stream records a
// consumer gave up on, one JSON line each, in a file an operator can read and replay from.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface FailedRecord {
  consumer: string;
  streamArn: string;
  shardId: string;
  sequenceNumber: string;
  attempts: number;
  error: string;
  failedAt: string;
  /** The stream record itself (AWS's destination names the shard and sequence numbers; locally we keep it all). */
  record: unknown;
}

export interface FailureQueue {
  /** Where the entries go, for the log line. */
  where: string;
  send(entry: FailedRecord): Promise<void>;
}

export function fileFailureQueue(path: string): FailureQueue & { read(): Promise<FailedRecord[]> } {
  const file = resolve(path);
  return {
    where: file,
    async send(entry) {
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify(entry)}\n`);
    },
    async read() {
      const text = await readFile(file, 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as FailedRecord);
    },
  };
}

/** When no queue is given (tests that do not look): the entry is only logged. */
export const logFailureQueue: FailureQueue = {
  where: 'the log (no failure queue configured)',
  async send(entry) {
    console.error(JSON.stringify({ level: 'ERROR', message: 'stream record dead-lettered', ...entry }));
  },
};
