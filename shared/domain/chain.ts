// The chain of custody (api.md "Chains and oversight"; domain.md rules 20, 21, 28, 29): nodes are ledger batches (and
// the pending-identification entries identified batches came from), manifests, disposal reports, residues and incidents; each knows its links upstream (where its waste came from) and
// downstream (where it went). Kilograms per node: in = out + disposed + onHand + lost, always (custody conserves mass
// less what incidents lost; treatment does not, so a residue's kilograms are linked to its report, never counted
// against it). Pure: the service reads, this decides.
import type { DisposalReport, ManifestParties } from '#shared/domain/disposal.ts';
import { lostGrams, type Incident } from '#shared/domain/manifest/incidents.ts';
import { MANIFEST_STATES, type Manifest } from '#shared/domain/manifest/manifest.ts';
import { arrivedCode } from '#shared/domain/manifest/receipt.ts';
import { must } from '#shared/must.ts';

export type NodeType = 'batch' | 'manifest' | 'disposal' | 'residue' | 'incident' | 'pending-identification';
/** The `state` a node of each type can have (the console names each one: tests/unit/web-labels.test.ts). */
export const NODE_STATES = {
  batch: ['open', 'drawn', 'voided'],
  residue: ['open', 'drawn', 'voided'],
  'pending-identification': ['pending', 'identified', 'voided'],
  manifest: MANIFEST_STATES,
  disposal: ['reported'],
  incident: ['open', 'closed'],
} as const satisfies Record<NodeType, readonly string[]>;
export type NodeState = (typeof NODE_STATES)[NodeType][number];
/** How to read a node: ledger entries by their party, disposal reports by their manifest. */
export type NodeRef =
  | { type: 'manifest'; id: string }
  | { type: 'ledger'; id: string; partyId: string }
  | { type: 'disposal'; id: string; manifestId: string }
  | { type: 'incident'; id: string };

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
  lost: number;
}

export interface ChainNode {
  type: NodeType;
  id: string;
  wasteCode: string;
  /** Every code on a manifest's lines, as arrived. */
  wasteCodes: string[];
  grams: Grams;
  state: NodeState;
  times: Record<string, string>;
  parties: { partyId: string; role: 'generator' | 'transporter' | 'receiver' | 'holder' }[];
  /** Decides who may see the node whole (rule 25). */
  visibility: { memberOf: string[]; divisions: string[] };
  /** The division a redacted node still shows: where the waste is held. */
  divisionCode: string;
  number?: string;
  batchCode?: string;
  operationCodes?: string[];
  /** A pending-identification node (rule 29): what the waste was called, the process that made it, and the
   *  identification report that named its code. */
  name?: string;
  process?: string;
  reportNumber?: string;
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
  /** Rule 29: a pending entry (wasteCode 'pending') and its result, or the batch a hazardous result made of one. */
  kind?: string;
  name?: string;
  process?: string;
  identification?: { result: string; reportNumber?: string; at: string };
  resultEntryId?: string;
  identifiedFrom?: string;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const byRef = (links: Link[]): Link[] => {
  const merged = new Map<string, Link>();
  for (const l of links) {
    const prior = merged.get(l.ref.id);
    const grams =
      prior?.grams === undefined && l.grams === undefined ? undefined : (prior?.grams ?? 0) + (l.grams ?? 0);
    merged.set(l.ref.id, grams === undefined ? { ref: l.ref } : { ref: l.ref, grams });
  }
  return [...merged.values()];
};
const defined = (times: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(times).filter((e): e is [string, string] => e[1] !== undefined));

const IN_CUSTODY_BEFORE_RECEIPT = ['dispatched', 'in_transit', 'delivered', 'lost'];

/** The batches a manifest drew: those its dispatch took (first in, first out), else those its lines name. */
function drawnBatches(m: Manifest): { entryId: string; grams: number }[] {
  const taken = (m.taken?.batches ?? []).flatMap((b) => b.draws as { entryId: string; grams: number }[]);
  if (taken.length) return taken;
  return m.lines.flatMap((l) => l.ledgerEntries ?? []);
}

function manifestParties(
  m: ManifestParties,
  incidentDivisions: string[] = [],
): Pick<ChainNode, 'parties' | 'visibility'> {
  return {
    parties: [
      { partyId: m.generatorId, role: 'generator' },
      ...m.transporterIds.map((partyId) => ({ partyId, role: 'transporter' as const })),
      { partyId: m.receiverId, role: 'receiver' },
    ],
    visibility: {
      memberOf: [m.generatorId, ...m.transporterIds, m.receiverId],
      divisions: [m.generatorDivision, m.receiverDivision, ...incidentDivisions],
    },
  };
}

export function manifestNode(
  m: Manifest,
  balances: readonly BalanceFacts[],
  reports: readonly DisposalReport[],
): ChainNode {
  const disposed = sum(reports.flatMap((r) => r.lines.map((l) => l.grams)));
  const lost = sum(m.lines.map((l) => lostGrams(m, l.lineNo)));
  let grams: Grams;
  if (m.lines.some((l) => l.receipt)) {
    const byLine = new Map(balances.map((b) => [b.lineNo, b]));
    const received = sum(m.lines.map((l) => (l.receipt?.acceptedGrams ?? 0) + (l.receipt?.rejectedGrams ?? 0)));
    const onHand = sum(
      m.lines.map((l) => {
        const b = byLine.get(l.lineNo);
        return b
          ? b.availableAcceptedGrams + b.availableRejectedGrams
          : (l.receipt?.acceptedGrams ?? 0) + (l.receipt?.rejectedGrams ?? 0);
      }),
    );
    // What came in is what arrived plus what was lost on the way (a receipt may weigh more or less than the rest).
    grams = { in: received + lost, out: received - disposed - onHand, disposed, onHand, lost };
  } else {
    const shipped = IN_CUSTODY_BEFORE_RECEIPT.includes(m.status) ? sum(m.lines.map((l) => l.grams)) : 0;
    const lostHere = shipped ? lost : 0;
    grams = { in: shipped, out: 0, disposed: 0, onHand: shipped - lostHere, lost: lostHere };
  }
  const codes = [...new Set(m.lines.map(arrivedCode))];
  const upstream = byRef([
    ...m.lines.flatMap((l) =>
      (l.sources ?? []).map((s): Link => ({ ref: { type: 'manifest', id: s.manifestId }, grams: s.grams })),
    ),
    ...drawnBatches(m).map(
      (d): Link => ({ ref: { type: 'ledger', id: d.entryId, partyId: m.generatorId }, grams: d.grams }),
    ),
  ]);
  const downstream = byRef([
    ...balances.flatMap((b) => [...(b.onwardManifestIds ?? [])].map((id): Link => ({ ref: { type: 'manifest', id } }))),
    ...(m.replacedBy ? [{ ref: { type: 'manifest', id: m.replacedBy } } as Link] : []),
    ...reports.map(
      (r): Link => ({ ref: { type: 'disposal', id: r.id, manifestId: m.id }, grams: sum(r.lines.map((l) => l.grams)) }),
    ),
    ...(m.incidents ?? []).map(
      (i): Link => ({ ref: { type: 'incident', id: i.id }, grams: sum(i.lines.map((l) => l.grams)) }),
    ),
  ]);
  return {
    type: 'manifest',
    id: m.id,
    number: m.number,
    wasteCode: must(codes[0], `manifest ${m.id} has a line`),
    wasteCodes: codes,
    grams,
    state: m.status,
    times: defined({
      createdAt: m.createdAt,
      dispatchedAt: m.dispatchedAt,
      deliveredAt: m.deliveredAt,
      receivedAt: m.receivedAt,
      updatedAt: m.updatedAt,
    }),
    ...manifestParties(
      m,
      (m.incidents ?? []).map((i) => i.divisionCode),
    ),
    divisionCode: m.receiverDivision,
    upstream,
    downstream,
  };
}

/** A ledger batch, or a residue when a disposal report produced it, or the pending entry a batch was identified from. */
export function ledgerNode(e: LedgerFacts, divisionCode: string): ChainNode {
  if (e.kind === 'pending-identification') return pendingNode(e, divisionCode);
  const remaining = e.voided ? 0 : (e.remainingGrams ?? 0);
  const total = e.voided ? 0 : e.quantityGrams;
  const drawn = Object.entries(e.draws ?? {});
  return {
    type: e.residueOf ? 'residue' : 'batch',
    id: e.id,
    batchCode: e.batchCode,
    wasteCode: e.wasteCode,
    wasteCodes: [e.wasteCode],
    grams: { in: total, out: total - remaining, disposed: 0, onHand: remaining, lost: 0 },
    state: e.voided ? 'voided' : remaining > 0 ? 'open' : 'drawn',
    times: { at: e.at },
    parties: [{ partyId: e.partyId, role: 'holder' }],
    visibility: { memberOf: [e.partyId], divisions: [divisionCode] },
    divisionCode,
    upstream: e.residueOf
      ? [
          {
            ref: { type: 'disposal', id: e.residueOf.disposalId, manifestId: e.residueOf.manifestId },
            grams: e.quantityGrams,
          },
        ]
      : e.identifiedFrom
        ? [{ ref: { type: 'ledger', id: e.identifiedFrom, partyId: e.partyId }, grams: e.quantityGrams }]
        : [],
    downstream: drawn.map(([id]) => ({ ref: { type: 'manifest', id } })),
  };
}

/** Waste pending identification (rule 29): until identified its kilograms are on hand under the code 'pending'; a
 *  result moves them all out (to the batch a hazardous result made, or off the hazardous ledger). */
function pendingNode(e: LedgerFacts, divisionCode: string): ChainNode {
  const total = e.voided ? 0 : e.quantityGrams;
  const result = e.identification;
  const moved = result ? total : 0;
  return {
    type: 'pending-identification',
    id: e.id,
    batchCode: e.batchCode,
    wasteCode: e.wasteCode,
    wasteCodes: [e.wasteCode],
    grams: { in: total, out: moved, disposed: 0, onHand: result ? 0 : total, lost: 0 },
    state: e.voided ? 'voided' : result ? 'identified' : 'pending',
    times: defined({ at: e.at, identifiedAt: result?.at }),
    parties: [{ partyId: e.partyId, role: 'holder' }],
    visibility: { memberOf: [e.partyId], divisions: [divisionCode] },
    divisionCode,
    ...(e.name !== undefined ? { name: e.name } : {}),
    ...(e.process !== undefined ? { process: e.process } : {}),
    ...(result?.reportNumber !== undefined ? { reportNumber: result.reportNumber } : {}),
    upstream: [],
    downstream: e.resultEntryId
      ? [{ ref: { type: 'ledger', id: e.resultEntryId, partyId: e.partyId }, grams: moved }]
      : [],
  };
}

export function disposalNode(r: DisposalReport): ChainNode {
  const total = sum(r.lines.map((l) => l.grams));
  const codes = [...new Set(r.lines.map((l) => l.wasteCode))];
  return {
    type: 'disposal',
    id: r.id,
    wasteCode: must(codes[0], `disposal report ${r.id} has a line`),
    wasteCodes: codes,
    grams: { in: total, out: 0, disposed: total, onHand: 0, lost: 0 },
    state: 'reported',
    times: {
      completedAt: must(
        r.lines
          .map((l) => l.completedAt)
          .sort()
          .at(-1),
        `disposal report ${r.id} has a line`,
      ),
      reportedAt: r.createdAt,
    },
    ...manifestParties(r.manifestParties),
    divisionCode: r.manifestParties.receiverDivision,
    operationCodes: [...new Set(r.lines.map((l) => l.operationCode))],
    upstream: [{ ref: { type: 'manifest', id: r.manifestId }, grams: total }],
    downstream: r.residues.map((x) => ({
      ref: { type: 'ledger', id: x.entryId, partyId: r.receiverId },
      grams: x.grams,
    })),
  };
}

/** An incident: the kilograms it lost leave custody here. `manifest` gives its waste codes and parties. */
export function incidentNode(
  i: Incident,
  m: Pick<
    Manifest,
    'lines' | 'generatorId' | 'receiverId' | 'transporterIds' | 'generatorDivision' | 'receiverDivision'
  >,
): ChainNode {
  const lost = sum(i.lines.map((l) => l.grams));
  const codes = [...new Set(i.lines.map((l) => m.lines.find((ml) => ml.lineNo === l.lineNo)?.wasteCode ?? ''))];
  return {
    type: 'incident',
    id: i.id,
    // An incident that lost nothing has no lines: no code of its own (as for a line the manifest lacks).
    wasteCode: codes[0] ?? '',
    wasteCodes: codes,
    grams: { in: lost, out: 0, disposed: 0, onHand: 0, lost },
    state: i.status,
    times: defined({ at: i.at, reportedAt: i.reportedAt, closedAt: i.closedAt }),
    parties: [{ partyId: i.partyId, role: i.partyId === m.receiverId ? 'receiver' : 'transporter' }],
    visibility: {
      memberOf: [m.generatorId, ...m.transporterIds, m.receiverId],
      divisions: [i.divisionCode, m.generatorDivision, m.receiverDivision],
    },
    divisionCode: i.divisionCode,
    upstream: [{ ref: { type: 'manifest', id: i.manifestId }, grams: lost }],
    downstream: [],
  };
}
