// Regional statistics as counters (pure): each fact adds to one counter per division level (nationwide, province,
// city, county), grouping dimension and waste filter (all waste, and the code's category such as HW01), keyed by
// the local month it happened in; a query then reads one partition of O(groups × months) counters and folds them.
// A party's own flows (per month and code) are counted alongside, for its declarations.
import { categoryOf } from '#shared/reference/catalogue.ts';
import { localDate } from '#shared/domain/calendar.ts';
import { PENDING_CODE } from '#shared/domain/ledger-rules.ts';
import { STAT_MEASURES, type Fact, type Movement, type StatMeasure } from '#shared/domain/stats-facts.ts';

export const STATS_DIMENSIONS = ['wasteCode', 'month', 'generator', 'receiver', 'county'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];
/** The waste filter of counters that count every code. */
export const ALL_WASTE = 'ALL';
export const NATIONWIDE = '00';

export type Grams<M extends string> = Partial<Record<M, number>>;

export interface CounterRef {
  year: number;
  /** '00' nationwide, or a 2-, 4- or 6-digit division code. */
  division: string;
  dimension: StatsDimension;
  /** ALL_WASTE or a category (HW01). */
  category: string;
  group: string;
  /** YYYY-MM, local time. */
  month: string;
}

export interface CounterDelta extends CounterRef {
  grams: Grams<StatMeasure>;
}

export interface FlowDelta {
  partyId: string;
  month: string;
  wasteCode: string;
  grams: Grams<Movement>;
}

const isStatMeasure = (m: Movement): m is StatMeasure => (STAT_MEASURES as readonly string[]).includes(m);

export const divisionLevels = (county: string): string[] => [
  ...new Set([NATIONWIDE, county.slice(0, 2), county.slice(0, 4), county].filter(Boolean)),
];

export const localMonth = (instant: string, timeZone: string): string =>
  localDate(new Date(instant), timeZone).slice(0, 7);

/** The group a fact falls in under a dimension; undefined when it has none (generation has no receiver). */
function groupOf(dimension: StatsDimension, f: Fact, month: string): string | undefined {
  switch (dimension) {
    case 'wasteCode':
      return f.wasteCode;
    case 'month':
      return month;
    case 'generator':
      return f.generatorId;
    case 'receiver':
      return f.receiverId;
    case 'county':
      return f.divisionCode || undefined;
  }
}

function add<M extends string>(target: Grams<M>, measure: M, grams: number): void {
  target[measure] = (target[measure] ?? 0) + grams;
}

const nonZero = (g: Grams<string>) => Object.values(g).some((v) => v !== 0);

/** Sums facts into counters, one delta per counter touched (a transaction may update an item once), in a fixed order. */
export function statsDeltas(facts: readonly Fact[], timeZone: string): CounterDelta[] {
  const byId = new Map<string, CounterDelta>();
  for (const f of facts) {
    // Waste pending identification is in the party's own declarations (its own row), not in regional statistics,
    // which count it once identified, under its code.
    if (!isStatMeasure(f.movement) || f.wasteCode === PENDING_CODE) continue;
    const month = localMonth(f.at, timeZone);
    const year = Number(month.slice(0, 4));
    for (const division of divisionLevels(f.divisionCode)) {
      for (const dimension of STATS_DIMENSIONS) {
        const group = groupOf(dimension, f, month);
        if (group === undefined) continue;
        for (const category of [ALL_WASTE, categoryOf(f.wasteCode)]) {
          const id = [year, division, dimension, category, group, month].join('|');
          const delta = byId.get(id) ?? { year, division, dimension, category, group, month, grams: {} };
          add(delta.grams, f.movement, f.grams);
          byId.set(id, delta);
        }
      }
    }
  }
  return [...byId]
    .filter(([, d]) => nonZero(d.grams))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, d]) => d);
}

/** Sums facts into each party's flows per local month and waste code. */
export function flowDeltas(facts: readonly Fact[], timeZone: string): FlowDelta[] {
  const byId = new Map<string, FlowDelta>();
  for (const f of facts) {
    const month = localMonth(f.at, timeZone);
    const id = [f.partyId, month, f.wasteCode].join('|');
    const delta = byId.get(id) ?? { partyId: f.partyId, month, wasteCode: f.wasteCode, grams: {} };
    add(delta.grams, f.movement, f.grams);
    byId.set(id, delta);
  }
  return [...byId]
    .filter(([, d]) => nonZero(d.grams))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, d]) => d);
}

export interface Counter {
  group: string;
  month: string;
  grams: Record<StatMeasure, number>;
}

export interface StatsRow {
  group: string;
  /** Only when split by month. */
  month?: string;
  grams: Record<StatMeasure, number>;
}

export const zeroGrams = (): Record<StatMeasure, number> => ({
  generated: 0,
  dispatched: 0,
  received: 0,
  utilised: 0,
  disposed: 0,
});

/** One row per group (and month, when `perMonth`), ordered by group then month. */
export function foldRows(counters: readonly Counter[], perMonth: boolean): StatsRow[] {
  const rows = new Map<string, StatsRow>();
  for (const c of counters) {
    const id = perMonth ? `${c.group}|${c.month}` : c.group;
    const row = rows.get(id) ?? { group: c.group, ...(perMonth ? { month: c.month } : {}), grams: zeroGrams() };
    for (const m of STAT_MEASURES) row.grams[m] += c.grams[m];
    rows.set(id, row);
  }
  return [...rows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
}

/** The utilisation/disposal rate (utilised + disposed) / received, to 4 decimals; null when nothing was received. */
export function utilisationRate(g: Record<StatMeasure, number>): number | null {
  if (g.received === 0) return null;
  return Math.round(((g.utilised + g.disposed) / g.received) * 10_000) / 10_000;
}
