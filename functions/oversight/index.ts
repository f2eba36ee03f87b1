import { handle } from '#shared/http/lambda-adapter.ts';
import { app } from './app.ts';
import { clock } from '#shared/clock.ts';
import { loadCursorSecret } from '#shared/http/secrets-loader.ts';
import { onExportChanges } from '#shared/services/export-service.ts';
import { batchResponse, consumeBatch, logBatchFailure, type BatchResponse } from '#shared/stream/batch.ts';
import { toChangeRecords, type RawStreamRecord } from '#shared/stream/change-records.ts';
import { EXPORT_STREAM_FILTER } from './stream-filter.ts';

await loadCursorSecret();

const api = handle(app);

/** API Gateway's requests, and the table's stream (filtered to new export requests: it writes their files). */
export async function handler(event: { Records?: RawStreamRecord[] }, context: unknown): Promise<unknown> {
  if (!event.Records) return api(event as never, context as never);
  const records = toChangeRecords(event.Records.filter(EXPORT_STREAM_FILTER.matches));
  const outcome = await consumeBatch(records, (batch) => onExportChanges(batch, clock));
  logBatchFailure('oversight-exports', outcome);
  return batchResponse(outcome) satisfies BatchResponse;
}
