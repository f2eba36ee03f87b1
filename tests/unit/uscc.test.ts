import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckCharacter, USCC_CHARSET } from '#shared/domain/uscc.ts';

const charsetChar = fc.constantFrom(...USCC_CHARSET.split(''));
const first17 = fc
  .tuple(
    fc.array(charsetChar, { minLength: 2, maxLength: 2 }),
    fc.stringMatching(/^\d{6}$/),
    fc.array(charsetChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([a, d, b]) => a.join('') + d + b.join(''));

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published real codes', () => {
    // Check characters of codes printed on public business licences.
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('911100001000080343')).toBe(true);
  });

  it('accepts every code whose 18th character is the computed check character', () => {
    fc.assert(fc.property(first17, (head) => isValidUscc(head + usccCheckCharacter(head))));
  });

  it('refuses every code whose check character is changed', () => {
    fc.assert(
      fc.property(first17, charsetChar, (head, other) => {
        fc.pre(other !== usccCheckCharacter(head));
        return !isValidUscc(head + other);
      }),
    );
  });

  it('detects any single changed character among the first 17', () => {
    fc.assert(
      fc.property(first17, fc.nat(16), charsetChar, (head, index, replacement) => {
        const changed = head.slice(0, index) + replacement + head.slice(index + 1);
        fc.pre(changed !== head && /^..\d{6}/.test(changed));
        return !isValidUscc(changed + usccCheckCharacter(head));
      }),
    );
  });

  it('refuses wrong lengths and characters outside the charset (I, O, S, V, Z, lower case)', () => {
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100M000100Y433')).toBe(false);
    expect(isValidUscc('91350100M000I00Y43')).toBe(false);
    expect(isValidUscc('91350100m000100y43')).toBe(false);
  });
});
