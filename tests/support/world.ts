// A fixture "world" with the parties and resources every route needs, made through the API like a user would:
// a generator, a carrier and a receiver in Shanxi (14) with verified licences, an enterprise with no membership of
// them (its own party is in Xinjiang, 65), and regulators of 14 and 65. Actions that change their subject take a
// fresh one from `fresh`, so every call of the authorization matrix starts from the same state.
import { runAlertJob } from '#shared/services/alert-service.ts';
import { enterprise, regulator, type TestApi, type User } from './api.ts';
import { activeParty, licenceBody, partyBody, provinceRegulator, verifiedLicence } from './fixtures.ts';
import type { IdentityRole } from './route-matrix.ts';

type Entity = Record<string, any> & { id: string };

export interface World {
  t: TestApi;
  users: Record<IdentityRole, User>;
  generator: Entity;
  carrier: Entity;
  receiver: Entity;
  /** The `other` enterprise's own party, in Xinjiang. */
  otherParty: Entity;
  /** The generator's verified licence. */
  licence: Entity;
  /** A pending party of the owner in Taiyuan: visible to its members and regulators of 14 only. */
  hidden: Entity;
  /** A pending licence filed on the hidden party. */
  hiddenLicence: Entity;
  /** A webhook subscription of the generator. */
  webhook: Entity;
  /** A receiver in Hebei (13): the other end of the generator's cross-province approval. */
  crossReceiver: Entity;
  /** The generator's plan for this year, a generated ledger entry, and an approval to ship HW49 to Hebei. */
  plan: Entity;
  ledgerEntry: Entity;
  approval: Entity;
  /** This calendar year in China Standard Time. */
  year: number;
  /** One manifest (generator → carrier → receiver, 10 kg of HW49) in each state, and a disposal report. */
  manifests: Record<ManifestState, Entity>;
  disposal: Entity;
  /** An open licence-expiring alert on the generator (Taiyuan). */
  alert: Entity;
  /** An open incident (a leak in Taiyuan) on the world's manifest in transit. */
  incident: Entity;
  fresh: Fresh;
  /** Kept for callers: alert deadlines commit with each write, so nothing asynchronous is left to settle. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export const MANIFEST_STATES = [
  'draft',
  'dispatched',
  'inTransit',
  'delivered',
  'received',
  'discrepancy',
  'explained',
] as const;
export type ManifestState = (typeof MANIFEST_STATES)[number];

export interface Fresh {
  pendingParty(): Promise<Entity>;
  activeParty(): Promise<Entity>;
  suspendedParty(): Promise<Entity>;
  /** A pending licence filed on the generator. */
  pendingLicence(): Promise<Entity>;
  /** The sub of a new operator of the generator. */
  operator(): Promise<string>;
  /** A new webhook subscription of the generator. */
  webhook(): Promise<Entity>;
  /** A new generated ledger entry of the generator. */
  ledgerEntry(): Promise<Entity>;
  /** A new approval (Shanxi → Hebei) issued by a Shanxi regulator. */
  approval(): Promise<Entity>;
  /** A new entry of the generator pending identification (rule 29). */
  pendingEntry(): Promise<Entity>;
  /** A new manifest in `state` (`discrepancy`: received 5 of 10 kg; `explained`: its discrepancy explained). */
  manifest(state: ManifestState): Promise<Entity>;
  /** A new open alert: a verified licence of the generator ending in 10 days, seen by the alerts job. */
  alert(): Promise<Entity>;
  /** A new open incident reported by the carrier on a new manifest in transit. */
  incident(): Promise<Entity>;
  /** A past calendar year not yet used by `period()`: a declaration period nobody has submitted. */
  period(): string;
}

const TAIYUAN = '140105';
const LVLIANG = '141102';
const URUMQI = '650102';
const SHIJIAZHUANG = '130102';
export const WASTE_CODE = '900-041-49';

/** Today in China Standard Time, shifted by `days`, as YYYY-MM-DD. */
export const localDay = (days = 0) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

let serial = 0;
let pastYears = 0;

async function expectStatus(reply: { status: number; body: unknown }, status: number, what: string) {
  if (reply.status !== status) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as any;
}

export async function buildWorld(t: TestApi, prefix = 'world'): Promise<World> {
  const users: Record<IdentityRole, User> = {
    owner: enterprise(`${prefix}-owner`),
    carrier: enterprise(`${prefix}-carrier`),
    receiver: enterprise(`${prefix}-receiver`),
    other: enterprise(`${prefix}-other`),
    regulatorIn: regulator(`${prefix}-regulator-14`, '14'),
    regulatorOut: regulator(`${prefix}-regulator-65`, '65'),
  };
  const crossOwner = enterprise(`${prefix}-cross-receiver`);
  const [generator, carrier, receiver, otherParty, crossReceiver] = await Promise.all([
    activeParty(t, users.owner, { divisionCode: TAIYUAN, kinds: ['generator'] }),
    activeParty(t, users.carrier, { divisionCode: TAIYUAN, kinds: ['transporter'] }),
    activeParty(t, users.receiver, { divisionCode: LVLIANG, kinds: ['receiver'] }),
    activeParty(t, users.other, { divisionCode: URUMQI, kinds: ['generator'] }),
    activeParty(t, crossOwner, { divisionCode: SHIJIAZHUANG, kinds: ['receiver'] }),
  ]);
  const [licence] = await Promise.all([
    verifiedLicence(t, users.owner, generator, {
      operations: ['store'],
      wasteCodes: [{ code: 'HW49', annualCapacityKg: 1000 }],
    }),
    verifiedLicence(t, users.carrier, carrier, { type: 'transport', operations: [], wasteCodes: [] }),
    verifiedLicence(t, users.receiver, receiver, {
      wasteCodes: [
        { code: 'HW49', annualCapacityKg: 1_000_000 },
        { code: 'HW08', annualCapacityKg: 1_000_000 },
      ],
    }),
    verifiedLicence(t, crossOwner, crossReceiver, { wasteCodes: [{ code: 'HW49', annualCapacityKg: 1_000_000 }] }),
  ]);
  const owner = users.owner;
  const shanxi = provinceRegulator('14');
  const fresh: Fresh = {
    pendingParty: () => activeParty(t, owner, { divisionCode: TAIYUAN }, false),
    activeParty: () => activeParty(t, owner, { divisionCode: TAIYUAN }),
    async suspendedParty() {
      const party = await activeParty(t, owner, { divisionCode: TAIYUAN });
      return expectStatus(
        await t.call(shanxi, 'POST', `/v1/parties/${party.id}/suspend`, { reason: 'inspection' }),
        200,
        'suspend',
      );
    },
    async pendingLicence() {
      return expectStatus(
        await t.call(owner, 'POST', `/v1/parties/${generator.id}/licences`, licenceBody()),
        201,
        'licence',
      );
    },
    async operator() {
      const sub = `${prefix}-operator-${++serial}`;
      await expectStatus(
        await t.call(owner, 'POST', `/v1/parties/${generator.id}/members`, { sub, role: 'operator' }),
        201,
        'operator',
      );
      return sub;
    },
    async webhook() {
      return expectStatus(
        await t.call(owner, 'POST', `/v1/parties/${generator.id}/webhooks`, webhookBody()),
        201,
        'webhook',
      );
    },
    async ledgerEntry() {
      return expectStatus(
        await t.call(owner, 'POST', `/v1/parties/${generator.id}/ledger`, ledgerBody()),
        201,
        'ledger entry',
      );
    },
    async approval() {
      return expectStatus(
        await t.call(shanxi, 'POST', '/v1/approvals', approvalBody(generator.id, crossReceiver.id)),
        201,
        'approval',
      );
    },
    async pendingEntry() {
      const body = {
        kind: 'pending-identification',
        name: '不明残渣',
        process: '检修',
        quantityKg: 3,
        at: new Date(Date.now() - 60_000).toISOString(),
      };
      return expectStatus(
        await t.call(owner, 'POST', `/v1/parties/${generator.id}/ledger`, body),
        201,
        'pending entry',
      );
    },
    async manifest(state) {
      const step = (user: User, path: string, body: unknown, what: string) =>
        t.call(user, 'POST', `/v1/manifests/${m.id}/${path}`, body).then((r) => expectStatus(r, 200, what));
      let m = await expectStatus(
        await t.call(owner, 'POST', '/v1/manifests', manifestBody(generator.id, carrier.id, receiver.id)),
        201,
        'manifest',
      );
      const reached = MANIFEST_STATES.indexOf(state);
      if (reached >= 1) m = await step(owner, 'dispatch', undefined, 'dispatch');
      if (reached >= 2) m = await step(users.carrier, 'pickup', pickupBody(carrier.id), 'pickup');
      if (reached >= 3) m = await step(users.carrier, 'deliver', deliverBody(carrier.id), 'deliver');
      if (reached >= 4)
        m = await step(users.receiver, 'receive', receiptBody(state === 'received' ? 10 : 5), 'receive');
      if (reached >= 6) m = await step(owner, 'discrepancy/explain', { note: 'weighed wet' }, 'explain');
      return m;
    },
    async incident() {
      const m = await fresh.manifest('inTransit');
      return expectStatus(
        await t.call(users.carrier, 'POST', `/v1/manifests/${m.id}/incidents`, incidentBody(carrier.id)),
        201,
        'incident',
      );
    },
    period: () => String(Number(localDay().slice(0, 4)) - 1 - pastYears++),
    async alert() {
      const licence = await expectStatus(
        await t.call(owner, 'POST', `/v1/parties/${generator.id}/licences`, licenceBody({ validTo: localDay(10) })),
        201,
        'expiring licence',
      );
      await expectStatus(
        await t.call(shanxi, 'POST', `/v1/parties/${generator.id}/licences/${licence.id}/verify`),
        200,
        'verify',
      );
      await runAlertJob(new Date());
      const alerts = await expectStatus(
        await t.call(shanxi, 'GET', '/v1/oversight/alerts?type=licence-expiring&status=open&limit=100'),
        200,
        'alerts',
      );
      const alert = alerts.items.find((a: Entity) => a.subjectId === licence.id);
      if (!alert) throw new Error(`no licence-expiring alert opened for ${licence.id}`);
      return alert;
    },
  };
  const hidden = await fresh.pendingParty();
  const hiddenLicence = await expectStatus(
    await t.call(owner, 'POST', `/v1/parties/${hidden.id}/licences`, licenceBody()),
    201,
    'hidden licence',
  );
  const webhook = await fresh.webhook();
  const year = Number(localDay().slice(0, 4));
  const plan = await expectStatus(
    await t.call(owner, 'POST', `/v1/parties/${generator.id}/plans`, planBody(year)),
    201,
    'plan',
  );
  const ledgerEntry = await fresh.ledgerEntry();
  const approval = await expectStatus(
    await t.call(shanxi, 'POST', '/v1/approvals', approvalBody(generator.id, crossReceiver.id)),
    201,
    'approval',
  );
  await expectStatus(
    await t.call(owner, 'POST', `/v1/parties/${generator.id}/ledger`, { ...ledgerBody(), quantityKg: 100_000 }),
    201,
    'stock',
  );
  const manifests = Object.fromEntries(
    await Promise.all(MANIFEST_STATES.map(async (state) => [state, await fresh.manifest(state)] as const)),
  ) as Record<ManifestState, Entity>;
  const disposal = await expectStatus(
    await t.call(users.receiver, 'POST', `/v1/manifests/${manifests.received.id}/disposals`, disposalBody(1)),
    201,
    'disposal',
  );
  const alert = await fresh.alert();
  // On the world's manifest in transit (no extra manifest to build: the world's setup is near its time limit).
  const incident = await expectStatus(
    await t.call(users.carrier, 'POST', `/v1/manifests/${manifests.inTransit.id}/incidents`, incidentBody(carrier.id)),
    201,
    'incident',
  );
  return {
    t,
    users,
    generator,
    carrier,
    receiver,
    otherParty,
    licence,
    hidden,
    hiddenLicence,
    webhook,
    crossReceiver,
    plan,
    ledgerEntry,
    approval,
    year,
    manifests,
    disposal,
    alert,
    incident,
    fresh,
    settle: async () => undefined,
    stop: async () => undefined,
  };
}

export const webhookBody = () => ({ url: 'https://hooks.example.com/wastechain', events: ['manifest.*'] });

export const planBody = (year: number) => ({ year, items: [{ wasteCode: WASTE_CODE, expectedKg: 100_000 }] });
export const ledgerBody = () => ({
  kind: 'generated',
  wasteCode: WASTE_CODE,
  quantityKg: 500,
  at: new Date(Date.now() - 3600_000).toISOString(),
});
export const approvalBody = (generatorId: string, receiverId: string) => ({
  generatorId,
  receiverId,
  wasteCodes: [{ code: WASTE_CODE, maxKg: 50_000 }],
  validFrom: localDay(),
  validTo: localDay(300),
});

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
export const manifestBody = (generatorId: string, transporterId: string, receiverId: string) => ({
  generatorId,
  transporterIds: [transporterId],
  receiverId,
  lines: [
    {
      wasteCode: WASTE_CODE,
      name: '废活性炭',
      physicalForm: 'solid',
      hazards: ['T'],
      packaging: 'drum',
      containerCount: 1,
      quantityKg: 10,
    },
  ],
  plannedPickupAt: inAnHour(),
});
export const incidentBody = (partyId: string) => ({
  partyId,
  type: 'leak',
  at: new Date().toISOString(),
  divisionCode: TAIYUAN,
  lines: [{ lineNo: 1, lostKg: 0.5 }],
  description: '桶盖松动渗漏',
  measures: '已更换桶盖',
});
export const pickupBody = (transporterId: string) => ({
  transporterId,
  vehiclePlate: '晋A12345',
  driverName: '张师傅',
});
export const deliverBody = (transporterId: string) => ({ transporterId, deliveredAt: new Date().toISOString() });
export const receiptBody = (receivedKg: number) => ({
  receivedAt: new Date().toISOString(),
  lines: [{ lineNo: 1, receivedKg, containerCount: 1 }],
});
export const disposalBody = (quantityKg: number) => ({
  lines: [{ lineNo: 1, operationCode: 'D10', quantityKg, completedAt: new Date().toISOString() }],
});

/** A registration body for the world's Taiyuan division (a new USCC each time). */
export const newPartyBody = () => partyBody({ divisionCode: TAIYUAN });
