// The oversight lists a regulator can take away as CSV: their columns (the JSON fields) and all their rows, page by
// page. The routes' `Accept: text/csv` answers and the background exports read the same definitions.
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { allPages } from '#shared/exports/csv.ts';
import { listAlerts } from '#shared/services/alert-service.ts';
import { listKeyUnits, listOversightManifests, type ManifestFilter } from '#shared/services/oversight-service.ts';
import { listOversightIncidents } from '#shared/services/incident-service.ts';
import { viewStats } from '#shared/services/stats-service.ts';
import type { ExportList } from '#shared/domain/export-lists.ts';

export type { ExportList };

type Row = Record<string, unknown>;
type Query = Record<string, unknown>;

export interface OversightList {
  columns: readonly string[];
  filename(query: Query): string;
  /** Every row the actor may see for the query, a page at a time (403/422 from the first page, as the JSON route). */
  pages(actor: Actor, query: Query, now: Date): AsyncIterable<Row[]>;
}

// DynamoDB returns at most 1 MB per Query: larger pages mean fewer round trips for an export.
const PAGE = 500;

export const OVERSIGHT_LISTS: Partial<Record<ExportList, OversightList>> = {
  manifests: {
    columns: [
      'id',
      'number',
      'status',
      'generatorId',
      'receiverId',
      'generatorDivision',
      'receiverDivision',
      'wasteCodes',
      'quantityKg',
      'createdAt',
      'updatedAt',
    ],
    filename: () => 'manifests.csv',
    pages: (actor, query) =>
      allPages<Row, never>((start) => listOversightManifests(actor, query as ManifestFilter, PAGE, start) as never),
  },
  'key-units': {
    columns: [
      'id',
      'name',
      'uscc',
      'divisionCode',
      'address',
      'kinds',
      'status',
      'statusReason',
      'keyUnitYears',
      'contact',
      'location',
      'version',
      'createdAt',
      'updatedAt',
    ],
    filename: () => 'key-units.csv',
    pages: (actor, query, now) => allPages<Row, Row>((start) => listKeyUnits(actor, query, now, PAGE, start) as never),
  },
  alerts: {
    columns: [
      'id',
      'type',
      'status',
      'partyId',
      'divisionCode',
      'manifestId',
      'subjectId',
      'dueAt',
      'since',
      'openedAt',
      'closedAt',
      'closedBy',
      'closeNote',
      'version',
    ],
    filename: () => 'alerts.csv',
    pages: (actor, query) => allPages<Row, Row>((start) => listAlerts(actor, query, PAGE, start) as never),
  },
  incidents: {
    columns: [
      'id',
      'manifestId',
      'manifestNumber',
      'partyId',
      'type',
      'at',
      'lat',
      'lon',
      'divisionCode',
      'lines',
      'description',
      'measures',
      'status',
      'reportedAt',
      'reportedBy',
      'closedAt',
      'closedBy',
      'closeNote',
      'version',
    ],
    filename: () => 'incidents.csv',
    pages: (actor, query) => allPages<Row, Row>((start) => listOversightIncidents(actor, query, PAGE, start) as never),
  },
  stats: {
    columns: [
      'group',
      'name',
      'month',
      'generatedKg',
      'dispatchedKg',
      'receivedKg',
      'utilisedKg',
      'disposedKg',
      'rate',
    ],
    filename: (q) => `stats-${q.division ?? 'jurisdiction'}-${q.year ?? 'this-year'}-${q.groupBy}.csv`,
    pages: async function* (actor, query, now) {
      const stats = await viewStats(actor, { ...(query as object), perMonth: query.perMonth === 'true' } as never, now);
      yield stats.items as Row[];
    },
  },
};
