// Plans, the ledger, stock and cross-province approvals (api.md, "Plans, ledger, stock" and "approvals").
import * as z from './zod.ts';
import { LEDGER_KINDS } from '../shared/domain/ledger-rules.ts';
import { MEDICAL_CATEGORIES } from '../shared/reference/catalogue.ts';
import {
  CrossProvinceParties,
  Id,
  Instant,
  Kg,
  KgOrZero,
  LocalDate,
  LongText,
  PageQuery,
  ShortText,
  WasteCodeString,
} from './common.ts';

const Year = z.number().int().min(2000).max(2100);
const KgOut = z.number().openapi({ description: 'kilograms (exact: integer grams inside)' });

export const PlanBody = z
  .strictObject({
    year: Year,
    items: z
      .array(z.strictObject({ wasteCode: WasteCodeString, expectedKg: Kg }))
      .min(1)
      .max(500),
  })
  .openapi('FilePlan');

export const Plan = z
  .object({
    partyId: Id,
    year: z.number().int(),
    version: z.number().int(),
    filingNumber: z
      .string()
      .openapi({ description: 'JH + year + county code + 5-digit serial', example: 'JH202614010500001' }),
    items: z.array(z.object({ wasteCode: z.string(), expectedKg: KgOut })),
    filedAt: Instant,
    filedBy: z.string(),
  })
  .openapi('Plan');

export const PlanHistory = z
  .object({
    year: z.number().int(),
    current: Plan,
    history: z.array(Plan).openapi({ description: 'earlier versions, newest first' }),
  })
  .openapi('PlanHistory');

export const PlanQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .openapi({ description: 'default: the current year (China Standard Time)' }),
});

export const LedgerKind = z.enum(LEDGER_KINDS);
export const MedicalCategory = z.enum(
  Object.keys(MEDICAL_CATEGORIES) as [keyof typeof MEDICAL_CATEGORIES, ...(keyof typeof MEDICAL_CATEGORIES)[]],
);

const Container = z.strictObject({
  labelCode: ShortText,
  count: z.number().int().min(1).max(100_000),
  volumeL: z.number().positive().max(100_000),
});

export const LedgerEntryBody = z
  .strictObject({
    kind: LedgerKind.default('generated'),
    wasteCode: WasteCodeString.optional().openapi({
      description: 'required, except for kind pending-identification, which has none',
    }),
    name: ShortText.optional().openapi({
      description: 'pending-identification only (required there): what the waste is called',
    }),
    process: ShortText.optional().openapi({
      description: 'pending-identification only (required there): the process that produced it',
    }),
    quantityKg: Kg,
    at: Instant.openapi({ description: 'when it happened; past or now, never future' }),
    medicalCategory: MedicalCategory.optional(),
    containers: z.array(Container).max(1000).optional(),
    mainComponents: LongText.optional(),
    operationCode: z
      .string()
      .max(10)
      .optional()
      .openapi({ description: 'self-utilised: a utilisation code (R, C); self-disposed: a disposal code (D, Y)' }),
  })
  .openapi('RecordLedgerEntry');

export const LedgerEntry = z
  .object({
    id: Id,
    partyId: Id,
    batchCode: z.string().openapi({ example: 'HWCS20260315001' }),
    kind: LedgerKind,
    wasteCode: z
      .string()
      .optional()
      .openapi({ description: 'absent while pending identification (its stock is under wasteCode "pending")' }),
    name: z.string().optional(),
    process: z.string().optional(),
    identification: z
      .object({
        result: z.enum(['hazardous', 'not-hazardous']),
        wasteCode: z.string().optional(),
        reportNumber: z.string().optional(),
        issuedBy: z.string().optional(),
        at: Instant,
        by: z.string(),
      })
      .optional()
      .openapi({ description: 'the result recorded against a pending entry (rule 29)' }),
    resultEntryId: Id.optional().openapi({ description: 'a hazardous result: the generated batch made of this entry' }),
    identifiedFrom: Id.optional().openapi({ description: 'a batch made by identifying a pending entry: that entry' }),
    quantityKg: KgOut,
    at: Instant,
    medicalCategory: MedicalCategory.optional(),
    containers: z.array(Container),
    mainComponents: z.string().optional(),
    operationCode: z.string().optional(),
    dispatchedKg: KgOut.openapi({ description: 'drawn by manifests that have not been cancelled' }),
    remainingKg: KgOut.optional().openapi({ description: 'generated batches: not yet drawn (open while > 0)' }),
    manifests: z.array(z.object({ manifestId: Id, quantityKg: KgOut })),
    residueOf: z.object({ disposalId: Id, manifestId: Id }).optional(),
    status: z
      .enum(['recorded', 'voided', 'pending', 'identified'])
      .openapi({ description: 'pending / identified: entries of kind pending-identification' }),
    voided: z.object({ reason: z.string(), at: Instant, by: z.string() }).optional(),
    recordedBy: z.string(),
    recordedAt: Instant,
    version: z.number().int(),
  })
  .openapi('LedgerEntry');

export const IdentificationBody = z
  .discriminatedUnion('result', [
    z.strictObject({
      result: z.literal('hazardous'),
      wasteCode: WasteCodeString.openapi({
        description:
          'a catalogue code, or 900-000-XX (XX its category) for identified waste the catalogue does not list',
      }),
      reportNumber: ShortText.optional(),
    }),
    z.strictObject({
      result: z.literal('not-hazardous'),
      reportNumber: ShortText,
      issuedBy: ShortText.openapi({ description: 'the body that issued the identification report' }),
    }),
  ])
  .openapi('RecordIdentification');

export const LedgerQuery = z.object({
  wasteCode: WasteCodeString.optional(),
  kind: LedgerKind.optional(),
  from: LocalDate.optional().openapi({ description: 'first local day of `at`, inclusive' }),
  to: LocalDate.optional().openapi({ description: 'last local day of `at`, inclusive' }),
  ...PageQuery,
});

export const EntryParam = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' } }),
  entryId: Id.openapi({ param: { name: 'entryId', in: 'path' } }),
});

export const Stock = z
  .object({
    items: z.array(
      z.object({
        wasteCode: z.string(),
        generatedKg: KgOut,
        acceptedKg: KgOut,
        residueKg: KgOut,
        dispatchedKg: KgOut,
        disposedKg: KgOut,
        selfTreatedKg: KgOut,
        onHandKg: KgOut.openapi({
          description: 'generated + accepted + residue − dispatched − disposed − selfTreated',
        }),
      }),
    ),
  })
  .openapi('Stock');

export const ApprovalBody = z
  .strictObject({
    generatorId: Id,
    receiverId: Id,
    wasteCodes: z
      .array(z.strictObject({ code: WasteCodeString, maxKg: Kg }))
      .min(1)
      .max(100),
    validFrom: LocalDate,
    validTo: LocalDate,
  })
  .superRefine((a, ctx) => {
    if (a.validTo < a.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo is before validFrom' });
    const seen = new Set<string>();
    a.wasteCodes.forEach((w, i) => {
      if (seen.has(w.code))
        ctx.addIssue({ code: 'custom', path: ['wasteCodes', i, 'code'], message: 'each waste code once' });
      seen.add(w.code);
    });
  })
  .openapi('IssueApproval');

export const Approval = z
  .object({
    ...CrossProvinceParties,
    wasteCodes: z.array(z.object({ code: z.string(), maxKg: KgOut, usedKg: KgOut, remainingKg: KgOut })),
    validFrom: LocalDate,
    validTo: LocalDate,
    issuedBy: z.string(),
    applicationId: Id.optional().openapi({
      description: 'the application it decided (approvals decided in WasteChain)',
    }),
    version: z.number().int(),
    createdAt: Instant,
    status: z.enum(['active', 'revoked']),
    revoked: z.object({ reason: z.string(), at: Instant, by: z.string() }).optional(),
    events: z
      .array(
        z.object({
          type: z.enum(['issued', 'amended', 'revoked']),
          at: Instant,
          by: z.string(),
          reason: z.string().optional(),
          from: z.object({ validFrom: LocalDate, validTo: LocalDate, maxKg: z.record(z.string(), KgOut) }).optional(),
          to: z.object({ validFrom: LocalDate, validTo: LocalDate, maxKg: z.record(z.string(), KgOut) }).optional(),
        }),
      )
      .openapi({ description: 'what happened to the approval, in order, never edited (rule 31)' }),
  })
  .openapi('Approval');

export const ApprovalQuery = z.object({
  generatorId: Id.optional(),
  receiverId: Id.optional(),
  province: z
    .string()
    .max(2)
    .regex(/^\d{2}$/, 'a 2-digit province code')
    .optional()
    .openapi({
      description: 'regulators of the province (or nationwide): its approvals, outbound and inbound, newest first',
    }),
  ...PageQuery,
});

export const ApprovalAmendment = z
  .strictObject({
    validFrom: LocalDate.optional().openapi({ description: 'a later start only' }),
    validTo: LocalDate.optional().openapi({ description: 'an earlier end only' }),
    wasteCodes: z
      .array(z.strictObject({ code: WasteCodeString, maxKg: KgOrZero }))
      .min(1)
      .max(100)
      .optional()
      .openapi({
        description:
          'less kilograms of approved codes (codes not listed keep theirs); never below what has been dispatched',
      }),
  })
  .refine(
    (a) => a.validFrom !== undefined || a.validTo !== undefined || a.wasteCodes !== undefined,
    'name what to narrow: validFrom, validTo or wasteCodes',
  )
  .openapi('AmendApproval');

export type PlanInput = z.infer<typeof PlanBody>;
export type LedgerEntryInput = z.infer<typeof LedgerEntryBody>;
export type LedgerQueryInput = z.infer<typeof LedgerQuery>;
export type ApprovalInput = z.infer<typeof ApprovalBody>;
