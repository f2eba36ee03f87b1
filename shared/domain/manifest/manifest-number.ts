// The 14-digit manifest number (domain.md rule 10): year (4) + province (2) + city (2) + serial (6).
export const MAX_SERIAL = 999_999;

export function manifestNumber(year: number, generatorDivision: string, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL)
    throw new Error(`manifest serial ${serial} is outside 1–${MAX_SERIAL}`);
  return `${year}${generatorDivision.slice(0, 4)}${String(serial).padStart(6, '0')}`;
}
