// The documented answers of the manifest, disposal and oversight routes (see expectations.ts). The world's
// manifests run from its generator (owner) by its carrier to its receiver, all in Shanxi (14): parties on a
// manifest and regulators of 14 see it; `other` and regulators of 65 get 404.
import type { Answers, ExpectationTable, IdentityRole, Params } from '../support/route-matrix.ts';
import {
  deliverBody,
  disposalBody,
  incidentBody,
  manifestBody,
  pickupBody,
  receiptBody,
  type ManifestState,
  type World,
} from '../support/world.ts';

/** Everyone on the manifest and covering regulators see it; the rest get 404. */
const visible: Answers = { owner: 200, carrier: 200, receiver: 200, regulatorIn: 200, other: 404, regulatorOut: 404 };
/** An action that is `actor`'s alone: the others who see the manifest get 403, the rest 404. */
const actionOf = (actor: IdentityRole, status = 200): Answers => ({
  owner: 403,
  carrier: 403,
  receiver: 403,
  regulatorIn: 403,
  other: 404,
  regulatorOut: 404,
  [actor]: status,
});
const privateRead: Answers = { owner: 200, other: 404, regulatorIn: 200, regulatorOut: 404 };
const regulatorsOnly: Answers = { owner: 403, other: 403, regulatorIn: 200, regulatorOut: 200 };

/** The manifest in `state`: a fresh one for the role whose action changes it, the world's for everyone else. */
const manifestIn =
  (state: ManifestState, actor: IdentityRole) =>
  async (w: World, role: IdentityRole): Promise<Params> => ({
    id: (role === actor ? await w.fresh.manifest(state) : w.manifests[state]).id,
  });
const note = () => ({ note: 'reliability matrix' });
const newManifest = (w: World) => manifestBody(w.generator.id, w.carrier.id, w.receiver.id);

export const MANIFEST_EXPECTATIONS: ExpectationTable = {
  'POST /v1/manifests': { body: newManifest, answers: { ...actionOf('owner', 201), other: 403, regulatorOut: 403 } },
  'POST /v1/manifests/validate': {
    body: newManifest,
    answers: { ...actionOf('owner'), other: 403, regulatorOut: 403 },
  },
  'GET /v1/manifests': { query: (w) => ({ partyId: w.generator.id }), answers: privateRead },
  'GET /v1/manifests/by-number/{number}': { params: (w) => ({ number: w.manifests.draft.number }), answers: visible },
  'GET /v1/manifests/{id}': { params: (w) => ({ id: w.manifests.draft.id }), answers: visible },
  'PATCH /v1/manifests/{id}': {
    params: manifestIn('draft', 'owner'),
    body: () => ({ plannedPickupAt: new Date(Date.now() + 7200_000).toISOString() }),
    answers: actionOf('owner'),
  },
  'GET /v1/manifests/{id}/actions': { params: (w) => ({ id: w.manifests.dispatched.id }), answers: visible },
  'POST /v1/manifests/{id}/dispatch': { params: manifestIn('draft', 'owner'), answers: actionOf('owner') },
  'POST /v1/manifests/{id}/carriers': {
    params: manifestIn('dispatched', 'owner'),
    body: (w) => ({ transporterIds: [w.carrier.id] }),
    answers: actionOf('owner'),
  },
  'POST /v1/manifests/{id}/pickup': {
    params: manifestIn('dispatched', 'carrier'),
    body: (w) => pickupBody(w.carrier.id),
    answers: actionOf('carrier'),
  },
  'POST /v1/manifests/{id}/deliver': {
    params: manifestIn('inTransit', 'carrier'),
    body: (w) => deliverBody(w.carrier.id),
    answers: actionOf('carrier'),
  },
  'POST /v1/manifests/{id}/receive': {
    params: manifestIn('delivered', 'receiver'),
    body: () => receiptBody(10),
    answers: actionOf('receiver'),
  },
  'POST /v1/manifests/{id}/reject': {
    params: manifestIn('delivered', 'receiver'),
    body: () => ({ reason: 'reliability matrix', disposition: 'return' }),
    answers: actionOf('receiver'),
  },
  'POST /v1/manifests/{id}/cancel': {
    params: manifestIn('draft', 'owner'),
    body: () => ({ reason: 'reliability matrix' }),
    answers: actionOf('owner'),
  },
  'POST /v1/manifests/{id}/discrepancy/explain': {
    params: manifestIn('discrepancy', 'owner'),
    body: note,
    answers: actionOf('owner'),
  },
  'POST /v1/manifests/{id}/discrepancy/close': {
    params: manifestIn('explained', 'regulatorIn'),
    body: note,
    answers: actionOf('regulatorIn'),
  },
  'GET /v1/manifests/{id}/events': { params: (w) => ({ id: w.manifests.received.id }), answers: visible },
  'GET /v1/manifests/{id}/integrity': { params: (w) => ({ id: w.manifests.received.id }), answers: visible },
  'GET /v1/manifests/{id}/document.pdf': { params: (w) => ({ id: w.manifests.received.id }), answers: visible },
  'GET /v1/parties/{id}/inbox': {
    params: (w) => ({ id: w.generator.id }),
    answers: privateRead,
    hidden: (w) => ({ id: w.hidden.id }),
  },
  'GET /v1/parties/{id}/feed': {
    params: (w) => ({ id: w.generator.id }),
    answers: privateRead,
    hidden: (w) => ({ id: w.hidden.id }),
  },

  // --- incidents (the carrier of the current leg reports; a covering regulator closes) ---
  'POST /v1/manifests/{id}/incidents': {
    params: manifestIn('inTransit', 'carrier'),
    body: (w) => incidentBody(w.carrier.id),
    answers: actionOf('carrier', 201),
  },
  'GET /v1/manifests/{id}/incidents': { params: (w) => ({ id: w.manifests.inTransit.id }), answers: visible },
  'GET /v1/incidents/{id}': { params: (w) => ({ id: w.incident.id }), answers: visible },
  'POST /v1/incidents/{id}/close': {
    params: async (w, role) => ({ id: (role === 'regulatorIn' ? await w.fresh.incident() : w.incident).id }),
    body: note,
    answers: actionOf('regulatorIn'),
  },

  // --- disposal and chains ---
  'POST /v1/manifests/{id}/disposals': {
    params: manifestIn('received', 'receiver'),
    body: () => disposalBody(1),
    answers: actionOf('receiver', 201),
  },
  'GET /v1/manifests/{id}/disposals': { params: (w) => ({ id: w.manifests.received.id }), answers: visible },
  'GET /v1/manifests/{id}/disposals/{disposalId}': {
    params: (w) => ({ id: w.manifests.received.id, disposalId: w.disposal.id }),
    answers: visible,
  },
  'GET /v1/chains/{manifestId}': { params: (w) => ({ manifestId: w.manifests.received.id }), answers: visible },

  // --- oversight (regulators; each sees its own jurisdiction) ---
  'GET /v1/oversight/manifests': { query: () => ({ limit: '5' }), answers: regulatorsOnly },
  'GET /v1/oversight/key-units': { query: () => ({ limit: '5' }), answers: regulatorsOnly },
  'GET /v1/oversight/alerts': { query: () => ({ limit: '5' }), answers: regulatorsOnly },
  'GET /v1/oversight/incidents': { query: () => ({ status: 'open', limit: '5' }), answers: regulatorsOnly },
  'GET /v1/oversight/stats': { query: () => ({ groupBy: 'wasteCode' }), answers: regulatorsOnly },
  'POST /v1/oversight/alerts/{id}/close': {
    params: async (w, role) => ({ id: (role === 'regulatorIn' ? await w.fresh.alert() : w.alert).id }),
    body: note,
    // The generator's members see the alert in their party's list: closing it is not theirs (403); others see nothing.
    answers: { owner: 403, other: 404, regulatorIn: 200, regulatorOut: 404 },
  },
  'POST /v1/oversight/exports': {
    body: () => ({ list: 'stats', query: { groupBy: 'wasteCode' } }),
    answers: { ...regulatorsOnly, regulatorIn: 202, regulatorOut: 202 },
  },
  // Only the regulator who asked sees an export: even a regulator covering the same division gets 404.
  'GET /v1/oversight/exports/{id}': {
    params: async (w) => ({
      id: (
        await w.t.call(w.users.regulatorIn, 'POST', '/v1/oversight/exports', {
          list: 'stats',
          query: { groupBy: 'wasteCode' },
        })
      ).body.id,
    }),
    answers: { owner: 404, other: 404, regulatorIn: 200, regulatorOut: 404 },
  },
};
