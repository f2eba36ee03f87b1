// The oversight function's routes (regulators).
import { createRoute } from '@hono/zod-openapi';
import { bearer, json, pageOf, problems } from '../common.ts';
import { KeyUnitQuery, OversightManifest, OversightManifestQuery } from '../oversight.ts';
import { Party } from '../party.ts';

const tags = { tags: ['Oversight'], security: bearer };
const csv = { 'text/csv': { schema: { type: 'string' as const, description: 'UTF-8 with BOM, one row per item, the JSON fields as columns' } } };

export const listOversightManifests = createRoute({
  method: 'get', path: '/v1/oversight/manifests', ...tags,
  summary: 'Manifests whose generator or receiver lies in the division, newest first (Accept: text/csv for an export)',
  request: { query: OversightManifestQuery },
  responses: {
    200: { description: 'A page of manifests, or every match as CSV', content: { 'application/json': { schema: pageOf(OversightManifest, 'OversightManifestPage') }, ...csv } },
    ...problems(403, 422),
  },
});

export const listKeyUnits = createRoute({
  method: 'get', path: '/v1/oversight/key-units', ...tags,
  summary: 'Parties on the key supervised unit list (重点监管单位) for a year (Accept: text/csv for an export)',
  request: { query: KeyUnitQuery },
  responses: {
    200: { description: 'A page of parties', content: { 'application/json': { schema: pageOf(Party, 'KeyUnitPage') }, ...csv } },
    ...problems(403, 422),
  },
});
