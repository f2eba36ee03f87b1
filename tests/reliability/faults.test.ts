// DynamoDB errors injected at the client: each maps to its problem+json (503 STORE_UNAVAILABLE with Retry-After
// for throttling and outages, 409 for lost conditions), never a 500; nothing is half-written, and the same
// request succeeds once the store recovers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/dynamo.ts';
import { enterprise, regulator, testApi, type Reply, type TestApi } from '../support/api.ts';
import { FAULTS, installFaultyStore, type Fault, type FaultyStore } from '../support/fault-injection.ts';
import { activeParty, partyBody } from '../support/fixtures.ts';
import { changes, snapshot } from './store-snapshot.ts';

const owner = enterprise('fault-owner');
const shanxi = regulator('fault-regulator', '14');
let t: TestApi;
let store: FaultyStore;
let scenarios = 0;

beforeAll(async () => {
  t = await testApi();
  store = installFaultyStore();
});

afterAll(() => {
  store.restore();
  console.log(`faults: ${scenarios} injected-fault scenarios`);
});

function expectMapped(reply: Reply, fault: Fault, what: string) {
  expect(reply.status, `${what}: ${JSON.stringify(reply.body)}`).toBe(fault.expect.status);
  expect(reply.headers.get('content-type')).toBe('application/problem+json');
  expect(fault.expect.codes).toContain(reply.body.code);
  if (reply.status === 503) expect(reply.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
}

interface Scenario {
  name: string;
  /** Reads only: faults that only writes raise (lost conditions, cancelled transactions) do not apply. */
  reads: boolean;
  /** A request, and the status it gets once the store is healthy again. */
  request(): Promise<{ call: () => Promise<Reply>; healthy: number }>;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'GET /v1/parties/{id}',
    reads: true,
    async request() {
      const party = await activeParty(t, owner);
      return { call: () => t.call(owner, 'GET', `/v1/parties/${party.id}`), healthy: 200 };
    },
  },
  {
    name: 'POST /v1/parties with an Idempotency-Key',
    reads: false,
    async request() {
      const body = partyBody();
      const key = `fault-${Math.random()}`;
      return { call: () => t.call(owner, 'POST', '/v1/parties', body, { 'idempotency-key': key }), healthy: 201 };
    },
  },
  {
    name: 'POST /v1/parties/{id}/approve',
    reads: false,
    async request() {
      const party = await activeParty(t, owner, {}, false);
      return { call: () => t.call(shanxi, 'POST', `/v1/parties/${party.id}/approve`), healthy: 200 };
    },
  },
];

describe('faults injected at the DynamoDB client', () => {
  for (const scenario of SCENARIOS) {
    for (const fault of FAULTS) {
      // Failing every call, and failing only the transaction (after the idempotency lock and the reads succeeded).
      for (const only of [undefined, /TransactWrite/]) {
        if (only && (fault.commands || scenario.reads)) continue;
        if (fault.commands && scenario.reads) continue;
        const where = only ? 'the transaction' : fault.commands ? 'writes' : 'every call';
        it(`${scenario.name}: ${fault.name} on ${where} → ${fault.expect.status}, nothing written, then served`, async () => {
          scenarios += 1;
          const { call, healthy } = await scenario.request();
          const before = await snapshot();
          store.arm(fault, { commands: only });
          const reply = await call();
          const hit = [...store.injected];
          store.disarm();
          expect(hit.length, 'the fault was never reached').toBeGreaterThan(0);
          expectMapped(reply, fault, `${scenario.name} with ${fault.name}`);
          expect(changes(before, await snapshot())).toEqual([]);
          const retried = await call();
          expect(retried.status, JSON.stringify(retried.body)).toBe(healthy);
        });
      }
    }
  }

  it('a store that refuses connections (nothing listening) → 503 STORE_UNAVAILABLE with Retry-After', async () => {
    scenarios += 1;
    const party = await activeParty(t, owner);
    const closed = installFaultyStore(`http://127.0.0.1:${await freePort()}`);
    try {
      for (const [method, path, body] of [
        ['GET', `/v1/parties/${party.id}`],
        ['GET', '/v1/me'],
        ['POST', '/v1/parties', partyBody()],
      ] as const) {
        const reply = await t.call(owner, method, path, body);
        expectMapped(reply, FAULTS.find((f) => f.name === 'ECONNREFUSED')!, `${method} ${path}`);
      }
    } finally {
      closed.restore();
      store = installFaultyStore();
    }
  });
});
