// Periodic declarations (产生情况申报; api.md, "Declarations").
import * as z from './zod.ts';
import { PERIOD_PATTERN, TIERS } from '../shared/domain/declaration-periods.ts';
import { Id, Instant, LocalDate } from './common.ts';

const KgOut = z.number().openapi({ description: 'kilograms (exact: integer grams inside)' });

export const DeclarationParam = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' } }),
  period: z
    .string()
    .max(7)
    .regex(PERIOD_PATTERN, 'YYYY-MM, YYYY-Qn or YYYY')
    .openapi({ param: { name: 'period', in: 'path' }, example: '2026-Q4' }),
});

const Signature = z.object({ sub: z.string(), partyId: Id, at: Instant, documentHash: z.string() });

export const Declaration = z
  .object({
    partyId: Id,
    period: z.string(),
    kind: z.enum(['month', 'quarter', 'year']),
    from: LocalDate,
    to: LocalDate,
    tier: z.enum(TIERS),
    dueDate: LocalDate,
    lines: z.array(
      z.object({
        wasteCode: z.string(),
        openingKg: KgOut,
        generatedKg: KgOut.openapi({ description: 'generated batches, treatment residues included' }),
        receivedKg: KgOut.openapi({ description: 'accepted on manifests received' }),
        dispatchedKg: KgOut.openapi({ description: 'left stock on manifests dispatched and not cancelled' }),
        selfUtilisedKg: KgOut,
        selfDisposedKg: KgOut,
        utilisedKg: KgOut.openapi({ description: 'disposal reports of received waste, utilisation codes' }),
        disposedKg: KgOut.openapi({ description: 'disposal reports of received waste, disposal codes' }),
        closingKg: KgOut,
      }),
    ),
    status: z.enum(['draft', 'submitted']),
    version: z
      .number()
      .int()
      .openapi({ description: 'submitted: its version; draft: the version submitting it would make' }),
    signature: Signature.optional().openapi({
      description:
        'submitted: who signed, when, and the SHA-256 of the JCS of the document (the fields partyId … lines)',
    }),
    overdue: z.boolean().openapi({ description: 'no version submitted and the due date has passed' }),
    submissions: z
      .array(z.object({ version: z.number().int(), signature: Signature }))
      .openapi({ description: 'every submitted version, newest first' }),
  })
  .openapi('Declaration');
