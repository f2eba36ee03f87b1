// DynamoDB failures mapped to the API's codes: throttling and outages are 503 (retry), lost races 409.
import { AppError } from '#shared/errors.ts';

const UNAVAILABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

export class StoreUnavailable extends AppError {
  constructor(cause: string) {
    super('STORE_UNAVAILABLE', `The store is unavailable or throttling (${cause}); retry shortly`);
  }
}

/** Losing a write race with no If-Match named: read again and retry. */
export const versionConflict = (): AppError =>
  new AppError('VERSION_CONFLICT', 'Someone else changed this resource first; read it again and retry');

function errorName(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code ?? e?.name ?? 'unknown';
}

/** True for errors that mean "try again later" rather than "your request is wrong". */
export function isUnavailable(err: unknown): boolean {
  const e = err as { name?: string; code?: string; cause?: { code?: string }; $metadata?: { httpStatusCode?: number } };
  if ([e?.name, e?.code, e?.cause?.code].some((n) => n && UNAVAILABLE.has(n))) return true;
  const status = e?.$metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 500;
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isUnavailable(err)) return new StoreUnavailable(errorName(err));
  const name = errorName(err);
  if (name === 'ConditionalCheckFailedException' || name === 'TransactionConflictException') {
    return versionConflict();
  }
  throw err;
}
