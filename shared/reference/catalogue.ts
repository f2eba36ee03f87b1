// 国家危险废物名录 (2021), medical categories and operation codes, served from memory.
import { once, readCsv } from '#shared/reference/load.ts';

export type Hazard = 'T' | 'C' | 'I' | 'R' | 'In';

export interface WasteCode {
  code: string;
  category: string;
  categoryName: string;
  industry: string;
  description: string;
  hazards: Hazard[];
}

export interface Operation {
  code: string;
  kind: 'utilisation' | 'disposal';
  name: string;
  nameEn: string;
}

export const MEDICAL_CATEGORIES = {
  infectious: '841-001-01',
  sharps: '841-002-01',
  pathological: '841-003-01',
  chemical: '841-004-01',
  pharmaceutical: '841-005-01',
} as const;
export type MedicalCategory = keyof typeof MEDICAL_CATEGORIES;

export const wasteCodes = once(() => {
  const byCode = new Map<string, WasteCode>();
  for (const row of readCsv('hw-catalogue-2021.csv', [
    'waste_code',
    'category',
    'category_name',
    'industry_name',
    'description',
    'hazard_codes',
  ])) {
    byCode.set(row.waste_code, {
      code: row.waste_code,
      category: row.category,
      categoryName: row.category_name,
      industry: row.industry_name,
      description: row.description,
      hazards: row.hazard_codes.split('|') as Hazard[],
    });
  }
  return byCode;
});

export const categories = once(() => new Set([...wasteCodes().values()].map((w) => w.category)));

export const operations = once(() => {
  const byCode = new Map<string, Operation>();
  for (const row of readCsv('operations.csv', ['code', 'kind', 'name_zh', 'name_en'])) {
    byCode.set(row.code, {
      code: row.code,
      kind: row.kind as Operation['kind'],
      name: row.name_zh,
      nameEn: row.name_en,
    });
  }
  return byCode;
});

/** 900-000-XX: identified hazardous waste the catalogue does not list, XX its category (rule 29). */
const UNLISTED = /^900-000-(\d{2})$/;
export const isUnlistedCode = (code: string): boolean => UNLISTED.test(code) && categories().has(`HW${code.slice(-2)}`);
/** A catalogue code, or an identified unlisted one (accepted wherever a waste code is). */
export const isWasteCode = (code: string): boolean => wasteCodes().has(code) || isUnlistedCode(code);
export const isCategory = (code: string): boolean => categories().has(code);
/** The category of a catalogue code: its last two digits (ML). */
export const categoryOf = (code: string): string => `HW${code.slice(-2)}`;

export function searchWasteCodes(q?: string, category?: string): WasteCode[] {
  const needle = q?.trim().toLowerCase();
  return [...wasteCodes().values()].filter(
    (w) =>
      (!category || w.category === category) &&
      (!needle || w.code.includes(needle) || w.description.toLowerCase().includes(needle)),
  );
}
