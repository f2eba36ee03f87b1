// The chain of custody (api.md "Chains and oversight"; domain.md rules 20, 21): nodes are ledger batches, manifests,
// disposal reports and residues; each knows its links upstream (where its waste came from) and downstream (where it
// went). Kilograms per node: in = out + disposed + onHand, always (custody conserves mass; treatment does not, so a
// residue's kilograms are linked to its report, never counted against it). Pure: the service reads, this decides.
import type { DisposalReport, ManifestParties } from '#shared/domain/disposal.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { arrivedCode } from '#shared/domain/manifest/receipt.ts';

export type NodeType = 'batch' | 'manifest' | 'disposal' | 'residue';
/** How to read a node: ledger entries by their party, disposal reports by their manifest. */
export type NodeRef =
  | { type: 'manifest'; id: string }
  | { type: 'ledger'; id: string; partyId: string }
  | { type: 'disposal'; id: string; manifestId: string };

export interface Link {
  ref: NodeRef;
  /** Grams that moved along the link (residues: the residue's own grams). Absent when only the other end knows. */
  grams?: number;
}

export interface Grams {
  in: number;
  out: number;
  disposed: number;
  onHand: number;
}

export interface ChainNode {
  type: NodeType;
  id: string;
  wasteCode: string;
  /** Every code on a manifest's lines, as arrived. */
  wasteCodes: string[];
  grams: Grams;
  state: string;
  times: Record<string, string>;
  parties: { partyId: string; role: 'generator' | 'transporter' | 'receiver' | 'holder' }[];
  /** Decides who may see the node whole (rule 25). */
  visibility: { memberOf: string[]; divisions: string[] };
  /** The division a redacted node still shows: where the waste is held. */
  divisionCode: string;
  number?: string;
  batchCode?: string;
  operationCodes?: string[];
  upstream: Link[];
  downstream: Link[];
}

/** A line's balance as the chain reads it. */
export interface BalanceFacts {
  lineNo: number;
  acceptedGrams: number;
  rejectedGrams: number;
  availableAcceptedGrams: number;
  availableRejectedGrams: number;
  onwardManifestIds?: Iterable<string>;
}

export interface LedgerFacts {
  id: string;
  partyId: string;
  batchCode: string;
  wasteCode: string;
  quantityGrams: number;
  remainingGrams?: number;
  draws: Record<string, number>;
  at: string;
  residueOf?: { disposalId: string; manifestId: string };
  voided?: unknown;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const byRef = (links: Link[]): Link[] => {
  const merged = new Map<string, Link>();
  for (const l of links) {
    const prior = merged.get(l.ref.id);
    const grams = prior?.grams === undefined && l.grams === undefined ? undefined : (prior?.grams ?? 0) + (l.grams ?? 0);
    merged.set(l.ref.id, grams === undefined ? { ref: l.ref } : { ref: l.ref, grams });
  }
  return [...merged.values()];
};
const defined = (times: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(times).filter((e): e is [string, string] => e[1] !== undefined));

const IN_CUSTODY_BEFORE_RECEIPT = ['dispatched', 'in_transit', 'delivered'];

/** The batches a manifest drew: those its dispatch took (first in, first out), else those its lines name. */
function drawnBatches(m: Manifest): { entryId: string; grams: number }[] {
  const taken = (m.taken?.batches ?? []).flatMap((b) => b.draws as { entryId: string; grams: number }[]);
  if (taken.length) return taken;
  return m.lines.flatMap((l) => l.ledgerEntries ?? []);
}

function manifestParties(m: ManifestParties): Pick<ChainNode, 'parties' | 'visibility'> {
  return {
    parties: [
      { partyId: m.generatorId, role: 'generator' },
      ...m.transporterIds.map((partyId) => ({ partyId, role: 'transporter' as const })),
      { partyId: m.receiverId, role: 'receiver' },
    ],
    visibility: { memberOf: [m.generatorId, ...m.transporterIds, m.receiverId], divisions: [m.generatorDivision, m.receiverDivision] },
  };
}

export function manifestNode(m: Manifest, balances: readonly BalanceFacts[], reports: readonly DisposalReport[]): ChainNode {
  const disposed = sum(reports.flatMap((r) => r.lines.map((l) => l.grams)));
  let grams: Grams;
  if (m.lines.some((l) => l.receipt)) {
    const byLine = new Map(balances.map((b) => [b.lineNo, b]));
    const received = sum(m.lines.map((l) => (l.receipt?.acceptedGrams ?? 0) + (l.receipt?.rejectedGrams ?? 0)));
    const onHand = sum(m.lines.map((l) => {
      const b = byLine.get(l.lineNo);
      return b ? b.availableAcceptedGrams + b.availableRejectedGrams : (l.receipt?.acceptedGrams ?? 0) + (l.receipt?.rejectedGrams ?? 0);
    }));
    grams = { in: received, out: received - disposed - onHand, disposed, onHand };
  } else {
    const shipped = IN_CUSTODY_BEFORE_RECEIPT.includes(m.status) ? sum(m.lines.map((l) => l.grams)) : 0;
    grams = { in: shipped, out: 0, disposed: 0, onHand: shipped };
  }
  const codes = [...new Set(m.lines.map(arrivedCode))];
  const upstream = byRef([
    ...m.lines.flatMap((l) => (l.sources ?? []).map((s): Link => ({ ref: { type: 'manifest', id: s.manifestId }, grams: s.grams }))),
    ...drawnBatches(m).map((d): Link => ({ ref: { type: 'ledger', id: d.entryId, partyId: m.generatorId }, grams: d.grams })),
  ]);
  const downstream = byRef([
    ...balances.flatMap((b) => [...(b.onwardManifestIds ?? [])].map((id): Link => ({ ref: { type: 'manifest', id } }))),
    ...(m.replacedBy ? [{ ref: { type: 'manifest', id: m.replacedBy } } as Link] : []),
    ...reports.map((r): Link => ({ ref: { type: 'disposal', id: r.id, manifestId: m.id }, grams: sum(r.lines.map((l) => l.grams)) })),
  ]);
  return {
    type: 'manifest',
    id: m.id,
    number: m.number,
    wasteCode: codes[0],
    wasteCodes: codes,
    grams,
    state: m.status,
    times: defined({ createdAt: m.createdAt, dispatchedAt: m.dispatchedAt, deliveredAt: m.deliveredAt, receivedAt: m.receivedAt, updatedAt: m.updatedAt }),
    ...manifestParties(m),
    divisionCode: m.receiverDivision,
    upstream,
    downstream,
  };
}

/** A ledger batch, or a residue when a disposal report produced it. */
export function ledgerNode(e: LedgerFacts, divisionCode: string): ChainNode {
  const remaining = e.voided ? 0 : (e.remainingGrams ?? 0);
  const total = e.voided ? 0 : e.quantityGrams;
  const drawn = Object.entries(e.draws ?? {});
  return {
    type: e.residueOf ? 'residue' : 'batch',
    id: e.id,
    batchCode: e.batchCode,
    wasteCode: e.wasteCode,
    wasteCodes: [e.wasteCode],
    grams: { in: total, out: total - remaining, disposed: 0, onHand: remaining },
    state: e.voided ? 'voided' : remaining > 0 ? 'open' : 'drawn',
    times: { at: e.at },
    parties: [{ partyId: e.partyId, role: 'holder' }],
    visibility: { memberOf: [e.partyId], divisions: [divisionCode] },
    divisionCode,
    upstream: e.residueOf
      ? [{ ref: { type: 'disposal', id: e.residueOf.disposalId, manifestId: e.residueOf.manifestId }, grams: e.quantityGrams }]
      : [],
    downstream: drawn.map(([id]) => ({ ref: { type: 'manifest', id } })),
  };
}

export function disposalNode(r: DisposalReport): ChainNode {
  const total = sum(r.lines.map((l) => l.grams));
  const codes = [...new Set(r.lines.map((l) => l.wasteCode))];
  return {
    type: 'disposal',
    id: r.id,
    wasteCode: codes[0],
    wasteCodes: codes,
    grams: { in: total, out: 0, disposed: total, onHand: 0 },
    state: 'reported',
    times: { completedAt: r.lines.map((l) => l.completedAt).sort().at(-1)!, reportedAt: r.createdAt },
    ...manifestParties(r.manifestParties),
    divisionCode: r.manifestParties.receiverDivision,
    operationCodes: [...new Set(r.lines.map((l) => l.operationCode))],
    upstream: [{ ref: { type: 'manifest', id: r.manifestId }, grams: total }],
    downstream: r.residues.map((x) => ({ ref: { type: 'ledger', id: x.entryId, partyId: r.receiverId }, grams: x.grams })),
  };
}
