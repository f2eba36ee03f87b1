// Administrative division codes: province (2 digits), city (4), county (6).
import { once, readCsv } from '#shared/reference/load.ts';

export type DivisionLevel = 'province' | 'city' | 'county';
export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parent: string | null;
}

export const divisions = once(() => {
  const byCode = new Map<string, Division>();
  for (const r of readCsv('provinces.csv', ['code', 'name']))
    byCode.set(r.code, { code: r.code, name: r.name, level: 'province', parent: null });
  for (const r of readCsv('cities.csv', ['code', 'name', 'provinceCode']))
    byCode.set(r.code, { code: r.code, name: r.name, level: 'city', parent: r.provinceCode });
  for (const r of readCsv('areas.csv', ['code', 'name', 'cityCode']))
    byCode.set(r.code, { code: r.code, name: r.name, level: 'county', parent: r.cityCode });
  return byCode;
});

const childrenByParent = once(() => {
  const children = new Map<string | null, Division[]>();
  for (const d of divisions().values()) children.set(d.parent, [...(children.get(d.parent) ?? []), d]);
  return children;
});

export const division = (code: string): Division | undefined => divisions().get(code);
export const isCounty = (code: string): boolean => division(code)?.level === 'county';
export const childDivisions = (parent?: string): Division[] => childrenByParent().get(parent ?? null) ?? [];
export const provinceOf = (code: string): string => code.slice(0, 2);
export const cityOf = (code: string): string => code.slice(0, 4);

/** '' (nationwide, written 00) or a 2-, 4- or 6-digit prefix that names an existing division. */
export function isJurisdiction(prefix: string): boolean {
  return prefix === '00' || (/^(\d{2}|\d{4}|\d{6})$/.test(prefix) && divisions().has(prefix));
}
