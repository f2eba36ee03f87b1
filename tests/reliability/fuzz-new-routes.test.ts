// The routes of issues 12 and 17 (locations, tracks, incidents, party alerts, identification, applications,
// approval changes, exports) fuzzed with bodies and queries generated from and around each route's own zod schema:
// a body the schema refuses answers 400 VALIDATION_FAILED naming exactly the fields zod names, and writes nothing; a
// body it accepts, sent by someone the route refuses, writes nothing; from the identity the route serves, any answer
// but a 5xx, a refusal always problem+json with a code of api.md. Query strings likewise, in every representation the
// route serves (JSON, GeoJSON, CSV).
import fc from 'fast-check';
import type { RouteConfig } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldErrors } from '#shared/errors.ts';
import { testApi, type Reply } from '../support/api.ts';
import {
  allRoutes,
  bodySchema,
  fillPath,
  IDENTITY_ROLES,
  problemMismatch,
  querySchema,
  routeKey,
  type Expectation,
  type IdentityRole,
  type Params,
} from '../support/route-matrix.ts';
import { installFaultyStore, type FaultyStore } from '../support/fault-injection.ts';
import { buildWorld, type World } from '../support/world.ts';
import { EXPECTATIONS } from './expectations.ts';
import { tooLarge } from './fuzz-inputs.ts';
import { actingRole, refusingRole } from './fuzz-roles.ts';
import { bodiesAround, queriesAround } from './schema-arbitrary.ts';
import { changes, snapshot } from './store-snapshot.ts';

/** Bodies (or query strings) per route; FUZZ_RUNS=200 for a deeper hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const TIMEOUT = 150_000 * Math.max(1, RUNS / 10);

const NEW_ROUTE =
  /\/location$|^POST \/v1\/parties\/\{id\}\/ledger$|\/track$|incidents|\/alerts$|\/identification$|approval-applications|^(POST|PATCH) \/v1\/approvals\/|^GET \/v1\/approvals$|oversight\/exports/;
const newRoutes = allRoutes.filter((r) => NEW_ROUTE.test(routeKey(r)));
/** The representations a GET route serves besides JSON. */
const ACCEPTS: Record<string, string[]> = {
  'GET /v1/manifests/{id}/track': ['application/geo+json'],
  'GET /v1/oversight/incidents': ['text/csv'],
};

let w: World;
let store: FaultyStore;
const counts = { refusedBySchema: 0, refusedCaller: 0, served: 0, queries: 0 };

beforeAll(async () => {
  store = installFaultyStore(undefined, { patient: true });
  w = await buildWorld(await testApi(), 'fuzz-new');
}, 240_000);

afterAll(async () => {
  await w?.stop();
  store.restore();
  console.log(`fuzzing new routes (${newRoutes.length}): ${JSON.stringify(counts)}`);
});

const expectationOf = (route: RouteConfig): Expectation => {
  const e = EXPECTATIONS[routeKey(route)];
  if (!e) throw new Error(`${routeKey(route)} is missing from the expectation table`);
  return e;
};

function send(
  route: RouteConfig,
  role: IdentityRole,
  params: Params,
  body?: unknown,
  query?: Record<string, string>,
  headers?: Record<string, string>,
): Promise<Reply> {
  const qs = query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : '';
  return w.t.call(
    w.users[role],
    route.method.toUpperCase(),
    fillPath(route.path, params) + qs,
    body === undefined ? undefined : JSON.stringify(body),
    headers,
  );
}

/** The body as the server will read it (JSON drops undefined and -0). */
const wire = (body: unknown) => JSON.parse(JSON.stringify(body ?? null)) as unknown;
const show = (v: unknown) => JSON.stringify(v)?.slice(0, 240);

/** What is wrong with a 400 for input zod refuses with `issues` (undefined when right): the fields named must be zod's. */
function validationMismatch(reply: Reply, expected: string[]): string | undefined {
  if (reply.status !== 400 || reply.body?.code !== 'VALIDATION_FAILED')
    return `expected 400 VALIDATION_FAILED, got ${reply.status} ${show(reply.body)}`;
  const shape = problemMismatch(reply);
  if (shape) return shape;
  const paths = (reply.body.errors ?? []).map((e: { path: unknown }) => e.path);
  if (paths.length === 0 || paths.some((p: unknown) => typeof p !== 'string'))
    return `errors ${show(reply.body.errors)}`;
  const want = [...new Set(expected)].sort();
  const got = [...new Set(paths as string[])].sort();
  return JSON.stringify(want) === JSON.stringify(got) ? undefined : `paths ${show(got)}, zod names ${show(want)}`;
}

describe('fuzzing the new routes from their schemas', () => {
  it('covers the routes of issues 12 and 17', () => {
    expect(newRoutes.length).toBeGreaterThanOrEqual(25);
    for (const route of newRoutes) expectationOf(route);
  });

  it(
    'bodies around each schema: refused ones answer 400 naming the failing fields and write nothing; the rest never fail',
    async () => {
      type Sample = {
        route: RouteConfig;
        schema: ZodType;
        e: Expectation;
        params: Params;
        query: Record<string, string> | undefined;
        accepted: unknown[];
        refused: number;
      };
      const samples: Sample[] = [];
      for (const route of newRoutes) {
        const schema = bodySchema(route);
        if (!schema) continue;
        const e = expectationOf(route);
        samples.push({
          route,
          schema,
          e,
          params: (await e.params?.(w, actingRole(e))) ?? {},
          query: e.query?.(w),
          accepted: [],
          refused: 0,
        });
      }
      const failures: string[] = [];
      const before = await snapshot();
      for (const s of samples) {
        await fc.assert(
          fc.asyncProperty(bodiesAround(s.schema, s.e.body?.(w)), async (body) => {
            if (tooLarge(JSON.stringify(body ?? null))) {
              const reply = await send(s.route, actingRole(s.e), s.params, body, s.query);
              if (reply.status !== 413 || reply.body?.code !== 'PAYLOAD_TOO_LARGE')
                failures.push(
                  `${routeKey(s.route)} (too large): expected 413, got ${reply.status} ${show(reply.body)}`,
                );
              return;
            }
            const parsed = s.schema.safeParse(wire(body));
            if (parsed.success) return void s.accepted.push(body);
            counts.refusedBySchema += 1;
            s.refused += 1;
            const wrong = validationMismatch(
              await send(s.route, actingRole(s.e), s.params, body, s.query),
              fieldErrors(parsed.error.issues).map((f) => f.path),
            );
            if (wrong) failures.push(`${routeKey(s.route)} ${show(body)}: ${wrong}`);
          }),
          { numRuns: RUNS },
        );
      }
      // Bodies the schema accepts, from someone the route refuses.
      for (const s of samples) {
        const role = refusingRole(s.e);
        if (!role) continue;
        for (const body of s.accepted) {
          counts.refusedCaller += 1;
          const reply = await send(s.route, role, s.params, body, s.query);
          const wrong = reply.status < 400 || reply.status >= 500 ? `got ${reply.status}` : problemMismatch(reply);
          if (wrong) failures.push(`${routeKey(s.route)} as ${role} ${show(body)}: ${wrong}`);
        }
      }
      expect(failures).toEqual([]);
      expect(changes(before, await snapshot())).toEqual([]);
      expect(samples.filter((s) => s.refused === 0).map((s) => routeKey(s.route))).toEqual([]);

      // The same bodies from the identity the route serves: never a 5xx; a refusal is problem+json; a route that
      // refused every one of them wrote nothing.
      for (const s of samples) {
        const start = await snapshot();
        let served = 0;
        for (const body of s.accepted) {
          counts.served += 1;
          const reply = await send(s.route, actingRole(s.e), s.params, body, s.query);
          if (reply.status < 400) served += 1;
          const wrong =
            reply.status >= 500
              ? `${reply.status} ${show(reply.body)}`
              : reply.status >= 400
                ? problemMismatch(reply)
                : undefined;
          if (wrong) failures.push(`${routeKey(s.route)} ${show(body)} → ${wrong}`);
        }
        if (served === 0)
          expect(changes(start, await snapshot()), `${routeKey(s.route)} refused all and changed`).toEqual([]);
      }
      expect(failures).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'query strings around each schema, in every representation: a refused one names its fields; none fails or writes',
    async () => {
      const failures: string[] = [];
      const prepared = [];
      for (const route of newRoutes.filter((r) => r.method === 'get')) {
        const schema = querySchema(route);
        if (!schema) continue;
        const e = expectationOf(route);
        prepared.push({ route, schema, e, params: (await e.params?.(w, 'regulatorIn')) ?? {} });
      }
      const before = await snapshot();
      for (const { route, schema, e, params } of prepared) {
        const accepts = [undefined, ...(ACCEPTS[routeKey(route)] ?? [])];
        await fc.assert(
          fc.asyncProperty(
            queriesAround(schema, e.query?.(w)),
            fc.constantFrom(...accepts),
            fc.constantFrom<IdentityRole>(...IDENTITY_ROLES),
            async (query, accept, role) => {
              counts.queries += 1;
              const reply = await send(route, role, params, undefined, query, accept ? { accept } : undefined);
              const what = `${routeKey(route)}?${new URLSearchParams(query)} as ${role} (${accept ?? 'json'})`;
              const parsed = schema.safeParse(query);
              if (reply.status >= 500) failures.push(`${what} → ${reply.status} ${show(reply.body)}`);
              else if (reply.status >= 400 && problemMismatch(reply))
                failures.push(`${what} → ${problemMismatch(reply)}`);
              else if (!parsed.success) {
                const wrong = validationMismatch(
                  reply,
                  fieldErrors(parsed.error.issues, 'query').map((f) => f.path),
                );
                if (wrong) failures.push(`${what}: ${wrong}`);
              }
            },
          ),
          { numRuns: RUNS * 2 },
        );
      }
      expect(failures).toEqual([]);
      expect(changes(before, await snapshot())).toEqual([]);
    },
    TIMEOUT,
  );
});
