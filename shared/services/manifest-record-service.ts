// The manifest's copy of record: its event log and the integrity check over it.
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { verifyChain, type IntegrityReport } from '#shared/domain/hash-chain.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { allEvents } from '#shared/store/event-store.ts';
import { seeManifest } from '#shared/services/manifest-access.ts';
import { verifyTracks, type TrackCheck } from '#shared/services/track-closing.ts';

export async function listManifestEvents(actor: Actor, manifestId: string) {
  await seeManifest(actor, manifestId);
  return { items: await allEvents(manifestId) };
}

/** Recomputes every hash from the stored events; a log shorter than the manifest's recorded head is broken too. */
export function integrityOf(
  manifest: Pick<Manifest, 'lastEventSeq' | 'headHash'>,
  events: Awaited<ReturnType<typeof allEvents>>,
): IntegrityReport {
  const report = verifyChain(events);
  if (report.valid && (events.length !== manifest.lastEventSeq || report.headHash !== manifest.headHash)) {
    return { ...report, valid: false, firstBrokenSeq: Math.min(events.length, manifest.lastEventSeq) + 1 };
  }
  return report;
}

/** The hash chain, and each closed leg's track against the digest its closing event carries (rule 26): a track edited
 *  after its leg closed breaks the log at that event. */
export async function viewManifestIntegrity(
  actor: Actor,
  manifestId: string,
): Promise<IntegrityReport & { tracks: TrackCheck[] }> {
  const { manifest } = await seeManifest(actor, manifestId);
  const events = await allEvents(manifestId);
  const report = integrityOf(manifest, events);
  const tracks = await verifyTracks(manifestId, events);
  const broken = tracks.filter((t) => !t.valid).map((t) => t.seq);
  if (broken.length === 0) return { ...report, tracks };
  return { ...report, valid: false, firstBrokenSeq: Math.min(report.firstBrokenSeq ?? Infinity, ...broken), tracks };
}
