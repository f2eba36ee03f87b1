// Track ingest (domain.md rule 26, api.md "track"): the carrier of the current leg sends 1-500 points; each is checked
// alone and refused with its index and reason, the rest stored once (a retried batch adds nothing), and the leg's
// summary moves with them, from which long-stop and off-corridor open at once (rule 27).
import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { config } from '#shared/config.ts';
import { legOf, partiesOf, type Manifest } from '#shared/domain/manifest/manifest.ts';
import { findingDeadlines, legParty } from '#shared/domain/track-alert-rules.ts';
import type { Deadline } from '#shared/domain/alert-rules.ts';
import {
  byTime,
  checkPoints,
  foldPoints,
  summarise,
  type LegSummary,
  type Refusal,
  type Sites,
  type TrackPoint,
} from '#shared/domain/track-rules.ts';
import type { PartyEntity } from '#shared/store/party-store.ts';
import {
  getLegHead,
  getLegHeadAndParties,
  leaseLive,
  legPoints,
  type Lease,
  type LeasedHead,
  type LegHead,
} from '#shared/store/track-store.ts';
import { LEASE_MS, putPoints, releaseLeg, reserveLeg, storedInstants } from '#shared/store/track-ingest-store.ts';
import { getManifestAndMembership } from '#shared/store/manifest-store.ts';
import type { TxItem } from '#shared/store/transact.ts';
import { holdersOf } from '#shared/services/manifest-access.ts';

export interface TrackInput {
  transporterId: string;
  points: TrackPoint[];
}

/** Which leg `transporterId` may add points to, in api.md's order: 403 for a party that is not the caller's or not
 *  this manifest's carrier (or carries a later leg), 409 when its leg is not open (not yet picked up, or closed). */
function openLegOf(actor: Actor, m: Manifest, transporterId: string, member: boolean): number {
  if (!actor.isEnterprise || !member)
    throw new AppError('NOT_A_MEMBER', `You are not a member of party ${transporterId}`);
  if (!m.transporterIds.includes(transporterId))
    throw new AppError('FORBIDDEN', `Party ${transporterId} is not a carrier of this manifest`);
  const current = m.legs.at(-1);
  if (m.status === 'in_transit' && current?.transporterId === transporterId) return m.legs.length;
  const hadLeg = m.legs.some((l) => l.transporterId === transporterId);
  const next =
    m.transporterIds[m.legs.length] === transporterId && ['draft', 'dispatched', 'cancelled'].includes(m.status);
  if (hadLeg)
    throw new AppError(
      'INVALID_STATE',
      "This carrier's leg has closed (hand-over, delivery or receipt): it takes no more points",
    );
  if (next)
    throw new AppError('INVALID_STATE', `The manifest is ${m.status}, not in transit: the track starts at pickup`);
  throw new AppError('FORBIDDEN', 'Only the carrier of the current leg records the track');
}

/** The manifest and whether the caller is a member of `transporterId`, in one round trip. A member of one of the
 *  manifest's parties sees it; anyone else goes through the general visibility rule (404 unless they see it). */
async function manifestFor(
  actor: Actor,
  manifestId: string,
  transporterId: string,
): Promise<{ m: Manifest; member: boolean }> {
  const { manifest: m, member } = await getManifestAndMembership(manifestId, actor.sub, transporterId);
  if (!m) throw notFound('manifest');
  if (!(member && partiesOf(m).has(transporterId))) await holdersOf(actor, m);
  return { m, member };
}

/** The manifest's parties, whose sites with coordinates bound the corridor (generator and receiver). */
const partyIdsOf = (m: Manifest) => [m.generatorId, m.receiverId, ...m.transporterIds];

function sitesOf(m: Manifest, parties: ReadonlyMap<string, PartyEntity>): Sites {
  const [generator, receiver] = [parties.get(m.generatorId)?.location, parties.get(m.receiverId)?.location];
  const all = [...parties.values()].flatMap((p) => (p.location ? [p.location] : []));
  return { ...(generator ? { generator } : {}), ...(receiver ? { receiver } : {}), all };
}

/** The summary after adding `fresh` (in `at` order): folded on from the head when it is exact (released cleanly) and
 *  they all come after it, else from the whole leg as stored (exact: the caller holds the leg's lease). */
async function nextSummary(
  m: Manifest,
  leg: number,
  head: { before: LegHead | undefined; exact: boolean },
  fresh: TrackPoint[],
  sites: Sites,
) {
  const first = fresh[0];
  const before: LegSummary = head.before ?? { points: 0 };
  if (head.exact && (!first || !before.lastAt || first.at > before.lastAt))
    return foldPoints(before, fresh, sites, config.track);
  const all = summarise([...(await legPoints(m.id, leg)), ...fresh], sites, config.track);
  return { summary: all.summary, findings: foldPoints({ points: 0 }, fresh, sites, config.track).findings };
}

/** Whether the leg can hold none of the instants in [from, …]: its head was released cleanly (a writer whose lease
 *  ran out may have stored points its head does not count) and every stored instant is before `from`. The common
 *  case of a truck streaming in order, spared a Query. */
const nothingStoredFrom = (head: LeasedHead | undefined, from: string) =>
  head === undefined || (head.writer === undefined && (head.lastAt === undefined || head.lastAt < from));

/** Waiting out another call's lease: about 8 s in all, then 409 (retry). */
const ATTEMPTS = 12;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the leg's lease (waiting out another call's, a few times) and, under it, which candidates the leg already
 *  has. Returns the head as it was before the lease. */
async function reserve(
  m: Manifest,
  leg: number,
  candidates: readonly TrackPoint[],
  known: LeasedHead | undefined,
  lease: Lease,
) {
  const ats = candidates.map((p) => p.at).sort();
  const [from, to] = [ats[0] ?? '', ats.at(-1) ?? ''];
  let head = known;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    if (attempt > 0) {
      await pause(25 * 2 ** Math.min(attempt, 5));
      head = await getLegHead(m.id, leg);
    }
    if (leaseLive(head, Date.now())) continue;
    const base: LegHead = { ...legParty(m, leg), points: 0, ...withoutLease(head), version: (head?.version ?? 0) + 1 };
    // The Query may run beside the reservation: if the reservation holds, no one wrote since the head was read.
    const [outcome, stored] = await Promise.all([
      reserveLeg(m.id, leg, base, head?.version, lease),
      nothingStoredFrom(head, from) ? new Set<string>() : storedInstants(m.id, leg, from, to),
    ]);
    if (outcome === 'legClosed')
      throw new AppError('INVALID_STATE', 'The leg closed while these points were sent: it takes no more points');
    if (outcome === 'reserved')
      return { before: head && withoutLease(head), exact: head?.writer === undefined, version: base.version, stored };
  }
  throw new AppError('VERSION_CONFLICT', 'Other points of this leg kept arriving at the same moment; retry');
}

const withoutLease = (head: LeasedHead | undefined): LegHead | undefined => {
  if (!head) return undefined;
  const { writer: _w, writingUntil: _u, ...rest } = head;
  return rest;
};

export async function ingestTrack(
  actor: Actor,
  manifestId: string,
  input: TrackInput,
  now: Date,
): Promise<{ view: { accepted: number; refused: Refusal[] }; writes: TxItem[]; alerts: Deadline[] }> {
  const { m, member } = await manifestFor(actor, manifestId, input.transporterId);
  const leg = openLegOf(actor, m, input.transporterId, member);
  const open = legOf(m, leg);
  const { candidates, refused } = checkPoints(
    input.points,
    { pickedUpAt: open.pickedUpAt, phoneConsent: open.phoneConsentAt !== undefined },
    now,
    config.track,
  );
  if (candidates.length === 0) return { view: { accepted: 0, refused }, writes: [], alerts: [] };
  const { head, parties } = await getLegHeadAndParties(m.id, leg, partyIdsOf(m));
  const sites = sitesOf(m, parties);
  // Leases run on the server's own clock (the injected `now` is the domain's, and tests shift it).
  const lease: Lease = { writer: randomUUID(), writingUntil: Date.now() + LEASE_MS };
  const { before, exact, version, stored } = await reserve(
    m,
    leg,
    candidates.map((c) => c.point),
    head,
    lease,
  );
  for (const c of candidates) if (stored.has(c.point.at)) refused.push({ index: c.index, reason: 'duplicate' });
  const fresh = candidates
    .filter((c) => !stored.has(c.point.at))
    .map((c) => c.point)
    .sort(byTime);
  const { summary, findings } = await nextSummary(m, leg, { before, exact }, fresh, sites);
  await putPoints(m.id, leg, fresh, lease.writingUntil - 5_000);
  // What these points showed opens at once, once the new head is committed (the alert job reads causes from it); a
  // cause already holding before them was opened then. The new head releases the lease; it is committed with the
  // call's idempotency record.
  const opened = {
    ...(findings.longStop && findings.longStop.since !== before?.longStopSince ? { longStop: findings.longStop } : {}),
    ...(findings.offCorridorAt && !before?.offCorridorSince ? { offCorridorAt: findings.offCorridorAt } : {}),
  };
  return {
    view: { accepted: fresh.length, refused: refused.sort((a, b) => a.index - b.index) },
    writes: [releaseLeg({ ...legParty(m, leg), ...summary, version: version + 1 }, lease.writer)],
    alerts: findingDeadlines(m, leg, opened, config.track),
  };
}
