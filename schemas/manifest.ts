// The electronic transfer manifest (电子转移联单): request bodies and the manifest as the API returns it (api.md).
import * as z from './zod.ts';
import { kgToGrams } from '../shared/domain/quantity.ts';
import { MANIFEST_STATES, MAX_CARRIERS, MAX_LINES, MAX_SOURCES } from '../shared/domain/manifest/manifest.ts';
import { ACTIONS } from '../shared/domain/manifest/transition-table.ts';
import { EVENT_TYPES } from '../shared/domain/hash-chain.ts';
import { Hazard } from './catalogue.ts';
import { Id, Instant, Kg, KgOrZero, LocalDate, LongText, PageQuery, ShortText, WasteCodeString } from './common.ts';

export const PhysicalForm = z.enum(['solid', 'semi-solid', 'liquid', 'gas', 'sludge']);
export const Packaging = z.enum(['drum', 'bag', 'box', 'tank', 'ibc', 'bulk', 'sharps-container', 'other']);
export const MedicalCategory = z.enum(['infectious', 'sharps', 'pathological', 'chemical', 'pharmaceutical']);
export const Portion = z.enum(['accepted', 'rejected']);
export const ManifestStatus = z.enum(MANIFEST_STATES);
export const Disposition = z.enum(['return', 'alternate']);

const unique = <T>(values: T[]) => new Set(values).size === values.length;
const grams = (items: { quantityKg: number }[]) => items.reduce((sum, i) => sum + kgToGrams(i.quantityKg), 0);

export const SourceInput = z.strictObject({
  manifestId: Id,
  lineNo: z.number().int().min(1).max(MAX_LINES),
  quantityKg: Kg,
  portion: Portion.optional().openapi({
    description: '`accepted` (default): shipping on what was accepted; `rejected`: a replacement',
  }),
});

export const LineInput = z
  .strictObject({
    wasteCode: WasteCodeString,
    name: ShortText,
    physicalForm: PhysicalForm,
    hazards: z.array(Hazard).min(1).max(5).refine(unique, 'hazards must not repeat'),
    packaging: Packaging,
    containerCount: z.number().int().min(1).max(100_000),
    quantityKg: Kg,
    medicalCategory: MedicalCategory.optional(),
    ledgerEntries: z
      .array(z.strictObject({ entryId: Id, quantityKg: Kg }))
      .min(1)
      .max(40)
      .optional()
      .openapi({
        description: 'the batches shipped; left out: the oldest open batches of the code (first in, first out)',
      }),
    sources: z
      .array(SourceInput)
      .min(1)
      .max(MAX_SOURCES)
      .optional()
      .openapi({ description: 'received manifest lines this generator ships on; they sum exactly to quantityKg' }),
  })
  .superRefine((l, ctx) => {
    if (l.ledgerEntries && l.sources)
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'a line ships named batches or sources, not both' });
    if (l.ledgerEntries && grams(l.ledgerEntries) !== kgToGrams(l.quantityKg)) {
      ctx.addIssue({ code: 'custom', path: ['ledgerEntries'], message: 'the named batches must add up to quantityKg' });
    }
    if (l.sources && grams(l.sources) !== kgToGrams(l.quantityKg)) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'the sources must add up exactly to quantityKg' });
    }
  });

const lines = z
  .array(LineInput)
  .min(1)
  .max(MAX_LINES)
  .refine(
    (ls) => ls.reduce((n, l) => n + (l.sources?.length ?? 0), 0) <= MAX_SOURCES,
    `at most ${MAX_SOURCES} sources per manifest`,
  );
const carriers = z.array(Id).max(MAX_CARRIERS).refine(unique, 'carriers must not repeat');

/** A draft's fields as a whole: what PATCH must leave (a replacement draft has no carriers or pickup time yet). */
export const DraftFields = z.strictObject({
  generatorId: Id,
  transporterIds: carriers,
  receiverId: Id,
  lines,
  plannedPickupAt: Instant.optional(),
  approvalId: Id.optional(),
});

export const CreateManifestBody = DraftFields.extend({
  transporterIds: carriers.min(1).openapi({ description: `1–${MAX_CARRIERS} carriers in leg order` }),
  lines: lines.openapi({ description: `1–${MAX_LINES} lines (one DynamoDB transaction per transition)` }),
  plannedPickupAt: Instant,
}).openapi('CreateManifest');

export const PatchManifestBody = z
  .strictObject({
    transporterIds: carriers.optional(),
    receiverId: Id.optional(),
    lines: lines.optional(),
    plannedPickupAt: Instant.nullable().optional(),
    approvalId: Id.nullable().optional(),
  })
  .openapi('PatchManifest', {
    description: 'JSON Merge Patch (RFC 7396): null removes a field, an array replaces the old one whole',
  });

const rejectionRefine = (
  r: { disposition: string; alternateReceiverId?: string | undefined },
  ctx: z.RefinementCtx,
) => {
  if (r.disposition === 'alternate' && !r.alternateReceiverId)
    ctx.addIssue({
      code: 'custom',
      path: ['alternateReceiverId'],
      message: 'an alternate disposition names the alternate receiver',
    });
  if (r.disposition === 'return' && r.alternateReceiverId)
    ctx.addIssue({ code: 'custom', path: ['alternateReceiverId'], message: 'a return goes to the original generator' });
};

export const ReceiveBody = z
  .strictObject({
    receivedAt: Instant,
    lines: z
      .array(
        z.strictObject({
          lineNo: z.number().int().min(1).max(MAX_LINES),
          receivedKg: KgOrZero,
          containerCount: z.number().int().min(0).max(100_000),
          rejectedKg: KgOrZero.optional(),
          rejectionReason: LongText.optional(),
          differentWaste: z.boolean().optional(),
          actualWasteCode: WasteCodeString.optional(),
        }),
      )
      .min(1)
      .max(MAX_LINES),
    rejection: z
      .strictObject({ disposition: Disposition, alternateReceiverId: Id.optional() })
      .superRefine(rejectionRefine)
      .optional(),
  })
  .openapi('Receive');

export const RejectBody = z
  .strictObject({ reason: LongText, disposition: Disposition, alternateReceiverId: Id.optional() })
  .superRefine(rejectionRefine)
  .openapi('Reject');

export const PickupBody = z
  .strictObject({
    transporterId: Id,
    vehiclePlate: z.string().trim().min(2).max(20),
    driverName: ShortText,
    phoneConsent: z.boolean().optional().openapi({
      description:
        "true records the driver's separate consent (PIPL 29) to send their phone's positions for this leg; without it the leg's track refuses points of source phone (no-consent)",
    }),
  })
  .openapi('Pickup');
export const DeliverBody = z.strictObject({ transporterId: Id, deliveredAt: Instant }).openapi('Deliver');
export const CarriersBody = z
  .strictObject({
    transporterIds: carriers.openapi({ description: 'the carriers for the legs not yet picked up, in order' }),
  })
  .openapi('ChangeCarriers');

const Signature = z.object({ sub: z.string(), partyId: Id, at: Instant, documentHash: z.string() });
const Receipt = z.object({
  receivedKg: z.number(),
  rejectedKg: z.number(),
  acceptedKg: z.number(),
  containerCount: z.number().int(),
  rejectionReason: z.string().optional(),
  differentWaste: z.boolean().optional(),
  actualWasteCode: z.string().optional(),
});

export const Manifest = z
  .object({
    id: Id,
    number: z.string().openapi({ description: '14 digits: year, province, city, serial', example: '20261401000001' }),
    status: ManifestStatus,
    generatorId: Id,
    transporterIds: z.array(Id),
    receiverId: Id,
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        wasteCode: z.string(),
        name: z.string(),
        physicalForm: PhysicalForm,
        hazards: z.array(Hazard),
        packaging: Packaging,
        containerCount: z.number().int(),
        quantityKg: z.number(),
        medicalCategory: MedicalCategory.optional(),
        ledgerEntries: z.array(z.object({ entryId: Id, quantityKg: z.number() })).optional(),
        sources: z
          .array(z.object({ manifestId: Id, lineNo: z.number().int(), quantityKg: z.number(), portion: Portion }))
          .optional(),
        receipt: Receipt.optional(),
      }),
    ),
    plannedPickupAt: Instant.optional(),
    approvalId: Id.optional(),
    currentLeg: z
      .number()
      .int()
      .openapi({ description: 'how many carriers have picked up; the load is with transporterIds[currentLeg − 1]' }),
    legs: z.array(
      z.object({
        transporterId: Id,
        vehiclePlate: z.string(),
        driverName: z.string(),
        pickedUpAt: Instant,
        phoneConsentAt: Instant.optional().openapi({
          description: "when the driver's consent to phone positions was recorded (at pickup)",
        }),
      }),
    ),
    signatures: z.object({
      dispatch: Signature.optional(),
      pickups: z.array(Signature),
      delivery: Signature.optional(),
      receipt: Signature.optional(),
      rejection: Signature.optional(),
    }),
    dispatchedAt: Instant.optional(),
    deliveredAt: Instant.optional(),
    receivedAt: Instant.optional(),
    discrepancy: z
      .object({
        status: z.enum(['open', 'explained', 'closed']),
        lines: z.array(
          z.object({
            lineNo: z.number().int(),
            reasons: z.array(z.enum(['quantity', 'containers', 'different-waste', 'lost'])),
          }),
        ),
        incidentIds: z
          .array(Id)
          .optional()
          .openapi({ description: 'the incidents whose losses explain it (it started `explained`)' }),
        note: z.string().optional(),
        explanation: z.string().optional(),
      })
      .nullable(),
    rejection: z
      .object({ reason: z.string(), disposition: Disposition, alternateReceiverId: Id.optional() })
      .optional(),
    cancellation: z.object({ reason: z.string(), at: Instant, sub: z.string() }).optional(),
    replaces: Id.optional(),
    replacedBy: Id.optional(),
    incidents: z
      .array(
        z.object({
          id: Id,
          status: z.enum(['open', 'closed']),
          divisionCode: z.string(),
          lines: z.array(z.object({ lineNo: z.number().int(), lostKg: z.number() })),
        }),
      )
      .optional()
      .openapi({ description: 'incidents reported on it (GET …/incidents for the whole reports)' }),
    createdAt: Instant,
    updatedAt: Instant,
    version: z.number().int(),
  })
  .openapi('Manifest');

const Finding = z.object({ path: z.string(), code: z.string(), message: z.string() });
export const ValidationResult = z
  .object({ valid: z.boolean(), errors: z.array(Finding), warnings: z.array(Finding) })
  .openapi('ManifestValidation');

export const ActionList = z
  .array(z.object({ action: z.enum(ACTIONS), partyId: Id.nullable() }))
  .openapi('ManifestActions');

export const ManifestListQuery = z.object({
  partyId: Id,
  role: z.enum(['generator', 'transporter', 'receiver']).optional(),
  status: ManifestStatus.optional(),
  from: LocalDate.optional().openapi({ description: 'created on or after this day (China Standard Time)' }),
  to: LocalDate.optional().openapi({ description: 'created on or before this day (China Standard Time)' }),
  ...PageQuery,
});
export const NumberParam = z.object({
  number: z
    .string()
    .max(14)
    .regex(/^\d{14}$/, 'a 14-digit manifest number')
    .openapi({ param: { name: 'number', in: 'path' } }),
});
export const PageOnlyQuery = z.object(PageQuery);

export const InboxItem = z
  .object({ manifest: Manifest, actions: z.array(z.enum(ACTIONS)), since: Instant })
  .openapi('InboxItem');
export const FeedEntry = z
  .object({
    manifestId: Id,
    manifestNumber: z.string(),
    seq: z.number().int(),
    type: z.enum(EVENT_TYPES),
    at: Instant,
    actor: z.object({ sub: z.string(), partyId: Id.nullable(), role: z.string() }),
    data: z.record(z.string(), z.unknown()),
    documentHash: z.string().optional(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('FeedEntry');

export type CreateManifestInput = z.infer<typeof CreateManifestBody>;
export type DraftInput = z.infer<typeof DraftFields>;
export type PatchManifestInput = z.infer<typeof PatchManifestBody>;
export type ReceiveInput = z.infer<typeof ReceiveBody>;
export type RejectInput = z.infer<typeof RejectBody>;
export type ManifestView = z.infer<typeof Manifest>;
