// Management plans (管理计划备案, HJ 1259-2022 §5): filing numbers and the items of a filing (domain.md rule 7).
import { validationFailed } from '#shared/errors.ts';
import { requireWasteCode } from '#shared/domain/ledger-rules.ts';

/** JH + year + the party's county code + a 5-digit serial per county and year (JH2026140105 00001 without the space). */
export function filingNumber(year: number, divisionCode: string, serial: number): string {
  return `JH${year}${divisionCode}${String(serial).padStart(5, '0')}`;
}

/** Each item names a catalogue code (422 UNKNOWN_WASTE_CODE), each code once (400). */
export function checkPlanItems(items: { wasteCode: string }[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.wasteCode)) {
      throw validationFailed(`${item.wasteCode} is listed twice`, [
        { path: `items.${i}.wasteCode`, message: 'each waste code once' },
      ]);
    }
    seen.add(item.wasteCode);
  });
  items.forEach((item, i) => {
    requireWasteCode(item.wasteCode, `items.${i}.wasteCode`);
  });
}
