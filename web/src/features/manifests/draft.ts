// The create form's state (what the user typed, as typed) and the API body built from it.
import { fromLocalInput, num, toLocalInput } from '../../lib/format.ts';
import type { Manifest, Schemas } from '../../lib/api.ts';

export interface LineDraft {
  wasteCode: string;
  name: string;
  quantityKg: string;
  packaging: string;
  containerCount: string;
  medicalCategory: string;
  physicalForm: string;
  hazards: string[];
  /** `<manifestId>:<lineNo>` of a received line this line ships on (a collector's onward manifest), or '' */
  source: string;
}
export interface Draft {
  receiver: { id: string; name: string }[];
  carriers: { id: string; name: string }[];
  plannedPickupAt: string;
  lines: LineDraft[];
  /** the cross-province approval this manifest uses (rule 30), or '' (a transfer within the province) */
  approvalId: string;
}

export const emptyLine = (): LineDraft => ({
  wasteCode: '',
  name: '',
  quantityKg: '',
  packaging: 'drum',
  containerCount: '1',
  medicalCategory: '',
  physicalForm: 'solid',
  hazards: [],
  source: '',
});
export const emptyDraft = (): Draft => ({
  receiver: [],
  carriers: [],
  plannedPickupAt: toLocalInput(new Date(Date.now() + 3_600_000)),
  lines: [emptyLine()],
  approvalId: '',
});

/** HW01 (medical waste) codes are 841-…-01: their lines name a medical category. */
export const isMedical = (code: string) => code.trim().startsWith('841-');

/** A line's 来源联单 choice (`manifestId:lineNo`, see sourceChoice) as the API's `sources`; none when nothing is chosen. */
function sourcesOf(
  source: string,
  quantityKg: number,
): { sources?: NonNullable<Schemas['CreateManifest']['lines'][number]['sources']> } {
  const [manifestId, lineNo] = source.split(':');
  return manifestId && lineNo ? { sources: [{ manifestId, lineNo: Number(lineNo), quantityKg }] } : {};
}

/** The 来源联单 choice of a line with exactly one source; a line with none or several has no single choice. */
function sourceChoice(sources: readonly { manifestId: string; lineNo: number }[]): string {
  const [only, ...more] = sources;
  return only && more.length === 0 ? `${only.manifestId}:${only.lineNo}` : '';
}

export function bodyOf(generatorId: string, d: Draft): Schemas['CreateManifest'] {
  return {
    generatorId,
    receiverId: d.receiver[0]?.id ?? '',
    transporterIds: d.carriers.map((c) => c.id),
    plannedPickupAt: fromLocalInput(d.plannedPickupAt),
    lines: d.lines.map((l) => ({
      wasteCode: l.wasteCode.trim(),
      name: l.name,
      quantityKg: num(l.quantityKg),
      packaging: l.packaging as never,
      containerCount: num(l.containerCount),
      physicalForm: l.physicalForm as never,
      hazards: l.hazards as never,
      ...(isMedical(l.wasteCode) && l.medicalCategory ? { medicalCategory: l.medicalCategory as never } : {}),
      ...sourcesOf(l.source, num(l.quantityKg)),
    })),
    ...(d.approvalId ? { approvalId: d.approvalId } : {}),
  };
}

export function draftOf(m: Manifest, names: Record<string, string>): Draft {
  return {
    receiver: [{ id: m.receiverId, name: names[m.receiverId] ?? m.receiverId }],
    carriers: m.transporterIds.map((id) => ({ id, name: names[id] ?? id })),
    plannedPickupAt: m.plannedPickupAt ? toLocalInput(new Date(m.plannedPickupAt)) : '',
    lines: m.lines.map((l) => ({
      wasteCode: l.wasteCode,
      name: l.name,
      quantityKg: String(l.quantityKg),
      packaging: l.packaging,
      containerCount: String(l.containerCount),
      medicalCategory: l.medicalCategory ?? '',
      physicalForm: l.physicalForm,
      hazards: [...l.hazards],
      source: sourceChoice(l.sources ?? []),
    })),
    approvalId: m.approvalId ?? '',
  };
}
