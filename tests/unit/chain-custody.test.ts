// Random consolidation and rejection graphs, built by the same rules the store enforces (a draw never takes more
// than is available), then read as chain nodes: custody conserves kilograms at every node and across the graph.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppError } from '#shared/errors.ts';
import {
  disposalNode,
  ledgerNode,
  manifestNode,
  type BalanceFacts,
  type ChainNode,
  type LedgerFacts,
} from '#shared/domain/chain.ts';
import { planDisposal, type DisposalReport } from '#shared/domain/disposal.ts';
import type { Manifest, ManifestLine } from '#shared/domain/manifest/manifest.ts';
import { at, first, present } from '../support/present.ts';

const CODE = '900-041-49';
const PARTIES = ['p0', 'p1', 'p2', 'p3'];
const licence = {
  id: 'L',
  type: 'hazardous-waste',
  operations: ['dispose'],
  wasteCodes: [{ code: 'HW49', annualCapacityGrams: 1e12 }],
  validFrom: '2000-01-01',
  validTo: '2099-12-31',
  status: 'verified',
};

type Op = { kind: 'generate' | 'ship' | 'receive' | 'replace' | 'dispose'; a: number; b: number; grams: number };

class World {
  batches: LedgerFacts[] = [];
  manifests: Manifest[] = [];
  balances = new Map<string, BalanceFacts[]>();
  reports = new Map<string, DisposalReport[]>();
  generated = 0;
  private serial = 0;
  private id = (p: string) => `${p}-${String(++this.serial).padStart(6, '0')}`;

  private manifest(generatorId: string, receiverId: string, line: Partial<ManifestLine>): Manifest {
    const m = {
      id: this.id('m'),
      number: String(this.serial),
      status: 'dispatched',
      generatorId,
      receiverId,
      transporterIds: ['c'],
      generatorDivision: '140105',
      receiverDivision: '141102',
      legs: [],
      signatures: { pickups: [] },
      discrepancy: null,
      lines: [
        {
          lineNo: 1,
          wasteCode: CODE,
          name: 'x',
          physicalForm: 'solid',
          hazards: ['T'],
          packaging: 'drum',
          containerCount: 1,
          grams: 0,
          ...line,
        },
      ],
      createdBy: 'u',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      version: 1,
      lastEventSeq: 0,
      headHash: '',
    } as Manifest;
    this.manifests.push(m);
    return m;
  }

  /** What `holder` could ship on: its received lines' available accepted grams. */
  private heldLines(holder: string) {
    return this.manifests
      .filter((m) => m.receiverId === holder && this.balances.has(m.id))
      .flatMap((m) => this.balances.get(m.id)!.map((b) => ({ m, b })));
  }

  apply(op: Op) {
    const party = at(PARTIES, op.a % PARTIES.length);
    const other = at(PARTIES, (op.a + 1 + (op.b % (PARTIES.length - 1))) % PARTIES.length);
    if (op.kind === 'generate') {
      this.batches.push({
        id: this.id('b'),
        partyId: party,
        batchCode: 'B',
        wasteCode: CODE,
        quantityGrams: op.grams,
        remainingGrams: op.grams,
        draws: {},
        at: '2026-01-01T00:00:00Z',
      });
      this.generated += op.grams;
    } else if (op.kind === 'ship') {
      const held = this.heldLines(party).filter((h) => h.b.availableAcceptedGrams > 0);
      const open = this.batches.filter((b) => b.partyId === party && b.remainingGrams! > 0);
      if (op.b % 2 === 0 && held.length) {
        // A collector consolidates: sources from several received lines, each within what it has available.
        const sources = held.slice(0, 1 + (op.b % 3)).map(({ m, b }) => ({
          manifestId: m.id,
          lineNo: b.lineNo,
          grams: Math.min(b.availableAcceptedGrams, op.grams),
          portion: 'accepted' as const,
        }));
        const onward = this.manifest(party, other, { grams: sources.reduce((s, x) => s + x.grams, 0), sources });
        for (const s of sources) this.draw(s.manifestId, onward.id, s.grams, 'accepted');
      } else if (open.length) {
        const draws = open.map((b) => ({ entryId: b.id, grams: Math.min(b.remainingGrams!, op.grams) }));
        const m = this.manifest(party, other, { grams: draws.reduce((s, d) => s + d.grams, 0) });
        m.taken = { stock: [], batches: [{ wasteCode: CODE, draws }], capacity: [], sources: [] };
        for (const d of draws) {
          const b = this.batches.find((x) => x.id === d.entryId)!;
          b.remainingGrams! -= d.grams;
          b.draws[m.id] = d.grams;
        }
      }
    } else if (op.kind === 'receive') {
      const m = this.inFlight()[op.b % Math.max(1, this.inFlight().length)];
      if (!m) return;
      const line = first(m.lines, 'manifest line');
      const rejected = Math.floor((line.grams * (op.grams % 4)) / 8);
      line.receipt = {
        receivedGrams: line.grams,
        rejectedGrams: rejected,
        acceptedGrams: line.grams - rejected,
        containerCount: 1,
      };
      m.status = 'received';
      this.balances.set(m.id, [
        {
          lineNo: 1,
          acceptedGrams: line.grams - rejected,
          rejectedGrams: rejected,
          availableAcceptedGrams: line.grams - rejected,
          availableRejectedGrams: rejected,
          onwardManifestIds: new Set(),
        },
      ]);
    } else if (op.kind === 'replace') {
      const found = this.manifests.find(
        (m) => !m.replacedBy && (this.balances.get(m.id)?.[0]?.availableRejectedGrams ?? 0) > 0,
      );
      if (!found) return;
      const grams = this.balanceOf(found.id).availableRejectedGrams;
      const replacement = this.manifest(found.receiverId, op.b % 2 ? found.generatorId : other, {
        grams,
        sources: [{ manifestId: found.id, lineNo: 1, grams, portion: 'rejected' }],
      });
      found.replacedBy = replacement.id;
      replacement.replaces = found.id;
      this.draw(found.id, replacement.id, grams, 'rejected');
    } else {
      const m = this.manifests.filter((x) => this.balances.has(x.id))[op.b % Math.max(1, this.balances.size)];
      if (!m) return;
      const balance = this.balanceOf(m.id);
      try {
        const plan = planDisposal(
          {
            lines: [{ lineNo: 1, operationCode: 'D10', grams: op.grams, completedAt: '2026-02-01T00:00:00Z' }],
            residues: [],
          },
          {
            manifest: m,
            availableGrams: new Map([[1, balance.availableAcceptedGrams]]),
            licences: [licence],
            now: new Date('2026-03-01T00:00:00Z'),
            timeZone: 'Asia/Shanghai',
          },
        );
        balance.availableAcceptedGrams -= first(plan.draws, 'disposal draw').grams;
        const report = {
          id: this.id('d'),
          manifestId: m.id,
          receiverId: m.receiverId,
          manifestParties: m,
          lines: plan.lines,
          residues: [],
          createdAt: '2026-03-01T00:00:00Z',
        } as unknown as DisposalReport;
        this.reports.set(m.id, [...(this.reports.get(m.id) ?? []), report]);
      } catch (err) {
        expect((err as AppError).code).toBe('OVER_DISPOSAL');
        expect(op.grams).toBeGreaterThan(balance.availableAcceptedGrams);
      }
    }
  }

  private inFlight = () => this.manifests.filter((m) => m.status === 'dispatched');

  /** The one line's balance of a received manifest. */
  private balanceOf = (manifestId: string) =>
    first(present(this.balances.get(manifestId), `balances of ${manifestId}`));

  private draw(manifestId: string, onwardId: string, grams: number, portion: 'accepted' | 'rejected') {
    const b = this.balanceOf(manifestId);
    const available = portion === 'accepted' ? b.availableAcceptedGrams : b.availableRejectedGrams;
    if (grams > available) throw new Error('the model drew more than available');
    if (portion === 'accepted') b.availableAcceptedGrams -= grams;
    else b.availableRejectedGrams -= grams;
    (b.onwardManifestIds as Set<string>).add(onwardId);
  }

  nodes(): ChainNode[] {
    return [
      ...this.batches.map((b) => ledgerNode(b, '140105')),
      ...this.manifests.map((m) => manifestNode(m, this.balances.get(m.id) ?? [], this.reports.get(m.id) ?? [])),
      ...[...this.reports.values()].flat().map(disposalNode),
    ];
  }
}

const op = fc.record({
  kind: fc.constantFrom<Op['kind']>('generate', 'generate', 'ship', 'ship', 'receive', 'receive', 'replace', 'dispose'),
  a: fc.nat(20),
  b: fc.nat(20),
  grams: fc.integer({ min: 1, max: 50_000 }),
});

describe('custody along random chains', () => {
  it('conserves kilograms at every node, never lets out exceed what came in, and loses nothing across the graph', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const world = new World();
        for (const o of ops) world.apply(o);
        const nodes = world.nodes();
        for (const n of nodes) {
          const g = n.grams;
          expect(g.in).toBe(g.out + g.disposed + g.onHand);
          expect(Math.min(g.out, g.disposed, g.onHand)).toBeGreaterThanOrEqual(0);
        }
        // Whatever left a node arrived on the links downstream of it.
        const byId = new Map(nodes.map((n) => [n.id, n]));
        for (const n of nodes.filter((x) => x.type !== 'disposal')) {
          const shippedOn = nodes.flatMap((d) =>
            d.upstream.filter((l) => l.ref.id === n.id && d.type === 'manifest').map((l) => l.grams!),
          );
          expect(n.grams.out).toBe(shippedOn.reduce((a, b) => a + b, 0));
        }
        // Nothing created, nothing lost: every generated gram is on hand somewhere or disposed of.
        const held = nodes.reduce((s, n) => s + n.grams.onHand, 0);
        const disposed = nodes.filter((n) => n.type === 'disposal').reduce((s, n) => s + n.grams.disposed, 0);
        expect(held + disposed).toBe(world.generated);
        expect(byId.size).toBe(nodes.length);
      }),
      { numRuns: 200 },
    );
  });
});
