// RFC 9457 problem details: the body of every refusal.
import type { Context } from 'hono';
import type { AppError, ErrorCode, FieldError } from '../errors.ts';

export const PROBLEM_TYPE_BASE = 'https://wastechain.example/problems/';

const TITLES: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'Invalid request',
  UNAUTHENTICATED: 'Authentication required',
  NOT_FOUND: 'Not found',
  STORE_UNAVAILABLE: 'Service temporarily unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
}

export function problemOf(err: AppError): Problem {
  return {
    type: PROBLEM_TYPE_BASE + err.code.toLowerCase().replaceAll('_', '-'),
    title: TITLES[err.code] ?? err.code.toLowerCase().replaceAll('_', ' '),
    status: err.status,
    detail: err.message,
    code: err.code,
    ...(err.errors?.length ? { errors: err.errors } : {}),
  };
}

export function problemResponse(c: Context, err: AppError): Response {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (err.code === 'STORE_UNAVAILABLE') headers['retry-after'] = '1';
  return c.body(JSON.stringify(problemOf(err)), err.status as 400, headers);
}

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
