// The manifest's event log and its integrity report (api.md, "events", "integrity").
import * as z from './zod.ts';

export const ManifestEvent = z
  .object({
    seq: z.number().int(),
    type: z.string(),
    at: z.string(),
    actor: z.object({ sub: z.string(), partyId: z.string().nullable(), role: z.string() }),
    data: z.record(z.string(), z.unknown()),
    documentHash: z.string().optional(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('ManifestEvent', {
    description: 'hash = SHA-256 of the RFC 8785 JCS of the event without hash; prevHash of the first is 64 zeros',
  });

export const Integrity = z
  .object({
    valid: z.boolean(),
    events: z.number().int(),
    headHash: z.string().nullable(),
    firstBrokenSeq: z.number().int().nullable(),
    tracks: z
      .array(z.object({ seq: z.number().int(), leg: z.number().int(), valid: z.boolean(), points: z.number().int() }))
      .openapi({
        description:
          "each closed leg's stored track recomputed against the digest its closing event (seq) carries; a mismatch makes the log invalid from that event",
      }),
  })
  .openapi('Integrity');
