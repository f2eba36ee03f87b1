// The oversight function's routes (regulators).
import { createRoute } from '@hono/zod-openapi';
import { bearer, body, IdParam, json, Note, pageOf, problems } from '../common.ts';
import { Alert, AlertQuery, KeyUnitQuery, OversightManifest, OversightManifestQuery } from '../oversight.ts';
import { Party } from '../party.ts';
import { Stats, StatsQuery } from '../stats.ts';

const tags = { tags: ['Oversight'], security: bearer };
const csv = {
  'text/csv': {
    schema: { type: 'string' as const, description: 'UTF-8 with BOM, one row per item, the JSON fields as columns' },
  },
};

export const listOversightManifests = createRoute({
  method: 'get',
  path: '/v1/oversight/manifests',
  ...tags,
  summary: 'Manifests whose generator or receiver lies in the division, newest first (Accept: text/csv for an export)',
  request: { query: OversightManifestQuery },
  responses: {
    200: {
      description: 'A page of manifests, or every match as CSV',
      content: { 'application/json': { schema: pageOf(OversightManifest, 'OversightManifestPage') }, ...csv },
    },
    ...problems(403, 422),
  },
});

export const listKeyUnits = createRoute({
  method: 'get',
  path: '/v1/oversight/key-units',
  ...tags,
  summary: 'Parties on the key supervised unit list (重点监管单位) for a year (Accept: text/csv for an export)',
  request: { query: KeyUnitQuery },
  responses: {
    200: {
      description: 'A page of parties',
      content: { 'application/json': { schema: pageOf(Party, 'KeyUnitPage') }, ...csv },
    },
    ...problems(403, 422),
  },
});

export const listAlerts = createRoute({
  method: 'get',
  path: '/v1/oversight/alerts',
  ...tags,
  summary: 'Alerts in the division, by type and status (Accept: text/csv for an export)',
  request: { query: AlertQuery },
  responses: {
    200: {
      description: 'A page of alerts',
      content: { 'application/json': { schema: pageOf(Alert, 'AlertPage') }, ...csv },
    },
    ...problems(403, 422),
  },
});

export const closeAlert = createRoute({
  method: 'post',
  path: '/v1/oversight/alerts/{id}/close',
  ...tags,
  summary:
    'Close an alert with a note (a regulator covering its division; a member of a party it concerns, who sees it, gets 403)',
  request: { params: IdParam, ...body(Note) },
  responses: { 200: json(Alert, 'The closed alert'), ...problems(403, 404, 409, 412) },
});

export const getStats = createRoute({
  method: 'get',
  path: '/v1/oversight/stats',
  ...tags,
  summary:
    'Kilograms generated, dispatched, received, utilised and disposed per group, with the utilisation/disposal rate; follows the change stream within seconds (Accept: text/csv for an export)',
  request: { query: StatsQuery },
  responses: {
    200: { description: 'One row per group (and month)', content: { 'application/json': { schema: Stats }, ...csv } },
    ...problems(403, 422),
  },
});
