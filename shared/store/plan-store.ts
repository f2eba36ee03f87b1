// Management plans (管理计划): one item per filed version, never changed; the highest version of a year is current.
import type { AppError } from '#shared/errors.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { nextSerial } from '#shared/store/serial-store.ts';
import { queryAll, queryPage } from '#shared/store/read.ts';
import { putNew, type TxItem } from '#shared/store/transact.ts';

export interface PlanEntity {
  partyId: string;
  year: number;
  version: number;
  filingNumber: string;
  items: { wasteCode: string; expectedGrams: number }[];
  filedAt: string;
  filedBy: string;
}

const planItem = (p: PlanEntity) => ({ ...keys.plan(p.partyId, p.year, p.version), itemType: 'plan', ...p });

export async function getCurrentPlan(partyId: string, year: number): Promise<PlanEntity | undefined> {
  const page = await queryPage(
    { partition: keys.partyPartition(partyId), sortPrefix: keys.planYearPrefix(year), newestFirst: true },
    1,
  );
  return page.items[0] && entityOf<PlanEntity>(page.items[0]);
}

/** Every filed version of a year, newest first. */
export async function allPlanVersions(partyId: string, year: number): Promise<PlanEntity[]> {
  const items = await queryAll({
    partition: keys.partyPartition(partyId),
    sortPrefix: keys.planYearPrefix(year),
    newestFirst: true,
  });
  return items.map((i) => entityOf<PlanEntity>(i));
}

/** The next filing serial of a county and year (taken before the transaction; gaps are allowed). */
export const nextFilingSerial = (divisionCode: string, year: number): Promise<number> =>
  nextSerial(keys.planFilingCounter(divisionCode, year));

/** A version is written once: two filings racing for the same version number → one wins, the other gets `onTaken`. */
export function filePlanWrite(plan: PlanEntity, onTaken: () => AppError): TxItem {
  return putNew(planItem(plan), onTaken);
}
