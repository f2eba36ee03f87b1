import { beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../support/api.ts';
import {
  cast,
  CODE,
  createBody,
  delivered,
  expectStatus,
  line,
  member,
  plan,
  receiptOf,
  receiverLicence,
  stockOf,
  type Cast,
  type Member,
} from './manifest-fixtures.ts';

let t: TestApi;
let c: Cast;
let onward: Member;
beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'rej');
  onward = await member(
    t,
    'rej-onward',
    '141121',
    ['receiver'],
    receiverLicence([{ code: 'HW49', annualCapacityKg: 100_000 }]),
  );
});

const pickupBody = (m: Member) => ({ transporterId: m.party.id, vehiclePlate: '晋A9', driverName: '王' });

/** Carries a dispatched manifest with c.carrier to its receiver, who receives it. */
async function carryAndReceive(id: string, receiver: Member, receipt: (m: any) => unknown) {
  expectStatus(
    await t.call(c.carrier.user, 'POST', `/v1/manifests/${id}/pickup`, pickupBody(c.carrier)),
    200,
    'pickup',
  );
  const m = expectStatus(
    await t.call(c.carrier.user, 'POST', `/v1/manifests/${id}/deliver`, {
      transporterId: c.carrier.party.id,
      deliveredAt: new Date().toISOString(),
    }),
    200,
    'deliver',
  );
  return expectStatus(await t.call(receiver.user, 'POST', `/v1/manifests/${id}/receive`, receipt(m)), 200, 'receive');
}

describe('rejection and the replacement draft', () => {
  it('a partial rejection accepts received − rejected and returns the rest to the generator on a replacement it can ship without plan or licence', async () => {
    const m = await delivered(t, c);
    const receiverStock = await stockOf(t, c.receiver);
    const generatorStock = await stockOf(t, c.generator);
    const missing = await t.call(
      c.receiver.user,
      'POST',
      `/v1/manifests/${m.id}/receive`,
      receiptOf(m, { rejectedKg: 30, rejectionReason: '包装破损' }),
    );
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const received = expectStatus(
      await t.call(c.receiver.user, 'POST', `/v1/manifests/${m.id}/receive`, {
        ...receiptOf(m, { rejectedKg: 30, rejectionReason: '包装破损' }),
        rejection: { disposition: 'return' },
      }),
      200,
    );
    expect(received.lines[0].receipt).toMatchObject({ receivedKg: 100, rejectedKg: 30, acceptedKg: 70 });
    expect((await stockOf(t, c.receiver)).acceptedKg).toBe(receiverStock.acceptedKg + 70);

    const replacement = expectStatus(await t.call(c.receiver.user, 'GET', `/v1/manifests/${received.replacedBy}`), 200);
    expect(replacement).toMatchObject({
      status: 'draft',
      replaces: m.id,
      generatorId: c.receiver.party.id,
      receiverId: c.generator.party.id,
      transporterIds: [],
      lines: [
        {
          lineNo: 1,
          wasteCode: CODE,
          quantityKg: 30,
          sources: [{ manifestId: m.id, lineNo: 1, quantityKg: 30, portion: 'rejected' }],
        },
      ],
    });
    const noCarrier = await t.call(c.receiver.user, 'POST', `/v1/manifests/${replacement.id}/dispatch`);
    expect(noCarrier.status).toBe(400);
    expectStatus(
      await t.call(c.receiver.user, 'PATCH', `/v1/manifests/${replacement.id}`, {
        transporterIds: [c.carrier.party.id],
      }),
      200,
    );
    expectStatus(
      await t.call(c.receiver.user, 'POST', `/v1/manifests/${replacement.id}/dispatch`),
      200,
      'replacement dispatch',
    );
    await carryAndReceive(replacement.id, c.generator, (r) => receiptOf(r));
    expect((await stockOf(t, c.generator)).acceptedKg).toBe(generatorStock.acceptedKg + 30);
  });

  it('a whole rejection to an alternate receiver checks that receiver like any other', async () => {
    const bare = await member(t, 'rej-bare', '141102', ['receiver']);
    const m = await delivered(t, c);
    const rejected = expectStatus(
      await t.call(c.receiver.user, 'POST', `/v1/manifests/${m.id}/reject`, {
        reason: '非约定废物',
        disposition: 'alternate',
        alternateReceiverId: bare.party.id,
      }),
      200,
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejection: { disposition: 'alternate' },
      signatures: { rejection: { partyId: c.receiver.party.id } },
    });
    await plan(t, c.receiver, [CODE]);
    expectStatus(
      await t.call(c.receiver.user, 'PATCH', `/v1/manifests/${rejected.replacedBy}`, {
        transporterIds: [c.carrier.party.id],
      }),
      200,
    );
    const res = await t.call(c.receiver.user, 'POST', `/v1/manifests/${rejected.replacedBy}/dispatch`);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code: 'LICENCE_MISSING' });
    expectStatus(
      await t.call(c.receiver.user, 'PATCH', `/v1/manifests/${rejected.replacedBy}`, { receiverId: onward.party.id }),
      200,
    );
    expectStatus(await t.call(c.receiver.user, 'POST', `/v1/manifests/${rejected.replacedBy}/dispatch`), 200);
  });
});

describe('shipping on with sources', () => {
  it('a receiver ships on what it accepted, never beyond it (SOURCE_EXCEEDED), and a cancellation gives it back', async () => {
    const m = await delivered(t, c);
    expectStatus(await t.call(c.receiver.user, 'POST', `/v1/manifests/${m.id}/receive`, receiptOf(m)), 200);
    await plan(t, c.receiver, [CODE]);
    const from = { ...c, generator: c.receiver, receiver: onward };
    const source = (kg: number) => line(kg, { sources: [{ manifestId: m.id, lineNo: 1, quantityKg: kg }] });
    const first = expectStatus(
      await t.call(c.receiver.user, 'POST', '/v1/manifests', createBody(from, { lines: [source(60)] })),
      201,
    );
    expectStatus(await t.call(c.receiver.user, 'POST', `/v1/manifests/${first.id}/dispatch`), 200);
    const second = expectStatus(
      await t.call(c.receiver.user, 'POST', '/v1/manifests', createBody(from, { lines: [source(50)] })),
      201,
    );
    const res = await t.call(c.receiver.user, 'POST', `/v1/manifests/${second.id}/dispatch`);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code: 'SOURCE_EXCEEDED' });
    expectStatus(
      await t.call(c.receiver.user, 'POST', `/v1/manifests/${first.id}/cancel`, { reason: '合并运输' }),
      200,
    );
    expectStatus(await t.call(c.receiver.user, 'POST', `/v1/manifests/${second.id}/dispatch`), 200);
  });
});
