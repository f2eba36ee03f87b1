// Track ingest (domain.md rule 26, api.md "track"): the carrier of the current leg sends 1-500 points; each is checked
// alone and refused with its index and reason, the rest stored once (a retried batch adds nothing), and the leg's
// summary moves with them, from which long-stop and off-corridor open at once (rule 27).
import { AppError } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { config } from '#shared/config.ts';
import { legOf, type Manifest } from '#shared/domain/manifest/manifest.ts';
import { findingDeadlines, legParty } from '#shared/domain/track-alert-rules.ts';
import { byTime, checkPoints, foldPoints, summarise, type Findings, type LegSummary, type Refusal, type Sites, type TrackPoint } from '#shared/domain/track-rules.ts';
import { getParties } from '#shared/store/party-store.ts';
import { getLegHead, legPoints, POINTS_PER_TRANSACTION, writeLegPoints, type LegHead } from '#shared/store/track-store.ts';
import { membershipsAmong } from '#shared/store/manifest-store.ts';
import { raiseAlert } from '#shared/services/alert-service.ts';
import { seeManifest } from '#shared/services/manifest-access.ts';

export interface TrackInput {
  transporterId: string;
  points: TrackPoint[];
}

/** Which leg `transporterId` may add points to, in api.md's order: 403 for a party that is not the caller's or not
 *  this manifest's carrier (or carries a later leg), 409 when its leg is not open (not yet picked up, or closed). */
async function openLegOf(actor: Actor, m: Manifest, holders: { partyId: string | null }[], transporterId: string): Promise<number> {
  const member = holders.some((h) => h.partyId === transporterId) || (await membershipsAmong(actor.sub, [transporterId])).size > 0;
  if (!actor.isEnterprise || !member) throw new AppError('NOT_A_MEMBER', `You are not a member of party ${transporterId}`);
  if (!m.transporterIds.includes(transporterId)) throw new AppError('FORBIDDEN', `Party ${transporterId} is not a carrier of this manifest`);
  const current = m.legs.at(-1);
  if (m.status === 'in_transit' && current?.transporterId === transporterId) return m.legs.length;
  const hadLeg = m.legs.some((l) => l.transporterId === transporterId);
  const next = m.transporterIds[m.legs.length] === transporterId && ['draft', 'dispatched', 'cancelled'].includes(m.status);
  if (hadLeg) throw new AppError('INVALID_STATE', "This carrier's leg has closed (hand-over, delivery or receipt): it takes no more points");
  if (next) throw new AppError('INVALID_STATE', `The manifest is ${m.status}, not in transit: the track starts at pickup`);
  throw new AppError('FORBIDDEN', 'Only the carrier of the current leg records the track');
}

/** The manifest's sites with coordinates (generator and receiver bound the corridor). */
async function sitesOf(m: Manifest): Promise<Sites> {
  const parties = await getParties([...new Set([m.generatorId, m.receiverId, ...m.transporterIds])]);
  const at = (id: string) => parties.get(id)?.location;
  return { generator: at(m.generatorId), receiver: at(m.receiverId), all: [...parties.values()].flatMap((p) => (p.location ? [p.location] : [])) };
}

/** The summary after adding `points`: folded on from the head when they all come after it, else from the whole leg. */
async function nextSummary(m: Manifest, leg: number, head: LegHead | undefined, points: TrackPoint[], sites: Sites) {
  const ordered = [...points].sort(byTime);
  const before: LegSummary = head ?? { points: 0 };
  const [first] = ordered;
  if (!first || !before.lastAt || first.at > before.lastAt) return foldPoints(before, ordered, sites, config.track);
  const all = summarise([...(await legPoints(m.id, leg)), ...ordered], sites, config.track);
  return { summary: all.summary, findings: foldPoints({ points: 0 }, ordered, sites, config.track).findings };
}

const ATTEMPTS = 8;

/** One transaction's points: stored with the new head, or refused as duplicates; a head moved by a concurrent call is
 *  read again. Returns what was stored and what it showed. */
async function storeChunk(m: Manifest, leg: number, chunk: { index: number; point: TrackPoint }[], sites: Sites, refused: Refusal[], known?: LegHead) {
  let pending = chunk;
  for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt += 1) {
    const head = attempt === 0 && known ? known : await getLegHead(m.id, leg);
    const { summary, findings } = await nextSummary(m, leg, head, pending.map((c) => c.point), sites);
    const next: LegHead = { ...legParty(m, leg), ...summary, version: (head?.version ?? 0) + 1 };
    const outcome = await writeLegPoints(m.id, leg, next, pending.map((c) => c.point));
    if (outcome.kind === 'written') return { stored: pending.length, before: head, findings, after: next };
    if (outcome.legClosed) throw new AppError('INVALID_STATE', 'The leg closed while these points were sent: it takes no more points');
    const duplicates = new Set(outcome.duplicates);
    for (const c of pending) if (duplicates.has(c.point.at)) refused.push({ index: c.index, reason: 'duplicate' });
    pending = pending.filter((c) => !duplicates.has(c.point.at));
  }
  if (pending.length > 0) throw new AppError('VERSION_CONFLICT', 'Other points of this leg kept arriving at the same moment; retry');
  return { stored: 0, before: undefined, findings: {} as Findings, after: undefined };
}

export async function ingestTrack(actor: Actor, manifestId: string, input: TrackInput, now: Date): Promise<{ accepted: number; refused: Refusal[] }> {
  const { manifest: m, holders } = await seeManifest(actor, manifestId);
  const leg = await openLegOf(actor, m, holders, input.transporterId);
  const open = legOf(m, leg);
  const { candidates, refused } = checkPoints(input.points, { pickedUpAt: open.pickedUpAt, phoneConsent: open.phoneConsentAt !== undefined }, now, config.track);
  if (candidates.length === 0) return { accepted: 0, refused };
  // The sites and the head in one round trip; each later chunk reads the head its predecessor wrote.
  const [sites, firstHead] = await Promise.all([sitesOf(m), getLegHead(m.id, leg)]);
  let accepted = 0;
  let known = firstHead;
  for (let i = 0; i < candidates.length; i += POINTS_PER_TRANSACTION) {
    const { stored, before, findings, after } = await storeChunk(m, leg, candidates.slice(i, i + POINTS_PER_TRANSACTION), sites, refused, known);
    accepted += stored;
    known = after;
    // Open what these points showed at once; a cause already holding before them was opened then.
    const fresh = {
      ...(findings.longStop && findings.longStop.since !== before?.longStopSince ? { longStop: findings.longStop } : {}),
      ...(findings.offCorridorAt && !before?.offCorridorSince ? { offCorridorAt: findings.offCorridorAt } : {}),
    };
    for (const d of findingDeadlines(m, leg, fresh, config.track)) await raiseAlert(d, now);
  }
  return { accepted, refused: refused.sort((a, b) => a.index - b.index) };
}
