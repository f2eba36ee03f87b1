// What filing a plan version starts, in the filing's transaction: the declarations its tier owes that year (rule 9),
// and over-plan for codes already dispatched beyond what the new version expects (rule 7).
import { tierOf } from '#shared/domain/declaration-periods.ts';
import type { PartyEntity } from '#shared/store/party-store.ts';
import type { PlanEntity } from '#shared/store/plan-store.ts';
import { allStock } from '#shared/store/stock-store.ts';
import type { TxItem } from '#shared/store/transact.ts';
import { declarationDeadlineWrites } from '#shared/services/declaration-deadlines.ts';
import { overPlanCheckWrites } from '#shared/services/deadline-writes.ts';

const expectedOf = (plan: Pick<PlanEntity, 'items'> | undefined, code: string) =>
  plan?.items.find((i) => i.wasteCode === code)?.expectedGrams ?? 0;

export async function planDeadlineWrites(
  party: Pick<PartyEntity, 'id' | 'divisionCode' | 'keyUnitYears'>,
  before: PlanEntity | undefined,
  plan: PlanEntity,
  now: Date,
): Promise<TxItem[]> {
  const tier = tierOf(
    (party.keyUnitYears ?? []).includes(plan.year),
    plan.items.reduce((sum, i) => sum + i.expectedGrams, 0),
  );
  const dispatched = (await allStock(party.id)).map((s) => ({
    code: s.wasteCode,
    grams: s.dispatchedByYear[plan.year] ?? 0,
  }));
  const over = dispatched.filter((d) => d.grams > expectedOf(plan, d.code));
  return [
    ...declarationDeadlineWrites(party, plan.year, tier, now),
    ...over.flatMap((d) =>
      overPlanCheckWrites(
        party.id,
        plan.year,
        d.code,
        before !== undefined && d.grams > expectedOf(before, d.code),
        party.divisionCode,
        now,
      ),
    ),
  ];
}
