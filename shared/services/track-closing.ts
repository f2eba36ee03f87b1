// The end of a leg (hand-over, delivery, receipt or rejection from the road, loss): its event carries the digest of the
// points stored, and the transition's transaction closes the leg's head if it has not moved since they were read.
// Points are written only under a lease on the head that moves its version (track-ingest-store.ts): a lease live when
// the head is read makes the transition retry (409), one taken after it fails the check, and a closed head takes no
// lease, so no point escapes the digest.
// The integrity check recomputes it.
import { AppError } from '#shared/errors.ts';
import { trackDigest, type TrackDigest } from '#shared/domain/track-rules.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import type { ManifestEvent } from '#shared/domain/hash-chain.ts';
import { getLegHead, leaseLive, closeLegHead, legPoints, type Lease } from '#shared/store/track-store.ts';
import type { TxItem } from '#shared/store/transact.ts';

export type LegDigest = TrackDigest & { leg: number };

const moved = () => new AppError('VERSION_CONFLICT', 'Track points of this leg arrived while it was closing; retry');

/** The digest of the manifest's current leg and the write that closes its head, if unmoved, as the transition commits. */
export async function closeLegTrack(m: Manifest): Promise<{ data: { track: LegDigest }; writes: TxItem[] }> {
  const leg = m.legs.length;
  // The head first, then the points: a lease taken after the head was read fails the transition's version check.
  const head = await getLegHead(m.id, leg);
  // A lease expired unreleased (its writer died) holds no one back: the digest covers what that writer stored.
  if (leaseLive(head as Partial<Lease> | undefined, Date.now())) throw moved();
  const points = await legPoints(m.id, leg);
  return {
    data: { track: { leg, ...trackDigest(points) } },
    writes: [closeLegHead(m.id, leg, head?.version, moved)],
  };
}

export interface TrackCheck {
  seq: number;
  leg: number;
  valid: boolean;
  points: number;
}

/** Every leg digest the log carries, recomputed from the points stored now. */
export async function verifyTracks(manifestId: string, events: readonly ManifestEvent[]): Promise<TrackCheck[]> {
  const sealed = events.filter((e) => e.data?.track && typeof (e.data.track as LegDigest).leg === 'number');
  return Promise.all(
    sealed.map(async (e) => {
      const signed = e.data.track as LegDigest;
      const now = trackDigest(await legPoints(manifestId, signed.leg));
      return {
        seq: e.seq,
        leg: signed.leg,
        valid: now.sha256 === signed.sha256 && now.points === signed.points,
        points: now.points,
      };
    }),
  );
}
