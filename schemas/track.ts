// Route tracks (api.md "track"; domain.md rules 26-27) and site locations.
import * as z from './zod.ts';

import { Id, Instant, Measured, PageQuery } from './common.ts';
import { MAX_POINTS_PER_CALL, POINT_SOURCES, REFUSAL_REASONS } from '../shared/domain/track-rules.ts';

/** Coordinates are checked per point (out-of-range is a refusal, not a 400): any finite number DynamoDB can store
 *  passes the schema. */
const Coordinate = Measured.openapi({
  description: 'WGS-84 degrees; outside −90…90 (lat) or −180…180 (lon) the point is refused as out-of-range',
});

export const TrackPoint = z
  .strictObject({
    at: Instant,
    lat: Coordinate,
    lon: Coordinate,
    speedKmh: Measured.min(0).max(400).optional(),
    source: z.enum(POINT_SOURCES).openapi({
      description:
        "terminal: a vehicle terminal's feed relayed by the carrier's platform; phone: the driver's phone (needs the consent recorded at pickup)",
    }),
  })
  .openapi('TrackPoint');

export const TrackBody = z
  .strictObject({ transporterId: Id, points: z.array(TrackPoint).min(1).max(MAX_POINTS_PER_CALL) })
  .openapi('TrackBatch');

export const TrackResult = z
  .object({
    accepted: z.number().int(),
    refused: z.array(z.object({ index: z.number().int(), reason: z.enum(REFUSAL_REASONS) })),
  })
  .openapi('TrackResult', {
    description:
      'accepted: points stored now; refused: each other point by its index in the call. no-consent (an addition to api.md): a phone point on a leg whose pickup recorded no consent',
  });

export const TrackItem = z
  .object({
    leg: z.number().int(),
    at: Instant,
    lat: z.number(),
    lon: z.number(),
    speedKmh: z.number().nullable(),
    source: z.enum(POINT_SOURCES),
  })
  .openapi('TrackItem');

export const TrackQuery = z.object({
  leg: z.coerce
    .number()
    .int()
    .min(1)
    .max(99)
    .optional()
    .openapi({ description: 'one leg (1 = the first carrier); default: every leg, in order' }),
  ...PageQuery,
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .openapi({ description: '1–1000, default 500 (a leg holds thousands of points)' }),
});

export const TrackGeoJson = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.record(z.string(), z.unknown()),
        properties: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi('TrackGeoJson', {
    description:
      'RFC 7946: per leg a LineString (properties kind "leg", leg, transporterId, points, firstAt, lastAt); per stop longer than 15 minutes a Point (kind "stop", leg, startAt, endAt, minutes)',
  });

export const LocationBody = z
  .strictObject({ lat: Measured.min(-90).max(90), lon: Measured.min(-180).max(180) })
  .openapi('Location', { description: 'WGS-84 degrees' });
