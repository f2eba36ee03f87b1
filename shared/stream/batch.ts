// Partial batch failures, as Lambda's event source mapping understands them (FunctionResponseTypes:
// ReportBatchItemFailures): a consumer that fails on one record names its sequence number, the records before it
// count as done, and Lambda retries from it, then sends it to the on-failure destination after maxRetryAttempts or
// maxRecordAge. The local stream poller (local/stream-poller.ts) honours the same answer.
import type { ChangeRecord } from '#shared/stream/change-records.ts';

export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

export interface BatchOutcome {
  /** The first record that still fails on its own; those before it were handled. */
  failed?: ChangeRecord;
  error?: unknown;
}

/**
 * Hands the whole batch to `handle` (the fast path). If that throws, replays it one record at a time, in order,
 * to find the first record that fails on its own. Consumers are idempotent (a stream delivers at least once), so
 * the records the failed batch attempt had already handled may be handled again.
 */
export async function consumeBatch(
  records: ChangeRecord[],
  handle: (records: ChangeRecord[]) => Promise<unknown>,
): Promise<BatchOutcome> {
  if (records.length === 0) return {};
  try {
    await handle(records);
    return {};
  } catch (batchError) {
    const [only] = records;
    if (records.length === 1 && only) return { failed: only, error: batchError };
    for (const record of records) {
      try {
        await handle([record]);
      } catch (error) {
        return { failed: record, error };
      }
    }
    return {}; // the batch failed on something transient: every record went through on its own
  }
}

export const batchResponse = (outcome: BatchOutcome): BatchResponse => ({
  batchItemFailures: outcome.failed ? [{ itemIdentifier: outcome.failed.sequenceNumber }] : [],
});

export function logBatchFailure(consumer: string, outcome: BatchOutcome): void {
  if (!outcome.failed) return;
  const error = outcome.error as Error | undefined;
  console.error(
    JSON.stringify({
      level: 'ERROR',
      message: 'stream record failed',
      consumer,
      sequenceNumber: outcome.failed.sequenceNumber,
      key: outcome.failed.key,
      error: error?.message ?? String(error),
    }),
  );
}
