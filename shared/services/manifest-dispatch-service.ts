// Dispatch (移出确认): read what the checks need, run the one set of checks (shared with validate-only), and take
// stock, batches, capacity, approval kilograms and sources in the transaction that signs the manifest.
import { AppError } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { config } from '#shared/config.ts';
import { localDate, localYear } from '#shared/domain/calendar.ts';
import {
  dispatchChecks,
  type DispatchContext,
  type DispatchDraft,
  type Finding,
} from '#shared/domain/manifest/dispatch-rules.ts';
import { carriesRejected, type ManifestLine, type Taken } from '#shared/domain/manifest/manifest.ts';
import { getApproval, approvalUseWrite } from '#shared/store/approval-store.ts';
import { committedGrams, commitCapacityWrite } from '#shared/store/capacity-store.ts';
import { drawBatchWrites, planBatchDraws, type BatchDraw } from '#shared/store/batch-draw-store.ts';
import { drawLineBalanceWrite, getLineBalances } from '#shared/store/line-balance-store.ts';
import { getParties, allLicences } from '#shared/store/party-store.ts';
import { getCurrentPlan } from '#shared/store/plan-store.ts';
import { getStock, moveStock } from '#shared/store/stock-store.ts';
import type { TxItem } from '#shared/store/transact.ts';
import { actOn } from '#shared/services/manifest-access.ts';
import { dispatchCheckWrites } from '#shared/services/dispatch-deadlines.ts';
import {
  decided,
  eventDraft,
  manifestWrites,
  nextVersion,
  sign,
  type ManifestDecision,
} from '#shared/services/manifest-transition.ts';
import { defined } from '#shared/defined.ts';
import { must } from '#shared/must.ts';

/** DynamoDB's limit, less the idempotency record that commits with every transition. */
const MAX_WRITES = 99;

export async function loadDispatchContext(draft: DispatchDraft, now: Date): Promise<DispatchContext> {
  const day = localDate(now, config.timeZone);
  const year = localYear(now, config.timeZone);
  const stockCodes = [...new Set(draft.lines.filter((l) => !carriesRejected(l)).map((l) => l.wasteCode))];
  const licensed = [...new Set([draft.receiverId, ...draft.transporterIds])];
  const sourceRefs = draft.lines.flatMap((l) => l.sources ?? []);
  const [parties, licenceLists, plan, stocks, committed, approval, sourceBalances] = await Promise.all([
    getParties([draft.generatorId, draft.receiverId, ...draft.transporterIds]),
    Promise.all(licensed.map(async (id) => ({ id, licences: await allLicences(id) }))),
    getCurrentPlan(draft.generatorId, year),
    Promise.all(stockCodes.map((code) => getStock(draft.generatorId, code))),
    committedGrams(draft.receiverId, year),
    draft.approvalId ? getApproval(draft.approvalId) : undefined,
    sourceRefs.length ? getLineBalances(sourceRefs) : new Map(),
  ]);
  return {
    draft,
    day,
    year,
    parties,
    licences: new Map(licenceLists.map((l) => [l.id, l.licences])),
    plan: plan && new Set(plan.items.map((i) => i.wasteCode)),
    expectedGrams: plan && new Map(plan.items.map((i) => [i.wasteCode, i.expectedGrams])),
    dispatchedThisYear: new Map(stockCodes.map((code, i) => [code, stocks[i]?.dispatchedByYear[year] ?? 0])),
    onHandGrams: new Map(stockCodes.map((code, i) => [code, stocks[i]?.onHandGrams ?? 0])),
    committedGrams: committed,
    approval,
    sourceBalances,
  };
}

/** The batches each code's lines draw: named ones as given, the rest first in, first out (one plan per code). */
export async function planDraws(generatorId: string, lines: readonly ManifestLine[]): Promise<Taken['batches']> {
  const byCode = new Map<string, { named: BatchDraw[]; fifo: number }>();
  for (const l of lines.filter((line) => !line.sources?.length)) {
    const plan = byCode.get(l.wasteCode) ?? { named: [], fifo: 0 };
    if (l.ledgerEntries) plan.named.push(...l.ledgerEntries);
    else plan.fifo += l.grams;
    byCode.set(l.wasteCode, plan);
  }
  return Promise.all(
    [...byCode].map(async ([wasteCode, { named, fifo }]) => {
      const namedGrams = named.reduce((sum, d) => sum + d.grams, 0);
      const draws = [
        ...(named.length ? await planBatchDraws(generatorId, wasteCode, namedGrams, named) : []),
        ...(fifo > 0 ? await planBatchDraws(generatorId, wasteCode, fifo) : []),
      ];
      return { wasteCode, draws };
    }),
  );
}

/** The refusal for the first failing check, listing every failure of the same code. */
export function refusal(errors: Finding[]): AppError {
  const first = must(errors[0], 'a refusal names a failing check');
  return new AppError(
    first.code,
    first.message,
    errors.filter((e) => e.code === first.code).map(({ path, message, code }) => ({ path, message, code })),
  );
}

export async function dispatchManifest(
  actor: Actor,
  manifestId: string,
  ifMatch: number | undefined,
  now: Date,
): Promise<ManifestDecision> {
  const acting = await actOn(actor, manifestId, 'dispatch', ifMatch);
  const m = acting.manifest;
  const ctx = await loadDispatchContext(m, now);
  const { errors, take } = dispatchChecks(ctx);
  if (errors.length) throw refusal(errors);
  const batches = await planDraws(m.generatorId, m.lines);
  const approvalId = take.approvalCodes.length
    ? must(m.approvalId, 'approval codes are drawn on the manifest’s approval')
    : undefined;
  const taken: Taken = {
    stock: take.stock,
    batches,
    capacity: take.capacity.map(({ limitGrams: _l, ...c }) => ({
      ...c,
      year: ctx.year,
      ...defined({ licenceValidTo: ctx.licences.get(m.receiverId)?.find((l) => l.id === c.licenceId)?.validTo }),
    })),
    ...(approvalId
      ? { approval: { approvalId, codes: take.approvalCodes.map(({ code, grams }) => ({ code, grams })) } }
      : {}),
    sources: take.sources,
  };
  const at = now.toISOString();
  const unsigned = nextVersion(m, now, { status: acting.decision.to, dispatchedAt: at, taken });
  const signature = sign(unsigned, actor, m.generatorId, at);
  const after = { ...unsigned, signatures: { ...m.signatures, dispatch: signature } };
  const { manifest, writes } = manifestWrites(
    m,
    after,
    [eventDraft('dispatched', actor, acting, at, {}, signature.documentHash)],
    ifMatch,
  );
  const counters: TxItem[] = [
    ...take.stock.map((s) =>
      moveStock(m.generatorId, s.wasteCode, 'dispatched', s.grams, { requireOnHand: true, year: ctx.year }),
    ),
    ...batches.flatMap((b) => drawBatchWrites(m.generatorId, m.id, b.draws)),
    ...take.capacity.map((c) =>
      commitCapacityWrite(
        { partyId: m.receiverId, year: ctx.year, licenceId: c.licenceId, entryCode: c.entryCode },
        c.grams,
        c.limitGrams,
      ),
    ),
    ...(approvalId
      ? [
          approvalUseWrite(
            approvalId,
            'consume',
            take.approvalCodes.map((a) => ({ wasteCode: a.code, grams: a.grams, maxGrams: a.maxGrams })),
          ),
        ]
      : []),
    ...take.sources.map((s) => drawLineBalanceWrite(s, m.generatorId, 'SOURCE_EXCEEDED', m.id)),
    ...dispatchCheckWrites(m, ctx, take, now),
  ];
  const all = [...writes, ...counters];
  if (all.length > MAX_WRITES) {
    throw new AppError(
      'VALIDATION_FAILED',
      `This dispatch would write ${all.length} items in one transaction (at most ${MAX_WRITES}): ship fewer batches, sources or codes per manifest`,
    );
  }
  return decided(manifest, all);
}
