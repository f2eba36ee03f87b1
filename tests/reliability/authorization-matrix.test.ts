// Every route × every caller → the documented answer. Bad tokens always get 401 (public routes 200); identities
// get what the expectation table says; what a caller may not see answers 404 exactly like what does not exist.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi } from '../support/api.ts';
import {
  allRoutes,
  answerOf,
  BAD_TOKEN_ROLES,
  bounded,
  fillPath,
  IDENTITY_ROLES,
  isPublic,
  mismatch,
  paramNames,
  routeKey,
  type Expectation,
  type IdentityRole,
  type Params,
} from '../support/route-matrix.ts';
import { installFaultyStore, type FaultyStore } from '../support/fault-injection.ts';
import { buildWorld, type World } from '../support/world.ts';
import { badTokens } from './bad-tokens.ts';
import { EXPECTATIONS } from './expectations.ts';
import { exactly } from '../support/present.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let w: World;
let store: FaultyStore;
let cells = 0;

beforeAll(async () => {
  // Never armed: long timeouts only, so a slow shared CI machine cannot turn an answer into a 503.
  store = installFaultyStore(undefined, { patient: true });
  w = await buildWorld(await testApi(), 'matrix');
}, 60_000);

afterAll(async () => {
  await w?.stop();
  store.restore();
  console.log(`authorization matrix: ${cells} cells checked over ${allRoutes.length} routes`);
});

/** One call of `route` by `caller` (a role's user, or a raw Authorization header). */
async function call(key: string, expectation: Expectation, caller: IdentityRole | string | null, params: Params) {
  const [method, path] = exactly(key.split(' '), 2, 'part of the route key');
  const user =
    caller !== null && (IDENTITY_ROLES as readonly string[]).includes(caller)
      ? w.users[caller as IdentityRole]
      : caller;
  const query = expectation.query ? `?${new URLSearchParams(expectation.query(w))}` : '';
  cells += 1;
  return w.t.call(user, method, fillPath(path, params) + query, expectation.body?.(w));
}

/** Runs a few routes at a time, each route's cells concurrently (each cell has its own subject); returns every mismatch, named. */
async function check(
  cellsOf: (key: string, e: Expectation) => Promise<Promise<string | undefined>[]>,
): Promise<string[]> {
  const perRoute = allRoutes.flatMap((route) => {
    const expectation = EXPECTATIONS[routeKey(route)];
    return expectation ? [async () => Promise.all(await cellsOf(routeKey(route), expectation))] : [];
  });
  return (await bounded(6, perRoute)).flat().filter((f): f is string => f !== undefined);
}

describe('authorization matrix', () => {
  it('the expectation table names every route of the API, and no other', () => {
    const keys = allRoutes.map(routeKey);
    const missing = keys.filter((k) => !EXPECTATIONS[k]);
    const unknown = Object.keys(EXPECTATIONS).filter((k) => !keys.includes(k));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  }, 120_000);

  it('a missing, expired, foreign, tampered or unsigned token gets 401 UNAUTHENTICATED on every non-public route; public routes answer 200', async () => {
    const tokens = await badTokens(w.t, w.users.owner);
    const failures = await check(async (key, expectation) => {
      const route = allRoutes.find((r) => routeKey(r) === key)!;
      // Authentication comes first: the parameters need not name anything real.
      const params = Object.fromEntries(paramNames(route).map((n) => [n, randomUUID()]));
      return BAD_TOKEN_ROLES.map(async (role) => {
        const reply = await call(key, expectation, tokens[role], params);
        const wrong = mismatch(reply, isPublic(route) ? 200 : 401);
        return wrong && `${key} as ${role}: ${wrong}`;
      });
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it('each identity gets the documented answer on every route', async () => {
    const failures = await check(async (key, expectation) =>
      IDENTITY_ROLES.map(async (role) => {
        const params = (await expectation.params?.(w, role)) ?? {};
        const reply = await call(key, expectation, role, params);
        const wrong = mismatch(reply, answerOf(expectation.answers, role));
        return wrong && `${key} as ${role}: ${wrong}`;
      }),
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('a resource the caller may not see answers 404, never 403', async () => {
    const failures = await check(async (key, expectation) => {
      if (!expectation.hidden) return [];
      const params = await expectation.hidden(w);
      return (['other', 'regulatorOut'] as const).map(async (role) => {
        const wrong = mismatch(await call(key, expectation, role, params), 404);
        return wrong && `${key} (hidden) as ${role}: ${wrong}`;
      });
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it('naming an id that does not exist answers 404 to everyone', async () => {
    const failures = await check(async (key, expectation) => {
      // `other` never acts, so it gets the world's shared subjects: no fresh ones are made only to be replaced.
      const base = (await expectation.params?.(w, 'other')) ?? {};
      const ids = Object.entries(base)
        .filter(([, value]) => UUID.test(value))
        .map(([name]) => name);
      if (ids.length === 0) return [];
      const params = { ...base, ...Object.fromEntries(ids.map((name) => [name, randomUUID()])) };
      return IDENTITY_ROLES.map(async (role) => {
        const wrong = mismatch(await call(key, expectation, role, params), 404);
        return wrong && `${key} (no such id) as ${role}: ${wrong}`;
      });
    });
    expect(failures).toEqual([]);
  }, 120_000);
});
