// The parties a manifest test needs, made through the API as their users would: a generator in Taiyuan with a plan
// and a batch on hand, two licensed carriers, and a receiver in Lüliang licensed for HW49 (all Shanxi, 14).
import { setClockOffset } from '#shared/clock.ts';
import { localYear } from '#shared/domain/calendar.ts';
import { enterprise, type Reply, type TestApi, type User } from '../support/api.ts';
import { activeParty, verifiedLicence } from '../support/fixtures.ts';

export type Entity = Record<string, any> & { id: string };
export interface Member {
  user: User;
  party: Entity;
}

export const CODE = '900-041-49';
export const YEAR = localYear(new Date(), 'Asia/Shanghai');
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

export function expectStatus(reply: Reply, status: number, what = 'request'): any {
  if (reply.status !== status)
    throw new Error(`${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export async function member(
  t: TestApi,
  sub: string,
  divisionCode: string,
  kinds: string[],
  licence?: Record<string, unknown>,
): Promise<Member> {
  const user = enterprise(sub);
  const party = await activeParty(t, user, { divisionCode, kinds });
  if (licence) await verifiedLicence(t, user, party, licence);
  return { user, party };
}

export const transportLicence = { type: 'transport', operations: [], wasteCodes: [] };
export const receiverLicence = (codes: { code: string; annualCapacityKg: number }[]) => ({
  operations: ['collect', 'store', 'dispose'],
  wasteCodes: codes,
});

export async function plan(t: TestApi, m: Member, codes: string[]) {
  expectStatus(
    await t.call(m.user, 'POST', `/v1/parties/${m.party.id}/plans`, {
      year: YEAR,
      items: codes.map((wasteCode) => ({ wasteCode, expectedKg: 100_000 })),
    }),
    201,
    'plan',
  );
}

export async function generated(
  t: TestApi,
  m: Member,
  wasteCode: string,
  quantityKg: number,
  extra: Record<string, unknown> = {},
) {
  return expectStatus(
    await t.call(m.user, 'POST', `/v1/parties/${m.party.id}/ledger`, { wasteCode, quantityKg, at: ago(60), ...extra }),
    201,
    'ledger entry',
  );
}

export function line(quantityKg: number, extra: Record<string, unknown> = {}) {
  return {
    wasteCode: CODE,
    name: '废活性炭',
    physicalForm: 'solid',
    hazards: ['T'],
    packaging: 'drum',
    containerCount: 2,
    quantityKg,
    ...extra,
  };
}

export interface Cast {
  generator: Member;
  carrier: Member;
  carrier2: Member;
  receiver: Member;
}

/** A generator with 100 t of HW49 on hand, two carriers, a receiver with `capacityKg` of HW49 a year. */
export async function cast(t: TestApi, prefix: string, capacityKg = 1_000_000): Promise<Cast> {
  const [generator, carrier, carrier2, receiver] = await Promise.all([
    member(t, `${prefix}-gen`, '140105', ['generator']),
    member(t, `${prefix}-car`, '140105', ['transporter'], transportLicence),
    member(t, `${prefix}-car2`, '140106', ['transporter'], transportLicence),
    member(
      t,
      `${prefix}-rec`,
      '141102',
      ['receiver'],
      receiverLicence([{ code: 'HW49', annualCapacityKg: capacityKg }]),
    ),
  ]);
  await plan(t, generator, [CODE]);
  await generated(t, generator, CODE, 100_000);
  return { generator, carrier, carrier2, receiver };
}

export function createBody(c: Cast, extra: Record<string, unknown> = {}) {
  return {
    generatorId: c.generator.party.id,
    transporterIds: [c.carrier.party.id],
    receiverId: c.receiver.party.id,
    lines: [line(100)],
    plannedPickupAt: ago(-60),
    ...extra,
  };
}

export async function draft(t: TestApi, c: Cast, extra: Record<string, unknown> = {}) {
  return expectStatus(await t.call(c.generator.user, 'POST', '/v1/manifests', createBody(c, extra)), 201, 'create');
}

export async function dispatched(t: TestApi, c: Cast, extra: Record<string, unknown> = {}) {
  const d = await draft(t, c, extra);
  return expectStatus(await t.call(c.generator.user, 'POST', `/v1/manifests/${d.id}/dispatch`), 200, 'dispatch');
}

/** Dispatched and picked up by the (only) carrier, `agoMs` ago on the shared clock (reset afterwards). */
export async function pickedUp(t: TestApi, c: Cast, agoMs = 0, extra: Record<string, unknown> = {}) {
  setClockOffset(-agoMs);
  try {
    const m = await dispatched(t, c, extra);
    return expectStatus(
      await t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/pickup`, {
        transporterId: c.carrier.party.id,
        vehiclePlate: '晋A12345',
        driverName: '张师傅',
      }),
      200,
      'pickup',
    );
  } finally {
    setClockOffset(0);
  }
}

/** Dispatched, picked up by the (only) carrier and delivered. */
export async function delivered(t: TestApi, c: Cast, extra: Record<string, unknown> = {}) {
  const m = await pickedUp(t, c, 0, extra);
  return expectStatus(
    await t.call(c.carrier.user, 'POST', `/v1/manifests/${m.id}/deliver`, {
      transporterId: c.carrier.party.id,
      deliveredAt: new Date().toISOString(),
    }),
    200,
    'deliver',
  );
}

export const receiptOf = (m: Entity, over: Record<string, unknown> = {}) => ({
  receivedAt: new Date().toISOString(),
  lines: m.lines.map((l: Entity) => ({
    lineNo: l.lineNo,
    receivedKg: l.quantityKg,
    containerCount: l.containerCount,
    ...over,
  })),
});

export async function stockOf(t: TestApi, m: Member, code = CODE) {
  const stock = expectStatus(await t.call(m.user, 'GET', `/v1/parties/${m.party.id}/stock`), 200, 'stock');
  return stock.items.find((i: Entity) => i.wasteCode === code) ?? { onHandKg: 0, dispatchedKg: 0, acceptedKg: 0 };
}
