// Statistics through the API: what the test's own records add up to, per division level and grouping, counted from
// the change stream exactly once; HW01 per county and month in one query; CSV; and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMonth } from '#shared/domain/stats.ts';
import { onStatsChanges } from '#shared/services/stats-service.ts';
import type { ChangeRecord } from '#shared/stream/change-records.ts';
import { startStreamPoller, type StreamPoller } from '../../local/stream-poller.ts';
import { enterprise, regulator, testApi, type TestApi } from '../support/api.ts';
import { parseCsv } from '../support/csv.ts';
import {
  carrier,
  carry,
  disposalLine,
  disposerLicence,
  expectOk,
  generated,
  line,
  medicalLine,
  member,
  plan,
  receive,
  reportDisposal,
  ship,
  YEAR,
  type Actor,
} from './scenario-steps.ts';

const CODE = '900-041-49';
const MEDICAL = '841-001-01';
const TZ = 'Asia/Shanghai';
const shanxi = regulator('stats-shanxi', '14');
const lvliang = regulator('stats-lvliang', '1411');

let t: TestApi;
let poller: StreamPoller;
const seen: ChangeRecord[] = [];
let plant: Actor, clinic: Actor, truck: Actor, disposer: Actor;

/** What the test did, one row per fact, to sum as the statistics should. */
interface Done {
  measure: 'generated' | 'dispatched' | 'received' | 'utilised' | 'disposed';
  kg: number;
  code: string;
  county: string;
  generator: string;
  receiver?: string;
  month: string;
}
const done: Done[] = [];

beforeAll(async () => {
  t = await testApi();
  poller = await startStreamPoller(async (records) => {
    seen.push(...records);
    await onStatsChanges(records, new Date());
  }, 50);
  [plant, clinic, truck, disposer] = await Promise.all([
    member(t, 'st-plant', '140105', ['generator']),
    member(t, 'st-clinic', '141121', ['generator', 'medical']),
    carrier(t, 'st-truck'),
    member(
      t,
      'st-disposer',
      '141102',
      ['receiver'],
      disposerLicence(['HW49', 'HW01'], ['store', 'utilise', 'dispose']),
    ),
  ]);
  await Promise.all([plan(t, plant, [CODE]), plan(t, clinic, [MEDICAL])]);

  const gen = async (a: Actor, code: string, kg: number, extra = {}) => {
    const e = await generated(t, a, code, kg, extra);
    done.push({
      measure: 'generated',
      kg,
      code,
      county: a.party.divisionCode,
      generator: a.party.id,
      month: localMonth(e.at, TZ),
    });
    return e;
  };
  await gen(plant, CODE, 100);
  await gen(plant, CODE, 20);
  await gen(clinic, MEDICAL, 8, { medicalCategory: 'infectious' });
  const mistake = await generated(t, plant, CODE, 5);
  await expectOk(
    await t.call(plant.user, 'POST', `/v1/parties/${plant.party.id}/ledger/${mistake.id}/void`, { reason: '重复录入' }),
    200,
    'void',
  );

  const shipped = (m: any, from: Actor) =>
    done.push({
      measure: 'dispatched',
      kg: m.lines[0].quantityKg,
      code: m.lines[0].wasteCode,
      county: from.party.divisionCode,
      generator: from.party.id,
      receiver: disposer.party.id,
      month: localMonth(m.dispatchedAt, TZ),
    });
  const received = (m: any, from: Actor, kg: number) =>
    done.push({
      measure: 'received',
      kg,
      code: m.lines[0].wasteCode,
      county: '141102',
      generator: from.party.id,
      receiver: disposer.party.id,
      month: localMonth(m.receivedAt, TZ),
    });
  const treated = (r: any, from: Actor) => {
    for (const l of r.lines)
      done.push({
        measure: l.kind === 'utilisation' ? 'utilised' : 'disposed',
        kg: l.quantityKg,
        code: l.wasteCode,
        county: '141102',
        generator: from.party.id,
        receiver: disposer.party.id,
        month: localMonth(l.completedAt, TZ),
      });
  };

  const a = await ship(t, plant, disposer, truck, [line(CODE, 60)]);
  shipped(a, plant);
  await carry(t, truck, a.id);
  const aReceived = await receive(t, disposer, a, { 1: 10 }, { disposition: 'return' });
  received(aReceived, plant, 50);
  treated(await reportDisposal(t, disposer, a.id, [disposalLine(1, 'R4', 20), disposalLine(1, 'D10', 30)]), plant);

  const cancelled = await ship(t, plant, disposer, truck, [line(CODE, 15)]);
  await expectOk(
    await t.call(plant.user, 'POST', `/v1/manifests/${cancelled.id}/cancel`, { reason: '车辆故障' }),
    200,
    'cancel',
  );

  const c = await ship(t, clinic, disposer, truck, [medicalLine('infectious', 8)]);
  shipped(c, clinic);
  await carry(t, truck, c.id);
  received(await receive(t, disposer, c), clinic, 8);
  treated(await reportDisposal(t, disposer, c.id, [disposalLine(1, 'D10', 8)]), clinic);
  await poller.drain();
});
afterAll(() => poller.stop());

type Row = Record<`${Done['measure']}Kg`, number>;
const NOTHING_DONE: Row = { generatedKg: 0, dispatchedKg: 0, receivedKg: 0, utilisedKg: 0, disposedKg: 0 };

/** The rows the statistics should show: `done` filtered and summed by `key`. */
function expected(filter: (d: Done) => boolean, key: (d: Done) => string | undefined) {
  const rows = new Map<string, Row>();
  for (const d of done.filter(filter)) {
    const group = key(d);
    if (group === undefined) continue;
    const row = rows.get(group) ?? { ...NOTHING_DONE };
    row[`${d.measure}Kg`] = Math.round((row[`${d.measure}Kg`] + d.kg) * 1000) / 1000;
    rows.set(group, row);
  }
  return [...rows]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([group, row]) => ({
      group,
      ...row,
      rate: row.receivedKg ? Math.round(((row.utilisedKg + row.disposedKg) / row.receivedKg) * 10_000) / 10_000 : null,
    }));
}

const stats = async (who: typeof shanxi, query: string) => t.call(who, 'GET', `/v1/oversight/stats?${query}`);
const figures = (items: any[]) => items.map(({ name: _n, month: _m, ...rest }) => rest);

describe('statistics', () => {
  it('per waste code and per county in a province equal the sums of what happened there', async () => {
    const byCode = await stats(shanxi, 'division=14&groupBy=wasteCode');
    expect(byCode.status).toBe(200);
    expect(byCode.body).toMatchObject({ division: '14', year: YEAR, groupBy: 'wasteCode', category: null });
    expect(figures(byCode.body.items)).toEqual(
      expected(
        () => true,
        (d) => d.code,
      ),
    );
    expect(byCode.body.items.find((r: any) => r.group === CODE).name).toBeTruthy();

    const byCounty = (await stats(shanxi, `division=14&groupBy=county&year=${YEAR}`)).body.items;
    expect(figures(byCounty)).toEqual(
      expected(
        () => true,
        (d) => d.county,
      ),
    );
    expect(byCounty.find((r: any) => r.group === '141102')).toMatchObject({
      name: expect.any(String),
      receivedKg: 58,
      utilisedKg: 20,
      disposedKg: 38,
      rate: 1,
    });
    expect(byCounty.find((r: any) => r.group === '140105')).toMatchObject({
      generatedKg: 120,
      dispatchedKg: 60,
      receivedKg: 0,
      rate: null,
    });
  });

  it('a city sees only the facts that happened in it; by generator and receiver, with party names', async () => {
    const byGenerator = (await stats(lvliang, 'groupBy=generator')).body;
    expect(byGenerator.division).toBe('1411');
    expect(figures(byGenerator.items)).toEqual(
      expected(
        (d) => d.county.startsWith('1411'),
        (d) => d.generator,
      ),
    );
    expect(byGenerator.items.find((r: any) => r.group === plant.party.id)).toMatchObject({
      name: plant.party.name,
      generatedKg: 0,
      dispatchedKg: 0,
      receivedKg: 50,
    });

    const byReceiver = (await stats(shanxi, 'division=14&groupBy=receiver')).body.items;
    expect(figures(byReceiver)).toEqual(
      expected(
        () => true,
        (d) => d.receiver,
      ),
    );
    expect(byReceiver).toEqual([
      expect.objectContaining({
        group: disposer.party.id,
        name: disposer.party.name,
        dispatchedKg: 68,
        receivedKg: 58,
      }),
    ]);

    const nationwide = (await stats(regulator('stats-mee', '00'), 'groupBy=month')).body;
    expect(nationwide.division).toBe('00');
    expect(figures(nationwide.items)).toEqual(
      expected(
        () => true,
        (d) => d.month,
      ),
    );
    expect((await stats(regulator('stats-xinjiang', '65'), 'groupBy=county')).body.items).toEqual([]);
    expect((await stats(shanxi, `groupBy=county&year=${YEAR - 1}`)).body.items).toEqual([]);
  });

  it('medical waste (HW01) per county and month is one query', async () => {
    const medical = await stats(lvliang, 'groupBy=county&category=HW01&perMonth=true');
    expect(medical.body.category).toBe('HW01');
    const rows = expected(
      (d) => d.code === MEDICAL,
      (d) => `${d.county}|${d.month}`,
    );
    expect(
      medical.body.items.map(({ name: _n, group, month, ...rest }: any) => ({ group: `${group}|${month}`, ...rest })),
    ).toEqual(rows);
    expect(medical.body.items.find((r: any) => r.group === '141121')).toMatchObject({
      generatedKg: 8,
      dispatchedKg: 8,
      receivedKg: 0,
    });
  });

  it('answers text/csv with the same rows', async () => {
    const json = (await stats(shanxi, 'division=14&groupBy=county')).body.items;
    const csv = await t.call(shanxi, 'GET', '/v1/oversight/stats?division=14&groupBy=county', undefined, {
      accept: 'text/csv',
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const columns = [
      'group',
      'name',
      'month',
      'generatedKg',
      'dispatchedKg',
      'receivedKg',
      'utilisedKg',
      'disposedKg',
      'rate',
    ];
    expect(parseCsv(csv.body)).toEqual(
      json.map((r: any) =>
        Object.fromEntries(columns.map((c) => [c, r[c] === undefined || r[c] === null ? '' : String(r[c])])),
      ),
    );
  });

  it('counts each stream record once, however often it is delivered', async () => {
    const before = (await stats(shanxi, 'division=14&groupBy=county')).body;
    expect(seen.length).toBeGreaterThan(10);
    await onStatsChanges(seen, new Date());
    await onStatsChanges(seen.slice(3, 9), new Date());
    expect((await stats(shanxi, 'division=14&groupBy=county')).body).toEqual(before);
  });

  it('refuses enterprises (403), divisions outside the jurisdiction (403, existing or not), unknown divisions within it and categories (422), bad input (400)', async () => {
    const cases: [ReturnType<typeof regulator>, string, number, string][] = [
      [enterprise('st-plant'), 'groupBy=county', 403, 'FORBIDDEN'],
      [lvliang, 'division=14&groupBy=county', 403, 'FORBIDDEN'],
      // api.md's order: outside the jurisdiction (403) before a business rule (422)
      [lvliang, 'division=1499&groupBy=county', 403, 'FORBIDDEN'],
      [lvliang, 'division=141199&groupBy=county', 422, 'UNKNOWN_DIVISION'],
      [shanxi, 'division=1499&groupBy=county', 422, 'UNKNOWN_DIVISION'],
      [shanxi, 'groupBy=county&category=HW99', 422, 'UNKNOWN_WASTE_CODE'],
      [shanxi, 'groupBy=colour', 400, 'VALIDATION_FAILED'],
      [shanxi, 'division=14', 400, 'VALIDATION_FAILED'],
      [shanxi, 'groupBy=month&perMonth=yes', 400, 'VALIDATION_FAILED'],
    ];
    for (const [who, query, status, code] of cases) {
      const reply = await stats(who, query);
      expect([query, reply.status, reply.body.code]).toEqual([query, status, code]);
    }
  });
});
