// The manifest's copy of record: its event log and the integrity check over it.
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { verifyChain, type IntegrityReport } from '#shared/domain/hash-chain.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { listEvents } from '#shared/store/event-store.ts';
import { seeManifest } from '#shared/services/manifest-access.ts';

export async function manifestEvents(actor: Actor, manifestId: string) {
  await seeManifest(actor, manifestId);
  return { items: await listEvents(manifestId) };
}

/** Recomputes every hash from the stored events; a log shorter than the manifest's recorded head is broken too. */
export function integrityOf(manifest: Pick<Manifest, 'lastEventSeq' | 'headHash'>, events: Awaited<ReturnType<typeof listEvents>>): IntegrityReport {
  const report = verifyChain(events);
  if (report.valid && (events.length !== manifest.lastEventSeq || report.headHash !== manifest.headHash)) {
    return { ...report, valid: false, firstBrokenSeq: Math.min(events.length, manifest.lastEventSeq) + 1 };
  }
  return report;
}

export async function manifestIntegrity(actor: Actor, manifestId: string): Promise<IntegrityReport> {
  const { manifest } = await seeManifest(actor, manifestId);
  return integrityOf(manifest, await listEvents(manifestId));
}
