// Issue 4's medical scenario, end to end through the API: three rural clinics in Lüliang hand infectious and sharps
// waste to a third-party collector, which consolidates it onto one manifest to a licensed medical waste disposer;
// the disposer incinerates it (Y10) and records fly ash (772-003-18), which it ships to a landfill operator who
// disposes of it (D1). The chain links every kilogram at the landfill back to each clinic, and each clinic forward.
import { beforeAll, describe, expect, it } from 'vitest';
import { regulator, testApi, type TestApi } from '../support/api.ts';
import {
  carrier,
  disposalLine,
  generated,
  LVLIANG_COUNTIES,
  medicalLine,
  member,
  plan,
  reportDisposal,
  transfer,
  line,
  type Actor,
} from './scenario-steps.ts';
import { at, first } from '../support/present.ts';

const INFECTIOUS = '841-001-01';
const SHARPS = '841-002-01';
const FLY_ASH = '772-003-18';
const CONTRIBUTED = [
  { infectious: 12.5, sharps: 1.2 },
  { infectious: 8, sharps: 0.75 },
  { infectious: 20.25, sharps: 2 },
];
const contributionOf = (clinic: number) => at(CONTRIBUTED, clinic, 'clinic contribution');
const lvliang = regulator('scenario-lvliang', '1411');

let t: TestApi;
let clinics: Actor[];
let collector: Actor;
let incinerator: Actor;
let landfill: Actor;
let truck: Actor;
let clinicManifests: any[];
let consolidated: any;
let ashManifest: any;

beforeAll(async () => {
  t = await testApi();
  [truck, collector, incinerator, landfill, ...clinics] = await Promise.all([
    carrier(t, 'med-truck'),
    member(t, 'med-collector', '141102', ['collector', 'receiver'], {
      type: 'hazardous-waste-collection',
      operations: ['collect', 'store'],
      wasteCodes: [{ code: 'HW01', annualCapacityKg: 50_000 }],
    }),
    member(t, 'med-incinerator', '141102', ['receiver', 'generator'], {
      type: 'medical-waste',
      operations: ['store', 'dispose'],
      wasteCodes: [{ code: 'HW01', annualCapacityKg: 500_000 }],
    }),
    member(t, 'med-landfill', '141123', ['receiver'], {
      operations: ['store', 'dispose'],
      wasteCodes: [{ code: 'HW18', annualCapacityKg: 500_000 }],
    }),
    ...LVLIANG_COUNTIES.map((county, i) => member(t, `med-clinic-${i}`, county, ['medical'])),
  ]);
  await Promise.all([...clinics, collector].map((a) => plan(t, a, [INFECTIOUS, SHARPS])));
  await plan(t, incinerator, [FLY_ASH]);

  // Each clinic records its waste and hands it to the collector.
  clinicManifests = await Promise.all(
    clinics.map(async (clinic, i) => {
      const share = contributionOf(i);
      await generated(t, clinic, INFECTIOUS, share.infectious, { medicalCategory: 'infectious' });
      await generated(t, clinic, SHARPS, share.sharps, { medicalCategory: 'sharps' });
      return transfer(t, clinic, collector, truck, [
        medicalLine('infectious', share.infectious),
        medicalLine('sharps', share.sharps),
      ]);
    }),
  );

  // The collector consolidates: one line per category, drawing on every clinic's line.
  const consolidate = (lineNo: 1 | 2, category: 'infectious' | 'sharps') =>
    medicalLine(category, CONTRIBUTED.reduce((s, c) => s + c[category] * 1000, 0) / 1000, {
      sources: clinicManifests.map((m, i) => ({ manifestId: m.id, lineNo, quantityKg: contributionOf(i)[category] })),
    });
  consolidated = await transfer(t, collector, incinerator, truck, [
    consolidate(1, 'infectious'),
    consolidate(2, 'sharps'),
  ]);

  // Incineration, with fly ash as a residue; the ash goes to the landfill and is landfilled.
  const burnt = await reportDisposal(
    t,
    incinerator,
    consolidated.id,
    [disposalLine(1, 'Y10', 40.75), disposalLine(2, 'Y10', 3.95)],
    [{ wasteCode: FLY_ASH, quantityKg: 3.5 }],
  );
  const ash = burnt.residues[0];
  ashManifest = await transfer(t, incinerator, landfill, truck, [
    line(FLY_ASH, 3.5, { ledgerEntries: [{ entryId: ash.entryId, quantityKg: 3.5 }] }),
  ]);
  await reportDisposal(t, landfill, ashManifest.id, [disposalLine(1, 'D1', 3.5)]);
});

const chain = async (who: any, manifestId: string, query = '') =>
  t.call(who, 'GET', `/v1/chains/${manifestId}${query}`);

describe('the medical waste of three Lüliang clinics', () => {
  it('completes every manifest once each kilogram is incinerated or landfilled', async () => {
    for (const m of [...clinicManifests, consolidated, ashManifest]) {
      expect((await t.call(lvliang, 'GET', `/v1/manifests/${m.id}`)).body.status).toBe('completed');
    }
  });

  it('the chain from the landfill manifest reaches back to each clinic with the kilograms it contributed', async () => {
    const reply = await chain(lvliang, ashManifest.id);
    expect(reply.status).toBe(200);
    const { nodes, edges } = reply.body;
    const node = (id: string) => nodes.find((n: any) => n.id === id);
    expect(node(ashManifest.id)).toMatchObject({
      relation: 'start',
      type: 'manifest',
      state: 'completed',
      kg: { in: 3.5, out: 0, disposed: 3.5, onHand: 0 },
    });
    const residue = nodes.find((n: any) => n.type === 'residue');
    expect(residue).toMatchObject({
      relation: 'ancestor',
      distance: 1,
      wasteCode: FLY_ASH,
      kg: { in: 3.5, out: 3.5, onHand: 0 },
    });
    const incineration = nodes.find((n: any) => n.type === 'disposal');
    expect(incineration).toMatchObject({
      relation: 'ancestor',
      operationCodes: ['Y10'],
      kg: { in: 44.7, disposed: 44.7 },
    });
    expect(node(consolidated.id)).toMatchObject({
      relation: 'ancestor',
      distance: 3,
      kg: { in: 44.7, out: 0, disposed: 44.7, onHand: 0 },
    });
    clinicManifests.forEach((m, i) => {
      const kg = contributionOf(i).infectious + contributionOf(i).sharps;
      expect(node(m.id)).toMatchObject({
        relation: 'ancestor',
        distance: 4,
        state: 'completed',
        kg: { in: kg, out: kg, disposed: 0, onHand: 0 },
      });
      expect(node(m.id).parties).toContainEqual({ partyId: at(clinics, i, 'clinic').party.id, role: 'generator' });
      expect(edges).toContainEqual({ from: m.id, to: consolidated.id, kg });
    });
    const batches = nodes.filter((n: any) => n.type === 'batch');
    expect(batches).toHaveLength(6);
    expect(batches.every((b: any) => b.distance === 5 && b.kg.onHand === 0)).toBe(true);
    // The landfill's own disposal report is a descendant; nothing else is.
    expect(nodes.filter((n: any) => n.relation === 'descendant').map((n: any) => [n.type, n.operationCodes])).toEqual([
      ['disposal', ['D1']],
    ]);
    expect(reply.body.nextCursor).toBeNull();
  });

  it("from a clinic's manifest the chain reaches forward to the landfill, without the other clinics, redacting what the clinic may not see", async () => {
    const reply = await chain(first(clinics, 'clinic').user, clinicManifests[0].id);
    expect(reply.status).toBe(200);
    const { nodes } = reply.body;
    const descendants = nodes.filter((n: any) => n.relation === 'descendant');
    expect(descendants.map((n: any) => [n.type, n.distance])).toEqual([
      ['manifest', 1],
      ['disposal', 2],
      ['residue', 3],
      ['manifest', 4],
      ['disposal', 5],
    ]);
    expect(descendants[3].id).toBe(ashManifest.id);
    for (const n of descendants) {
      expect(n.redacted).toBe(true);
      expect(Object.keys(n).sort()).toEqual([
        'distance',
        'divisionCode',
        'id',
        'kg',
        'redacted',
        'relation',
        'state',
        'type',
        'wasteCode',
      ]);
    }
    expect(descendants[3]).toMatchObject({
      divisionCode: '141123',
      wasteCode: FLY_ASH,
      state: 'completed',
      kg: { in: 3.5, disposed: 3.5 },
    });
    // Its own records are whole; the other clinics are siblings, not in its chain.
    const own = nodes.filter((n: any) => n.relation !== 'descendant');
    expect(
      own.every((n: any) => !n.redacted && n.parties.some((p: any) => p.partyId === first(clinics, 'clinic').party.id)),
    ).toBe(true);
    expect(nodes.some((n: any) => n.id === clinicManifests[1].id || n.id === clinicManifests[2].id)).toBe(false);
  });

  it('answers 404 to a clinic asking for the chain of a manifest it is not on, and bounds the walk by depth', async () => {
    const hidden = await chain(first(clinics, 'clinic').user, ashManifest.id);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'NOT_FOUND']);
    const outside = await chain(regulator('scenario-xinjiang', '65'), ashManifest.id);
    expect(outside.status).toBe(404);
    const shallow = await chain(lvliang, consolidated.id, '?depth=1');
    expect(shallow.body.nodes.map((n: any) => [n.relation, n.distance, n.type]).sort()).toEqual(
      [
        ['ancestor', 1, 'manifest'],
        ['ancestor', 1, 'manifest'],
        ['ancestor', 1, 'manifest'],
        ['descendant', 1, 'disposal'],
        ['start', 0, 'manifest'],
      ].sort(),
    );
    for (const depth of ['51', '-1', 'x'])
      expect((await chain(lvliang, consolidated.id, `?depth=${depth}`)).status).toBe(400);
    expect((await chain(lvliang, consolidated.id, '?cursor=forged.cursor')).status).toBe(400);
  });

  it('?format=evidence adds each visible manifest’s event log and its integrity, all intact', async () => {
    const reply = await chain(lvliang, ashManifest.id, '?format=evidence');
    expect(reply.status).toBe(200);
    const manifests = reply.body.nodes
      .filter((n: any) => n.type === 'manifest')
      .map((n: any) => n.id)
      .sort();
    expect(reply.body.evidence.map((e: any) => e.manifestId).sort()).toEqual(manifests);
    for (const e of reply.body.evidence) {
      expect(e.integrity).toMatchObject({ valid: true, firstBrokenSeq: null, events: e.events.length });
      expect(e.events.map((x: any) => x.type)).toContain('completed');
    }
  });
});
