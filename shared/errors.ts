// The stable error codes of api.md and the one error type every layer throws; HTTP maps it to problem+json.
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_A_MEMBER: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  VERSION_CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  PARTY_EXISTS: 409,
  PARTY_NOT_ACTIVE: 422,
  LICENCE_MISSING: 422,
  CAPACITY_EXCEEDED: 422,
  PLAN_MISSING: 422,
  INSUFFICIENT_STOCK: 422,
  SOURCE_EXCEEDED: 422,
  APPROVAL_REQUIRED: 422,
  APPROVAL_EXCEEDED: 422,
  PENDING_IDENTIFICATION: 422,
  AMENDMENT_NOT_DOWNWARD: 422,
  MEDICAL_CATEGORY_MISMATCH: 422,
  MEDICAL_GENERATOR_REQUIRED: 422,
  UNKNOWN_WASTE_CODE: 422,
  UNKNOWN_DIVISION: 422,
  OVER_DISPOSAL: 422,
  TOO_MANY_ROWS: 422,
  LOSS_EXCEEDED: 422,
  STORE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'resource') => new AppError('NOT_FOUND', `No such ${what}, or not visible to you`);
export const invalidState = (message: string) => new AppError('INVALID_STATE', message);
export const validationFailed = (message: string, errors: FieldError[] = []) =>
  new AppError('VALIDATION_FAILED', message, errors);

/** zod issue paths as `lines.0.quantityKg` (an unknown key is named itself); query, path and header fields are
 * prefixed with where they came from. */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[],
  target?: string,
): FieldError[] {
  const prefix = target && target !== 'json' ? `${target}.` : '';
  const pathOf = (path: readonly PropertyKey[]) => prefix + path.map(String).join('.');
  return issues.flatMap((i) =>
    i.code === 'unrecognized_keys' && i.keys
      ? i.keys.map((k) => ({ path: pathOf([...i.path, k]), message: 'unknown field' }))
      : [{ path: pathOf(i.path), message: i.message }],
  );
}
