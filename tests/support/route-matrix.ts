// The route table as the reliability suite reads it: one key per route, its parameters and schemas, the roles
// that call it, and the expectation each route must declare (tests/reliability/expectations.ts).
import type { RouteConfig } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { allRoutes } from '#schemas/routes/index.ts';
import { ERROR_CODES } from '#shared/errors.ts';
import type { Reply } from './api.ts';
import type { World } from './world.ts';
import { at } from './present.ts';

export { allRoutes };

/** `METHOD /path/{param}`: how the expectation table names a route. */
export const routeKey = (route: RouteConfig) => `${route.method.toUpperCase()} ${route.path}`;

/** Routes without `security` take no token (health). */
export const isPublic = (route: RouteConfig) => !route.security?.length;

export const paramNames = (route: RouteConfig) =>
  [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => at(m, 1, 'parameter name'));

/** The path with its parameters filled in, encoded (`encode` = identity sends raw percent-escapes as they are). */
export function fillPath(
  path: string,
  params: Record<string, string>,
  encode: (s: string) => string = encodeURIComponent,
): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encode(params[name]);
  });
}

export function bodySchema(route: RouteConfig): ZodType | undefined {
  const content = (route.request?.body as { content?: Record<string, { schema?: unknown }> } | undefined)?.content;
  return content?.['application/json']?.schema as ZodType | undefined;
}
export const querySchema = (route: RouteConfig) => route.request?.query as ZodType | undefined;
export const paramSchema = (route: RouteConfig) => route.request?.params as ZodType | undefined;

/** Who calls: members of the world's generator, carrier and receiver parties, an enterprise with no membership of
 * them, and regulators inside (14, Shanxi) and outside (65, Xinjiang) the world's jurisdiction. */
export const IDENTITY_ROLES = ['owner', 'carrier', 'receiver', 'other', 'regulatorIn', 'regulatorOut'] as const;
export type IdentityRole = (typeof IDENTITY_ROLES)[number];

/** Callers who must never get past authentication. */
export const BAD_TOKEN_ROLES = ['noToken', 'expired', 'foreignKey', 'tampered', 'algNone'] as const;
export type BadTokenRole = (typeof BAD_TOKEN_ROLES)[number];

export type Params = Record<string, string>;

/** The documented answer (status) per identity; carrier and receiver answer as `other` unless given. */
export type Answers = Record<'owner' | 'other' | 'regulatorIn' | 'regulatorOut', number> &
  Partial<Record<'carrier' | 'receiver', number>>;

export interface Expectation {
  /** Path parameters for one call. Called once per cell, so an action that changes its subject gets a fresh one. */
  params?: (w: World, role: IdentityRole) => Params | Promise<Params>;
  /** A valid body (the fuzzer mutates it). */
  body?: (w: World) => unknown;
  query?: (w: World) => Record<string, string>;
  answers: Answers;
  /** Parameters naming a resource that `other` and `regulatorOut` may not see: they must get 404, as for none. */
  hidden?: (w: World) => Params | Promise<Params>;
}

export type ExpectationTable = Record<string, Expectation>;

export const answerOf = (answers: Answers, role: IdentityRole) =>
  role === 'carrier' || role === 'receiver' ? (answers[role] ?? answers.other) : answers[role];

const CODES_BY_STATUS: Record<number, string[]> = {
  403: ['FORBIDDEN', 'NOT_A_MEMBER'],
  404: ['NOT_FOUND'],
  401: ['UNAUTHENTICATED'],
};

/** What is wrong with a reply expected to have `status` (undefined when right): a refusal must be problem+json
 * with a code of api.md's list, the code that status stands for. */
export function mismatch(reply: Reply, status: number): string | undefined {
  if (reply.status !== status)
    return `expected ${status}, got ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`;
  if (status < 400) return undefined;
  return (
    problemMismatch(reply) ??
    (CODES_BY_STATUS[status] && !CODES_BY_STATUS[status].includes(reply.body.code)
      ? `code ${reply.body.code}`
      : undefined)
  );
}

/** A refusal's shape: application/problem+json, a known code, and a status that matches the body. */
export function problemMismatch(reply: Reply): string | undefined {
  if (reply.headers.get('content-type') !== 'application/problem+json')
    return `content-type ${reply.headers.get('content-type')}`;
  const body = reply.body as { code?: string; status?: number } | undefined;
  if (!body || !(ERROR_CODES as string[]).includes(body.code ?? ''))
    return `unknown code ${JSON.stringify(body).slice(0, 200)}`;
  if (body.status !== reply.status) return `body status ${body.status} ≠ ${reply.status}`;
  return undefined;
}

/** Runs `tasks` at most `concurrency` at a time (DynamoDB Local on a small machine times out under hundreds). */
export async function bounded<T>(concurrency: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await at(tasks, i, 'task')();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}
