// The tamper-evident manifest log (domain.md rules 17–18): each event's hash covers the previous event's hash.
// Canonical JSON is RFC 8785 (JCS); hashes are SHA-256, lowercase hex.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const EVENT_TYPES = [
  'created',
  'updated',
  'dispatched',
  'carriers_changed',
  'picked_up',
  'handed_over',
  'delivered',
  'received',
  'rejected',
  'replacement_created',
  'cancelled',
  'discrepancy_opened',
  'discrepancy_explained',
  'discrepancy_closed',
  'disposal_reported',
  'completed',
  'incident_reported',
  'incident_closed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const GENESIS_HASH = '0'.repeat(64);

export interface EventActor {
  sub: string;
  partyId: string | null;
  role: string;
}

export interface ManifestEvent {
  seq: number;
  type: EventType;
  at: string;
  actor: EventActor;
  data: Record<string, unknown>;
  documentHash?: string;
  prevHash: string;
  hash: string;
}

export type EventDraft = Pick<ManifestEvent, 'type' | 'at' | 'actor' | 'data' | 'documentHash'>;

export function jcsHash(value: unknown): string {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new Error('value has no canonical JSON form');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** The hash of the manifest document as signed: the manifest without version, updatedAt, status and signatures. */
export function documentHash(manifest: Record<string, unknown>): string {
  const { version: _v, updatedAt: _u, status: _s, signatures: _sig, ...document } = manifest;
  return jcsHash(document);
}

const hashOf = (event: Omit<ManifestEvent, 'hash'>) => jcsHash(event);

/** The next event after `prev` (the head of the log, or undefined for the first). */
export function sealEvent(prev: Pick<ManifestEvent, 'seq' | 'hash'> | undefined, draft: EventDraft): ManifestEvent {
  const unsealed: Omit<ManifestEvent, 'hash'> = {
    seq: (prev?.seq ?? 0) + 1,
    type: draft.type,
    at: draft.at,
    actor: draft.actor,
    data: draft.data,
    ...(draft.documentHash ? { documentHash: draft.documentHash } : {}),
    prevHash: prev?.hash ?? GENESIS_HASH,
  };
  return { ...unsealed, hash: hashOf(unsealed) };
}

export interface IntegrityReport {
  valid: boolean;
  events: number;
  headHash: string | null;
  firstBrokenSeq: number | null;
}

/** Recomputes every hash and link; the first event whose hash, link or sequence number is wrong breaks the chain. */
export function verifyChain(events: ManifestEvent[]): IntegrityReport {
  let prevHash = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const { hash, ...unsealed } = event;
    if (event.seq !== index + 1 || event.prevHash !== prevHash || hashOf(unsealed) !== hash) {
      return { valid: false, events: events.length, headHash: events.at(-1)?.hash ?? null, firstBrokenSeq: index + 1 };
    }
    prevHash = hash;
  }
  return { valid: true, events: events.length, headHash: events.at(-1)?.hash ?? null, firstBrokenSeq: null };
}
