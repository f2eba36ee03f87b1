// DynamoDB Local stopped during a run: every request answers 503 STORE_UNAVAILABLE with Retry-After; after a
// restart on the same port and data directory the data is intact and consistent, and the API serves again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '#shared/config.ts';
import { createDynamoClient } from '#shared/store/client.ts';
import { ensureTable } from '#shared/store/create-table.ts';
import { freePort, startDynamo, type RunningDynamo } from '../../local/dynamo.ts';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { installFaultyStore, type FaultyStore } from '../support/fault-injection.ts';
import { activeParty, licenceBody, partyBody } from '../support/fixtures.ts';
import { changes, itemsOf, snapshot, type Snapshot } from './store-snapshot.ts';

const owner = enterprise('outage-owner');
const shanxi = regulator('outage-regulator', '14');
let dataDir: string;
let port: number;
let dynamo: RunningDynamo;
let endpoint: string;
let store: FaultyStore;
let t: TestApi;

/** Starts (or restarts) this file's DynamoDB Local; Java can be slow to come up on a loaded machine. */
async function start(): Promise<RunningDynamo> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDynamo({ port, dataDir });
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

beforeAll(async () => {
  t = await testApi();
  dataDir = mkdtempSync(join(tmpdir(), 'wastechain-outage-'));
  port = await freePort();
  dynamo = await start();
  endpoint = dynamo.endpoint;
  await ensureTable(createDynamoClient(endpoint), config.tableName);
  // The API's client, pointed at this DynamoDB Local (never armed: the outage is real).
  store = installFaultyStore(endpoint);
}, 120_000);

afterAll(async () => {
  store?.restore();
  await dynamo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every party has its USCC claim and as many manager items as its manager count; every member and licence
 * belongs to a stored party. */
function inconsistencies(s: Snapshot): string[] {
  const items = itemsOf(s);
  const parties = new Map(items.filter((i) => i.itemType === 'party').map((p) => [p.id, p]));
  const problems: string[] = [];
  for (const p of parties.values()) {
    if (!items.some((i) => i.itemType === 'uscc' && i.partyId === p.id))
      problems.push(`party ${p.id} has no USCC claim`);
    const managers = items.filter((i) => i.itemType === 'member' && i.partyId === p.id && i.role === 'manager').length;
    if (managers !== p.managerCount)
      problems.push(`party ${p.id}: managerCount ${p.managerCount}, ${managers} managers`);
  }
  for (const i of items.filter((x) => x.itemType === 'member' || x.itemType === 'licence')) {
    if (!parties.has(i.partyId)) problems.push(`${i.itemType} ${i.PK} ${i.SK} belongs to no party`);
  }
  return problems;
}

describe('DynamoDB Local stopped during a run', () => {
  it('answers 503 while the store is down; after a restart on the same data the data is intact and consistent', async () => {
    const party = await activeParty(t, owner);
    await t.call(owner, 'POST', `/v1/parties/${party.id}/members`, { sub: 'outage-operator', role: 'operator' });
    const licence = (await t.call(owner, 'POST', `/v1/parties/${party.id}/licences`, licenceBody())).body;
    const pending = await activeParty(t, owner, {}, false);
    const before = await snapshot(endpoint);
    const partyBefore = await t.call(owner, 'GET', `/v1/parties/${party.id}`);

    await dynamo.stop();
    const duringOutage = [
      await t.call(owner, 'GET', `/v1/parties/${party.id}`),
      await t.call(owner, 'GET', '/v1/me'),
      await t.call(owner, 'POST', '/v1/parties', partyBody(), { 'idempotency-key': 'during-outage' }),
      await t.call(shanxi, 'POST', `/v1/parties/${pending.id}/approve`),
      await t.call(shanxi, 'POST', `/v1/parties/${party.id}/licences/${licence.id}/verify`),
      await t.call(owner, 'DELETE', `/v1/parties/${party.id}/members/outage-operator`),
    ];
    for (const reply of duringOutage) {
      expect(reply.status, JSON.stringify(reply.body)).toBe(503);
      expect(reply.headers.get('content-type')).toBe('application/problem+json');
      expect(reply.body.code).toBe('STORE_UNAVAILABLE');
      expect(reply.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    }

    dynamo = await start();
    const after = await snapshot(endpoint);
    expect(changes(before, after)).toEqual([]);
    expect(inconsistencies(after)).toEqual([]);
    const partyAfter = await t.call(owner, 'GET', `/v1/parties/${party.id}`);
    expect({ status: partyAfter.status, body: partyAfter.body }).toEqual({
      status: partyBefore.status,
      body: partyBefore.body,
    });

    // And it serves again, the request refused during the outage included (its key was never locked).
    expect((await t.call(shanxi, 'POST', `/v1/parties/${pending.id}/approve`)).status).toBe(200);
    expect(
      (await t.call(owner, 'POST', '/v1/parties', partyBody(), { 'idempotency-key': 'during-outage' })).status,
    ).toBe(201);
    expect(inconsistencies(await snapshot(endpoint))).toEqual([]);
  }, 150_000);
});
