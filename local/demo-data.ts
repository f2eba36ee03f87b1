// Demo parties, loaded through the API itself (as their users and a Shanxi regulator would), so the demo
// data obeys every rule the API enforces. Skipped when already loaded.
import type { Hono } from 'hono';
import { setClockOffset } from '#shared/clock.ts';
import { usccCheckCharacter } from '#shared/domain/uscc.ts';
import { must } from '#shared/must.ts';
import { demoApplications } from './demo-applications.ts';
import { demoIncident } from './demo-incident.ts';
import type { LocalAuth } from './keys.ts';

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);

export const DEMO_REGULATOR = { sub: 'demo-regulator-shanxi', groups: ['regulator' as const], jurisdiction: '14' };

const year = new Date().getFullYear();
const validFrom = `${year - 1}-01-01`;
const validTo = `${year + 2}-12-31`;

export const DEMO_PARTIES = [
  {
    user: 'demo-generator',
    // 太原市小店区 (Xiaodian district, Taiyuan)
    location: { lat: 37.7363, lon: 112.5651 },
    party: {
      name: '太原示范化工有限公司',
      uscc: uscc('91140105MA0DEM001'),
      divisionCode: '140105',
      address: '太原市小店区示范路1号',
      kinds: ['generator'],
      contact: { name: '王工', phone: '0351-1234567' },
    },
    licences: [],
  },
  {
    user: 'demo-clinic',
    // 吕梁市离石区 (Lishi district, Lüliang)
    location: { lat: 37.5193, lon: 111.1444 },
    party: {
      name: '吕梁市离石区示范卫生院',
      uscc: uscc('12141102MB0DEM002'),
      divisionCode: '141102',
      address: '吕梁市离石区示范街2号',
      kinds: ['generator', 'medical'],
      contact: { name: '李医生', phone: '0358-7654321' },
    },
    licences: [],
  },
  {
    user: 'demo-carrier',
    // 太原市迎泽区 (Yingze district, Taiyuan)
    location: { lat: 37.8553, lon: 112.5636 },
    party: {
      name: '山西示范危货运输有限公司',
      uscc: uscc('91140106MA0DEM003'),
      divisionCode: '140106',
      address: '太原市迎泽区运输路3号',
      kinds: ['transporter'],
      contact: { name: '张师傅', phone: '0351-2223333' },
    },
    licences: [
      {
        number: '晋交运管许可危字140100000003号',
        type: 'transport',
        operations: [],
        wasteCodes: [],
        validFrom,
        validTo,
        issuedBy: '太原市交通运输局',
      },
    ],
  },
  {
    user: 'demo-disposer',
    // south of Lishi town, Lüliang
    location: { lat: 37.4842, lon: 111.1862 },
    party: {
      name: '山西示范环境科技有限公司',
      uscc: uscc('91141102MA0DEM004'),
      divisionCode: '141102',
      address: '吕梁市离石区环保园4号',
      kinds: ['receiver'],
      contact: { name: '赵经理', phone: '0358-3334444' },
    },
    licences: [
      {
        number: '晋危废经字第141100004号',
        type: 'hazardous-waste',
        operations: ['collect', 'store', 'utilise', 'dispose'],
        wasteCodes: [
          { code: 'HW08', annualCapacityKg: 5_000_000 },
          { code: 'HW49', annualCapacityKg: 3_000_000 },
          { code: 'HW18', annualCapacityKg: 2_000_000 },
        ],
        validFrom,
        validTo,
        issuedBy: '山西省生态环境厅',
      },
      {
        number: '晋医废经字第141100004号',
        type: 'medical-waste',
        operations: ['collect', 'store', 'dispose'],
        wasteCodes: [{ code: 'HW01', annualCapacityKg: 1_000_000 }],
        validFrom,
        validTo,
        issuedBy: '山西省生态环境厅',
      },
    ],
  },
  {
    user: 'demo-collector',
    // 吕梁市文水县 (Wenshui county, Lüliang)
    location: { lat: 37.4364, lon: 112.0283 },
    party: {
      name: '吕梁示范医疗废物收集有限公司',
      uscc: uscc('91141121MA0DEM005'),
      divisionCode: '141121',
      address: '吕梁市文水县收集站5号',
      kinds: ['collector', 'receiver', 'generator'],
      contact: { name: '孙站长', phone: '0358-5556666' },
    },
    licences: [
      {
        number: '晋危废收字第141100005号',
        type: 'hazardous-waste-collection',
        operations: ['collect', 'store'],
        wasteCodes: [
          { code: 'HW01', annualCapacityKg: 200_000 },
          { code: 'HW49', annualCapacityKg: 200_000 },
        ],
        validFrom,
        validTo,
        issuedBy: '吕梁市生态环境局',
      },
    ],
  },
  {
    // Across the province line (Hebei): the receiver of the demo's revoked cross-province approval.
    user: 'demo-hebei-disposer',
    location: { lat: 38.0428, lon: 114.5149 },
    regulator: { sub: 'demo-regulator-hebei', groups: ['regulator' as const], jurisdiction: '13' },
    party: {
      name: '河北示范环保处置有限公司',
      uscc: uscc('91130102MA0DEM006'),
      divisionCode: '130102',
      address: '石家庄市长安区环保路6号',
      kinds: ['receiver'],
      contact: { name: '周经理', phone: '0311-6667777' },
    },
    licences: [
      {
        number: '冀危废经字第130100006号',
        type: 'hazardous-waste',
        operations: ['store', 'dispose'],
        wasteCodes: [{ code: 'HW49', annualCapacityKg: 1_000_000 }],
        validFrom,
        validTo,
        issuedBy: '河北省生态环境厅',
      },
    ],
  },
] as const;

/** The id a demo party was created with (all are created before any demo manifest). */
const idOf = (ids: Record<string, string>, user: (typeof DEMO_PARTIES)[number]['user']) =>
  must(ids[user], `demo party ${user} created`);

async function call(api: Hono, token: string, method: string, path: string, body?: unknown) {
  const res = await api.request(path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** One medical chain from end to end: the clinic's infectious waste, carried to the disposer, received and incinerated. */
async function demoChain(api: Hono, auth: LocalAuth, ids: Record<string, string>): Promise<string> {
  const as = async (user: string) => auth.mint({ sub: user, groups: ['enterprise'] });
  const [clinic, carrier, disposer] = await Promise.all([as('demo-clinic'), as('demo-carrier'), as('demo-disposer')]);
  const code = '841-001-01';
  await call(api, clinic, 'POST', `/v1/parties/${ids['demo-clinic']}/plans`, {
    year,
    items: [
      { wasteCode: code, expectedKg: 3000 },
      { wasteCode: '841-002-01', expectedKg: 600 },
    ],
  });
  await call(api, clinic, 'POST', `/v1/parties/${ids['demo-clinic']}/ledger`, {
    wasteCode: code,
    medicalCategory: 'infectious',
    quantityKg: 42.5,
    at: minutesAgo(180),
    containers: [{ labelCode: 'LL-0001', count: 3, volumeL: 40 }],
  });
  const manifest = await call(api, clinic, 'POST', '/v1/manifests', {
    generatorId: ids['demo-clinic'],
    transporterIds: [ids['demo-carrier']],
    receiverId: ids['demo-disposer'],
    plannedPickupAt: minutesAgo(120),
    lines: [
      {
        wasteCode: code,
        name: '感染性废物',
        physicalForm: 'solid',
        hazards: ['In'],
        packaging: 'box',
        containerCount: 3,
        quantityKg: 42.5,
        medicalCategory: 'infectious',
      },
    ],
  });
  const id = manifest.id as string;
  await call(api, clinic, 'POST', `/v1/manifests/${id}/dispatch`);
  await call(api, carrier, 'POST', `/v1/manifests/${id}/pickup`, {
    transporterId: ids['demo-carrier'],
    vehiclePlate: '晋A·D1234',
    driverName: '张师傅',
  });
  await call(api, carrier, 'POST', `/v1/manifests/${id}/deliver`, {
    transporterId: ids['demo-carrier'],
    deliveredAt: new Date().toISOString(),
  });
  await call(api, disposer, 'POST', `/v1/manifests/${id}/receive`, {
    receivedAt: new Date().toISOString(),
    lines: [{ lineNo: 1, receivedKg: 42.5, containerCount: 3 }],
  });
  await call(api, disposer, 'POST', `/v1/manifests/${id}/disposals`, {
    lines: [{ lineNo: 1, operationCode: 'Y10', quantityKg: 42.5, completedAt: new Date().toISOString() }],
    residues: [{ wasteCode: '772-003-18', quantityKg: 4.2 }],
  });
  return manifest.number as string;
}

/**
 * What a regulator should find on a fresh start besides the finished chain: a load of the Taiyuan plant's waste on
 * the road now, with an open incident (a leaking drum) the Shanxi regulator can close, and a clinic batch kept past the
 * 48 hours medical waste may be stored (an alert once the job runs).
 */
async function demoOpenMatters(api: Hono, auth: LocalAuth, ids: Record<string, string>): Promise<void> {
  const as = async (user: string) => auth.mint({ sub: user, groups: ['enterprise'] });
  const [plant, clinic, carrier] = await Promise.all([as('demo-generator'), as('demo-clinic'), as('demo-carrier')]);
  const code = '900-041-49';
  await call(api, plant, 'POST', `/v1/parties/${ids['demo-generator']}/plans`, {
    year,
    items: [{ wasteCode: code, expectedKg: 9_000 }],
  });
  await call(api, plant, 'POST', `/v1/parties/${ids['demo-generator']}/ledger`, {
    wasteCode: code,
    quantityKg: 860,
    at: minutesAgo(24 * 60),
  });
  const manifest = await call(api, plant, 'POST', '/v1/manifests', {
    generatorId: ids['demo-generator'],
    transporterIds: [ids['demo-carrier']],
    receiverId: ids['demo-disposer'],
    plannedPickupAt: minutesAgo(30),
    lines: [
      {
        wasteCode: code,
        name: '废包装桶',
        physicalForm: 'solid',
        hazards: ['T', 'In'],
        packaging: 'drum',
        containerCount: 20,
        quantityKg: 860,
      },
    ],
  });
  // Signed out and picked up four hours ago (the clock set back for these two signatures), so its track can show
  // an hour's drive west from Taiyuan and a stop of almost three hours since: the first alerts job finds long-stop open.
  setClockOffset(-4 * 60 * 60_000);
  try {
    await call(api, plant, 'POST', `/v1/manifests/${manifest.id}/dispatch`);
    await call(api, carrier, 'POST', `/v1/manifests/${manifest.id}/pickup`, {
      transporterId: ids['demo-carrier'],
      vehiclePlate: '晋A·D5678',
      driverName: '张师傅',
    });
  } finally {
    setClockOffset(0);
  }
  await call(api, carrier, 'POST', `/v1/manifests/${manifest.id}/track`, {
    transporterId: ids['demo-carrier'],
    points: demoTrack(),
  });
  await demoIncident(
    (token, method, path, body) => call(api, token, method, path, body),
    carrier,
    idOf(ids, 'demo-carrier'),
    manifest.id as string,
  );
  await call(api, clinic, 'POST', `/v1/parties/${ids['demo-clinic']}/ledger`, {
    wasteCode: '841-001-01',
    medicalCategory: 'infectious',
    quantityKg: 12.8,
    at: minutesAgo(72 * 60),
    containers: [{ labelCode: 'LL-0002', count: 1, volumeL: 40 }],
  });
  // 待鉴别: sludge whose hazard is not yet identified (rule 29), recorded a week ago (overdue only after 90 days).
  await call(api, plant, 'POST', `/v1/parties/${ids['demo-generator']}/ledger`, {
    kind: 'pending-identification',
    name: '污水处理站污泥',
    process: '废水处理',
    quantityKg: 350,
    at: minutesAgo(7 * 24 * 60),
  });
  // A cross-province approval to Hebei, revoked by the Shanxi regulator (rule 31).
  const regulator = await auth.mint(DEMO_REGULATOR);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const approval = await call(api, regulator, 'POST', '/v1/approvals', {
    generatorId: ids['demo-generator'],
    receiverId: ids['demo-hebei-disposer'],
    wasteCodes: [{ code, maxKg: 5_000 }],
    validFrom: today,
    validTo: `${year}-12-31` > today ? `${year}-12-31` : today,
  });
  await call(api, regulator, 'POST', `/v1/approvals/${approval.id}/revoke`, { reason: '接收单位处置设施停产检修' });
}

/** From the Taiyuan plant west along G307 to a lay-by near Jiaocheng (Lüliang), every 5 minutes for an hour, then
 *  stopped there (within a few metres) until now: 2 h 55 min, more than 2 km from every site, inside the corridor. */
function demoTrack() {
  const from = { lat: 37.7363, lon: 112.5651 };
  const layBy = { lat: 37.5561, lon: 112.1564 };
  const points = [];
  for (let k = 0; k <= 12; k += 1) {
    const f = k / 12;
    points.push({
      at: minutesAgo(235 - k * 5),
      lat: from.lat + (layBy.lat - from.lat) * f,
      lon: from.lon + (layBy.lon - from.lon) * f,
      speedKmh: k === 12 ? 0 : 46,
      source: 'terminal',
    });
  }
  for (let k = 1; k <= 35; k += 1)
    points.push({
      at: minutesAgo(175 - k * 5),
      lat: layBy.lat + (k % 3) * 0.00002,
      lon: layBy.lon,
      speedKmh: 0,
      source: 'terminal',
    });
  return points.map((p) => ({ ...p, lat: Number(p.lat.toFixed(6)), lon: Number(p.lon.toFixed(6)) }));
}

/** Loads the demo parties, one completed medical chain, the open matters and the Hebei disposer with two applications
 *  (local/demo-applications.ts) unless they exist; returns how many parties were created. */
export async function loadDemoData(api: Hono, auth: LocalAuth): Promise<number> {
  const regulator = await auth.mint(DEMO_REGULATOR);
  const existing = await call(api, regulator, 'GET', `/v1/parties?q=${encodeURIComponent(DEMO_PARTIES[0].party.uscc)}`);
  if ((existing.items as unknown[]).length > 0) return 0;
  const ids: Record<string, string> = {};
  for (const demo of DEMO_PARTIES) {
    const token = await auth.mint({ sub: demo.user, groups: ['enterprise'] });
    const party = await call(api, token, 'POST', '/v1/parties', demo.party);
    ids[demo.user] = party.id as string;
    const itsRegulator =
      'regulator' in demo ? await auth.mint({ ...demo.regulator, groups: [...demo.regulator.groups] }) : regulator;
    await call(api, itsRegulator, 'POST', `/v1/parties/${party.id}/approve`);
    await call(api, token, 'PUT', `/v1/parties/${party.id}/location`, demo.location);
    for (const licence of demo.licences) {
      const filed = await call(api, token, 'POST', `/v1/parties/${party.id}/licences`, licence);
      await call(api, itsRegulator, 'POST', `/v1/parties/${party.id}/licences/${filed.id}/verify`);
    }
  }
  await demoChain(api, auth, ids);
  await demoOpenMatters(api, auth, ids);
  await demoApplications(api, auth, call, regulator, idOf(ids, 'demo-generator'), idOf(ids, 'demo-hebei-disposer'));
  return DEMO_PARTIES.length;
}
