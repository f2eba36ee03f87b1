// The checks a dispatch runs (domain.md rules 2–8, 16, 22, 24), as pure functions of what the service read.
// Dispatch throws the first error; validate-only lists them all: the same functions answer both.
import type { ErrorCode } from '#shared/errors.ts';
import { MEDICAL_CATEGORIES, categoryOf } from '#shared/reference/catalogue.ts';
import { provinceOf } from '#shared/reference/divisions.ts';
import {
  capacityLimitGrams,
  coveringEntry,
  holdsTransportLicence,
  type LicenceLike,
} from '#shared/domain/manifest/licence-cover.ts';
import { carriesRejected, type Manifest, type ManifestLine } from '#shared/domain/manifest/manifest.ts';
import { sumBy } from '#shared/domain/quantity.ts';

export interface Finding {
  path: string;
  code: ErrorCode;
  message: string;
}

export interface PartyFacts {
  id: string;
  status: string;
  kinds: readonly string[];
  divisionCode: string;
}

export interface ApprovalLike {
  id: string;
  generatorId: string;
  receiverId: string;
  wasteCodes: readonly { code: string; maxGrams: number; usedGrams: number }[];
  validFrom: string;
  validTo: string;
  /** Revoked (rule 31): dispatch under it is refused as if there were none. */
  revoked?: unknown;
}

export interface SourceBalance {
  holderId: string;
  wasteCode: string;
  availableAcceptedGrams: number;
  availableRejectedGrams: number;
}

export type DispatchDraft = Pick<
  Manifest,
  'generatorId' | 'receiverId' | 'transporterIds' | 'lines' | 'approvalId' | 'returnToOrigin'
>;

export interface DispatchContext {
  draft: DispatchDraft;
  day: string;
  year: number;
  parties: ReadonlyMap<string, PartyFacts>;
  licences: ReadonlyMap<string, readonly LicenceLike[]>;
  /** The plan filed for the year, by waste code (undefined: none filed). */
  plan?: ReadonlySet<string> | undefined;
  /** The plan's expected grams by code, and what the year's dispatches took so far (over-plan's check, not a refusal). */
  expectedGrams?: ReadonlyMap<string, number> | undefined;
  dispatchedThisYear?: ReadonlyMap<string, number>;
  onHandGrams: ReadonlyMap<string, number>;
  /** Committed grams per capacity counter, keyed `${licenceId}|${entryCode}`. */
  committedGrams: ReadonlyMap<string, number>;
  approval?: ApprovalLike | undefined;
  /** Source line balances, keyed `${manifestId}|${lineNo}`. */
  sourceBalances: ReadonlyMap<string, SourceBalance>;
}

/** What the dispatch will take, derived by the same checks that allow it. */
export interface DispatchTake {
  capacity: { licenceId: string; entryCode: string; limitGrams: number; grams: number; lineNos: number[] }[];
  stock: { wasteCode: string; grams: number }[];
  approvalCodes: { code: string; grams: number; maxGrams: number }[];
  sources: { manifestId: string; lineNo: number; accepted: number; rejected: number }[];
}

const isMedical = (code: string) => categoryOf(code) === 'HW01';

/** Rule 22, first half: an HW01 line names its matching category, and only HW01 lines name one. Also run at create. */
export function medicalCategoryFindings(
  lines: readonly Pick<ManifestLine, 'wasteCode' | 'medicalCategory'>[],
): Finding[] {
  return lines.flatMap((l, i) => {
    const ok = isMedical(l.wasteCode)
      ? l.medicalCategory !== undefined && MEDICAL_CATEGORIES[l.medicalCategory] === l.wasteCode
      : l.medicalCategory === undefined;
    if (ok) return [];
    const message = isMedical(l.wasteCode)
      ? `${l.wasteCode} needs its matching medicalCategory`
      : `${l.wasteCode} is not medical waste; medicalCategory belongs to HW01 codes only`;
    return [{ path: `lines.${i}.medicalCategory`, code: 'MEDICAL_CATEGORY_MISMATCH' as const, message }];
  });
}

/** Rule 2: the parties of a new dispatch are active (a suspended one neither sends nor receives new loads). */
export function activePartyFindings(ctx: DispatchContext): Finding[] {
  const { draft } = ctx;
  const named: [string, string][] = [
    ['generatorId', draft.generatorId],
    ['receiverId', draft.receiverId],
    ...draft.transporterIds.map((id, i): [string, string] => [`transporterIds.${i}`, id]),
  ];
  return named
    .filter(([, id]) => ctx.parties.get(id)?.status !== 'active')
    .map(([path, id]) => ({ path, code: 'PARTY_NOT_ACTIVE' as const, message: `Party ${id} is not active` }));
}

/** Rule 22, second half: only a medical party, a collector shipping on, or a replacement dispatches HW01. */
export function medicalGeneratorFindings(ctx: DispatchContext): Finding[] {
  const generator = ctx.parties.get(ctx.draft.generatorId);
  if (generator?.kinds.includes('medical')) return [];
  return ctx.draft.lines.flatMap((l, i) =>
    isMedical(l.wasteCode) && !l.sources?.length
      ? [
          {
            path: `lines.${i}.wasteCode`,
            code: 'MEDICAL_GENERATOR_REQUIRED' as const,
            message: 'Only a medical institution, a collector shipping on, or a replacement dispatches HW01 waste',
          },
        ]
      : [],
  );
}

/** Rules 3, 4, 24: the receiver's licence covers each line on the day, and its capacity holds (120%). */
export function receiverFindings(ctx: DispatchContext): {
  errors: Finding[];
  warnings: Finding[];
  capacity: DispatchTake['capacity'];
} {
  if (ctx.draft.returnToOrigin) return { errors: [], warnings: [], capacity: [] };
  const licences = ctx.licences.get(ctx.draft.receiverId) ?? [];
  const errors: Finding[] = [];
  const byEntry = new Map<string, DispatchTake['capacity'][number] & { annual: number }>();
  ctx.draft.lines.forEach((l, i) => {
    const entry = coveringEntry(licences, l, ctx.day);
    if (!entry) {
      errors.push({
        path: `lines.${i}.wasteCode`,
        code: 'LICENCE_MISSING',
        message: `The receiver holds no verified licence valid on ${ctx.day} covering ${l.wasteCode}`,
      });
      return;
    }
    const key = `${entry.licenceId}|${entry.entryCode}`;
    const use = byEntry.get(key) ?? {
      licenceId: entry.licenceId,
      entryCode: entry.entryCode,
      limitGrams: capacityLimitGrams(entry.annualCapacityGrams),
      grams: 0,
      lineNos: [],
      annual: entry.annualCapacityGrams,
    };
    use.grams += l.grams;
    use.lineNos.push(l.lineNo);
    byEntry.set(key, use);
  });
  const warnings: Finding[] = [];
  const capacity = [...byEntry.entries()].map(([key, { annual, ...use }]) => {
    const committed = (ctx.committedGrams.get(key) ?? 0) + use.grams;
    const path = `lines.${ctx.draft.lines.findIndex((l) => l.lineNo === use.lineNos[0])}.quantityKg`;
    if (committed > use.limitGrams) {
      errors.push({
        path,
        code: 'CAPACITY_EXCEEDED',
        message: `This would commit ${committed / 1000} kg against ${use.entryCode}, past 120% of its ${annual / 1000} kg annual capacity`,
      });
    } else if (committed > annual) {
      warnings.push({
        path,
        code: 'CAPACITY_EXCEEDED',
        message: `This passes 100% of the ${use.entryCode} annual capacity (a capacity-reached alert opens)`,
      });
    }
    return use;
  });
  return { errors, warnings, capacity };
}

/** Rule 5: every carrier holds a verified transport licence valid on the day. */
export function carrierFindings(ctx: DispatchContext): Finding[] {
  if (ctx.draft.transporterIds.length === 0) {
    return [{ path: 'transporterIds', code: 'VALIDATION_FAILED', message: 'A dispatch needs at least one carrier' }];
  }
  return ctx.draft.transporterIds.flatMap((id, i) =>
    transportLicenceFindings(id, ctx.licences.get(id) ?? [], ctx.day, `transporterIds.${i}`),
  );
}

function transportLicenceFindings(id: string, licences: readonly LicenceLike[], day: string, path: string): Finding[] {
  return holdsTransportLicence(licences, day)
    ? []
    : [{ path, code: 'LICENCE_MISSING', message: `Carrier ${id} holds no verified transport licence valid on ${day}` }];
}

/** Carriers joining a dispatched manifest (rules 2, 5): active, and licensed for transport on the day. */
export function carrierPartyFindings(
  ids: readonly string[],
  parties: ReadonlyMap<string, PartyFacts>,
  licences: ReadonlyMap<string, readonly LicenceLike[]>,
  day: string,
  pathOf: (i: number) => string,
): Finding[] {
  const inactive = ids.flatMap((id, i) =>
    parties.get(id)?.status === 'active'
      ? []
      : [{ path: pathOf(i), code: 'PARTY_NOT_ACTIVE' as const, message: `Party ${id} is not active` }],
  );
  return [...inactive, ...ids.flatMap((id, i) => transportLicenceFindings(id, licences.get(id) ?? [], day, pathOf(i)))];
}

/** Rule 7: a plan filed for the year lists each code (a replacement needs none). */
export function planFindings(ctx: DispatchContext): Finding[] {
  return ctx.draft.lines.flatMap((l, i) =>
    carriesRejected(l) || ctx.plan?.has(l.wasteCode)
      ? []
      : [
          {
            path: `lines.${i}.wasteCode`,
            code: 'PLAN_MISSING' as const,
            message: `No management plan filed for ${ctx.year} lists ${l.wasteCode}`,
          },
        ],
  );
}

/** Rule 8: nobody ships what they never recorded (a replacement ships its sources instead). */
export function stockFindings(ctx: DispatchContext): { errors: Finding[]; stock: DispatchTake['stock'] } {
  const needed = sumBy(
    ctx.draft.lines.filter((l) => !carriesRejected(l)).map((l): [string, number] => [l.wasteCode, l.grams]),
  );
  const errors: Finding[] = [];
  for (const [wasteCode, grams] of needed) {
    const onHand = ctx.onHandGrams.get(wasteCode) ?? 0;
    if (onHand < grams) {
      const i = ctx.draft.lines.findIndex((l) => l.wasteCode === wasteCode);
      errors.push({
        path: `lines.${i}.quantityKg`,
        code: 'INSUFFICIENT_STOCK',
        message: `${grams / 1000} kg of ${wasteCode} needed, ${onHand / 1000} kg on hand`,
      });
    }
  }
  return { errors, stock: [...needed].map(([wasteCode, grams]) => ({ wasteCode, grams })) };
}

/** Rules 19, 21: each source line was received by this generator and still has the kilograms of its portion. */
export function sourceFindings(ctx: DispatchContext): { errors: Finding[]; sources: DispatchTake['sources'] } {
  const draws = new Map<string, DispatchTake['sources'][number] & { path: string; wasteCode: string }>();
  ctx.draft.lines.forEach((l, i) => {
    l.sources?.forEach((s, j) => {
      const key = `${s.manifestId}|${s.lineNo}`;
      const draw = draws.get(key) ?? {
        manifestId: s.manifestId,
        lineNo: s.lineNo,
        accepted: 0,
        rejected: 0,
        path: `lines.${i}.sources.${j}`,
        wasteCode: l.wasteCode,
      };
      draw[s.portion] += s.grams;
      draws.set(key, draw);
    });
  });
  const errors: Finding[] = [];
  for (const [key, d] of draws) {
    const balance = ctx.sourceBalances.get(key);
    const fits =
      balance &&
      balance.holderId === ctx.draft.generatorId &&
      balance.wasteCode === d.wasteCode &&
      balance.availableAcceptedGrams >= d.accepted &&
      balance.availableRejectedGrams >= d.rejected;
    if (!fits) {
      errors.push({
        path: d.path,
        code: 'SOURCE_EXCEEDED',
        message: `Line ${d.lineNo} of manifest ${d.manifestId} does not hold these kilograms of ${d.wasteCode} for this generator`,
      });
    }
  }
  return { errors, sources: [...draws.values()].map(({ path: _p, wasteCode: _w, ...draw }) => draw) };
}

/** Rule 16: across provinces, an approval naming both parties, valid on the day, covering each code with kilograms left. */
export function approvalFindings(
  ctx: DispatchContext,
  generatorDivision: string,
  receiverDivision: string,
): { errors: Finding[]; approvalCodes: DispatchTake['approvalCodes'] } {
  if (ctx.draft.returnToOrigin || provinceOf(generatorDivision) === provinceOf(receiverDivision))
    return { errors: [], approvalCodes: [] };
  const a = ctx.approval;
  const required = (message: string, path = 'approvalId'): Finding => ({ path, code: 'APPROVAL_REQUIRED', message });
  if (!ctx.draft.approvalId)
    return { errors: [required('A cross-province transfer needs an approval (approvalId)')], approvalCodes: [] };
  if (!a || a.generatorId !== ctx.draft.generatorId || a.receiverId !== ctx.draft.receiverId) {
    return { errors: [required('The approval does not name this generator and receiver')], approvalCodes: [] };
  }
  if (a.revoked) return { errors: [required('The approval has been revoked')], approvalCodes: [] };
  if (ctx.day < a.validFrom || ctx.day > a.validTo)
    return { errors: [required(`The approval is not valid on ${ctx.day}`)], approvalCodes: [] };
  const errors: Finding[] = [];
  const totals = new Map<string, { grams: number; index: number; entry: ApprovalLike['wasteCodes'][number] }>();
  ctx.draft.lines.forEach((l, i) => {
    const entry =
      a.wasteCodes.find((w) => w.code === l.wasteCode) ?? a.wasteCodes.find((w) => w.code === categoryOf(l.wasteCode));
    if (!entry) {
      errors.push(required(`The approval does not cover ${l.wasteCode}`, `lines.${i}.wasteCode`));
      return;
    }
    const total = totals.get(entry.code) ?? { grams: 0, index: i, entry };
    total.grams += l.grams;
    totals.set(entry.code, total);
  });
  for (const { grams, index, entry } of totals.values()) {
    if (entry.usedGrams + grams > entry.maxGrams) {
      errors.push({
        path: `lines.${index}.quantityKg`,
        code: 'APPROVAL_EXCEEDED',
        message: `The approval has ${(entry.maxGrams - entry.usedGrams) / 1000} kg of ${entry.code} left`,
      });
    }
  }
  return {
    errors,
    approvalCodes: [...totals.values()].map((t) => ({
      code: t.entry.code,
      grams: t.grams,
      maxGrams: t.entry.maxGrams,
    })),
  };
}

/** Every dispatch check, in the order their refusals are answered. */
export function dispatchChecks(ctx: DispatchContext): { errors: Finding[]; warnings: Finding[]; take: DispatchTake } {
  const generator = ctx.parties.get(ctx.draft.generatorId);
  const receiver = ctx.parties.get(ctx.draft.receiverId);
  const receiverCheck = receiverFindings(ctx);
  const stock = stockFindings(ctx);
  const sources = sourceFindings(ctx);
  const approval = approvalFindings(ctx, generator?.divisionCode ?? '', receiver?.divisionCode ?? '');
  const errors = [
    ...activePartyFindings(ctx),
    ...medicalCategoryFindings(ctx.draft.lines),
    ...medicalGeneratorFindings(ctx),
    ...carrierFindings(ctx),
    ...receiverCheck.errors,
    ...planFindings(ctx),
    ...stock.errors,
    ...sources.errors,
    ...approval.errors,
  ];
  return {
    errors,
    warnings: receiverCheck.warnings,
    take: {
      capacity: receiverCheck.capacity,
      stock: stock.stock,
      approvalCodes: approval.approvalCodes,
      sources: sources.sources,
    },
  };
}
