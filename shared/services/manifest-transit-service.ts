// On the road: carriers changed, pickups and hand-overs, arrival; and cancellation before any pickup, which
// gives back every kilogram the dispatch took.
import { AppError } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { config } from '#shared/config.ts';
import { localDate, localYear } from '#shared/domain/calendar.ts';
import { carrierPartyFindings } from '#shared/domain/manifest/dispatch-rules.ts';
import { MAX_CARRIERS, type Manifest } from '#shared/domain/manifest/manifest.ts';
import { approvalUseWrite } from '#shared/store/approval-store.ts';
import { settleCapacityWrite } from '#shared/store/capacity-store.ts';
import { returnBatchWrites } from '#shared/store/batch-draw-store.ts';
import { returnLineBalanceWrite } from '#shared/store/line-balance-store.ts';
import { getParties, allLicences } from '#shared/store/party-store.ts';
import { moveStock } from '#shared/store/stock-store.ts';
import type { TxItem } from '#shared/store/transact.ts';
import { actOn } from '#shared/services/manifest-access.ts';
import { refusal } from '#shared/services/manifest-dispatch-service.ts';
import {
  decided,
  eventDraft,
  manifestWrites,
  nextVersion,
  sign,
  type ManifestDecision,
} from '#shared/services/manifest-transition.ts';
import { closeLegTrack } from '#shared/services/track-closing.ts';
import { must } from '#shared/must.ts';

/** Carriers joining a manifest: active, with a transport licence valid today (domain.md rules 2, 5). */
async function checkCarriers(ids: string[], now: Date, pathOf: (i: number) => string): Promise<void> {
  if (ids.length === 0) return;
  const [parties, licences] = await Promise.all([
    getParties(ids),
    Promise.all(ids.map(async (id) => ({ id, licences: await allLicences(id) }))),
  ]);
  const errors = carrierPartyFindings(
    ids,
    parties,
    new Map(licences.map((l) => [l.id, l.licences])),
    localDate(now, config.timeZone),
    pathOf,
  );
  if (errors.length) throw refusal(errors);
}

export async function changeCarriers(
  actor: Actor,
  manifestId: string,
  transporterIds: string[],
  ifMatch: number | undefined,
  now: Date,
): Promise<ManifestDecision> {
  const acting = await actOn(actor, manifestId, 'change-carriers', ifMatch);
  const m = acting.manifest;
  const signed = m.legs.map((l) => l.transporterId);
  const next = [...signed, ...transporterIds];
  if (next.length === 0 || next.length > MAX_CARRIERS || new Set(next).size !== next.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The carriers that signed (${signed.length}) and the new ones must be 1–${MAX_CARRIERS} distinct parties`,
      [
        {
          path: 'transporterIds',
          message: 'replaces the carriers that have not signed; must not repeat a signed carrier',
        },
      ],
    );
  }
  await checkCarriers(transporterIds, now, (i) => `transporterIds.${i}`);
  const after = nextVersion(m, now, { transporterIds: next });
  const data = { from: m.transporterIds, to: next };
  const { manifest, writes } = manifestWrites(
    m,
    after,
    [eventDraft('carriers_changed', actor, acting, after.updatedAt, data)],
    ifMatch,
  );
  return decided(manifest, writes);
}

export async function pickup(
  actor: Actor,
  manifestId: string,
  input: { transporterId: string; vehiclePlate: string; driverName: string; phoneConsent?: boolean | undefined },
  ifMatch: number | undefined,
  now: Date,
): Promise<ManifestDecision> {
  const acting = await actOn(actor, manifestId, 'pickup', ifMatch, input.transporterId);
  const m = acting.manifest;
  const parties = await getParties([input.transporterId]);
  if (parties.get(input.transporterId)?.status !== 'active') {
    throw new AppError('PARTY_NOT_ACTIVE', 'A carrier that is not active (e.g. suspended) cannot pick up', [
      { path: 'transporterId', message: 'not active' },
    ]);
  }
  const at = now.toISOString();
  const leg = {
    transporterId: input.transporterId,
    vehiclePlate: input.vehiclePlate,
    driverName: input.driverName,
    pickedUpAt: at,
    ...(input.phoneConsent ? { phoneConsentAt: at } : {}),
  };
  // A hand-over closes the previous carrier's leg: its event carries that leg's track digest.
  const closing = m.legs.length > 0 ? await closeLegTrack(m) : undefined;
  const unsigned = nextVersion(m, now, { status: acting.decision.to, legs: [...m.legs, leg] });
  const signature = sign(unsigned, actor, input.transporterId, at);
  const after = { ...unsigned, signatures: { ...m.signatures, pickups: [...m.signatures.pickups, signature] } };
  const data = {
    leg: m.legs.length + 1,
    transporterId: input.transporterId,
    vehiclePlate: input.vehiclePlate,
    ...(leg.phoneConsentAt ? { phoneConsent: true } : {}),
    ...closing?.data,
  };
  const { manifest, writes } = manifestWrites(
    m,
    after,
    [eventDraft(acting.decision.event, actor, acting, at, data, signature.documentHash)],
    ifMatch,
  );
  return decided(manifest, [...writes, ...(closing?.writes ?? [])]);
}

export async function deliver(
  actor: Actor,
  manifestId: string,
  input: { transporterId: string; deliveredAt: string },
  ifMatch: number | undefined,
  now: Date,
): Promise<ManifestDecision> {
  const acting = await actOn(actor, manifestId, 'deliver', ifMatch, input.transporterId);
  const m = acting.manifest;
  const deliveredAt = new Date(input.deliveredAt);
  if (
    deliveredAt.getTime() > now.getTime() + 60_000 ||
    deliveredAt.toISOString() < must(m.legs.at(-1), 'delivery follows a pickup').pickedUpAt
  ) {
    throw new AppError('VALIDATION_FAILED', 'deliveredAt lies between the last pickup and now', [
      { path: 'deliveredAt', message: 'not after the last pickup, or in the future' },
    ]);
  }
  const at = now.toISOString();
  const unsigned = nextVersion(m, now, { status: acting.decision.to, deliveredAt: deliveredAt.toISOString() });
  const signature = sign(unsigned, actor, input.transporterId, at);
  const after = { ...unsigned, signatures: { ...m.signatures, delivery: signature } };
  const closing = await closeLegTrack(m);
  const { manifest, writes } = manifestWrites(
    m,
    after,
    [
      eventDraft(
        'delivered',
        actor,
        acting,
        at,
        { deliveredAt: after.deliveredAt, ...closing.data },
        signature.documentHash,
      ),
    ],
    ifMatch,
  );
  return decided(manifest, [...writes, ...closing.writes]);
}

/** Everything a dispatch took, given back (a cancelled manifest ships nothing). */
function giveBackWrites(m: Manifest): TxItem[] {
  const t = m.taken;
  if (!t) return [];
  return [
    // The year's dispatched grams (over-plan) fall back too; an open over-plan alert closes at the job's next run.
    ...t.stock.map((s) =>
      moveStock(m.generatorId, s.wasteCode, 'dispatched', -s.grams, {
        year: m.dispatchedAt ? localYear(new Date(m.dispatchedAt), config.timeZone) : undefined,
      }),
    ),
    ...t.batches.flatMap((b) => returnBatchWrites(m.generatorId, m.id, b.draws)),
    ...t.capacity.map((c) =>
      settleCapacityWrite(
        { partyId: m.receiverId, year: c.year, licenceId: c.licenceId, entryCode: c.entryCode },
        c.grams,
        0,
      ),
    ),
    ...(t.approval
      ? [
          approvalUseWrite(
            t.approval.approvalId,
            'release',
            t.approval.codes.map((c) => ({ wasteCode: c.code, grams: c.grams })),
          ),
        ]
      : []),
    ...t.sources.map((s) => returnLineBalanceWrite(s, m.id)),
  ];
}

export async function cancel(
  actor: Actor,
  manifestId: string,
  reason: string,
  ifMatch: number | undefined,
  now: Date,
): Promise<ManifestDecision> {
  const acting = await actOn(actor, manifestId, 'cancel', ifMatch);
  const m = acting.manifest;
  const at = now.toISOString();
  const after = nextVersion(m, now, { status: acting.decision.to, cancellation: { reason, at, sub: actor.sub } });
  const { manifest, writes } = manifestWrites(
    m,
    after,
    [eventDraft('cancelled', actor, acting, at, { reason })],
    ifMatch,
  );
  return decided(manifest, [...writes, ...giveBackWrites(m)]);
}

/** The generator explains an open discrepancy; a covering regulator closes it (domain.md rule 14). */
export async function discrepancyNote(
  actor: Actor,
  manifestId: string,
  action: 'explain-discrepancy' | 'close-discrepancy',
  note: string,
  ifMatch: number | undefined,
  now: Date,
): Promise<ManifestDecision> {
  const acting = await actOn(actor, manifestId, action, ifMatch);
  const m = acting.manifest;
  const noted = must(m.discrepancy, `the transition table guards ${action} on a discrepancy`);
  const discrepancy =
    action === 'explain-discrepancy'
      ? { ...noted, status: 'explained' as const, explanation: note }
      : { ...noted, status: 'closed' as const, note };
  const after = nextVersion(m, now, { discrepancy });
  const { manifest, writes } = manifestWrites(
    m,
    after,
    [eventDraft(acting.decision.event, actor, acting, after.updatedAt, { note })],
    ifMatch,
  );
  return decided(manifest, writes);
}
