// Numbers DynamoDB cannot store (magnitude below 1e-130) once reached the store and answered 500 (found by
// tests/reliability/fuzz-track.test.ts): a track point's coordinates and speed, an incident's coordinates and a site's
// location now refuse them in the schema, as a 400 naming the field; zero and small storable values pass.
import { describe, expect, it } from 'vitest';
import { IncidentBody } from '#schemas/incident.ts';
import { LocationBody, TrackBody } from '#schemas/track.ts';

const ID = '01a23176-fc3f-7670-a3be-4c02380bbace';
const TOO_SMALL = [5e-324, -1e-200, 1e-101];
const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join('.'));

describe('measured numbers too small to store', () => {
  it.each(TOO_SMALL)('%s is refused on a track point, naming the point and field', (v) => {
    const point = { at: '2026-03-15T08:00:00+08:00', lat: 37.8, lon: 112.5, source: 'terminal' };
    const body = {
      transporterId: ID,
      points: [point, { ...point, lat: v }, { ...point, lon: v, speedKmh: Math.abs(v) }],
    };
    expect(paths(TrackBody.safeParse(body))).toEqual(['points.1.lat', 'points.2.lon', 'points.2.speedKmh']);
  });

  it.each(TOO_SMALL)('%s is refused as an incident’s or a site’s coordinate', (v) => {
    const incident = {
      partyId: ID,
      type: 'spill',
      at: '2026-03-15T08:00:00+08:00',
      lat: v,
      lon: 112.5,
      divisionCode: '140105',
      lines: [],
      description: 'x',
      measures: 'y',
    };
    expect(paths(IncidentBody.safeParse(incident))).toEqual(['lat']);
    expect(paths(LocationBody.safeParse({ lat: 37.8, lon: v }))).toEqual(['lon']);
  });

  it('zero, negative zero and small storable values pass; out-of-range track points stay a per-point refusal', () => {
    expect(LocationBody.safeParse({ lat: -0, lon: 1e-99 }).success).toBe(true);
    expect(
      TrackBody.safeParse({
        transporterId: ID,
        points: [{ at: '2026-03-15T08:00:00Z', lat: 95, lon: 0, speedKmh: 0, source: 'phone' }],
      }).success,
    ).toBe(true);
  });
});
