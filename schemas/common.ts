// Shapes every route shares: ids, quantities, dates, pages, problem bodies and the error responses they document.
import * as z from './zod.ts';
import { ERROR_CODES } from '../shared/errors.ts';
import { hasAtMostThreeDecimals, MAX_KG } from '../shared/domain/quantity.ts';

export const Id = z
  .uuid()
  .max(36)
  .openapi({ description: 'UUID (v7, time-ordered)', example: '0190f5b2-7c1d-7e3a-9b2f-4a1c2d3e4f50' });
export const IdParam = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });

export const Kg = z
  .number()
  .positive()
  .max(MAX_KG)
  .refine(hasAtMostThreeDecimals, 'at most 3 decimals')
  .openapi({ description: 'kilograms, > 0, ≤ 10,000,000, at most 3 decimals', example: 1250.5 });
export const KgOrZero = z
  .number()
  .min(0)
  .max(MAX_KG)
  .refine(hasAtMostThreeDecimals, 'at most 3 decimals')
  .openapi({ description: 'kilograms, ≥ 0, at most 3 decimals' });

/** DynamoDB stores no number of magnitude below 1e-130 (it refuses the write): a measured value that small (a
 *  coordinate, a speed) is zero to any instrument, so the schema refuses it as a 400 rather than the store as a 500. */
export const Measured = z
  .number()
  .refine((v) => v === 0 || Math.abs(v) >= 1e-100, 'too small a magnitude to store (send 0)');

export const LocalDate = z.iso
  .date()
  .max(10)
  .openapi({ description: 'calendar date YYYY-MM-DD (China Standard Time)', example: '2026-01-01' });
export const Instant = z.iso
  .datetime({ offset: true })
  .max(40)
  // NaN (not a datetime at all) is left to the datetime check, so a bad value reports one error, not two.
  .refine((t) => !(Date.parse(t) < Date.parse('1900-01-01T00:00:00Z')), 'before 1900')
  .openapi({ description: 'RFC 3339 instant with offset', example: '2026-03-15T08:00:00+08:00' });
/** The parties and provinces of a cross-province transfer: shared by the application and the approval it leads to. */
export const CrossProvinceParties = {
  id: Id,
  generatorId: Id,
  receiverId: Id,
  generatorProvince: z.string(),
  receiverProvince: z.string(),
};
export const DivisionCode = z
  .string()
  .max(6)
  .regex(/^\d{6}$/, 'a 6-digit county division code')
  .openapi({ example: '141102' });
export const WasteCodeString = z
  .string()
  .max(10)
  .regex(/^\d{3}-\d{3}-\d{2}$/, 'a waste code NNN-NNN-NN')
  .openapi({ example: '900-041-49' });
export const ShortText = z.string().trim().min(1).max(200);
export const LongText = z.string().trim().min(1).max(2000);
export const Reason = z.strictObject({ reason: LongText });
export const Note = z.strictObject({ note: LongText });

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: '1–100, default 25' }),
  cursor: z.string().max(4096).optional().openapi({ description: 'opaque, from nextCursor' }),
};

export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
}

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    // INTERNAL_ERROR: the 500 a bug answers (shared/http/create-app.ts), never a refusal by design
    code: z.enum(['INTERNAL_ERROR', ...ERROR_CODES]),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (VALIDATION_FAILED), with the failing fields',
  401: 'No token, or a bad one (UNAUTHENTICATED)',
  403: 'Visible, but not your action (FORBIDDEN, NOT_A_MEMBER)',
  404: 'Does not exist or not visible to you (NOT_FOUND)',
  409: 'Not in this state (INVALID_STATE), a lost race (VERSION_CONFLICT), or a duplicate',
  412: 'If-Match names another version (PRECONDITION_FAILED)',
  413: 'Body too large (PAYLOAD_TOO_LARGE)',
  422: 'A business rule refuses it',
  429: "Throttled by API Gateway's rate limits; retry after the Retry-After header's seconds",
  500: 'A bug (INTERNAL_ERROR): the request was not served (reported and fixed, never a refusal by design)',
  503: 'Store unavailable or throttling (STORE_UNAVAILABLE); see Retry-After',
};

const RetryAfter = {
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    schema: { type: 'integer', minimum: 0, maximum: 3600 },
  },
};

/** The problem+json responses a route can give, for its OpenAPI entry. */
export function problems(...statuses: number[]) {
  return problemResponses([400, 401, ...statuses, 429, 500, 503]);
}

/** A route that needs no token and reads no store can still be throttled at the edge, or fail by a bug. */
export const edgeProblems = () => problemResponses([429, 500]);

function problemResponses(statuses: number[]) {
  return Object.fromEntries(
    [...new Set(statuses)].map((s) => [
      s,
      {
        description: PROBLEM_DESCRIPTIONS[s],
        ...(s === 429 || s === 503 ? { headers: RetryAfter } : {}),
        content: { 'application/problem+json': { schema: Problem } },
      },
    ]),
  );
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function body<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

/** If-Match alone: Idempotency-Key belongs to POSTs only (api.md), so other methods ignore it rather than judge it. */
export const IfMatchHeader = z.object({
  'if-match': z.string().max(24).optional().openapi({ description: 'the version you read, e.g. "3"; 412 on mismatch' }),
});

export const IdempotencyHeader = IfMatchHeader.extend({
  'idempotency-key': z
    .string()
    .max(128)
    .optional()
    .openapi({ description: '1–128 printable characters; a repeat returns the first response' }),
});

export const bearer = [{ bearerAuth: [] }];
