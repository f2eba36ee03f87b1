// A declaration's figures (产生情况申报), generated from the party's flows per month and waste code, never retyped:
// opening stock is every month before the period, the period's movements are its months, and closing follows.
import { gramsToKg } from '#shared/domain/quantity.ts';
import type { Grams } from '#shared/domain/stats.ts';
import { MOVEMENTS, type Movement } from '#shared/domain/stats-facts.ts';
import type { Period, Tier } from '#shared/domain/declaration-periods.ts';

export interface Flow {
  month: string;
  wasteCode: string;
  grams: Grams<Movement>;
}

export interface DeclarationLine {
  wasteCode: string;
  openingGrams: number;
  /** Movements in the period, by kind (generated includes treatment residues; utilised/disposed are disposal reports). */
  movements: Record<Movement, number>;
  closingGrams: number;
}

/** +1 for movements that add to what is on hand, −1 for those that take from it (as stock does). */
export const ON_HAND_SIGN: Record<Movement, 1 | -1> = {
  generated: 1,
  received: 1,
  dispatched: -1,
  utilised: -1,
  disposed: -1,
  selfUtilised: -1,
  selfDisposed: -1,
};

const zero = (): Record<Movement, number> =>
  Object.fromEntries(MOVEMENTS.map((m) => [m, 0])) as Record<Movement, number>;
const onHand = (g: Grams<Movement>) => MOVEMENTS.reduce((sum, m) => sum + ON_HAND_SIGN[m] * (g[m] ?? 0), 0);

/** Per waste code with any stock or movement, by code: opening, the period's movements, closing. */
export function declarationLines(
  flows: readonly Flow[],
  period: Pick<Period, 'firstMonth' | 'lastMonth'>,
): DeclarationLine[] {
  const lines = new Map<string, DeclarationLine>();
  for (const f of flows) {
    if (f.month > period.lastMonth) continue;
    const line = lines.get(f.wasteCode) ?? {
      wasteCode: f.wasteCode,
      openingGrams: 0,
      movements: zero(),
      closingGrams: 0,
    };
    if (f.month < period.firstMonth) line.openingGrams += onHand(f.grams);
    else for (const m of MOVEMENTS) line.movements[m] += f.grams[m] ?? 0;
    lines.set(f.wasteCode, line);
  }
  return [...lines.values()]
    .map((l) => ({ ...l, closingGrams: l.openingGrams + onHand(l.movements) }))
    .filter((l) => l.openingGrams !== 0 || l.closingGrams !== 0 || MOVEMENTS.some((m) => l.movements[m] !== 0))
    .sort((a, b) => (a.wasteCode < b.wasteCode ? -1 : 1));
}

/** A line as declared, in kilograms. */
export interface DeclaredLine {
  wasteCode: string;
  openingKg: number;
  generatedKg: number;
  receivedKg: number;
  dispatchedKg: number;
  selfUtilisedKg: number;
  selfDisposedKg: number;
  utilisedKg: number;
  disposedKg: number;
  closingKg: number;
}

export function declaredLine(l: DeclarationLine): DeclaredLine {
  const kg = (m: Movement) => gramsToKg(l.movements[m]);
  return {
    wasteCode: l.wasteCode,
    openingKg: gramsToKg(l.openingGrams),
    generatedKg: kg('generated'),
    receivedKg: kg('received'),
    dispatchedKg: kg('dispatched'),
    selfUtilisedKg: kg('selfUtilised'),
    selfDisposedKg: kg('selfDisposed'),
    utilisedKg: kg('utilised'),
    disposedKg: kg('disposed'),
    closingKg: gramsToKg(l.closingGrams),
  };
}

/** The document a submission signs, as the party sees it: its hash (JCS, SHA-256) is the copy of record. */
export interface DeclarationDocument {
  partyId: string;
  period: string;
  kind: Period['kind'];
  from: string;
  to: string;
  tier: Tier;
  dueDate: string;
  lines: DeclaredLine[];
}
