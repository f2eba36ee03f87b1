// Least privilege, at run time: every route of the API is called as the authorization matrix calls it, by each
// caller it serves and one it refuses (POSTs with an Idempotency-Key), the stream is consumed and the schedules run, and each DynamoDB
// command is attributed to the function that would send it in AWS. A command its function is not granted fails
// here by function and action: what AWS would answer with AccessDenied.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as alertsHandler } from '#functions/alerts/index.ts';
import { onChanges, onSchedule } from '#functions/webhooks/handler-core.ts';
import { clock } from '#shared/clock.ts';
import { onAlertChanges } from '#shared/services/alert-service.ts';
import { onCustodyChanges } from '#shared/services/completion-consumer.ts';
import { onStatsChanges } from '#shared/services/stats-service.ts';
import { db } from '#shared/store/client.ts';
import type { Send } from '#shared/webhooks/delivery.ts';
import { functionNames, grantedActions, specOf } from '../../infra/function-specs.ts';
import { iamActionsOf } from '../../infra/table-access.ts';
import { servingFunction } from '../../local/dispatch.ts';
import { startStreamPoller, type StreamPoller } from '../../local/stream-poller.ts';
import { EXPECTATIONS } from '../reliability/expectations.ts';
import { testApi } from '../support/api.ts';
import { allRoutes, answerOf, bounded, fillPath, IDENTITY_ROLES, routeKey, type IdentityRole } from '../support/route-matrix.ts';
import { buildWorld, type World } from '../support/world.ts';

const names = functionNames();
/** Per function, what it was seen to need: `dynamodb:PutItem`, `dynamodb:Query on index GSI1`. */
const needed = new Map<string, Set<string>>();
let w: World;
let pollers: StreamPoller[] = [];

const indexGrant = (index: string) => `dynamodb:Query on index ${index}`;
const grantsOf = (name: string) => [...grantedActions(specOf(name)), ...(specOf(name).indexes ?? []).map(indexGrant)];

/** What IAM checks for one command: its action (a transaction's: those of its items), and the index it queries. */
function needs(commandName: string, input: { TransactItems?: object[]; IndexName?: string }): string[] {
  const items = (input.TransactItems ?? []).map((item) => Object.keys(item)[0]);
  const actions = iamActionsOf(`dynamodb:${commandName.replace(/Command$/, '')}`, items);
  return input.IndexName ? [...actions, indexGrant(input.IndexName)] : actions;
}

// Deliveries alternate between refused and accepted, so both the retry and the success paths write.
let deliveries = 0;
const send: Send = async () => ({ status: deliveries++ % 2 ? 200 : 500 });

beforeAll(async () => {
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const name = servingFunction.getStore();
      if (name) {
        const seen = needed.get(name) ?? needed.set(name, new Set()).get(name)!;
        for (const need of needs(context.commandName ?? '', args.input as never)) seen.add(need);
      }
      return next(args);
    },
    { step: 'initialize', name: 'iamAttribution' },
  );
  const t = await testApi();
  // The stream functions, as their Lambdas consume it (functions/alerts/index.ts, functions/webhooks/index.ts).
  pollers = await Promise.all([
    startStreamPoller((records) => servingFunction.run('alerts', () =>
      Promise.all([onAlertChanges(records), onStatsChanges(records, clock()), onCustodyChanges(records, clock())])), 100),
    startStreamPoller((records) => servingFunction.run('webhooks', () => onChanges(records, send)), 100),
  ]);
  w = await buildWorld(t, 'iam');
  const calls = allRoutes.flatMap((route) => {
    const key = routeKey(route);
    const e = EXPECTATIONS[key];
    const [method, path] = key.split(' ');
    // Every caller the route serves, and one it refuses (a refusal reads, and frees its Idempotency-Key).
    const served = IDENTITY_ROLES.filter((r) => answerOf(e.answers, r) < 300);
    const refused = IDENTITY_ROLES.find((r) => answerOf(e.answers, r) >= 400);
    return [...served, ...(refused ? [refused] : [])].map((role: IdentityRole) => async () => {
      const params = (await e.params?.(w, role)) ?? {};
      const query = e.query ? `?${new URLSearchParams(e.query(w))}` : '';
      const headers: Record<string, string> = method === 'POST' ? { 'idempotency-key': randomUUID() } : {};
      await t.call(w.users[role], method, fillPath(path, params) + query, e.body?.(w), headers);
    });
  });
  await bounded(6, calls);
  await Promise.all(pollers.map((p) => p.drain()));
  await servingFunction.run('alerts', () => alertsHandler({}));
  await servingFunction.run('webhooks', () => onSchedule(send));
}, 300_000);

afterAll(async () => {
  await Promise.all(pollers.map((p) => p.stop()));
  await w?.stop();
});

describe('at run time, each function', () => {
  it('sends only what it is granted', () => {
    const denied = [...needed].flatMap(([name, seen]) => [...seen].filter((n) => !grantsOf(name).includes(n)).map((n) => `${name} ${n}`));
    expect(denied).toEqual([]);
  });

  it('with table grants was seen at work, so the check above covers it', () => {
    const idle = names.filter((n) => specOf(n).table.length && !needed.has(n));
    expect(idle).toEqual([]);
    const unseen = Object.fromEntries(names.map((n) => [n, grantsOf(n).filter((g) => !needed.get(n)?.has(g))]).filter(([, g]) => g.length));
    console.log('granted, reachable in the code, not sent by this workload:', unseen);
  });
});
