// Incidents in transit (api.md "incidents"; domain.md rule 28): the report body, the incident as the API returns it,
// and the oversight query.
import * as z from './zod.ts';
import { INCIDENT_TYPES } from '../shared/domain/manifest/incidents.ts';
import { MAX_LINES } from '../shared/domain/manifest/manifest.ts';
import { DivisionCode, Id, Instant, Kg, LongText, Measured, PageQuery } from './common.ts';
import { DivisionFilter } from './oversight.ts';

const Lat = Measured.min(-90).max(90).openapi({ description: 'WGS-84 latitude', example: 37.52 });
const Lon = Measured.min(-180).max(180).openapi({ description: 'WGS-84 longitude', example: 111.14 });

export const IncidentBody = z
  .strictObject({
    partyId: Id.openapi({
      description:
        'the party reporting: the carrier of the current leg, or on a delivered load the last carrier or the receiver',
    }),
    type: z.enum(INCIDENT_TYPES),
    at: Instant.openapi({ description: 'when it happened: after the first pickup, not in the future' }),
    lat: Lat.optional(),
    lon: Lon.optional(),
    divisionCode: DivisionCode.openapi({ description: 'the county where it happened' }),
    lines: z
      .array(z.strictObject({ lineNo: z.number().int().min(1).max(MAX_LINES), lostKg: Kg }))
      .max(MAX_LINES)
      .openapi({
        description:
          'kilograms lost per line (none: nothing lost); with earlier incidents at most the line’s quantityKg (422 LOSS_EXCEEDED)',
      }),
    description: LongText,
    measures: LongText.openapi({ description: 'what was done (containment, notification)' }),
  })
  .superRefine((b, ctx) => {
    if ((b.lat === undefined) !== (b.lon === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [b.lat === undefined ? 'lat' : 'lon'],
        message: 'lat and lon come together',
      });
  })
  .openapi('ReportIncident');

export const Incident = z
  .object({
    id: Id,
    manifestId: Id,
    manifestNumber: z.string(),
    partyId: Id,
    type: z.enum(INCIDENT_TYPES),
    at: Instant,
    lat: z.number().optional(),
    lon: z.number().optional(),
    divisionCode: z.string(),
    lines: z.array(z.object({ lineNo: z.number().int(), lostKg: z.number() })),
    description: z.string(),
    measures: z.string(),
    status: z.enum(['open', 'closed']),
    reportedAt: Instant,
    reportedBy: z.string(),
    closedAt: Instant.optional(),
    closedBy: z.string().optional(),
    closeNote: z.string().optional(),
    version: z.number().int(),
  })
  .openapi('Incident');

export const IncidentQuery = z.object({
  division: DivisionFilter.optional().openapi({
    description: 'where incidents happened; defaults to your jurisdiction and must lie within it',
  }),
  status: z.enum(['open', 'closed']).optional(),
  ...PageQuery,
});

export const IncidentList = z.object({ items: z.array(Incident) }).openapi('IncidentList');

export type IncidentBody = z.infer<typeof IncidentBody>;
export type IncidentView = z.infer<typeof Incident>;
