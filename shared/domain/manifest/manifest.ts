// The manifest (电子转移联单) as the domain sees it: quantities in integer grams, parties by id.
import type { MedicalCategory } from '#shared/reference/catalogue.ts';
import { must } from '#shared/must.ts';

export const MANIFEST_STATES = [
  'draft',
  'dispatched',
  'in_transit',
  'delivered',
  'received',
  'completed',
  'cancelled',
  'rejected',
  'lost',
] as const;
export type ManifestState = (typeof MANIFEST_STATES)[number];
export const FINAL_STATES: readonly ManifestState[] = ['completed', 'cancelled', 'rejected', 'lost'];

export type Portion = 'accepted' | 'rejected';
export type Role = 'generator' | 'transporter' | 'receiver' | 'regulator';
export type PartyRole = Exclude<Role, 'regulator'>;

/** DynamoDB allows 100 items per transaction: these limits keep every transition inside it. */
export const MAX_LINES = 15;
export const MAX_CARRIERS = 4;
export const MAX_SOURCES = 50;

export interface SourceRef {
  manifestId: string;
  lineNo: number;
  grams: number;
  portion: Portion;
}

export interface LineReceipt {
  receivedGrams: number;
  rejectedGrams: number;
  acceptedGrams: number;
  containerCount: number;
  rejectionReason?: string;
  differentWaste?: boolean;
  actualWasteCode?: string;
}

export interface ManifestLine {
  lineNo: number;
  wasteCode: string;
  name: string;
  physicalForm: string;
  hazards: string[];
  packaging: string;
  containerCount: number;
  grams: number;
  medicalCategory?: MedicalCategory;
  ledgerEntries?: { entryId: string; grams: number }[];
  sources?: SourceRef[];
  receipt?: LineReceipt;
}

export interface Signature {
  sub: string;
  partyId: string;
  at: string;
  documentHash: string;
}

export interface Leg {
  transporterId: string;
  vehiclePlate: string;
  driverName: string;
  pickedUpAt: string;
  /** The driver's separate consent to phone positions (PIPL 29), recorded at pickup. */
  phoneConsentAt?: string;
}

export interface Discrepancy {
  status: 'open' | 'explained' | 'closed';
  /** `lost`: the line lost kilograms in an incident (rule 28); its quantity is compared with quantity − lost. */
  lines: { lineNo: number; reasons: ('quantity' | 'containers' | 'different-waste' | 'lost')[] }[];
  /** The incidents that explain it, when it started `explained` (every line's shortfall matches its losses). */
  incidentIds?: string[];
  note?: string;
  explanation?: string;
}

/** What a dispatch took, so that receipt, rejection and cancellation move or give back exactly that. */
export interface Taken {
  /** Stock-drawing lines' grams per waste code (lines with accepted-portion sources included). */
  stock: { wasteCode: string; grams: number }[];
  /** Ledger batch draws per waste code, as the records store planned them. */
  batches: { wasteCode: string; draws: { entryId: string; grams: number }[] }[];
  /** `licenceValidTo`: when the licence the load stands on lapses (licence-expired-in-flight, derived without a read). */
  capacity: {
    licenceId: string;
    entryCode: string;
    year: number;
    lineNos: number[];
    grams: number;
    licenceValidTo?: string;
  }[];
  approval?: { approvalId: string; codes: { code: string; grams: number }[] };
  /** Per source line: what this manifest drew from its balances. */
  sources: { manifestId: string; lineNo: number; accepted: number; rejected: number }[];
}

export interface IncidentRef {
  id: string;
  status: 'open' | 'closed';
  /** Where it happened: a regulator covering it sees the manifest (rule 25). */
  divisionCode: string;
  lines: { lineNo: number; grams: number }[];
}

export interface Manifest {
  id: string;
  number: string;
  status: ManifestState;
  generatorId: string;
  receiverId: string;
  transporterIds: string[];
  /** Divisions of the generator and receiver, kept for visibility and oversight without reading the parties. */
  generatorDivision: string;
  receiverDivision: string;
  lines: ManifestLine[];
  plannedPickupAt?: string;
  approvalId?: string;
  /** Carriers that have signed a pickup, in order; the load is with legs.at(-1) (currentLeg = legs.length). */
  legs: Leg[];
  signatures: {
    dispatch?: Signature;
    pickups: Signature[];
    delivery?: Signature;
    receipt?: Signature;
    rejection?: Signature;
  };
  dispatchedAt?: string;
  deliveredAt?: string;
  receivedAt?: string;
  discrepancy: Discrepancy | null;
  rejection?: { reason: string; disposition: 'return' | 'alternate'; alternateReceiverId?: string };
  cancellation?: { reason: string; at: string; sub: string };
  replaces?: string;
  replacedBy?: string;
  /** A replacement sent back to the generator it came from: no licence or approval check (domain.md rule 16). */
  returnToOrigin?: boolean;
  taken?: Taken;
  /** Incidents reported on it (rule 28): what the mass balance, completion and visibility need, kept on the manifest. */
  incidents?: IncidentRef[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  lastEventSeq: number;
  headHash: string;
}

/** Leg `leg` (1-based) of the manifest; a number past its legs is a bug (callers take it from the manifest or its track). */
export const legOf = (m: Pick<Manifest, 'id' | 'legs'>, leg: number): Leg =>
  must(m.legs[leg - 1], `manifest ${m.id} has leg ${leg}`);

/** Parties on a manifest with their roles (a party may hold several). */
export function partiesOf(
  m: Pick<Manifest, 'generatorId' | 'receiverId' | 'transporterIds'>,
): Map<string, PartyRole[]> {
  const roles = new Map<string, PartyRole[]>();
  const add = (id: string, role: PartyRole) => roles.set(id, [...new Set([...(roles.get(id) ?? []), role])]);
  add(m.generatorId, 'generator');
  for (const t of m.transporterIds) add(t, 'transporter');
  add(m.receiverId, 'receiver');
  return roles;
}

/** A line carries refused kilograms: its sources are its stock (no plan, stock or batch draws). */
export const carriesRejected = (l: Pick<ManifestLine, 'sources'>): boolean =>
  l.sources?.some((s) => s.portion === 'rejected') ?? false;

/** A replacement is a manifest with a line that carries refused kilograms. */
export const isReplacement = (m: Pick<Manifest, 'lines'>) => m.lines.some(carriesRejected);
