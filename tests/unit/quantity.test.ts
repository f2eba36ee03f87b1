import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gramsToKg, hasAtMostThreeDecimals, kgToGrams, MAX_KG } from '#shared/domain/quantity.ts';

const grams = fc.integer({ min: 1, max: MAX_KG * 1000 });

describe('kilograms at the edge, integer grams inside', () => {
  it('converts every kilogram value with at most 3 decimals to its exact grams and back', () => {
    fc.assert(
      fc.property(grams, (g) => {
        const kg = gramsToKg(g);
        expect(hasAtMostThreeDecimals(kg)).toBe(true);
        expect(kgToGrams(kg)).toBe(g);
        expect(gramsToKg(kgToGrams(kg))).toBe(kg);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the decimal a user types (1250.5, 0.001, 10000000) as exact grams', () => {
    expect(kgToGrams(1250.5)).toBe(1_250_500);
    expect(kgToGrams(0.001)).toBe(1);
    expect(kgToGrams(0.1 + 0.2)).toBe(300);
    expect(kgToGrams(MAX_KG)).toBe(10_000_000_000);
  });

  it('sums in grams exactly where kilograms in floating point would not', () => {
    fc.assert(
      fc.property(
        fc.array(
          grams.map((g) => g % 1_000_000 || 1),
          { minLength: 1, maxLength: 50 },
        ),
        (parts) => {
          const total = parts.reduce((s, g) => s + g, 0);
          expect(
            parts
              .map(gramsToKg)
              .map(kgToGrams)
              .reduce((s, g) => s + g, 0),
          ).toBe(total);
        },
      ),
    );
  });

  it('refuses a fourth decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 1, max: 9 }), (tenthsOfGram, digit) => {
        expect(hasAtMostThreeDecimals((tenthsOfGram * 10 + digit) / 10_000)).toBe(false);
      }),
    );
  });
});
