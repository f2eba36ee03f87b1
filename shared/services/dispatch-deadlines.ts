// The checks a dispatch queues in its own transaction: capacity-reached for each receiver counter it commits to, and
// over-plan for each code it takes from the generator's stock (rules 4 and 7; neither refuses the dispatch).
import type { DispatchContext, DispatchTake } from '#shared/domain/manifest/dispatch-rules.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import type { TxItem } from '#shared/store/transact.ts';
import { capacityCheckWrites, overPlanCheckWrites } from '#shared/services/deadline-writes.ts';

export function dispatchCheckWrites(
  m: Manifest,
  ctx: DispatchContext,
  take: Pick<DispatchTake, 'capacity' | 'stock'>,
  now: Date,
): TxItem[] {
  const licences = ctx.licences.get(m.receiverId) ?? [];
  const capacity = take.capacity.flatMap((c) => {
    const annual = licences
      .find((l) => l.id === c.licenceId)
      ?.wasteCodes.find((w) => w.code === c.entryCode)?.annualCapacityGrams;
    const before = ctx.committedGrams.get(`${c.licenceId}|${c.entryCode}`) ?? 0;
    return capacityCheckWrites(
      { partyId: m.receiverId, year: ctx.year, licenceId: c.licenceId, entryCode: c.entryCode },
      before,
      annual,
      m.receiverDivision,
      now,
    );
  });
  // No plan: dispatch was refused (PLAN_MISSING), or the manifest is a replacement, which takes no stock.
  const expected = ctx.expectedGrams;
  const overPlan = expected
    ? take.stock.flatMap((s) => {
        const overBefore = (ctx.dispatchedThisYear?.get(s.wasteCode) ?? 0) > (expected.get(s.wasteCode) ?? 0);
        return overPlanCheckWrites(m.generatorId, ctx.year, s.wasteCode, overBefore, m.generatorDivision, now);
      })
    : [];
  return [...capacity, ...overPlan];
}
