// Management plans: members file a version per year; members and covering regulators read them (domain.md rule 7).
import { notFound } from '#shared/errors.ts';
import { config } from '#shared/config.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { localYear } from '#shared/domain/calendar.ts';
import { checkPlanItems, filingNumber } from '#shared/domain/plan-rules.ts';
import { gramsToKg, kgToGrams } from '#shared/domain/quantity.ts';
import {
  filePlanWrite,
  getCurrentPlan,
  allPlanVersions,
  nextFilingSerial,
  type PlanEntity,
} from '#shared/store/plan-store.ts';
import { assertVersion, lostRace } from '#shared/store/versioning.ts';
import type { PlanInput } from '#schemas/records.ts';
import { actFor, readPrivate } from '#shared/services/access.ts';
import { planDeadlineWrites } from '#shared/services/plan-deadlines.ts';
import type { Decision } from '#shared/services/decision.ts';

export function planView(plan: PlanEntity) {
  return {
    ...plan,
    items: plan.items.map((i) => ({ wasteCode: i.wasteCode, expectedKg: gramsToKg(i.expectedGrams) })),
  };
}

/** Files the next version of the year's plan; it replaces the items of the one before. */
export async function filePlan(
  actor: Actor,
  partyId: string,
  input: PlanInput,
  ifMatch: number | undefined,
  now: Date,
): Promise<Decision<ReturnType<typeof planView>>> {
  const { party } = await actFor(actor, partyId, { private: true });
  checkPlanItems(input.items);
  const current = await getCurrentPlan(partyId, input.year);
  assertVersion(current?.version ?? 0, ifMatch);
  const plan: PlanEntity = {
    partyId,
    year: input.year,
    version: (current?.version ?? 0) + 1,
    filingNumber: filingNumber(input.year, party.divisionCode, await nextFilingSerial(party.divisionCode, input.year)),
    items: input.items.map((i) => ({ wasteCode: i.wasteCode, expectedGrams: kgToGrams(i.expectedKg) })),
    filedAt: now.toISOString(),
    filedBy: actor.sub,
  };
  return {
    view: planView(plan),
    writes: [filePlanWrite(plan, lostRace(ifMatch)), ...(await planDeadlineWrites(party, current, plan, now))],
  };
}

/** The current version of a year (default: this year) and the versions it replaced, newest first. */
export async function listPlans(actor: Actor, partyId: string, year: number | undefined, now: Date) {
  await readPrivate(actor, partyId);
  const wanted = year ?? localYear(now, config.timeZone);
  const [current, ...history] = await allPlanVersions(partyId, wanted);
  if (!current) throw notFound(`plan for ${wanted}`);
  return { year: wanted, current: planView(current), history: history.map(planView) };
}
