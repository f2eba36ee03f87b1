import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApi, type Reply, type TestApi } from '../support/api.ts';
import { provinceRegulator } from '../support/fixtures.ts';
import {
  cast,
  CODE,
  createBody,
  delivered,
  dispatched,
  draft,
  expectStatus,
  generated,
  line,
  member,
  plan,
  receiptOf,
  receiverLicence,
  transportLicence,
  type Cast,
} from './manifest-fixtures.ts';

let t: TestApi;
let c: Cast;
beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'ref');
});

const refused = (res: Reply, status: number, code: string) => {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
};
const dispatch = (id: string) => t.call(c.generator.user, 'POST', `/v1/manifests/${id}/dispatch`);
const localDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('manifest refusals at create', () => {
  it('400 for a bad shape, sources that do not sum to the line, or more than 50 sources', async () => {
    const bad = await t.call(c.generator.user, 'POST', '/v1/manifests', createBody(c, { lines: [line(0)] }));
    refused(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('lines.0.quantityKg');
    const source = { manifestId: '0190f5b2-7c1d-7e3a-9b2f-4a1c2d3e4f50', lineNo: 1, quantityKg: 1 };
    refused(
      await t.call(
        c.generator.user,
        'POST',
        '/v1/manifests',
        createBody(c, { lines: [line(2, { sources: [source] })] }),
      ),
      400,
      'VALIDATION_FAILED',
    );
    const many = Array.from({ length: 51 }, () => source);
    refused(
      await t.call(c.generator.user, 'POST', '/v1/manifests', createBody(c, { lines: [line(51, { sources: many })] })),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('422 UNKNOWN_WASTE_CODE and MEDICAL_CATEGORY_MISMATCH', async () => {
    refused(
      await t.call(
        c.generator.user,
        'POST',
        '/v1/manifests',
        createBody(c, { lines: [line(1, { wasteCode: '999-999-49' })] }),
      ),
      422,
      'UNKNOWN_WASTE_CODE',
    );
    refused(
      await t.call(
        c.generator.user,
        'POST',
        '/v1/manifests',
        createBody(c, { lines: [line(1, { wasteCode: '841-001-01', medicalCategory: 'sharps' })] }),
      ),
      422,
      'MEDICAL_CATEGORY_MISMATCH',
    );
    refused(
      await t.call(
        c.generator.user,
        'POST',
        '/v1/manifests',
        createBody(c, { lines: [line(1, { medicalCategory: 'infectious' })] }),
      ),
      422,
      'MEDICAL_CATEGORY_MISMATCH',
    );
  });

  it('403 for a regulator creating a manifest, NOT_A_MEMBER for a generator the caller is not in', async () => {
    refused(await t.call(provinceRegulator('14'), 'POST', '/v1/manifests', createBody(c)), 403, 'FORBIDDEN');
    refused(await t.call(c.receiver.user, 'POST', '/v1/manifests', createBody(c)), 403, 'NOT_A_MEMBER');
  });

  it('answers malformed bodies with 400 problem details, never a 500', async () => {
    const mangled = fc.record({
      field: fc.constantFrom(
        'generatorId',
        'transporterIds',
        'receiverId',
        'lines',
        'plannedPickupAt',
        'approvalId',
        'extra',
      ),
      value: fc.oneof(
        fc.string(),
        fc.integer(),
        fc.constant(null),
        fc.array(fc.anything(), { maxLength: 3 }),
        fc.object({ maxDepth: 1 }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(mangled, async ({ field, value }) => {
        const res = await t.call(c.generator.user, 'POST', '/v1/manifests', { ...createBody(c), [field]: value });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }),
      { numRuns: 25 },
    );
  });

  it('401 without a token', async () => {
    refused(await t.call(null, 'POST', '/v1/manifests', createBody(c)), 401, 'UNAUTHENTICATED');
  });
});

describe('dispatch refusals', () => {
  it('PARTY_NOT_ACTIVE when the receiver is suspended; the load already on its way is still received', async () => {
    const own = await cast(t, 'ref-susp');
    const onTheWay = await delivered(t, own);
    const d = await draft(t, own);
    expectStatus(
      await t.call(provinceRegulator('14'), 'POST', `/v1/parties/${own.receiver.party.id}/suspend`, { reason: '整改' }),
      200,
    );
    refused(await t.call(own.generator.user, 'POST', `/v1/manifests/${d.id}/dispatch`), 422, 'PARTY_NOT_ACTIVE');
    expectStatus(
      await t.call(own.receiver.user, 'POST', `/v1/manifests/${onTheWay.id}/receive`, receiptOf(onTheWay)),
      200,
    );
  });

  it('LICENCE_MISSING when the receiver’s licence does not cover the code, or a carrier has no transport licence', async () => {
    const unlicensedCarrier = await member(t, 'ref-bare-car', '140105', ['transporter']);
    const d1 = await draft(t, c, { transporterIds: [unlicensedCarrier.party.id] });
    const res = await dispatch(d1.id);
    refused(res, 422, 'LICENCE_MISSING');
    expect(res.body.errors[0].path).toBe('transporterIds.0');
    await plan(t, c.generator, [CODE, '900-249-08']);
    await generated(t, c.generator, '900-249-08', 10);
    const d2 = await draft(t, c, { lines: [line(5, { wasteCode: '900-249-08' })] });
    refused(await dispatch(d2.id), 422, 'LICENCE_MISSING');
  });

  it('LICENCE_MISSING at receipt when the receiver’s licence was revoked while the load travelled', async () => {
    const own = await cast(t, 'ref-revoke');
    const m = await delivered(t, own);
    const licences = expectStatus(
      await t.call(own.receiver.user, 'GET', `/v1/parties/${own.receiver.party.id}/licences`),
      200,
    );
    expectStatus(
      await t.call(
        provinceRegulator('14'),
        'POST',
        `/v1/parties/${own.receiver.party.id}/licences/${licences.items[0].id}/revoke`,
        { reason: '吊销' },
      ),
      200,
    );
    refused(
      await t.call(own.receiver.user, 'POST', `/v1/manifests/${m.id}/receive`, receiptOf(m)),
      422,
      'LICENCE_MISSING',
    );
  });

  it('CAPACITY_EXCEEDED past 120% of the annual capacity, counting what is in flight', async () => {
    const own = await cast(t, 'ref-cap', 100);
    await dispatched(t, own, { lines: [line(110)] });
    const res = await t.call(
      own.generator.user,
      'POST',
      '/v1/manifests/validate',
      createBody(own, { lines: [line(10.001)] }),
    );
    expect(res.body).toMatchObject({
      valid: false,
      errors: [{ code: 'CAPACITY_EXCEEDED', path: 'lines.0.quantityKg' }],
    });
    const d = await draft(t, own, { lines: [line(10.001)] });
    refused(await t.call(own.generator.user, 'POST', `/v1/manifests/${d.id}/dispatch`), 422, 'CAPACITY_EXCEEDED');
    const fits = await draft(t, own, { lines: [line(10)] });
    expectStatus(await t.call(own.generator.user, 'POST', `/v1/manifests/${fits.id}/dispatch`), 200);
  });

  it('PLAN_MISSING without a plan for the year listing the code; INSUFFICIENT_STOCK beyond what is on hand', async () => {
    const noPlan = await member(t, 'ref-noplan', '140105', ['generator']);
    await generated(t, noPlan, CODE, 50);
    const own = { ...c, generator: noPlan };
    const d = await draft(t, own);
    refused(await t.call(noPlan.user, 'POST', `/v1/manifests/${d.id}/dispatch`), 422, 'PLAN_MISSING');
    await plan(t, noPlan, [CODE]);
    refused(await t.call(noPlan.user, 'POST', `/v1/manifests/${d.id}/dispatch`), 422, 'INSUFFICIENT_STOCK');
    const validation = expectStatus(await t.call(noPlan.user, 'POST', '/v1/manifests/validate', createBody(own)), 200);
    expect(validation.errors.map((e: { code: string }) => e.code)).toEqual(['INSUFFICIENT_STOCK']);
  });

  it('APPROVAL_REQUIRED across provinces without an approval; APPROVAL_EXCEEDED beyond its kilograms', async () => {
    const hebei = await member(
      t,
      'ref-hebei',
      '130102',
      ['receiver'],
      receiverLicence([{ code: 'HW49', annualCapacityKg: 100_000 }]),
    );
    const cross = { ...c, receiver: hebei };
    refused(await dispatch((await draft(t, cross)).id), 422, 'APPROVAL_REQUIRED');
    const approval = expectStatus(
      await t.call(provinceRegulator('14'), 'POST', '/v1/approvals', {
        generatorId: c.generator.party.id,
        receiverId: hebei.party.id,
        wasteCodes: [{ code: CODE, maxKg: 150 }],
        validFrom: localDay(-1),
        validTo: localDay(200),
      }),
      201,
      'approval',
    );
    const first = await draft(t, cross, { approvalId: approval.id });
    expectStatus(await dispatch(first.id), 200);
    refused(await dispatch((await draft(t, cross, { approvalId: approval.id })).id), 422, 'APPROVAL_EXCEEDED');
    expectStatus(await t.call(c.generator.user, 'POST', `/v1/manifests/${first.id}/cancel`, { reason: '改期' }), 200);
    expectStatus(await dispatch((await draft(t, cross, { approvalId: approval.id })).id), 200);
  });

  it('MEDICAL_GENERATOR_REQUIRED for HW01 from a party that is not medical; a clinic may dispatch it', async () => {
    const medicalReceiver = await member(t, 'ref-medrec', '141102', ['receiver'], {
      type: 'medical-waste',
      ...receiverLicence([{ code: 'HW01', annualCapacityKg: 10_000 }]),
    });
    const medicalLine = line(5, {
      wasteCode: '841-001-01',
      medicalCategory: 'infectious',
      hazards: ['In'],
      packaging: 'bag',
    });
    await plan(t, c.generator, [CODE, '900-249-08', '841-001-01']);
    await generated(t, c.generator, '841-001-01', 10, { medicalCategory: 'infectious' });
    const d = await draft(t, { ...c, receiver: medicalReceiver }, { lines: [medicalLine] });
    refused(await dispatch(d.id), 422, 'MEDICAL_GENERATOR_REQUIRED');
    const clinic = await member(t, 'ref-clinic', '141102', ['generator', 'medical']);
    await plan(t, clinic, ['841-001-01']);
    await generated(t, clinic, '841-001-01', 10, { medicalCategory: 'infectious' });
    const ok = await draft(t, { ...c, generator: clinic, receiver: medicalReceiver }, { lines: [medicalLine] });
    expectStatus(await t.call(clinic.user, 'POST', `/v1/manifests/${ok.id}/dispatch`), 200);
  });
});

describe('state and version refusals', () => {
  it('409 INVALID_STATE for an action that is the caller’s but not now; 412 with a stale If-Match', async () => {
    const m = await dispatched(t, c);
    refused(await dispatch(m.id), 409, 'INVALID_STATE');
    refused(
      await t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/deliver`, {
        transporterId: c.carrier.party.id,
        deliveredAt: new Date().toISOString(),
      }),
      409,
      'INVALID_STATE',
    );
    refused(
      await t.call(
        c.carrier.user,
        'POST',
        `/v1/manifests/${m.id}/pickup`,
        { transporterId: c.carrier.party.id, vehiclePlate: '晋A1', driverName: '张' },
        { 'if-match': '"1"' },
      ),
      412,
      'PRECONDITION_FAILED',
    );
  });

  it('carriers not yet signed can be replaced; a new carrier must hold a transport licence', async () => {
    const m = await dispatched(t, c);
    const bare = await member(t, 'ref-bare-car2', '140105', ['transporter']);
    refused(
      await t.call(c.generator.user, 'POST', `/v1/manifests/${m.id}/carriers`, { transporterIds: [bare.party.id] }),
      422,
      'LICENCE_MISSING',
    );
    const changed = expectStatus(
      await t.call(c.generator.user, 'POST', `/v1/manifests/${m.id}/carriers`, {
        transporterIds: [c.carrier2.party.id],
      }),
      200,
    );
    expect(changed.transporterIds).toEqual([c.carrier2.party.id]);
    refused(await t.call(c.carrier.user, 'GET', `/v1/manifests/${m.id}`), 404, 'NOT_FOUND');
  });

  it('a suspended carrier cannot pick up (PARTY_NOT_ACTIVE)', async () => {
    const car = await member(t, 'ref-susp-car', '140105', ['transporter'], transportLicence);
    const m = await dispatched(t, c, { transporterIds: [car.party.id] });
    expectStatus(
      await t.call(provinceRegulator('14'), 'POST', `/v1/parties/${car.party.id}/suspend`, { reason: '资质问题' }),
      200,
    );
    refused(
      await t.call(car.user, 'POST', `/v1/manifests/${m.id}/pickup`, {
        transporterId: car.party.id,
        vehiclePlate: '晋A1',
        driverName: '张',
      }),
      422,
      'PARTY_NOT_ACTIVE',
    );
  });
});
