// Optimistic concurrency (api.md): If-Match names the version the caller read; without it, the version we read.
import { AppError } from '#shared/errors.ts';
import { versionConflict } from '#shared/store/store-errors.ts';

export function assertVersion(current: number, ifMatch: number | undefined): void {
  if (ifMatch !== undefined && ifMatch !== current) {
    throw new AppError(
      'PRECONDITION_FAILED',
      `If-Match names version ${ifMatch}, but the resource is at version ${current}`,
    );
  }
}

/** The refusal for losing the write race: 412 when the caller named a version, 409 otherwise. */
export function lostRace(ifMatch: number | undefined): () => AppError {
  return () =>
    ifMatch !== undefined
      ? new AppError('PRECONDITION_FAILED', 'The resource changed after the version named by If-Match')
      : versionConflict();
}
