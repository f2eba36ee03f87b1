// Cross-province applications (api.md "Applications"; domain.md rule 30).
import * as z from './zod.ts';
import { APPLICATION_ACTIONS, APPLICATION_STATES } from '../shared/domain/application/transition-table.ts';
import { lastDayOfTerm } from '../shared/domain/approval-rules.ts';
import { ATTACHMENT_KINDS } from '../shared/domain/application/attachments.ts';
import {
  CrossProvinceParties,
  Id,
  Instant,
  Kg,
  LocalDate,
  LongText,
  PageQuery,
  ShortText,
  WasteCodeString,
} from './common.ts';

const KgOut = z.number().openapi({ description: 'kilograms (exact: integer grams inside)' });

export const APPLICATION_METHODS = ['store', 'utilise', 'dispose'] as const;
/** At most this many attachments on one application (the first submission and every resubmission together). */
export const MAX_ATTACHMENTS = 50;

export const Attachment = z
  .strictObject({
    kind: z.enum(ATTACHMENT_KINDS),
    name: ShortText,
    documentHash: z
      .string()
      .max(64)
      .regex(/^[0-9a-fA-F]{64}$/, 'the SHA-256 of the file, 64 hex digits')
      .transform((h) => h.toLowerCase())
      .openapi({
        description: 'SHA-256 of the file, hex; the file itself stays with the applicant',
        example: 'a'.repeat(64),
      }),
  })
  .openapi('ApplicationAttachment');
const Attachments = z.array(Attachment).max(MAX_ATTACHMENTS);

const ApplicationState = z.enum(APPLICATION_STATES);
const Step = z.enum(['acceptance', 'preliminary-view', 'consent', 'decision']);

export const ApplicationBody = z
  .strictObject({
    generatorId: Id,
    receiverId: Id,
    wasteCodes: z
      .array(z.strictObject({ code: WasteCodeString, maxKg: Kg }))
      .min(1)
      .max(100),
    method: z.enum(APPLICATION_METHODS).openapi({ description: 'an operation the receiver’s verified licence allows' }),
    requestedFrom: LocalDate,
    requestedTo: LocalDate,
    attachments: Attachments,
  })
  .superRefine((a, ctx) => {
    // zod runs this refinement even when a date failed its format check (that issue does not abort): compare only
    // real dates, or lastDayOfTerm would throw on the malformed one and the request would answer 500.
    const datesValid = LocalDate.safeParse(a.requestedFrom).success && LocalDate.safeParse(a.requestedTo).success;
    if (datesValid && a.requestedTo < a.requestedFrom)
      ctx.addIssue({ code: 'custom', path: ['requestedTo'], message: 'requestedTo is before requestedFrom' });
    else if (datesValid && a.requestedTo > lastDayOfTerm(a.requestedFrom)) {
      ctx.addIssue({
        code: 'custom',
        path: ['requestedTo'],
        message: `an approval lasts at most 12 months: until ${lastDayOfTerm(a.requestedFrom)} at the latest`,
      });
    }
    const seen = new Set<string>();
    a.wasteCodes.forEach((w, i) => {
      if (seen.has(w.code))
        ctx.addIssue({ code: 'custom', path: ['wasteCodes', i, 'code'], message: 'each waste code once' });
      seen.add(w.code);
    });
  })
  .openapi('SubmitApplication');

export const MissingBody = z
  .strictObject({ missing: z.array(ShortText).min(1).max(50) })
  .openapi('ApplicationIncomplete');
export const ResubmitBody = z.strictObject({ attachments: Attachments.min(1) }).openapi('ApplicationResubmit');
export const ApproveApplicationBody = z
  .strictObject({ validFrom: LocalDate, validTo: LocalDate })
  .superRefine((a, ctx) => {
    if (a.validTo < a.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo is before validFrom' });
  })
  .openapi('ApproveApplication');
export const ApplicationReason = z.strictObject({ reason: LongText });

const HistoryEntry = z.object({
  action: z.enum([...APPLICATION_ACTIONS, 'submit', 'deemed-accept']),
  status: ApplicationState,
  at: Instant,
  by: z.string(),
  step: Step.optional().openapi({ description: 'the step this entry opened' }),
  dueAt: Instant.optional().openapi({ description: 'when that step falls due (working days, holiday calendar)' }),
  late: z.boolean().optional().openapi({ description: 'taken after the step it closed was due' }),
  missing: z.array(z.string()).optional(),
  reason: z.string().optional(),
  validFrom: LocalDate.optional(),
  validTo: LocalDate.optional(),
  approvalId: Id.optional(),
  attachments: z.number().int().optional().openapi({ description: 'attachments added by this entry' }),
});

export const Application = z
  .object({
    ...CrossProvinceParties,
    wasteCodes: z.array(z.object({ code: z.string(), maxKg: KgOut })),
    method: z.enum(APPLICATION_METHODS),
    requestedFrom: LocalDate,
    requestedTo: LocalDate,
    attachments: z.array(
      z.object({ kind: z.enum(ATTACHMENT_KINDS), name: z.string(), documentHash: z.string(), addedAt: Instant }),
    ),
    status: ApplicationState,
    missing: z.array(z.string()).optional(),
    approvalId: Id.optional(),
    submittedAt: Instant,
    due: z
      .object({
        step: Step,
        owedBy: z.enum(['outbound', 'receiving']),
        province: z.string(),
        since: Instant,
        dueAt: Instant,
        overdue: z.boolean(),
      })
      .nullable()
      .openapi({
        description: 'the step the application waits for; null when final or with the generator (incomplete)',
      }),
    history: z.array(HistoryEntry),
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .openapi('ApprovalApplication');

export const ApplicationActions = z
  .array(z.object({ action: z.enum(APPLICATION_ACTIONS), as: z.enum(['outbound', 'receiving', 'generator']) }))
  .openapi('ApplicationActions');

export const ApplicationQuery = z.object({
  generatorId: Id.optional(),
  province: z
    .string()
    .max(2)
    .regex(/^\d{2}$/, 'a 2-digit province code')
    .optional()
    .openapi({ description: 'regulators: the applications of this province and those inbound to it' }),
  status: ApplicationState.optional(),
  ...PageQuery,
});

export type ApplicationInput = z.infer<typeof ApplicationBody>;
export type AttachmentInput = z.infer<typeof Attachment>;
