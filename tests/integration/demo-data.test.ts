// The demo data `npm start` loads must let a regulator answer, through the API, what moved in the area this month,
// what is overdue right now, and how much of each waste was generated and disposed of this year (issue #5). The
// statistics are checked against sums of the raw records, read through the API as the regulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '#shared/domain/calendar.ts';
import { config } from '#shared/config.ts';
import { startStreamConsumers, type StreamConsumers } from '../../local/change-handlers.ts';
import { logFailureQueue } from '../../local/failure-queue.ts';
import { DEMO_REGULATOR_HEBEI } from '../../local/demo-applications.ts';
import { DEMO_PARTIES, DEMO_REGULATOR, loadDemoData } from '../../local/demo-data.ts';
import { DEMO_INCIDENT_DIVISION } from '../../local/demo-incident.ts';
import { testApi, type TestApi } from '../support/api.ts';

let t: TestApi;
let poller: StreamConsumers;
const get = async (path: string) => {
  const res = await t.call(DEMO_REGULATOR, 'GET', path);
  expect(res.status, path).toBe(200);
  return res.body;
};
const add = (sums: Map<string, number>, code: string, kg: number) =>
  sums.set(code, Math.round(((sums.get(code) ?? 0) + kg) * 1000) / 1000);

beforeAll(async () => {
  t = await testApi();
  poller = await startStreamConsumers(logFailureQueue, 50);
  expect(await loadDemoData(t.api, t.auth)).toBe(DEMO_PARTIES.length);
  await poller.drain();
  expect((await t.call(null, 'POST', '/local/jobs/alerts')).status).toBe(200);
}, 120_000);
afterAll(() => poller.stop());

describe('demo data, as the Shanxi regulator sees it', () => {
  it('waste pending identification and a revoked cross-province approval (rules 29, 31)', async () => {
    const [plant] = (await get(`/v1/parties?q=${encodeURIComponent(DEMO_PARTIES[0].party.uscc)}`)).items;
    const stock = await get(`/v1/parties/${plant.id}/stock`);
    expect(stock.items.find((i: { wasteCode: string }) => i.wasteCode === 'pending')).toMatchObject({ onHandKg: 350 });
    const { items } = await get('/v1/approvals?province=14');
    expect(items).toEqual([expect.objectContaining({ status: 'revoked', generatorId: plant.id })]);
  });

  it('loads once: a second start finds it and adds nothing', async () => {
    expect(await loadDemoData(t.api, t.auth)).toBe(0);
  });

  it('one cross-province application waits at each province: Shanxi owes an acceptance, Hebei its consent', async () => {
    const shanxi = (await get('/v1/approval-applications?province=14')).items;
    expect(shanxi.map((a: { status: string; due: { province: string } }) => [a.status, a.due.province])).toEqual([
      ['submitted', '14'],
      ['consent-requested', '13'],
    ]);
    const hebei = await t.call(DEMO_REGULATOR_HEBEI, 'GET', '/v1/approval-applications?province=13');
    expect(hebei.body.items.map((a: { status: string }) => a.status)).toEqual(['consent-requested']);
    const [waiting] = hebei.body.items;
    expect(
      (await t.call(DEMO_REGULATOR_HEBEI, 'GET', `/v1/approval-applications/${waiting.id}/actions`)).body.map(
        (a: { action: string }) => a.action,
      ),
    ).toEqual(['consent', 'decline']);
  });

  it('what moved this month: the finished medical chain and the plant’s load on the road', async () => {
    const monthStart = `${localDate(new Date(), config.timeZone).slice(0, 8)}01`;
    const { items } = await get(`/v1/oversight/manifests?division=14&from=${monthStart}`);
    expect(items.map((m: { status: string }) => m.status).sort()).toEqual(['completed', 'in_transit']);
  });

  it('what is overdue now: the clinic batch kept past 48 hours, the load stopped for hours near Jiaocheng, the incident on the road (where it happened and at the plant’s city), and nothing else', async () => {
    const { items } = await get('/v1/oversight/alerts?status=open');
    expect(items.map((a: { type: string; divisionCode: string }) => `${a.type} ${a.divisionCode}`).sort()).toEqual([
      'incident-reported 140105',
      `incident-reported ${DEMO_INCIDENT_DIVISION}`,
      'long-stop 140105',
      'medical-storage-exceeded 141102',
    ]);
  });

  it('the incident on the road: the regulator finds it, sees the load, and closes it, which closes its alerts', async () => {
    const { items } = await get('/v1/oversight/incidents?status=open');
    expect(items).toEqual([
      expect.objectContaining({
        type: 'leak',
        divisionCode: DEMO_INCIDENT_DIVISION,
        lines: [{ lineNo: 1, lostKg: 20 }],
      }),
    ]);
    expect((await get(`/v1/manifests/${items[0].manifestId}`)).status).toBe('in_transit');
    const closed = await t.call(DEMO_REGULATOR, 'POST', `/v1/incidents/${items[0].id}/close`, {
      note: '现场已清理，无外排',
    });
    expect(closed.status).toBe(200);
    const open = (await get('/v1/oversight/alerts?status=open&type=incident-reported')).items;
    expect(open).toEqual([]);
  });

  it('how much was generated, dispatched and disposed of this year: the statistics equal the raw records', async () => {
    const generated = new Map<string, number>();
    const dispatched = new Map<string, number>();
    const disposed = new Map<string, number>();
    for (const demo of DEMO_PARTIES) {
      const [party] = (await get(`/v1/parties?q=${encodeURIComponent(demo.party.uscc)}`)).items;
      if (!party) continue; // outside Shanxi (the Hebei receiver of the revoked approval)
      for (const e of (await get(`/v1/parties/${party.id}/ledger?limit=100`)).items)
        if (e.kind === 'generated') add(generated, e.wasteCode, e.quantityKg);
    }
    for (const { id } of (await get('/v1/oversight/manifests?division=14')).items) {
      for (const l of (await get(`/v1/manifests/${id}`)).lines) add(dispatched, l.wasteCode, l.quantityKg);
      for (const report of (await get(`/v1/manifests/${id}/disposals`)).items)
        for (const l of report.lines) if (l.kind === 'disposal') add(disposed, l.wasteCode, l.quantityKg);
    }
    const stats = await get(`/v1/oversight/stats?division=14&year=${new Date().getFullYear()}&groupBy=wasteCode`);
    const byCode = new Map(stats.items.map((g: { group: string }) => [g.group, g]));
    expect([...byCode.keys()].sort()).toEqual([...new Set([...generated.keys(), ...dispatched.keys()])].sort());
    for (const [code, g] of byCode as Map<string, { generatedKg: number; dispatchedKg: number; disposedKg: number }>) {
      expect({ code, generated: g.generatedKg, dispatched: g.dispatchedKg, disposed: g.disposedKg }).toEqual({
        code,
        generated: generated.get(code) ?? 0,
        dispatched: dispatched.get(code) ?? 0,
        disposed: disposed.get(code) ?? 0,
      });
    }
    expect(disposed.size).toBeGreaterThan(0);
  });
});
