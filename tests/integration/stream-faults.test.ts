// Faults on the change stream lose nothing and block nothing: a consumer names the record it failed on (Lambda's
// partial batch response), the local poller retries that record and then sends it to the failure queue while the
// records behind it go through, a consumer that crashes once still queues its deadline, and the alerts job of the
// local server first lets the consumers catch up with every write committed before the call.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as alertsHandler } from '#functions/alerts/index.ts';
import { handler as webhooksHandler } from '#functions/webhooks/index.ts';
import { config } from '#shared/config.ts';
import { db } from '#shared/store/client.ts';
import { keys } from '#shared/store/keys.ts';
import { onStatsChanges } from '#shared/services/stats-service.ts';
import { createLocalApi } from '../../local/api.ts';
import { localJobs, startStreamConsumers, type StreamConsumers } from '../../local/change-handlers.ts';
import { fileFailureQueue } from '../../local/failure-queue.ts';
import { startStreamPoller } from '../../local/stream-poller.ts';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { activeParty } from '../support/fixtures.ts';

let t: TestApi;
let dir: string;
const lvliang = regulator('faults-lvliang', '1411');
const clinicUser = enterprise('faults-clinic');
let clinic: { id: string };

beforeAll(async () => {
  t = await testApi();
  dir = mkdtempSync(join(tmpdir(), 'wastechain-faults-'));
  clinic = await activeParty(t, clinicUser, { divisionCode: '141102', kinds: ['generator', 'medical'] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Infectious waste recorded `hoursAgo` ago: a medical-storage-exceeded deadline due at once when over 48 h. */
async function medicalBatch(hoursAgo: number): Promise<{ id: string }> {
  const at = new Date(Date.now() - hoursAgo * 3600_000).toISOString();
  const res = await t.call(clinicUser, 'POST', `/v1/parties/${clinic.id}/ledger`, {
    wasteCode: '841-001-01',
    medicalCategory: 'infectious',
    quantityKg: 3,
    at,
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** A corrupt ledger item (its `at` is no instant): the alerts consumer throws on it, every time. */
async function poisonItem(): Promise<Record<string, unknown>> {
  const stored: Record<string, unknown> = (
    await db().send(
      new GetCommand({ TableName: config.tableName, Key: keys.ledgerEntry(clinic.id, (await medicalBatch(1)).id) }),
    )
  ).Item!;
  const id = `poison-${Math.random().toString(36).slice(2)}`;
  // Out of the ledger's indexes: only the stream sees it.
  const poison: Record<string, unknown> = { ...stored, ...keys.ledgerEntry(clinic.id, id), id, at: 'yesterday-ish' };
  for (const index of ['GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK']) delete poison[index];
  return poison;
}

const hasDeadline = async (subjectId: string) =>
  Boolean(
    (
      await db().send(
        new GetCommand({ TableName: config.tableName, Key: keys.alertDeadline('medical-storage-exceeded', subjectId) }),
      )
    ).Item,
  );

const alertsOf = async (subjectId: string) =>
  (await t.call(lvliang, 'GET', '/v1/oversight/alerts?type=medical-storage-exceeded')).body.items.filter(
    (a: { subjectId: string }) => a.subjectId === subjectId,
  );

const streamRecord = (item: Record<string, unknown>, sequenceNumber: string) => ({
  eventName: 'INSERT',
  dynamodb: {
    Keys: marshall({ PK: item.PK, SK: item.SK }),
    NewImage: marshall(item, { removeUndefinedValues: true }),
    SequenceNumber: sequenceNumber,
  },
});

describe('the stream Lambdas report partial batch failures', () => {
  it('alerts: names the poison record’s sequence number, and the record before it got its deadline', async () => {
    const good = await medicalBatch(72);
    const goodItem = (
      await db().send(new GetCommand({ TableName: config.tableName, Key: keys.ledgerEntry(clinic.id, good.id) }))
    ).Item!;
    const poison = await poisonItem();
    const after = { ...goodItem, id: `after-${good.id}`, SK: `LEDGER#after-${good.id}` };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await alertsHandler({
      Records: [streamRecord(goodItem, '100'), streamRecord(poison, '200'), streamRecord(after, '300')] as never,
    });
    vi.restoreAllMocks();
    expect(reply).toEqual({ batchItemFailures: [{ itemIdentifier: '200' }] });
    expect(await hasDeadline(good.id)).toBe(true);
    expect(await alertsHandler({ Records: [streamRecord(goodItem, '400')] as never })).toEqual({
      batchItemFailures: [],
    });
  });

  it('webhooks: takes only new manifest events; anything else is not its business, and fails nothing', async () => {
    const poison = await poisonItem();
    expect(
      await webhooksHandler({
        Records: [streamRecord(poison, '500'), { ...streamRecord(poison, '501'), eventName: 'MODIFY' }] as never,
      }),
    ).toEqual({ batchItemFailures: [] });
  });
});

describe('the local stream poller', () => {
  it('retries a poison record, then sends it to the failure queue; the records behind it go through', async () => {
    const queue = fileFailureQueue(join(dir, 'poison.jsonl'));
    const handled: string[] = [];
    const tries = new Map<string, number>();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const poller = await startStreamPoller(
      async (records) => {
        for (const r of records.filter((r) => r.key.startsWith('POISONTEST#'))) {
          tries.set(r.key, (tries.get(r.key) ?? 0) + 1);
          if (r.newImage?.poison) throw new Error('cannot digest this');
          handled.push(r.key);
        }
      },
      20,
      { name: 'test', maxAttempts: 3, failureQueue: queue },
    );
    try {
      const put = (n: string, poison = false) =>
        db().send(new PutCommand({ TableName: config.tableName, Item: { PK: `POISONTEST#${n}`, SK: 'X', poison } }));
      await put('1');
      await put('2', true);
      await put('3');
      await put('4');
      await poller.drain();
      expect(handled.filter((k) => k !== 'POISONTEST#1|X')).toEqual(['POISONTEST#3|X', 'POISONTEST#4|X']);
      expect(tries.get('POISONTEST#2|X')).toBeGreaterThanOrEqual(3);
      const [entry, ...more] = await queue.read();
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        consumer: 'test',
        attempts: 3,
        error: 'cannot digest this',
        record: { dynamodb: { Keys: { PK: { S: 'POISONTEST#2' } } } },
      });
      expect(errors.mock.calls.some(([line]) => String(line).includes('gave up on stream record'))).toBe(true);
    } finally {
      errors.mockRestore();
      await poller.stop();
    }
  });

  it('a consumer that crashes on a batch loses no alert: the deadline came with the write, and the job opens it', async () => {
    let crashes = 1;
    const poller = await startStreamPoller(async (records) => {
      if (crashes > 0 && records.some((r) => r.newImage?.itemType === 'ledger-entry')) {
        crashes -= 1;
        throw new Error('consumer crashed mid-batch');
      }
      await onStatsChanges(records, new Date());
    }, 20);
    try {
      const batch = await medicalBatch(60);
      await poller.drain();
      expect(crashes).toBe(0);
      expect(await hasDeadline(batch.id)).toBe(true);
      expect((await t.call(null, 'POST', '/local/jobs/alerts')).body.opened).toBeGreaterThanOrEqual(1);
      expect(await alertsOf(batch.id)).toEqual([expect.objectContaining({ status: 'open', partyId: clinic.id })]);
    } finally {
      await poller.stop();
    }
  });
});

describe('the local server’s consumers and POST /local/jobs/alerts', () => {
  let consumers: StreamConsumers;
  const queue = () => fileFailureQueue(join(dir, 'server.jsonl'));
  beforeAll(async () => {
    consumers = await startStreamConsumers(queue());
  });
  afterAll(() => consumers.stop());

  it('the job sees a ledger entry written just before the call (the consumers catch up first)', async () => {
    const local = createLocalApi(t.auth, localJobs(consumers));
    const batch = await medicalBatch(50);
    const res = await local.request('/local/jobs/alerts', { method: 'POST' });
    expect(res.status).toBe(200);
    expect((await res.json()).opened).toBeGreaterThanOrEqual(1);
    expect(await alertsOf(batch.id)).toEqual([expect.objectContaining({ status: 'open' })]);
  });

  it('a corrupt item lands in the failure queue file and the alerts consumer goes on to the next write', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const poison = await poisonItem();
      await db().send(new PutCommand({ TableName: config.tableName, Item: poison }));
      const batch = await medicalBatch(55);
      const local = createLocalApi(t.auth, localJobs(consumers));
      expect(
        (await (await local.request('/local/jobs/alerts', { method: 'POST' })).json()).opened,
      ).toBeGreaterThanOrEqual(1);
      expect(await alertsOf(batch.id)).toEqual([expect.objectContaining({ status: 'open' })]);
      const failed = await queue().read();
      expect(failed).toEqual([
        expect.objectContaining({
          consumer: 'alerts',
          record: expect.objectContaining({
            dynamodb: expect.objectContaining({ Keys: marshall({ PK: poison.PK, SK: poison.SK }) }),
          }),
        }),
      ]);
    } finally {
      errors.mockRestore();
    }
  });
});
