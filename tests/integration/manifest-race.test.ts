import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../support/api.ts';
import { race } from '../support/race.ts';
import { installFaultyStore, type FaultyStore } from '../support/fault-injection.ts';
import {
  cast,
  createBody,
  delivered,
  expectStatus,
  line,
  member,
  plan,
  receiptOf,
  receiverLicence,
  stockOf,
  CODE,
  type Cast,
} from './manifest-fixtures.ts';
import { exactly } from '../support/present.ts';

// One cast for the file: each test races on manifests of its own and checks stock as a difference.
let t: TestApi;
let c: Cast;
let store: FaultyStore;
beforeAll(async () => {
  t = await testApi();
  // These tests are about conditions, not time: a store with long timeouts (never armed) keeps a loaded CI machine
  // from turning a race's loser into a 503 (once 48 of 49 losers answered 409).
  store = installFaultyStore(undefined, { patient: true });
  c = await cast(t, 'race');
}, 60_000);
afterAll(() => store.restore());

describe('racing on one manifest', () => {
  it('50 concurrent receipts: exactly one wins, the others get 409, and the stock moves once', async () => {
    const m = await delivered(t, c);
    const before = await stockOf(t, c.receiver);
    const { replies } = await race(50, () =>
      t.call(c.receiver.user, 'POST', `/v1/manifests/${m.id}/receive`, receiptOf(m)),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const lost of replies.filter((r) => r.status === 409))
      expect(['VERSION_CONFLICT', 'INVALID_STATE']).toContain(lost.body.code);
    expect((await stockOf(t, c.receiver)).acceptedKg).toBe(before.acceptedKg + 100);
    const after = expectStatus(await t.call(c.receiver.user, 'GET', `/v1/manifests/${m.id}`), 200);
    expect(after).toMatchObject({ status: 'received', version: m.version + 1 });
  }, 120_000);

  it('two dispatches of one draft racing with If-Match: one wins, the other gets 412 or 409', async () => {
    const d = expectStatus(
      await t.call(c.generator.user, 'POST', '/v1/manifests', {
        generatorId: c.generator.party.id,
        transporterIds: [c.carrier.party.id],
        receiverId: c.receiver.party.id,
        lines: [
          {
            wasteCode: '900-041-49',
            name: 'x',
            physicalForm: 'solid',
            hazards: ['T'],
            packaging: 'drum',
            containerCount: 1,
            quantityKg: 1,
          },
        ],
        plannedPickupAt: new Date().toISOString(),
      }),
      201,
    );
    const replies = await Promise.all(
      [1, 2].map(() =>
        t.call(c.generator.user, 'POST', `/v1/manifests/${d.id}/dispatch`, undefined, { 'if-match': '"1"' }),
      ),
    );
    const [winner, loser] = exactly(
      [...replies].sort((a, b) => a.status - b.status),
      2,
      'reply',
    );
    expect(winner.status).toBe(200);
    expect([409, 412]).toContain(loser.status);
  });

  it('two onward manifests racing for one source line: its balance lets only one through, and stock moves once', async () => {
    const m = await delivered(t, c);
    expectStatus(await t.call(c.receiver.user, 'POST', `/v1/manifests/${m.id}/receive`, receiptOf(m)), 200);
    await plan(t, c.receiver, [CODE]);
    const onward = await member(
      t,
      'race3-onward',
      '141121',
      ['receiver'],
      receiverLicence([{ code: 'HW49', annualCapacityKg: 1000 }]),
    );
    const from = { ...c, generator: c.receiver, receiver: onward };
    const body = createBody(from, {
      lines: [line(60, { sources: [{ manifestId: m.id, lineNo: 1, quantityKg: 60 }] })],
    });
    const drafts = await Promise.all(
      [1, 2].map(async () => expectStatus(await t.call(c.receiver.user, 'POST', '/v1/manifests', body), 201)),
    );
    const before = await stockOf(t, c.receiver);
    const replies = await Promise.all(
      drafts.map((d) => t.call(c.receiver.user, 'POST', `/v1/manifests/${d.id}/dispatch`)),
    );
    const [winner, loser] = exactly(
      [...replies].sort((a, b) => a.status - b.status),
      2,
      'reply',
    );
    expect(winner.status).toBe(200);
    expect(['SOURCE_EXCEEDED', 'INSUFFICIENT_STOCK', 'VERSION_CONFLICT']).toContain(loser.body.code);
    expect((await stockOf(t, c.receiver)).onHandKg).toBe(before.onHandKg - 60);
  });
});
