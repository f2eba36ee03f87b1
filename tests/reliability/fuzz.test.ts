// Hostile input on every route with a body, query or path parameters: the API answers 4xx problem+json with a
// code of api.md, never ≥ 500, and requests it refuses leave the store exactly as it was.
import fc from 'fast-check';
import type { RouteConfig } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type Reply, type User } from '../support/api.ts';
import {
  allRoutes,
  answerOf,
  bodySchema,
  fillPath,
  IDENTITY_ROLES,
  isPublic,
  mismatch,
  paramNames,
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
import {
  bodiesFrom,
  headerValue,
  hostileParam,
  hostileQueryValue,
  loneSurrogates,
  MALFORMED,
  NOT_JSON,
  oversized,
  RAW_SEGMENTS,
  tooLarge,
} from './fuzz-inputs.ts';
import { changes, snapshot } from './store-snapshot.ts';
import { entry } from '../support/present.ts';
import { actingRole, refusingRole } from './fuzz-roles.ts';

/** Runs per route; FUZZ_RUNS=500 for a deeper hunt than CI affords. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
/** Generous: a shared CI machine under load is slow; a deep hunt more so. */
const TIMEOUT = 120_000 * Math.max(1, RUNS / 20);
const counts = { bodies: 0, params: 0, queries: 0, headers: 0 };
let w: World;
let store: FaultyStore;

beforeAll(async () => {
  // Never armed: long timeouts only, so a slow shared CI machine cannot turn an answer into a 503.
  store = installFaultyStore(undefined, { patient: true });
  w = await buildWorld(await testApi(), 'fuzz');
}, 180_000);

afterAll(async () => {
  await w?.stop();
  store.restore();
  console.log(
    `fuzzing: ${counts.bodies} bodies fuzzed, ${counts.params} path parameters, ${counts.queries} query strings, ${counts.headers} header sets`,
  );
});

/** The store once the stream's consumers have caught up with every write. */
async function settled() {
  await w.settle();
  return snapshot();
}

interface Send {
  user: User | string | null;
  params: Params;
  /** Parameters are sent as they are, not percent-encoded. */
  raw?: boolean;
  query?: Record<string, string> | undefined;
  text?: string | undefined;
  headers?: Record<string, string> | undefined;
}

async function send(route: RouteConfig, s: Send): Promise<Reply> {
  const query = s.query && Object.keys(s.query).length ? `?${new URLSearchParams(s.query)}` : '';
  return w.t.call(
    s.user,
    route.method.toUpperCase(),
    fillPath(route.path, s.params, s.raw ? String : encodeURIComponent) + query,
    s.text,
    s.headers,
  );
}

const expectationOf = (route: RouteConfig): Expectation =>
  entry(EXPECTATIONS, routeKey(route), 'the expectation table');

/** Each route's expectation and parameters, made before a snapshot is taken (fresh subjects are writes). A route
 * missing from the table is skipped here: the authorization matrix fails naming it. */
async function prepare(routes: RouteConfig[], roleOf: (e: Expectation) => IdentityRole = () => 'owner') {
  const prepared = [];
  for (const route of routes) {
    const e = EXPECTATIONS[routeKey(route)];
    if (!e) continue;
    prepared.push({ route, e, params: (await e.params?.(w, roleOf(e))) ?? {}, query: e.query?.(w) });
  }
  await w.settle();
  return prepared;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The status the contract demands for `text` as this route's body; undefined when its schema accepts it. */
function demanded(route: RouteConfig, text: string): 400 | 413 | undefined {
  if (tooLarge(text)) return 413;
  if (!isJson(text) || !bodySchema(route)!.safeParse(JSON.parse(text)).success) return 400;
  return undefined;
}

/** Asserts a refusal: 4xx problem+json with a known code (and `status` when given). */
function expectRefused(reply: Reply, what: string, status?: number) {
  const wrong = status
    ? mismatch(reply, status)
    : reply.status < 400 || reply.status >= 500
      ? `got ${reply.status}`
      : problemMismatch(reply);
  expect(wrong, `${what}: ${JSON.stringify(reply.body)?.slice(0, 300)}`).toBeUndefined();
  if (status === 400) expect(reply.body.code).toBe('VALIDATION_FAILED');
  if (status === 413) expect(reply.body.code).toBe('PAYLOAD_TOO_LARGE');
}

describe('fuzzing', () => {
  const withBody = allRoutes.filter((r) => bodySchema(r));

  // First, on the world as built: the bodies test below ends by sending schema-valid bodies as the identity a route
  // serves, and those may be accepted (a member named "__proto__" is a valid sub); a hostile path value naming a
  // resource that exists is rightly answered 2xx, not refused.
  it(
    'hostile path parameters are refused with 4xx problem+json and change nothing',
    async () => {
      const prepared = await prepare(allRoutes.filter((r) => paramNames(r).length > 0));
      const before = await snapshot();
      for (const { route, e, params: base, query } of prepared) {
        const text = e.body ? JSON.stringify(e.body(w)) : undefined;
        for (const name of paramNames(route)) {
          await fc.assert(
            fc.asyncProperty(hostileParam, async (value) => {
              counts.params += 1;
              expectRefused(
                await send(route, { user: w.users.owner, params: { ...base, [name]: value }, query, text }),
                `${routeKey(route)} {${name}}=${JSON.stringify(value.slice(0, 80))}`,
              );
            }),
            { numRuns: 5 },
          );
          for (const value of RAW_SEGMENTS) {
            counts.params += 1;
            const raw = Object.fromEntries(
              Object.entries({ ...base, [name]: value }).map(([k, v]) => [k, k === name ? v : encodeURIComponent(v)]),
            );
            expectRefused(
              await send(route, { user: w.users.owner, params: raw, raw: true, query, text }),
              `${routeKey(route)} {${name}}=${value}`,
            );
          }
        }
      }
      expect(changes(before, await settled())).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'bodies of the wrong type, hostile values, prototype-pollution keys, malformed JSON, wrong content types and oversized bodies are refused, and change nothing',
    async () => {
      const prepared = await prepare(withBody, actingRole);
      const before = await snapshot();
      type Accepted = { route: RouteConfig; text: string; params: Params; query?: Record<string, string> | undefined };
      const schemaValid: Accepted[] = [];
      /** Bodies with a lone surrogate in one string: each is sent to a fresh subject, so none is hidden by a 409. */
      const surrogates: Accepted[] = [];
      for (const { route, e, params, query } of prepared) {
        const valid = e.body!(w);
        const sendBody = async (text: string, headers?: Record<string, string>) => {
          counts.bodies += 1;
          return send(route, { user: w.users[actingRole(e)], params, query, text, headers });
        };
        await fc.assert(
          fc.asyncProperty(bodiesFrom(valid), async (text) => {
            const status = demanded(route, text);
            if (status === undefined) return void schemaValid.push({ route, text, params, query });
            expectRefused(await sendBody(text), `${routeKey(route)} ${text.slice(0, 120)}`, status);
          }),
          { numRuns: RUNS },
        );
        for (const text of loneSurrogates(valid)) {
          if (demanded(route, text) === undefined) surrogates.push({ route, text, params, query });
          else expectRefused(await sendBody(text), `${routeKey(route)} ${text.slice(0, 120)}`, demanded(route, text));
        }
        for (const text of [...MALFORMED, oversized(valid)]) {
          expectRefused(
            await sendBody(text),
            `${routeKey(route)} ${JSON.stringify(text.slice(0, 40))}`,
            demanded(route, text),
          );
        }
        for (const type of NOT_JSON) {
          expectRefused(
            await sendBody(JSON.stringify(valid), { 'content-type': type }),
            `${routeKey(route)} as ${JSON.stringify(type)}`,
          );
        }
      }
      // Bodies the schema accepts, sent by someone the route refuses: refused too, and nothing written.
      for (const { route, text, params, query } of [...schemaValid, ...surrogates]) {
        const role = refusingRole(expectationOf(route));
        if (!role) continue;
        counts.bodies += 1;
        expectRefused(
          await send(route, { user: w.users[role], params, query, text }),
          `${routeKey(route)} as ${role}: ${text.slice(0, 120)}`,
        );
      }
      expect(changes(before, await settled())).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();

      // The same bodies from the identity the route serves: whatever the outcome, never a 500.
      const failures: string[] = [];
      for (const { route, text, params: shared, query } of [...schemaValid, ...surrogates]) {
        counts.bodies += 1;
        const role = actingRole(expectationOf(route));
        const params = surrogates.some((x) => x.text === text && x.route === route)
          ? ((await expectationOf(route).params?.(w, role)) ?? {})
          : shared;
        const reply = await send(route, { user: w.users[role], params, query, text });
        const wrong =
          reply.status >= 500 ? `${reply.status}` : reply.status >= 400 ? problemMismatch(reply) : undefined;
        if (wrong) failures.push(`${routeKey(route)} ${text.slice(0, 200)} → ${wrong}`);
      }
      expect(failures).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'hostile query strings never make a route fail, and change nothing',
    async () => {
      const prepared = await prepare(allRoutes.filter((r) => querySchema(r)));
      const before = await snapshot();
      for (const { route, params } of prepared) {
        const declared = Object.keys((querySchema(route) as unknown as { shape: Record<string, unknown> }).shape);
        const query = fc.dictionary(
          fc.constantFrom(...declared, 'unknown', '__proto__', 'constructor'),
          hostileQueryValue,
          { minKeys: 1, maxKeys: 4 },
        );
        await fc.assert(
          fc.asyncProperty(query, fc.constantFrom<IdentityRole>(...IDENTITY_ROLES), async (q, role) => {
            counts.queries += 1;
            const reply = await send(route, { user: w.users[role], params, query: q });
            expect(reply.status, `${routeKey(route)}?${new URLSearchParams(q)} as ${role}`).toBeLessThan(500);
            if (reply.status >= 400) expect(problemMismatch(reply)).toBeUndefined();
          }),
          { numRuns: RUNS },
        );
      }
      expect(changes(before, await settled())).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'hostile Idempotency-Key, If-Match and Authorization headers are refused and change nothing',
    async () => {
      const prepared = await prepare(
        allRoutes.filter((r) => !isPublic(r)),
        (e) => refusingRole(e) ?? 'owner',
      );
      const before = await snapshot();
      const keyIsValid = (v: string) => /^[\x20-\x7E]{1,128}$/.test(v);
      const ifMatchIsValid = (v: string) => v === '*' || /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.test(v);
      const asSent = (v: string) => new Headers({ h: v }).get('h')!;
      for (const { route, e, params, query } of prepared) {
        const role = refusingRole(e);
        const text = e.body ? JSON.stringify(e.body(w)) : undefined;
        if (role) {
          await fc.assert(
            fc.asyncProperty(headerValue, headerValue, async (key, ifMatch) => {
              counts.headers += 1;
              const post = route.method === 'post';
              const headersValid = (!post || keyIsValid(asSent(key))) && ifMatchIsValid(asSent(ifMatch));
              const reply = await send(route, {
                user: w.users[role],
                params,
                query,
                text,
                headers: { 'idempotency-key': key, 'if-match': ifMatch },
              });
              expectRefused(
                reply,
                `${routeKey(route)} key=${JSON.stringify(key)} if-match=${JSON.stringify(ifMatch)}`,
                headersValid ? answerOf(e.answers, role) : 400,
              );
            }),
            { numRuns: 6 },
          );
        }
        await fc.assert(
          fc.asyncProperty(headerValue, async (token) => {
            counts.headers += 1;
            expectRefused(
              await send(route, { user: `Bearer ${token}`, params, query, text }),
              `${routeKey(route)} Bearer ${JSON.stringify(token)}`,
              401,
            );
          }),
          { numRuns: 3 },
        );
      }
      expect(changes(before, await settled())).toEqual([]);
    },
    TIMEOUT,
  );
});
