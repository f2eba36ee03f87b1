// Steps of a waste's life through the API, as its users take them: register, license, plan, record, ship, carry,
// receive, report disposal. Shared by the disposal, chain and scenario tests.
import { localYear } from '#shared/domain/calendar.ts';
import { enterprise, type TestApi, type User } from '../support/api.ts';
import { activeParty, verifiedLicence } from '../support/fixtures.ts';

type Entity = Record<string, any> & { id: string };

export const LVLIANG_COUNTIES = ['141102', '141121', '141122'];
export const YEAR = localYear(new Date(), 'Asia/Shanghai');
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

export async function expectOk(reply: { status: number; body: any }, status: number, what: string) {
  if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export interface Actor {
  user: User;
  party: Entity;
}

/** An active party of `sub` with the given kinds, and its verified licence (when `licence` is given). */
export async function member(
  t: TestApi,
  sub: string,
  divisionCode: string,
  kinds: string[],
  licence?: Record<string, unknown>,
): Promise<Actor> {
  const user = enterprise(sub);
  const party = await activeParty(t, user, { divisionCode, kinds });
  if (licence) await verifiedLicence(t, user, party, licence);
  return { user, party };
}

export const carrier = (t: TestApi, sub: string) =>
  member(t, sub, '141102', ['transporter'], { type: 'transport', operations: [], wasteCodes: [] });
export const disposerLicence = (codes: string[], operations = ['store', 'dispose']) => ({
  operations,
  wasteCodes: codes.map((code) => ({ code, annualCapacityKg: 1_000_000 })),
});

// Plans and generated batches are the manifest fixtures' own (one place for both kinds of test).
export { generated, plan } from './manifest-fixtures.ts';

export function line(wasteCode: string, quantityKg: number, extra: Record<string, unknown> = {}) {
  return {
    wasteCode,
    name: '废物',
    physicalForm: 'solid',
    hazards: ['T'],
    packaging: 'drum',
    containerCount: 1,
    quantityKg,
    ...extra,
  };
}
export const medicalLine = (
  category: 'infectious' | 'sharps',
  quantityKg: number,
  extra: Record<string, unknown> = {},
) =>
  line(category === 'infectious' ? '841-001-01' : '841-002-01', quantityKg, {
    hazards: ['In'],
    packaging: category === 'sharps' ? 'sharps-container' : 'bag',
    medicalCategory: category,
    ...extra,
  });

/** Creates and dispatches a manifest; returns it dispatched. */
export async function ship(t: TestApi, from: Actor, to: Actor, by: Actor, lines: unknown[]) {
  const draft = await expectOk(
    await t.call(from.user, 'POST', '/v1/manifests', {
      generatorId: from.party.id,
      transporterIds: [by.party.id],
      receiverId: to.party.id,
      lines,
      plannedPickupAt: ago(-60),
    }),
    201,
    'create manifest',
  );
  return dispatch(t, from, draft.id);
}

export const dispatch = async (t: TestApi, from: Actor, id: string) =>
  expectOk(await t.call(from.user, 'POST', `/v1/manifests/${id}/dispatch`), 200, 'dispatch');

/** The carrier picks the load up and delivers it. */
export async function carry(t: TestApi, by: Actor, id: string) {
  await expectOk(
    await t.call(by.user, 'POST', `/v1/manifests/${id}/pickup`, {
      transporterId: by.party.id,
      vehiclePlate: '晋J12345',
      driverName: '李师傅',
    }),
    200,
    'pickup',
  );
  return expectOk(
    await t.call(by.user, 'POST', `/v1/manifests/${id}/deliver`, { transporterId: by.party.id, deliveredAt: ago(0) }),
    200,
    'deliver',
  );
}

/** The receiver confirms each line as shipped, less `rejectedKg` per line number. */
export async function receive(
  t: TestApi,
  to: Actor,
  manifest: Entity,
  rejected: Record<number, number> = {},
  rejection?: Record<string, unknown>,
) {
  const lines = manifest.lines.map((l: any) => ({
    lineNo: l.lineNo,
    receivedKg: l.quantityKg,
    containerCount: l.containerCount,
    ...(rejected[l.lineNo] ? { rejectedKg: rejected[l.lineNo], rejectionReason: '包装破损' } : {}),
  }));
  return expectOk(
    await t.call(to.user, 'POST', `/v1/manifests/${manifest.id}/receive`, {
      receivedAt: ago(0),
      lines,
      ...(rejection ? { rejection } : {}),
    }),
    200,
    'receive',
  );
}

/** Ship, carry and receive in one go. */
export async function transfer(t: TestApi, from: Actor, to: Actor, by: Actor, lines: unknown[]) {
  const m = await ship(t, from, to, by, lines);
  await carry(t, by, m.id);
  return receive(t, to, m);
}

export const disposalLine = (lineNo: number, operationCode: string, quantityKg: number) => ({
  lineNo,
  operationCode,
  quantityKg,
  completedAt: ago(0),
});

export async function reportDisposal(
  t: TestApi,
  by: Actor,
  manifestId: string,
  lines: unknown[],
  residues?: unknown[],
) {
  return expectOk(
    await t.call(by.user, 'POST', `/v1/manifests/${manifestId}/disposals`, {
      lines,
      ...(residues ? { residues } : {}),
    }),
    201,
    'disposal report',
  );
}
