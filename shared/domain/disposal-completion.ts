// When a manifest is completed (domain.md rule 19; api.md "disposals"): on every line, the accepted grams are
// disposed of, or shipped on (accepted-portion sources) in manifests that have themselves been received. Rejected
// grams leave on the replacement and do not count. Pure.
import { openIncidents } from '#shared/domain/manifest/incidents.ts';
import type { Manifest, ManifestState } from '#shared/domain/manifest/manifest.ts';

/** Custody of an onward load has passed: it can no longer be cancelled and come back. */
export const CUSTODY_PASSED: readonly ManifestState[] = ['received', 'completed', 'rejected'];

export interface LineAvailability {
  lineNo: number;
  availableAcceptedGrams: number;
  onwardManifestIds?: Iterable<string>;
}

export type OnwardFacts = Pick<Manifest, 'id' | 'status' | 'lines'>;

export type Completion =
  | { complete: true }
  /** waitingFor: onward manifests still in flight that would complete it once received. */
  | { complete: false; allAccountedFor: boolean; waitingFor: string[] };

/** Onward manifests that ship on accepted grams of `manifestId` (replacements carry rejected grams and do not count). */
export function shipsOnAccepted(onward: Pick<Manifest, 'lines'>, manifestId: string): boolean {
  return onward.lines.some((l) => l.sources?.some((s) => s.manifestId === manifestId && s.portion === 'accepted'));
}

/** `balances` as they stand after the change being decided; `onward` the manifests named by the balances. */
export function completionOf(
  manifest: Pick<Manifest, 'id' | 'status' | 'lines' | 'incidents'>,
  balances: readonly LineAvailability[],
  onward: ReadonlyMap<string, OnwardFacts>,
): Completion {
  // An incident not yet closed holds completion back (rule 19); closing it runs completion again.
  if (manifest.status !== 'received' || openIncidents(manifest).length > 0)
    return { complete: false, allAccountedFor: false, waitingFor: [] };
  const byLine = new Map(balances.map((b) => [b.lineNo, b]));
  const allAccountedFor = manifest.lines.every((l) => {
    const accepted = l.receipt?.acceptedGrams ?? 0;
    return accepted === 0 || byLine.get(l.lineNo)?.availableAcceptedGrams === 0;
  });
  const onwardIds = new Set(balances.flatMap((b) => [...(b.onwardManifestIds ?? [])]));
  const waitingFor = [...onwardIds].filter((id) => {
    const m = onward.get(id);
    return m !== undefined && shipsOnAccepted(m, manifest.id) && !CUSTODY_PASSED.includes(m.status);
  });
  if (allAccountedFor && waitingFor.length === 0) return { complete: true };
  return { complete: false, allAccountedFor, waitingFor };
}
