// The documented answers of the route-track routes and a party's site and alerts (see expectations.ts). The track is
// the world's in-transit manifest's: only its carrier sends points; everyone who sees the manifest reads them.
import type { Answers, ExpectationTable } from '../support/route-matrix.ts';
import type { World } from '../support/world.ts';

const visible: Answers = { owner: 200, carrier: 200, receiver: 200, regulatorIn: 200, other: 404, regulatorOut: 404 };
const privateRead: Answers = { owner: 200, other: 404, regulatorIn: 200, regulatorOut: 404 };

export const pointsBody = (w: World) => ({
  transporterId: w.carrier.id,
  points: [{ at: new Date().toISOString(), lat: 37.86, lon: 112.55, speedKmh: 42, source: 'terminal' }],
});

export const TRACK_EXPECTATIONS: ExpectationTable = {
  'POST /v1/manifests/{id}/track': {
    params: (w) => ({ id: w.manifests.inTransit.id }),
    body: pointsBody,
    // Naming the carrier: the others are not its members (403), those who cannot see the manifest get 404.
    answers: { owner: 403, carrier: 200, receiver: 403, regulatorIn: 403, other: 404, regulatorOut: 404 },
  },
  'GET /v1/manifests/{id}/track': {
    params: (w) => ({ id: w.manifests.inTransit.id }),
    query: () => ({ limit: '10' }),
    answers: visible,
  },
  'PUT /v1/parties/{id}/location': {
    params: (w) => ({ id: w.generator.id }),
    body: () => ({ lat: 37.87, lon: 112.55 }),
    answers: { owner: 200, other: 403, regulatorIn: 403, regulatorOut: 403 },
    hidden: (w) => ({ id: w.hidden.id }),
  },
  'GET /v1/parties/{id}/alerts': {
    params: (w) => ({ id: w.generator.id }),
    answers: privateRead,
    hidden: (w) => ({ id: w.hidden.id }),
  },
};
