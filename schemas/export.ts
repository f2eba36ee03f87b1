// Background CSV exports of the oversight lists (api.md, "Chains and oversight": more than 10,000 rows).
import * as z from './zod.ts';
import { Id, Instant } from './common.ts';
import { AlertQuery, KeyUnitQuery, OversightManifestQuery } from './oversight.ts';
import { StatsQuery } from './stats.ts';
import { IncidentQuery } from './incident.ts';
import { EXPORT_LISTS } from '../shared/domain/export-lists.ts';

const paging = { limit: true, cursor: true } as const;

/** Each list's filters, as its route takes them in the query string (no paging: an export has every row). */
export const EXPORT_QUERIES = {
  manifests: OversightManifestQuery.omit(paging).strict(),
  alerts: AlertQuery.omit(paging).strict(),
  stats: StatsQuery.strict(),
  'key-units': KeyUnitQuery.omit(paging).strict(),
  incidents: IncidentQuery.omit(paging).strict(),
} as const;

export const ExportRequest = z
  .strictObject({
    list: z.enum(EXPORT_LISTS),
    query: z
      .record(z.string(), z.string().max(200))
      .default({})
      .openapi({ description: 'the list route’s query parameters (as strings), without limit and cursor' }),
  })
  .openapi('ExportRequest');

export const ExportStatus = z
  .object({
    id: Id,
    list: z.enum(EXPORT_LISTS),
    query: z.record(z.string(), z.union([z.string(), z.number()])),
    status: z.enum(['running', 'done', 'failed']),
    rows: z.number().int().openapi({ description: 'rows written (0 while running)' }),
    createdAt: Instant,
    finishedAt: Instant.optional(),
    url: z.string().optional().openapi({
      description: 'when done: downloads the CSV (UTF-8 with BOM); valid 15 minutes, a fresh one at each GET',
    }),
  })
  .openapi('ExportStatus');
