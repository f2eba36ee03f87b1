// Turning a decided transition into its writes: the manifest (conditional on the version read), its sealed events,
// the index items and the parties' feed items. Counters a transition moves are added by its service.
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { sealEvent, type EventDraft, type EventType, type ManifestEvent } from '#shared/domain/hash-chain.ts';
import { partiesOf, type Manifest, type Signature } from '#shared/domain/manifest/manifest.ts';
import { appendEventWrite } from '#shared/store/event-store.ts';
import { manifestIndexWrites } from '#shared/store/manifest-index-store.ts';
import { feedWrites } from '#shared/store/manifest-feed-store.ts';
import { createManifestWrites, saveManifestWrite } from '#shared/store/manifest-store.ts';
import type { TxItem } from '#shared/store/transact.ts';
import type { Decision } from '#shared/services/decision.ts';
import { lostRace } from '#shared/store/versioning.ts';
import { manifestDeadlineWrites } from '#shared/services/deadline-writes.ts';
import { manifestDocumentHash, manifestView } from '#shared/services/manifest-views.ts';
import type { Acting } from '#shared/services/manifest-access.ts';

export type ManifestDecision = Decision<ReturnType<typeof manifestView>> & { manifest: Manifest };

export function eventDraft(
  type: EventType,
  actor: Actor,
  acting: Pick<Acting, 'role' | 'partyId'>,
  at: string,
  data: Record<string, unknown> = {},
  documentHash?: string,
): EventDraft {
  return {
    type,
    at,
    actor: { sub: actor.sub, partyId: acting.partyId, role: acting.role },
    data,
    ...(documentHash ? { documentHash } : {}),
  };
}

/** Signs `m` for a party: the signature covers the document as it stands after the change. */
export function sign(m: Manifest, actor: Actor, partyId: string, at: string): Signature {
  return { sub: actor.sub, partyId, at, documentHash: manifestDocumentHash(m) };
}

/** The writes of one manifest's change (before undefined: its creation). */
export function manifestWrites(
  before: Manifest | undefined,
  after: Manifest,
  drafts: EventDraft[],
  ifMatch?: number,
): { manifest: Manifest; writes: TxItem[]; events: ManifestEvent[] } {
  const events: ManifestEvent[] = [];
  let head: Pick<ManifestEvent, 'seq' | 'hash'> | undefined = before && {
    seq: before.lastEventSeq,
    hash: before.headHash,
  };
  for (const draft of drafts) {
    const event = sealEvent(head, draft);
    events.push(event);
    head = event;
  }
  const manifest: Manifest = { ...after, lastEventSeq: head?.seq ?? 0, headHash: head?.hash ?? '' };
  const parties = new Set([...partiesOf(manifest).keys(), ...(before ? partiesOf(before).keys() : [])]);
  const writes = [
    ...(before ? [saveManifestWrite(manifest, before.version, lostRace(ifMatch))] : createManifestWrites(manifest)),
    // Who the events concern rides beside them, so webhooks and statistics read the stream without a lookup.
    ...events.map((e) => appendEventWrite(manifest.id, e, { manifestNumber: manifest.number, partyIds: [...parties] })),
    ...manifestIndexWrites(before, manifest),
    ...feedWrites(parties, manifest, events, manifest.updatedAt),
    // Its alert deadlines commit with it: no consumer of the stream has to run for an alert to open.
    ...manifestDeadlineWrites(before, manifest),
  ];
  return { manifest, writes, events };
}

/** The next version of a manifest at `now` (status and fields changed by the caller). */
export const nextVersion = (m: Manifest, now: Date, changes: Partial<Manifest>): Manifest => ({
  ...m,
  ...changes,
  version: m.version + 1,
  updatedAt: now.toISOString(),
});

export function decided(manifest: Manifest, writes: TxItem[]): ManifestDecision {
  return { manifest, view: manifestView(manifest), writes };
}
