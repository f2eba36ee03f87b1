// Incident routes of the manifests function (api.md "incidents"; domain.md rule 28).
import { createRoute } from '@hono/zod-openapi';
import { bearer, body, IdempotencyHeader, IdParam, json, Note, problems } from '../common.ts';
import { Incident, IncidentBody, IncidentList } from '../incident.ts';

const tags = { tags: ['Incidents'], security: bearer };

export const reportIncident = createRoute({
  method: 'post',
  path: '/v1/manifests/{id}/incidents',
  ...tags,
  summary:
    'Report an incident (spill, loss, theft, …) on a load in transit (the current carrier) or delivered (the last carrier or the receiver)',
  description:
    'Appends incident_reported to the hash chain, opens incident-reported alerts for the division where it happened and for the generator’s and receiver’s divisions in another city, and sends manifest.incident_reported, all at once. If-Match names the manifest’s version. At most 20 incidents per manifest.',
  request: { params: IdParam, headers: IdempotencyHeader, ...body(IncidentBody) },
  responses: {
    201: json(Incident, 'The incident; Location: /v1/incidents/{id}'),
    ...problems(403, 404, 409, 412, 413, 422),
  },
});
export const listManifestIncidents = createRoute({
  method: 'get',
  path: '/v1/manifests/{id}/incidents',
  ...tags,
  summary: "A manifest's incidents, oldest first (whoever sees the manifest)",
  request: { params: IdParam },
  responses: { 200: json(IncidentList, 'The incidents'), ...problems(404) },
});
export const getIncident = createRoute({
  method: 'get',
  path: '/v1/incidents/{id}',
  ...tags,
  summary: 'An incident (whoever sees its manifest, and regulators of the division where it happened)',
  request: { params: IdParam },
  responses: { 200: json(Incident, 'The incident'), ...problems(404) },
});
export const closeIncident = createRoute({
  method: 'post',
  path: '/v1/incidents/{id}/close',
  ...tags,
  summary:
    'Close an incident with a note (a regulator of the division where it happened or of the manifest’s generator or receiver)',
  description:
    'Closes its incident-reported alerts; the last open incident of a load lost whole (lost = quantityKg on every line) ends the manifest `lost`. If-Match names the incident’s version.',
  request: { params: IdParam, headers: IdempotencyHeader, ...body(Note) },
  responses: { 200: json(Incident, 'The closed incident'), ...problems(403, 404, 409, 412, 413) },
});
