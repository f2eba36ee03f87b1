// Regulator oversight: manifests by division, key units, alerts, statistics (api.md, "Chains and oversight").
import * as z from './zod.ts';
import { Id, Instant, LocalDate, PageQuery } from './common.ts';
import { ALERT_TYPES } from '../shared/domain/alert-rules.ts';

export const DivisionFilter = z
  .string()
  .max(6)
  .regex(/^(00|\d{2}|\d{4}|\d{6})$/, 'a 2-, 4- or 6-digit division code, or 00 (nationwide)')
  .openapi({ description: 'defaults to your jurisdiction; must lie within it' });

export const OversightManifestQuery = z.object({
  division: DivisionFilter.optional(),
  status: z
    .enum(['draft', 'dispatched', 'in_transit', 'delivered', 'received', 'completed', 'cancelled', 'rejected', 'lost'])
    .optional(),
  wasteCode: z
    .string()
    .max(10)
    .regex(/^\d{3}-\d{3}-\d{2}$/)
    .optional(),
  from: LocalDate.optional().openapi({ description: 'created on or after this local date' }),
  to: LocalDate.optional().openapi({ description: 'created on or before this local date' }),
  ...PageQuery,
});

export const OversightManifest = z
  .object({
    id: Id,
    number: z.string(),
    status: z.string(),
    generatorId: Id,
    receiverId: Id,
    generatorDivision: z.string(),
    receiverDivision: z.string(),
    wasteCodes: z.array(z.string()),
    quantityKg: z.number(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .openapi('OversightManifest');

export const KeyUnitQuery = z.object({
  division: DivisionFilter.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...PageQuery,
});

export const AlertQuery = z.object({
  division: DivisionFilter.optional(),
  type: z.enum(ALERT_TYPES).optional(),
  status: z.enum(['open', 'closed']).optional(),
  ...PageQuery,
});

export const Alert = z
  .object({
    id: Id,
    type: z.string(),
    status: z.enum(['open', 'closed']),
    subjectId: z.string(),
    partyId: Id,
    divisionCode: z.string(),
    manifestId: Id.optional(),
    since: Instant.optional().openapi({
      description:
        'When this occurrence of the cause began: a cause that returns after going away is a new occurrence, a new alert',
    }),
    dueAt: Instant,
    openedAt: Instant,
    closedAt: Instant.optional(),
    closedBy: z.string().optional(),
    closeNote: z.string().optional(),
    version: z.number().int(),
  })
  .openapi('Alert');
