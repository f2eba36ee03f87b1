// Route tracks (served by the manifests function).
import { createRoute } from '@hono/zod-openapi';
import { bearer, body, IdempotencyHeader, IdParam, json, pageOf, problems } from '../common.ts';
import { TrackBody, TrackGeoJson, TrackItem, TrackQuery, TrackResult } from '../track.ts';

const tags = { tags: ['Manifests'], security: bearer };

export const postTrack = createRoute({
  method: 'post',
  path: '/v1/manifests/{id}/track',
  ...tags,
  summary:
    'The carrier of the current leg sends 1–500 positions; each is checked alone and refused by index (before-pickup, future, duplicate, out-of-range, no-consent), the rest stored once',
  description:
    "Phone positions (source phone) are accepted only on a leg whose pickup recorded the driver's consent (`phoneConsent: true` on the pickup). " +
    'A retried batch adds nothing (its points are duplicates). 403: a party that is not yours, not a carrier of the manifest, or carrying a later leg; ' +
    '409: your leg is not open (not picked up yet, or closed by hand-over, delivery or receipt). Long-stop and off-corridor alerts open as the points show them.',
  request: { params: IdParam, headers: IdempotencyHeader, ...body(TrackBody) },
  responses: {
    200: json(TrackResult, 'How many points were stored, and why each other one was refused'),
    ...problems(403, 404, 409, 413),
  },
});

export const getTrack = createRoute({
  method: 'get',
  path: '/v1/manifests/{id}/track',
  ...tags,
  summary:
    'The track, oldest first, leg by leg (Accept: application/geo+json for a FeatureCollection of the whole track)',
  description:
    'Everyone who sees the manifest sees its track, except that members of only its generator or receiver see phone positions only while the load is in transit (PIPL; domain.md rule 26).',
  request: { params: IdParam, query: TrackQuery },
  responses: {
    200: {
      description: 'A page of points, or GeoJSON',
      content: {
        'application/json': { schema: pageOf(TrackItem, 'TrackPage') },
        'application/geo+json': { schema: TrackGeoJson },
      },
    },
    ...problems(404),
  },
});
