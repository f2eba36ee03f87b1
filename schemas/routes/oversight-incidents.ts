// The oversight function's incident list (api.md "Chains and oversight").
import { createRoute } from '@hono/zod-openapi';
import { bearer, pageOf, problems } from '../common.ts';
import { Incident, IncidentQuery } from '../incident.ts';

export const listOversightIncidents = createRoute({
  method: 'get',
  path: '/v1/oversight/incidents',
  tags: ['Oversight'],
  security: bearer,
  summary: 'Incidents that happened in the division, by status (Accept: text/csv for an export)',
  description:
    'Listed by the division where each incident happened; regulators of the manifest’s other ends learn of it from their incident-reported alert.',
  request: { query: IncidentQuery },
  responses: {
    200: {
      description: 'A page of incidents, or every match as CSV',
      content: {
        'application/json': { schema: pageOf(Incident, 'IncidentPage') },
        'text/csv': {
          schema: {
            type: 'string' as const,
            description: 'UTF-8 with BOM, one row per item, the JSON fields as columns',
          },
        },
      },
    },
    ...problems(403, 422),
  },
});
