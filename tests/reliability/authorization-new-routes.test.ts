// The authorization matrix of the new routes (issues 12 and 17) for the callers the main matrix has no role for: a
// carrier of a later leg, regulators of a city on either end, of the receiving province, of the place where an incident
// happened, nationwide, and members of the other province's receiver. Each cell is api.md's answer in its order
// (404 not seen, 403 not theirs, 409 not now); refusals are problem+json with the code their status stands for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprise, regulator, testApi, type TestApi, type User } from '../support/api.ts';
import { provinceRegulator } from '../support/fixtures.ts';
import { bounded, mismatch } from '../support/route-matrix.ts';
import {
  cast,
  CODE,
  delivered,
  dispatched,
  expectStatus,
  member,
  receiverLicence,
  type Cast,
} from '../integration/manifest-fixtures.ts';
import { localDay } from '../support/world.ts';

type Ids = Record<string, string>;
type Who =
  | 'generator'
  | 'carrier'
  | 'carrier2'
  | 'receiver'
  | 'cross'
  | 'stranger'
  | 'operator'
  | 'shanxi'
  | 'taiyuan'
  | 'lvliang'
  | 'hebei'
  | 'xinjiang'
  | 'nation';
interface Cell {
  name: string;
  as: Who;
  method: string;
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  accept?: string;
  want: number;
}

/** A subject made in beforeAll (a typo in a cell fails loudly rather than sending "undefined"). */
function need(i: Ids, key: string): string {
  const id = i[key];
  if (id === undefined) throw new Error(`no subject ${key}`);
  return id;
}

let t: TestApi;
let c: Cast;
let users: Record<Who, User>;
const ids: Ids = {};

const now = () => new Date().toISOString();
const incident = (partyId: string, divisionCode: string) => ({
  partyId,
  type: 'spill',
  at: now(),
  divisionCode,
  lines: [{ lineNo: 1, lostKg: 1 }],
  description: '侧翻泄漏',
  measures: '围堵吸附',
});
const points = (transporterId: string) => ({
  transporterId,
  points: [{ at: now(), lat: 37.7, lon: 112.4, source: 'terminal' }],
});
const pickup = (transporterId: string) => ({ transporterId, vehiclePlate: '晋A12345', driverName: '张师傅' });

beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'authz-new');
  const cross = await member(
    t,
    'authz-new-cross',
    '130102',
    ['receiver'],
    receiverLicence([{ code: 'HW49', annualCapacityKg: 1_000_000 }]),
  );
  const stranger = await member(t, 'authz-new-stranger', '650102', ['generator']);
  users = {
    generator: c.generator.user,
    carrier: c.carrier.user,
    carrier2: c.carrier2.user,
    receiver: c.receiver.user,
    cross: cross.user,
    stranger: stranger.user,
    operator: enterprise('authz-new-operator'),
    shanxi: provinceRegulator('14'),
    taiyuan: regulator('authz-new-1401', '1401'),
    lvliang: regulator('authz-new-1411', '1411'),
    hebei: provinceRegulator('13'),
    xinjiang: provinceRegulator('65'),
    nation: regulator('authz-new-00', '00'),
  };
  expectStatus(
    await t.call(c.generator.user, 'POST', `/v1/parties/${c.generator.party.id}/members`, {
      sub: 'authz-new-operator',
      role: 'operator',
    }),
    201,
    'operator',
  );
  Object.assign(ids, {
    generator: c.generator.party.id,
    carrier: c.carrier.party.id,
    carrier2: c.carrier2.party.id,
    receiver: c.receiver.party.id,
    cross: cross.party.id,
  });

  // Two legs (carrier, then carrier2), on the road with the first; another on the road for a Hebei incident; one delivered.
  const twoLegs = await dispatched(t, c, { transporterIds: [c.carrier.party.id, c.carrier2.party.id] });
  expectStatus(
    await t.call(c.carrier.user, 'POST', `/v1/manifests/${twoLegs.id}/pickup`, pickup(c.carrier.party.id)),
    200,
    'pickup',
  );
  const hebeiLoad = await dispatched(t, c);
  expectStatus(
    await t.call(c.carrier.user, 'POST', `/v1/manifests/${hebeiLoad.id}/pickup`, pickup(c.carrier.party.id)),
    200,
    'pickup',
  );
  const onSite = await delivered(t, c);
  const waiting = await dispatched(t, c);
  ids.road = twoLegs.id;
  ids.delivered = onSite.id;
  ids.dispatched = waiting.id;
  ids.hebeiLoad = hebeiLoad.id;
  ids.hebeiIncident = expectStatus(
    await t.call(
      c.carrier.user,
      'POST',
      `/v1/manifests/${hebeiLoad.id}/incidents`,
      incident(c.carrier.party.id, '130102'),
    ),
    201,
    'incident',
  ).id;
  for (const n of [1, 2, 3]) {
    ids[`incident${n}`] = expectStatus(
      await t.call(c.carrier.user, 'POST', `/v1/manifests/${twoLegs.id}/incidents`, {
        ...incident(c.carrier.party.id, '140105'),
        lines: [{ lineNo: 1, lostKg: 0.1 }],
      }),
      201,
      'incident',
    ).id;
  }

  const application = {
    generatorId: ids.generator,
    receiverId: ids.cross,
    wasteCodes: [{ code: CODE, maxKg: 2000 }],
    method: 'dispose',
    requestedFrom: localDay(),
    requestedTo: localDay(300),
    attachments: [],
  };
  const apply = async () =>
    expectStatus(await t.call(c.generator.user, 'POST', '/v1/approval-applications', application), 201, 'application')
      .id as string;
  ids.submitted = await apply();
  ids.asked = await apply();
  for (const action of ['accept', 'request-consent'])
    expectStatus(await t.call(users.shanxi, 'POST', `/v1/approval-applications/${ids.asked}/${action}`), 200, action);
  const approval = async () =>
    expectStatus(
      await t.call(users.shanxi, 'POST', '/v1/approvals', {
        generatorId: ids.generator,
        receiverId: ids.cross,
        wasteCodes: [{ code: CODE, maxKg: 5000 }],
        validFrom: localDay(),
        validTo: localDay(200),
      }),
      201,
      'approval',
    ).id as string;
  for (const n of [1, 2]) ids[`approval${n}`] = await approval();
  ids.pending = expectStatus(
    await t.call(c.generator.user, 'POST', `/v1/parties/${ids.generator}/ledger`, {
      kind: 'pending-identification',
      name: '不明残渣',
      process: '检修',
      quantityKg: 3,
      at: new Date(Date.now() - 60_000).toISOString(),
    }),
    201,
    'pending entry',
  ).id;
}, 240_000);

let checked = 0;
afterAll(() => console.log(`authorization matrix of the new routes: ${checked} cells`));

const GET = (name: string, as: Who, path: Cell['path'], want: number, accept?: string): Cell => ({
  name,
  as,
  method: 'GET',
  path,
  want,
  ...(accept ? { accept } : {}),
});
const POST = (name: string, as: Who, path: Cell['path'], body: Cell['body'], want: number): Cell => ({
  name,
  as,
  method: 'POST',
  path,
  ...(body ? { body } : {}),
  want,
});

const track = (i: Ids) => `/v1/manifests/${i.road}/track`;
const app =
  (key: string, action = '') =>
  (i: Ids) =>
    `/v1/approval-applications/${need(i, key)}${action ? `/${action}` : ''}`;
const close = (key: string) => (i: Ids) => `/v1/incidents/${need(i, key)}/close`;
const note = () => ({ note: '已处置' });
const reason = () => ({ reason: '现场核查不符' });

const CELLS: Cell[] = [
  // Track: only the carrier of the current leg sends; whoever sees the manifest reads it, in GeoJSON too.
  POST('track', 'carrier', track, (i) => points(need(i, 'carrier')), 200),
  POST('track (a later leg)', 'carrier2', track, (i) => points(need(i, 'carrier2')), 403),
  POST('track (the receiver)', 'receiver', track, (i) => points(need(i, 'receiver')), 403),
  POST('track (a regulator)', 'shanxi', track, (i) => points(need(i, 'carrier')), 403),
  POST('track (a stranger)', 'stranger', track, (i) => points(need(i, 'carrier')), 404),
  POST(
    'track (leg closed)',
    'carrier',
    (i) => `/v1/manifests/${i.delivered}/track`,
    (i) => points(need(i, 'carrier')),
    409,
  ),
  POST(
    'track (not picked up)',
    'carrier',
    (i) => `/v1/manifests/${i.dispatched}/track`,
    (i) => points(need(i, 'carrier')),
    409,
  ),
  ...(['generator', 'carrier2', 'receiver', 'taiyuan', 'lvliang', 'nation'] as const).map((as) =>
    GET('track geojson', as, track, 200, 'application/geo+json'),
  ),
  ...(['hebei', 'xinjiang', 'stranger', 'cross'] as const).map((as) =>
    GET('track geojson', as, track, 404, 'application/geo+json'),
  ),
  // A regulator of the place where an incident happened sees the incident, its manifest and its track, and closes it.
  GET('incident (the place)', 'hebei', (i) => `/v1/incidents/${i.hebeiIncident}`, 200),
  GET('manifest (the place)', 'hebei', (i) => `/v1/manifests/${i.hebeiLoad}`, 200),
  GET('track (the place)', 'hebei', (i) => `/v1/manifests/${i.hebeiLoad}/track`, 200, 'application/geo+json'),
  POST('close (the place)', 'hebei', close('hebeiIncident'), note, 200),
  POST('close (receiver’s city)', 'lvliang', close('incident1'), note, 200),
  POST('close (nationwide)', 'nation', close('incident2'), note, 200),
  POST('close (a member)', 'carrier', close('incident3'), note, 403),
  POST('close (another province)', 'hebei', close('incident3'), note, 404),
  GET('incident (another province)', 'xinjiang', (i) => `/v1/incidents/${i.incident3}`, 404),
  // Incidents are reported by whoever has the load: the current carrier on the road, the last carrier or receiver once delivered.
  POST(
    'incident (a later leg)',
    'carrier2',
    (i) => `/v1/manifests/${i.road}/incidents`,
    (i) => incident(need(i, 'carrier2'), '140105'),
    403,
  ),
  POST(
    'incident (the generator, load gone)',
    'generator',
    (i) => `/v1/manifests/${i.road}/incidents`,
    (i) => incident(need(i, 'generator'), '140105'),
    403,
  ),
  // The receiver's action once delivered, so on the road it is not now (409); the generator never reports one (403).
  POST(
    'incident (the receiver, on the road)',
    'receiver',
    (i) => `/v1/manifests/${i.road}/incidents`,
    (i) => incident(need(i, 'receiver'), '140105'),
    409,
  ),
  POST(
    'incident (the receiver, delivered)',
    'receiver',
    (i) => `/v1/manifests/${i.delivered}/incidents`,
    (i) => incident(need(i, 'receiver'), '141102'),
    201,
  ),
  POST(
    'incident (the generator, not picked up)',
    'generator',
    (i) => `/v1/manifests/${i.dispatched}/incidents`,
    (i) => incident(need(i, 'generator'), '140105'),
    403,
  ),
  POST(
    'incident (not picked up)',
    'carrier',
    (i) => `/v1/manifests/${i.dispatched}/incidents`,
    (i) => incident(need(i, 'carrier'), '140105'),
    409,
  ),
  GET('oversight incidents (own province)', 'hebei', () => '/v1/oversight/incidents?division=13', 200),
  GET('oversight incidents (a city asks its province)', 'taiyuan', () => '/v1/oversight/incidents?division=14', 403),
  GET('oversight incidents (another province)', 'shanxi', () => '/v1/oversight/incidents?division=65', 403),
  GET('oversight incidents (an enterprise)', 'generator', () => '/v1/oversight/incidents', 403),
  GET('oversight incidents csv', 'lvliang', () => '/v1/oversight/incidents?division=1411', 200, 'text/csv'),
  // Applications: the receiving province sees one only once consent is asked; cities read and never act.
  ...(['cross', 'taiyuan', 'nation', 'generator', 'operator'] as const).map((as) =>
    GET('application (submitted)', as, app('submitted'), 200),
  ),
  ...(['hebei', 'lvliang', 'xinjiang', 'carrier'] as const).map((as) =>
    GET('application (submitted)', as, app('submitted'), 404),
  ),
  GET('application (asked)', 'hebei', app('asked'), 200),
  POST('accept (receiving province)', 'hebei', app('submitted', 'accept'), undefined, 404),
  POST('accept (a city)', 'taiyuan', app('submitted', 'accept'), undefined, 403),
  POST('accept (the receiver’s member)', 'cross', app('submitted', 'accept'), undefined, 403),
  POST('consent (outbound province)', 'shanxi', app('asked', 'consent'), undefined, 403),
  POST('consent (a city)', 'taiyuan', app('asked', 'consent'), undefined, 403),
  POST('consent (the receiver’s member)', 'cross', app('asked', 'consent'), undefined, 403),
  POST('decline (another province)', 'xinjiang', app('asked', 'decline'), reason, 404),
  POST('request-consent (out of turn)', 'shanxi', app('submitted', 'request-consent'), undefined, 409),
  POST(
    'apply (the receiver’s member)',
    'cross',
    () => '/v1/approval-applications',
    (i) => ({
      generatorId: i.generator,
      receiverId: i.cross,
      wasteCodes: [{ code: CODE, maxKg: 1 }],
      method: 'dispose',
      requestedFrom: localDay(),
      requestedTo: localDay(30),
      attachments: [],
    }),
    403,
  ),
  GET('applications ?province (its own)', 'hebei', () => '/v1/approval-applications?province=13', 200),
  GET('applications ?province (another)', 'hebei', () => '/v1/approval-applications?province=14', 403),
  GET('applications ?province (a city)', 'taiyuan', () => '/v1/approval-applications?province=14', 403),
  GET('applications ?province (an enterprise)', 'generator', () => '/v1/approval-applications?province=14', 403),
  // Approvals: the outbound province (or nationwide) revokes and narrows; readers who are not it get 403.
  ...(['hebei', 'taiyuan', 'cross', 'generator'] as const).map((as) =>
    POST('revoke (a reader)', as, (i) => `/v1/approvals/${i.approval1}/revoke`, reason, 403),
  ),
  ...(['xinjiang', 'stranger', 'carrier'] as const).map((as) =>
    POST('revoke (not a reader)', as, (i) => `/v1/approvals/${i.approval1}/revoke`, reason, 404),
  ),
  POST('revoke (nationwide)', 'nation', (i) => `/v1/approvals/${i.approval2}/revoke`, reason, 200),
  {
    name: 'narrow (receiving province)',
    as: 'hebei',
    method: 'PATCH',
    path: (i) => `/v1/approvals/${i.approval1}`,
    body: () => ({ wasteCodes: [{ code: CODE, maxKg: 10 }] }),
    want: 403,
  },
  {
    name: 'narrow (a city of the receiver’s province)',
    as: 'lvliang',
    method: 'PATCH',
    path: (i) => `/v1/approvals/${i.approval1}`,
    body: () => ({ validTo: localDay(20) }),
    want: 404,
  },
  GET('approvals ?province (inbound)', 'hebei', () => '/v1/approvals?province=13', 200),
  GET('approvals ?province (outbound)', 'shanxi', () => '/v1/approvals?province=14', 200),
  GET('approvals ?province (another)', 'xinjiang', () => '/v1/approvals?province=14', 403),
  GET('approvals ?province (a city)', 'taiyuan', () => '/v1/approvals?province=14', 403),
  GET('approvals ?province (an enterprise)', 'generator', () => '/v1/approvals?province=14', 403),
  // A party's site (its managers) and alerts (members, covering regulators); identification (a member).
  {
    name: 'location (an operator)',
    as: 'operator',
    method: 'PUT',
    path: (i) => `/v1/parties/${i.generator}/location`,
    body: () => ({ lat: 37.8, lon: 112.5 }),
    want: 403,
  },
  {
    name: 'location (a carrier on its manifests)',
    as: 'carrier',
    method: 'PUT',
    path: (i) => `/v1/parties/${i.generator}/location`,
    body: () => ({ lat: 37.8, lon: 112.5 }),
    want: 403,
  },
  {
    name: 'location (its manager)',
    as: 'generator',
    method: 'PUT',
    path: (i) => `/v1/parties/${i.generator}/location`,
    body: () => ({ lat: 37.8, lon: 112.5 }),
    want: 200,
  },
  ...(['operator', 'taiyuan', 'nation'] as const).map((as) =>
    GET('party alerts', as, (i) => `/v1/parties/${i.generator}/alerts`, 200),
  ),
  ...(['carrier', 'lvliang', 'hebei'] as const).map((as) =>
    GET('party alerts', as, (i) => `/v1/parties/${i.generator}/alerts`, 404),
  ),
  POST(
    'identification (a carrier)',
    'carrier',
    (i) => `/v1/parties/${i.generator}/ledger/${i.pending}/identification`,
    () => ({ result: 'hazardous', wasteCode: CODE }),
    404,
  ),
  POST(
    'identification (a city regulator)',
    'taiyuan',
    (i) => `/v1/parties/${i.generator}/ledger/${i.pending}/identification`,
    () => ({ result: 'hazardous', wasteCode: CODE }),
    403,
  ),
  POST(
    'identification (an operator)',
    'operator',
    (i) => `/v1/parties/${i.generator}/ledger/${i.pending}/identification`,
    () => ({ result: 'not-hazardous', reportNumber: 'JB-7', issuedBy: '省固废中心' }),
    200,
  ),
  // Oversight exports of the new list: regulators only, each within its jurisdiction.
  POST(
    'export incidents',
    'lvliang',
    () => '/v1/oversight/exports',
    () => ({ list: 'incidents', query: { division: '1411' } }),
    202,
  ),
  POST(
    'export incidents (an enterprise)',
    'carrier',
    () => '/v1/oversight/exports',
    () => ({ list: 'incidents', query: {} }),
    403,
  ),
  POST(
    'export incidents (outside)',
    'taiyuan',
    () => '/v1/oversight/exports',
    () => ({ list: 'incidents', query: { division: '1411' } }),
    403,
  ),
];

describe('authorization matrix of the new routes, beyond the main matrix’s roles', () => {
  it('every cell gets api.md’s answer', async () => {
    // Reads first, all at once; then the writes one by one (several share a subject: a 200 would change the next answer).
    const run = async (cell: Cell) => {
      checked += 1;
      const reply = await t.call(
        users[cell.as],
        cell.method,
        cell.path(ids),
        cell.body?.(ids),
        cell.accept ? { accept: cell.accept } : undefined,
      );
      const wrong =
        mismatch(reply, cell.want) ??
        (cell.accept && reply.status === 200 && !reply.headers.get('content-type')?.startsWith(cell.accept)
          ? `content-type ${reply.headers.get('content-type')}`
          : undefined);
      return wrong && `${cell.method} ${cell.name} as ${cell.as}: ${wrong}`;
    };
    const reads = await bounded(
      4,
      CELLS.filter((x) => x.method === 'GET').map((cell) => () => run(cell)),
    );
    const refusals = [];
    for (const cell of CELLS.filter((x) => x.method !== 'GET' && x.want >= 400)) refusals.push(await run(cell));
    const writes = [];
    for (const cell of CELLS.filter((x) => x.method !== 'GET' && x.want < 400)) writes.push(await run(cell));
    expect([...reads, ...refusals, ...writes].filter(Boolean)).toEqual([]);
  }, 180_000);
});
