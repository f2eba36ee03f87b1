// Statistics (api.md, "stats"): the change stream counts every fact into counters per division level, dimension and
// month, exactly once; a regulator's query reads one partition of counters (O(groups × months)), never manifests.
import { config } from '#shared/config.ts';
import { AppError } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { localYear } from '#shared/domain/calendar.ts';
import { gramsToKg } from '#shared/domain/quantity.ts';
import { factsOf, STAT_MEASURES } from '#shared/domain/stats-facts.ts';
import {
  ALL_WASTE,
  flowDeltas,
  foldRows,
  NATIONWIDE,
  statsDeltas,
  utilisationRate,
  type StatsDimension,
  type StatsRow,
} from '#shared/domain/stats.ts';
import { division } from '#shared/reference/divisions.ts';
import { isCategory, wasteCodes } from '#shared/reference/catalogue.ts';
import { getParties, getParty } from '#shared/store/party-store.ts';
import { applyOnce, counterWrite, flowWrite, statsCounters } from '#shared/store/stats-store.ts';
import type { ChangeRecord } from '#shared/stream/change-records.ts';
import { regulatorDivision } from '#shared/services/oversight-service.ts';

/** Stream consumer (rides on the alerts function): counts each record's facts once. */
export async function onStatsChanges(records: ChangeRecord[], now: Date): Promise<void> {
  const divisions = new Map<string, string>();
  const divisionOf = async (partyId: string) => {
    const known = divisions.get(partyId);
    if (known !== undefined) return known;
    const read = (await getParty(partyId))?.divisionCode ?? '';
    divisions.set(partyId, read);
    return read;
  };
  for (const r of records) {
    const facts = factsOf(r);
    if (facts.length) {
      // Ledger entries name only their party: its county is read here (and kept for the batch).
      const placed = await Promise.all(
        facts.map(async (f) => (f.divisionCode ? f : { ...f, divisionCode: await divisionOf(f.partyId) })),
      );
      const writes = [
        ...statsDeltas(placed, config.timeZone).map(counterWrite),
        ...flowDeltas(placed, config.timeZone).map(flowWrite),
      ];
      await applyOnce(`${r.key}#${r.sequenceNumber}`, writes, now);
    }
  }
}

export interface StatsQuery {
  division?: string | undefined;
  year?: number | undefined;
  groupBy: StatsDimension;
  /** A waste category (HW01): count only its codes. */
  category?: string | undefined;
  /** One row per group and month instead of per group. */
  perMonth?: boolean;
}

/** Display names of the groups: party names, division names, waste code descriptions. */
async function groupNames(groupBy: StatsDimension, groups: string[]): Promise<Map<string, string>> {
  if (groupBy === 'generator' || groupBy === 'receiver') {
    return new Map([...(await getParties(groups)).values()].map((p) => [p.id, p.name]));
  }
  const nameOf = (g: string) =>
    groupBy === 'county' ? division(g)?.name : groupBy === 'wasteCode' ? wasteCodes().get(g)?.description : undefined;
  return new Map(
    groups.flatMap((g): [string, string][] => {
      const name = nameOf(g);
      return name ? [[g, name]] : [];
    }),
  );
}

function rowView(r: StatsRow, names: Map<string, string>) {
  return {
    group: r.group,
    ...(names.has(r.group) ? { name: names.get(r.group) } : {}),
    ...(r.month ? { month: r.month } : {}),
    ...Object.fromEntries(STAT_MEASURES.map((m) => [`${m}Kg`, gramsToKg(r.grams[m])])),
    rate: utilisationRate(r.grams),
  } as { group: string; name?: string; month?: string; rate: number | null } & Record<
    `${(typeof STAT_MEASURES)[number]}Kg`,
    number
  >;
}

export async function viewStats(actor: Actor, q: StatsQuery, now: Date) {
  const prefix = regulatorDivision(actor, q.division);
  if (q.category && !isCategory(q.category)) {
    throw new AppError('UNKNOWN_WASTE_CODE', `${q.category} is not a category of the 2021 catalogue`, [
      { path: 'query.category', message: 'not a catalogue category' },
    ]);
  }
  const year = q.year ?? localYear(now, config.timeZone);
  const counters = await statsCounters(year, prefix || NATIONWIDE, q.groupBy, q.category ?? ALL_WASTE);
  const rows = foldRows(counters, q.perMonth ?? false);
  const names = await groupNames(q.groupBy, [...new Set(rows.map((r) => r.group))]);
  return {
    division: prefix || NATIONWIDE,
    year,
    groupBy: q.groupBy,
    category: q.category ?? null,
    items: rows.map((r) => rowView(r, names)),
  };
}
