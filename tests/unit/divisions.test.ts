import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  childDivisions,
  cityOf,
  division,
  divisions,
  isCounty,
  isJurisdiction,
  provinceOf,
} from '#shared/reference/divisions.ts';

const all = () => [...divisions().values()];

describe('administrative divisions', () => {
  it('knows Shanxi (14), Lüliang (1411) and Lishi (141102) at their levels, with their parents', () => {
    expect(division('14')).toEqual({ code: '14', name: '山西省', level: 'province', parent: null });
    expect(division('1411')).toMatchObject({ name: '吕梁市', level: 'city', parent: '14' });
    expect(division('141102')).toMatchObject({ name: '离石区', level: 'county', parent: '1411' });
    expect(division('149999')).toBeUndefined();
  });

  it('lists the 31 provinces without a parent, and the children of 14 include 1411', () => {
    expect(childDivisions()).toHaveLength(31);
    expect(childDivisions().every((d) => d.level === 'province')).toBe(true);
    const shanxi = childDivisions('14').map((d) => d.code);
    expect(shanxi).toContain('1411');
    expect(shanxi).toHaveLength(11);
    expect(childDivisions('1411').map((d) => d.code)).toContain('141102');
    expect(childDivisions('141102')).toEqual([]);
  });

  it('derives the level from the length of the code, and every parent exists and prefixes its child', () => {
    const levels = { 2: 'province', 4: 'city', 6: 'county' } as const;
    for (const d of all()) {
      expect(d.level).toBe(levels[d.code.length as 2 | 4 | 6]);
      if (d.parent) {
        expect(division(d.parent)).toBeDefined();
        expect(d.code.startsWith(d.parent)).toBe(true);
      }
    }
  });

  it('accepts only existing 6-digit county codes as a party division', () => {
    expect(isCounty('140105')).toBe(true);
    expect(isCounty('1401')).toBe(false);
    expect(isCounty('14')).toBe(false);
    fc.assert(fc.property(fc.constantFrom(...all()), (d) => isCounty(d.code) === (d.level === 'county')));
  });

  it('takes 00 (nationwide) and any existing province, city or county as a jurisdiction', () => {
    for (const ok of ['00', '14', '1411', '141102', '65', '6523']) expect(isJurisdiction(ok)).toBe(true);
    for (const bad of ['', '0', '1', '141', '14110', '1411021', '99', '1499', 'ab'])
      expect(isJurisdiction(bad)).toBe(false);
  });

  it('reads the province and the city from a county code', () => {
    fc.assert(
      fc.property(fc.constantFrom(...all().filter((d) => d.level === 'county')), (county) => {
        expect(cityOf(county.code)).toBe(county.parent);
        expect(provinceOf(county.code)).toBe(division(county.parent!)!.parent);
      }),
    );
  });
});
