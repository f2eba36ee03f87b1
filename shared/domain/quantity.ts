// Kilograms at the HTTP edge, integer grams everywhere else, so sums are exact.
export const MAX_KG = 10_000_000;

/** True when `kg` has at most 3 decimals (allowing for binary floating point). */
export function hasAtMostThreeDecimals(kg: number): boolean {
  const grams = kg * 1000;
  return Math.abs(grams - Math.round(grams)) < 1e-6;
}

export const kgToGrams = (kg: number): number => Math.round(kg * 1000);
export const gramsToKg = (grams: number): number => grams / 1000;

/** Grams summed per key, in the order keys first appear. */
export function sumBy<K>(pairs: Iterable<readonly [K, number]>): Map<K, number> {
  const totals = new Map<K, number>();
  for (const [k, g] of pairs) totals.set(k, (totals.get(k) ?? 0) + g);
  return totals;
}
