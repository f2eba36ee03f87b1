// Disposal reports (利用处置情况报告) and the chain of custody (api.md "disposals", "Chains and oversight").
import * as z from './zod.ts';
import { MAX_LINES } from '../shared/domain/manifest/manifest.ts';
import { MAX_REPORT_LINES, MAX_RESIDUES } from '../shared/domain/disposal.ts';
import { DEFAULT_DEPTH, MAX_DEPTH } from '../shared/domain/chain-walk.ts';
import { operations } from '../shared/reference/catalogue.ts';
import { Id, Instant, Kg, WasteCodeString } from './common.ts';

const OperationCode = z
  .string()
  .max(10)
  .refine((code) => operations().has(code), 'not an operation code of GET /v1/catalogue/operations')
  .openapi({ description: 'an operation code (R, C: utilisation; D, Y: disposal)', example: 'Y10' });

export const DisposalBody = z
  .strictObject({
    lines: z
      .array(
        z.strictObject({
          lineNo: z.number().int().min(1).max(MAX_LINES),
          operationCode: OperationCode,
          quantityKg: Kg,
          completedAt: Instant,
        }),
      )
      .min(1)
      .max(MAX_REPORT_LINES),
    residues: z
      .array(z.strictObject({ wasteCode: WasteCodeString, quantityKg: Kg }))
      .max(MAX_RESIDUES)
      .optional()
      .openapi({
        description:
          "residues of the treatment (fly ash 772-003-18, slag, sludge): generated batches in the receiver's ledger",
      }),
  })
  .openapi('DisposalReportInput');

export const DisposalParam = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' } }),
  disposalId: Id.openapi({ param: { name: 'disposalId', in: 'path' } }),
});

export const DisposalReport = z
  .object({
    id: Id,
    manifestId: Id,
    manifestNumber: z.string(),
    receiverId: Id,
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        wasteCode: z.string(),
        operationCode: z.string(),
        kind: z.enum(['utilisation', 'disposal']),
        quantityKg: z.number(),
        completedAt: Instant,
      }),
    ),
    residues: z.array(
      z.object({
        wasteCode: z.string(),
        quantityKg: z.number(),
        entryId: Id.openapi({ description: "the receiver's ledger batch" }),
      }),
    ),
    completedManifest: z
      .boolean()
      .openapi({ description: 'this report accounted for the last kilogram and completed the manifest' }),
    signature: z.object({ sub: z.string(), partyId: Id, at: Instant, documentHash: z.string() }),
    createdAt: Instant,
  })
  .openapi('DisposalReport');

export const ChainQuery = z.object({
  depth: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_DEPTH)
    .optional()
    .openapi({ description: `levels each way, default ${DEFAULT_DEPTH}, at most ${MAX_DEPTH}` }),
  cursor: z.string().max(4096).optional().openapi({ description: 'opaque, from nextCursor (past 500 nodes)' }),
  format: z
    .enum(['evidence'])
    .optional()
    .openapi({ description: "`evidence`: every whole manifest's event log and integrity result" }),
});
export const ChainParam = z.object({ manifestId: Id.openapi({ param: { name: 'manifestId', in: 'path' } }) });

const Kilograms = z
  .object({ in: z.number(), out: z.number(), disposed: z.number(), onHand: z.number(), lost: z.number() })
  .openapi({ description: 'in = out + disposed + onHand + lost (lost: kilograms reported lost in incidents)' });
const Place = {
  relation: z.enum(['start', 'ancestor', 'descendant']),
  distance: z.number().int().openapi({ description: 'levels from the starting manifest' }),
};

export const ChainNode = z
  .object({
    type: z.enum(['batch', 'manifest', 'disposal', 'residue', 'incident', 'pending-identification']).openapi({
      description:
        '`pending-identification` (api.md is silent; chosen here): the 待鉴别 ledger entry an identified batch was made from (domain.md rule 29), upstream of that batch, with `name`, `process`, `reportNumber` and `times.at`/`times.identifiedAt`; its `wasteCode` is `pending`',
    }),
    id: Id,
    wasteCode: z.string(),
    kg: Kilograms,
    state: z.string(),
    divisionCode: z.string().optional().openapi({ description: 'redacted nodes: the division holding the waste' }),
    redacted: z.boolean(),
    ...Place,
    wasteCodes: z.array(z.string()).optional(),
    number: z.string().optional(),
    batchCode: z.string().optional(),
    parties: z
      .array(z.object({ partyId: Id, role: z.enum(['generator', 'transporter', 'receiver', 'holder']) }))
      .optional(),
    times: z.record(z.string(), Instant).optional(),
    operationCodes: z.array(z.string()).optional(),
    name: z.string().optional().openapi({ description: 'pending-identification nodes: what the waste was called' }),
    process: z
      .string()
      .optional()
      .openapi({ description: 'pending-identification nodes: the process that produced it' }),
    reportNumber: z
      .string()
      .optional()
      .openapi({ description: 'pending-identification nodes: the identification report, when the result named one' }),
  })
  .openapi('ChainNode');

const Event = z.object({
  seq: z.number().int(),
  type: z.string(),
  at: Instant,
  actor: z.object({ sub: z.string(), partyId: Id.nullable(), role: z.string() }),
  data: z.record(z.string(), z.unknown()),
  documentHash: z.string().optional(),
  prevHash: z.string(),
  hash: z.string(),
});

export const Chain = z
  .object({
    manifestId: Id,
    depth: z.number().int(),
    nodes: z.array(ChainNode),
    edges: z
      .array(z.object({ from: Id, to: Id, kg: z.number().optional() }))
      .openapi({ description: 'waste moved from → to (kg when known)' }),
    evidence: z
      .array(
        z.object({
          manifestId: Id,
          number: z.string(),
          events: z.array(Event),
          integrity: z.object({
            valid: z.boolean(),
            events: z.number().int(),
            headHash: z.string().nullable(),
            firstBrokenSeq: z.number().int().nullable(),
          }),
        }),
      )
      .optional(),
    nextCursor: z.string().nullable(),
  })
  .openapi('Chain');

export type DisposalInputBody = z.infer<typeof DisposalBody>;
export type DisposalReportView = z.infer<typeof DisposalReport>;
export type ChainView = z.infer<typeof Chain>;
export type ChainNodeView = z.infer<typeof ChainNode>;
