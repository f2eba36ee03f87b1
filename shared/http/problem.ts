// RFC 9457 problem details: the body of every refusal.
import type { Context } from 'hono';
import type { AppError, ErrorCode, FieldError } from '#shared/errors.ts';

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
