// A party's site location (registry function) and its alerts (oversight function).
import { createRoute } from '@hono/zod-openapi';
import * as z from '../zod.ts';
import { bearer, body, IdParam, json, pageOf, PageQuery, problems } from '../common.ts';
import { Alert } from '../oversight.ts';
import { Party } from '../party.ts';
import { LocationBody } from '../track.ts';

export const putLocation = createRoute({
  method: 'put',
  path: '/v1/parties/{id}/location',
  tags: ['Parties'],
  security: bearer,
  summary: "The site's WGS-84 coordinates (a manager), used by the track alerts and maps",
  request: { params: IdParam, ...body(LocationBody) },
  responses: { 200: json(Party, 'The party with its location'), ...problems(403, 404, 412) },
});

export const PartyAlertQuery = z.object({ status: z.enum(['open', 'closed']).optional(), ...PageQuery });

export const partyAlerts = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/alerts',
  tags: ['Parties'],
  security: bearer,
  summary:
    'Alerts naming the party or one of its manifests, newest first (its members; covering regulators). Follows the change stream within seconds',
  request: { params: IdParam, query: PartyAlertQuery },
  responses: { 200: json(pageOf(Alert, 'PartyAlertPage'), 'A page of alerts'), ...problems(404) },
});
