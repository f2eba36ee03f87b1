import { describe, expect, it } from 'vitest';
import {
  categories,
  categoryOf,
  isCategory,
  isWasteCode,
  MEDICAL_CATEGORIES,
  operations,
  searchWasteCodes,
  wasteCodes,
} from '#shared/reference/catalogue.ts';

describe('the 2021 national catalogue, medical categories and operations', () => {
  it('holds 467 codes in 46 categories, HW01–HW40 and HW45–HW50', () => {
    expect(wasteCodes().size).toBe(467);
    expect(categories().size).toBe(46);
    for (const missing of ['HW41', 'HW42', 'HW43', 'HW44']) expect(isCategory(missing)).toBe(false);
    for (const present of ['HW01', 'HW08', 'HW40', 'HW45', 'HW50']) expect(isCategory(present)).toBe(true);
  });

  it('names each code NNN-NNN-NN with its category in the last two digits and known hazards', () => {
    for (const w of wasteCodes().values()) {
      expect(w.code).toMatch(/^\d{3}-\d{3}-\d{2}$/);
      expect(categoryOf(w.code)).toBe(w.category);
      expect(w.hazards.length).toBeGreaterThan(0);
      for (const h of w.hazards) expect(['T', 'C', 'I', 'R', 'In']).toContain(h);
    }
    expect(wasteCodes().get('900-041-49')).toMatchObject({ category: 'HW49', hazards: ['T', 'In'] });
  });

  it('maps the five medical categories to HW01 codes of the catalogue', () => {
    expect(Object.keys(MEDICAL_CATEGORIES)).toEqual([
      'infectious',
      'sharps',
      'pathological',
      'chemical',
      'pharmaceutical',
    ]);
    for (const code of Object.values(MEDICAL_CATEGORIES)) {
      expect(isWasteCode(code)).toBe(true);
      expect(categoryOf(code)).toBe('HW01');
    }
  });

  it('tells utilisation (R, C) from disposal (D, Y) operations', () => {
    expect(operations().size).toBeGreaterThan(0);
    for (const op of operations().values()) {
      expect(op.kind).toBe(/^[RC]/.test(op.code) ? 'utilisation' : 'disposal');
      expect(op.code).toMatch(/^[RCDY]\d+$/);
    }
  });

  it('searches by code fragment, by description and by category', () => {
    expect(searchWasteCodes('900-041').map((w) => w.code)).toEqual(['900-041-49']);
    expect(searchWasteCodes('感染性').map((w) => w.code)).toContain('841-001-01');
    const hw08 = searchWasteCodes(undefined, 'HW08');
    expect(hw08.length).toBeGreaterThan(10);
    expect(hw08.every((w) => w.category === 'HW08')).toBe(true);
    expect(searchWasteCodes('no such waste anywhere')).toEqual([]);
    expect(searchWasteCodes()).toHaveLength(467);
  });
});
