// Disposal reports (api.md "disposals"; domain.md rules 3, 19, 20) and completion: the report that accounts for a
// manifest's last kilogram completes it in the same transaction; an onward manifest's receipt completes its sources.
import { v7 as uuidv7 } from 'uuid';
import { AppError, invalidState, notFound } from '#shared/errors.ts';
import { config } from '#shared/config.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { jcsHash } from '#shared/domain/hash-chain.ts';
import { gramsToKg, kgToGrams } from '#shared/domain/quantity.ts';
import { planDisposal, type DisposalReport } from '#shared/domain/disposal.ts';
import { completionOf, type Completion } from '#shared/domain/disposal-completion.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { createDisposalWrite, getDisposal, allDisposals, stillInFlightCheck } from '#shared/store/disposal-store.ts';
import { residueEntryWrites } from '#shared/store/residue-store.ts';
import { drawLineBalanceWrite, allLineBalances, type LineBalance } from '#shared/store/line-balance-store.ts';
import { getManifest } from '#shared/store/manifest-store.ts';
import { allLicences } from '#shared/store/party-store.ts';
import { moveStock } from '#shared/store/stock-store.ts';
import { transact, type TxItem } from '#shared/store/transact.ts';
import { assertVersion } from '#shared/store/versioning.ts';
import type { DisposalInputBody, DisposalReportView } from '#schemas/disposal.ts';
import { seeManifest } from '#shared/services/manifest-access.ts';
import { eventDraft, manifestWrites, nextVersion } from '#shared/services/manifest-transition.ts';
import type { Decision } from '#shared/services/decision.ts';
import { must } from '#shared/must.ts';

export function disposalView(r: DisposalReport): DisposalReportView {
  const { manifestParties: _p, lines, residues, ...rest } = r;
  return {
    ...rest,
    lines: lines.map(({ grams, ...l }) => ({ ...l, quantityKg: gramsToKg(grams) })),
    residues: residues.map(({ grams, ...x }) => ({ ...x, quantityKg: gramsToKg(grams) })),
  };
}

/** The report as signed: its view without the signature (JCS, SHA-256). */
const reportHash = (r: DisposalReport) => {
  const { signature: _s, ...document } = disposalView(r);
  return jcsHash(document);
};

/** Onward manifests of the balances, read consistently: completion must not act on a stale status. */
async function onwardOf(balances: readonly LineBalance[]): Promise<Map<string, Manifest>> {
  const ids = [...new Set(balances.flatMap((b) => [...(b.onwardManifestIds ?? [])]))];
  const found = await Promise.all(ids.map(getManifest));
  return new Map(found.filter((m): m is Manifest => m !== undefined).map((m) => [m.id, m]));
}

/** A manifest's completion given balances after the change, and the checks that keep a "not yet" honest. */
function inFlightChecks(completion: Completion, onward: ReadonlyMap<string, Manifest>): TxItem[] {
  if (completion.complete || !completion.allAccountedFor) return [];
  return completion.waitingFor.map((id) =>
    stillInFlightCheck(must(onward.get(id), 'completionOf waits only for onward manifests it was given')),
  );
}

export async function reportDisposal(
  actor: Actor,
  manifestId: string,
  input: DisposalInputBody,
  ifMatch: number | undefined,
  now: Date,
): Promise<Decision<DisposalReportView>> {
  const { manifest, holders } = await seeManifest(actor, manifestId);
  const holder = holders.find((h) => h.role === 'receiver');
  if (!holder) throw new AppError('FORBIDDEN', "Only the manifest's receiver reports its disposal");
  if (manifest.status !== 'received') throw invalidState(`Cannot report disposal: the manifest is ${manifest.status}`);
  assertVersion(manifest.version, ifMatch);
  const receiverId = manifest.receiverId;
  const [balances, licences] = await Promise.all([allLineBalances(manifest.id), allLicences(receiverId)]);
  const plan = planDisposal(
    {
      lines: input.lines.map((l) => ({
        lineNo: l.lineNo,
        operationCode: l.operationCode,
        grams: kgToGrams(l.quantityKg),
        completedAt: l.completedAt,
      })),
      residues: (input.residues ?? []).map((r) => ({ wasteCode: r.wasteCode, grams: kgToGrams(r.quantityKg) })),
    },
    {
      manifest,
      availableGrams: new Map(balances.map((b) => [b.lineNo, b.availableAcceptedGrams])),
      licences,
      now,
      timeZone: config.timeZone,
    },
  );

  const at = now.toISOString();
  const id = uuidv7();
  const residues = await Promise.all(
    (input.residues ?? []).map(async (r) => {
      const grams = kgToGrams(r.quantityKg);
      const { entryId, writes } = await residueEntryWrites({
        partyId: receiverId,
        wasteCode: r.wasteCode,
        grams,
        at: plan.completedAt,
        disposalId: id,
        manifestId,
        recordedBy: actor.sub,
        recordedAt: at,
      });
      return { residue: { wasteCode: r.wasteCode, grams, entryId }, writes };
    }),
  );

  const drawn = new Map(plan.draws.map((d) => [d.lineNo, d.grams]));
  const after = balances.map((b) => ({
    ...b,
    availableAcceptedGrams: b.availableAcceptedGrams - (drawn.get(b.lineNo) ?? 0),
  }));
  const onward = await onwardOf(after);
  const completion = completionOf(manifest, after, onward);

  const unsigned: Omit<DisposalReport, 'signature'> = {
    id,
    manifestId,
    manifestNumber: manifest.number,
    receiverId,
    manifestParties: {
      generatorId: manifest.generatorId,
      receiverId,
      transporterIds: manifest.transporterIds,
      generatorDivision: manifest.generatorDivision,
      receiverDivision: manifest.receiverDivision,
    },
    lines: plan.lines,
    residues: residues.map((r) => r.residue),
    completedManifest: completion.complete,
    createdAt: at,
  };
  const report: DisposalReport = {
    ...unsigned,
    signature: { sub: actor.sub, partyId: receiverId, at, documentHash: '' },
  };
  report.signature.documentHash = reportHash(report);

  const view = disposalView(report);
  const acting = { role: holder.role, partyId: receiverId };
  const drafts = [
    eventDraft(
      'disposal_reported',
      actor,
      acting,
      at,
      { disposalId: id, lines: view.lines, residues: view.residues },
      report.signature.documentHash,
    ),
  ];
  if (completion.complete) drafts.push(eventDraft('completed', actor, acting, at, { by: 'disposal', disposalId: id }));
  const { writes } = manifestWrites(
    manifest,
    nextVersion(manifest, now, completion.complete ? { status: 'completed' } : {}),
    drafts,
    ifMatch,
  );
  return {
    view,
    writes: [
      createDisposalWrite(report),
      ...plan.draws.map((d) =>
        drawLineBalanceWrite(
          { manifestId, lineNo: d.lineNo, accepted: d.grams, rejected: 0 },
          receiverId,
          'OVER_DISPOSAL',
        ),
      ),
      ...plan.disposed.map((d) => moveStock(receiverId, d.wasteCode, 'disposed', d.grams)),
      ...residues.flatMap((r) => r.writes),
      ...writes,
      ...inFlightChecks(completion, onward),
    ],
  };
}

export async function listDisposals(actor: Actor, manifestId: string): Promise<{ items: DisposalReportView[] }> {
  await seeManifest(actor, manifestId);
  return { items: (await allDisposals(manifestId)).map(disposalView) };
}

export async function viewDisposal(actor: Actor, manifestId: string, disposalId: string): Promise<DisposalReportView> {
  await seeManifest(actor, manifestId);
  const report = await getDisposal(manifestId, disposalId);
  if (!report) throw notFound('disposal report');
  return disposalView(report);
}

/** After a receipt or a rejection of `manifestId` commits: completes it when nothing was accepted (a receipt that
 *  refused everything), and each manifest whose accepted grams it ships on once nothing else of theirs is left. One
 *  small transaction per manifest (a consolidation of 50 sources would not fit in one). Run after the commit: of two
 *  concurrent receipts the one committing last then sees both, and a disposal report racing it holds a check on this
 *  manifest's version. Idempotent; returns the ids it completed. */
export async function completeAfterReceipt(manifestId: string, now: Date): Promise<string[]> {
  const received = await getManifest(manifestId);
  if (!received) return [];
  const sourceIds = new Set(
    received.lines.flatMap((l) => (l.sources ?? []).filter((s) => s.portion === 'accepted').map((s) => s.manifestId)),
  );
  const completed: string[] = [];
  for (const [id, by] of [[manifestId, 'receipt'], ...[...sourceIds].map((s) => [s, 'onward-receipt'])] as const) {
    if (await completeIfDone(id, { by, manifestId }, now)) completed.push(id);
  }
  return completed;
}

/** Reads the manifest afresh on each attempt: a lost race to an unrelated change (a discrepancy note) is retried. */
async function completeIfDone(
  id: string,
  cause: { by: string; manifestId: string },
  now: Date,
  attempts = 3,
): Promise<boolean> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const m = await getManifest(id);
    if (m?.status !== 'received') return false;
    const balances = await allLineBalances(id);
    if (!completionOf(m, balances, await onwardOf(balances)).complete) return false;
    const at = now.toISOString();
    const draft = {
      type: 'completed' as const,
      at,
      actor: { sub: 'system', partyId: null, role: 'system' },
      data: cause,
    };
    try {
      await transact(manifestWrites(m, nextVersion(m, now, { status: 'completed' }), [draft]).writes);
      return true;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'VERSION_CONFLICT')) throw err;
    }
  }
  return false;
}
