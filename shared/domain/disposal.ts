// Disposal reports (利用处置情况报告; domain.md rules 3, 19, 20): per received line, the operation that ended its
// waste, how many grams and when; residues of the treatment start new chains. Pure: what the service read comes in.
import { AppError, type FieldError } from '#shared/errors.ts';
import { isWasteCode, operations } from '#shared/reference/catalogue.ts';
import { localDate } from '#shared/domain/calendar.ts';
import { coveringEntry, type LicenceLike } from '#shared/domain/manifest/licence-cover.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { arrivedCode } from '#shared/domain/manifest/receipt.ts';
import { sumBy } from '#shared/domain/quantity.ts';
import { must } from '#shared/must.ts';

export type OperationKind = 'utilisation' | 'disposal';

/** The licence operation each kind of code needs (utilise for R and C codes, dispose for D and Y codes). */
export const LICENCE_OPERATION: Record<OperationKind, 'utilise' | 'dispose'> = {
  utilisation: 'utilise',
  disposal: 'dispose',
};

/** A report keeps residues to a handful, so its transaction (two items per residue) stays inside DynamoDB's 100. */
export const MAX_RESIDUES = 10;
export const MAX_REPORT_LINES = 30;

export interface DisposalLine {
  lineNo: number;
  wasteCode: string;
  operationCode: string;
  kind: OperationKind;
  grams: number;
  completedAt: string;
}

export interface Residue {
  wasteCode: string;
  grams: number;
  /** The receiver's ledger batch the residue became. */
  entryId: string;
}

/** Who the manifest concerns, kept on the report so the chain decides its visibility without reading the manifest. */
export type ManifestParties = Pick<
  Manifest,
  'generatorId' | 'receiverId' | 'transporterIds' | 'generatorDivision' | 'receiverDivision'
>;

export interface DisposalReport {
  id: string;
  manifestId: string;
  manifestNumber: string;
  receiverId: string;
  manifestParties: ManifestParties;
  lines: DisposalLine[];
  residues: Residue[];
  /** True when this report accounted for the manifest's last kilogram and completed it. */
  completedManifest: boolean;
  signature: { sub: string; partyId: string; at: string; documentHash: string };
  createdAt: string;
}

export interface DisposalInput {
  lines: { lineNo: number; operationCode: string; grams: number; completedAt: string }[];
  residues: { wasteCode: string; grams: number }[];
}

export interface DisposalPlan {
  lines: DisposalLine[];
  /** Grams drawn from each line's available accepted grams (one draw per line). */
  draws: { lineNo: number; grams: number }[];
  /** Grams leaving the receiver's stock per waste code (one move per code). */
  disposed: { wasteCode: string; grams: number }[];
  /** When the treatment ended: the latest completion time (residues are generated then). */
  completedAt: string;
}

export interface DisposalContext {
  manifest: Pick<Manifest, 'lines' | 'receivedAt'>;
  /** Available accepted grams per line number (the line balances). */
  availableGrams: ReadonlyMap<number, number>;
  licences: readonly LicenceLike[];
  now: Date;
  timeZone: string;
}

/** Checks a report in api.md's order (400 input, 422 codes, licence, quantities) and says what it takes. */
export function planDisposal(input: DisposalInput, ctx: DisposalContext): DisposalPlan {
  const byLine = new Map(ctx.manifest.lines.map((l) => [l.lineNo, l]));
  const errors: FieldError[] = [];
  input.lines.forEach((l, i) => {
    if (!byLine.has(l.lineNo))
      errors.push({ path: `lines.${i}.lineNo`, message: `the manifest has no line ${l.lineNo}` });
    if (new Date(l.completedAt) > ctx.now)
      errors.push({ path: `lines.${i}.completedAt`, message: 'cannot be in the future' });
    if (ctx.manifest.receivedAt && new Date(l.completedAt) < new Date(ctx.manifest.receivedAt)) {
      errors.push({ path: `lines.${i}.completedAt`, message: 'cannot be before the receipt' });
    }
  });
  const disposedCodes = new Set(
    input.lines.flatMap((l) => {
      const line = byLine.get(l.lineNo);
      return line ? [arrivedCode(line)] : [];
    }),
  );
  const seenResidues = new Set<string>();
  input.residues.forEach((r, i) => {
    if (seenResidues.has(r.wasteCode))
      errors.push({ path: `residues.${i}.wasteCode`, message: 'one entry per residue code' });
    if (disposedCodes.has(r.wasteCode))
      errors.push({
        path: `residues.${i}.wasteCode`,
        message: 'a residue is another waste than the one this report treats',
      });
    seenResidues.add(r.wasteCode);
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'The disposal report is invalid', errors);

  const unknown = input.residues.findIndex((r) => !isWasteCode(r.wasteCode));
  const unknownResidue = input.residues[unknown];
  if (unknownResidue) {
    throw new AppError('UNKNOWN_WASTE_CODE', `${unknownResidue.wasteCode} is not in the 2021 catalogue`, [
      { path: `residues.${unknown}.wasteCode`, message: 'not in the 2021 catalogue' },
    ]);
  }

  const lines = input.lines.map((l, i): DisposalLine => {
    const line = must(byLine.get(l.lineNo), `line ${l.lineNo} was checked above`);
    const kind = must(
      operations().get(l.operationCode),
      `the schema admits catalogue operations only (${l.operationCode})`,
    ).kind;
    const wasteCode = arrivedCode(line);
    const day = localDate(new Date(l.completedAt), ctx.timeZone);
    const allowing = ctx.licences.filter((lic) => lic.operations.includes(LICENCE_OPERATION[kind]));
    if (!coveringEntry(allowing, { wasteCode, medicalCategory: line.medicalCategory }, day)) {
      throw new AppError(
        'LICENCE_MISSING',
        `No verified licence valid on ${day} lets the receiver ${LICENCE_OPERATION[kind]} ${wasteCode} (${l.operationCode})`,
        [
          {
            path: `lines.${i}.operationCode`,
            message: `needs a licence with operation ${LICENCE_OPERATION[kind]} covering ${wasteCode}`,
          },
        ],
      );
    }
    return {
      lineNo: l.lineNo,
      wasteCode,
      operationCode: l.operationCode,
      kind,
      grams: l.grams,
      completedAt: new Date(l.completedAt).toISOString(),
    };
  });

  const draws = [...sumBy(lines.map((l) => [l.lineNo, l.grams] as const))].map(([lineNo, grams]) => ({
    lineNo,
    grams,
  }));
  for (const d of draws) {
    const available = ctx.availableGrams.get(d.lineNo) ?? 0;
    if (d.grams > available) {
      throw new AppError(
        'OVER_DISPOSAL',
        `Line ${d.lineNo} has ${available / 1000} kg accepted and not yet disposed or shipped on, less than ${d.grams / 1000} kg`,
        [{ path: 'lines', message: `line ${d.lineNo}: at most ${available / 1000} kg` }],
      );
    }
  }
  const disposed = [...sumBy(lines.map((l) => [l.wasteCode, l.grams] as const))].map(([wasteCode, grams]) => ({
    wasteCode,
    grams,
  }));
  const completedAt = must(
    lines
      .map((l) => l.completedAt)
      .sort()
      .at(-1),
    'a disposal report has a line',
  );
  return { lines, draws, disposed, completedAt };
}
