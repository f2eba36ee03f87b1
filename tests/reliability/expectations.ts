// The documented answer of every route to every identity (api.md, "Who gets which answer"), keyed by
// `METHOD path`. The matrix test fails naming any route of allRoutes missing here, so a new route cannot be left
// out. Subjects are the world's (tests/support/world.ts): the owner is a manager of the generator, `other` an
// enterprise with no membership, regulators of 14 (covering) and 65 (not covering).
import { licenceBody } from '../support/fixtures.ts';
import { APPLICATION_EXPECTATIONS } from './expectations-applications.ts';
import { MANIFEST_EXPECTATIONS } from './expectations-manifests.ts';
import { TRACK_EXPECTATIONS } from './expectations-tracks.ts';
import type { Answers, ExpectationTable, Params } from '../support/route-matrix.ts';
import { approvalBody, ledgerBody, newPartyBody, planBody, webhookBody, type World } from '../support/world.ts';

const everyone = (status: number): Answers => ({
  owner: status,
  other: status,
  regulatorIn: status,
  regulatorOut: status,
});
/** A regulator's action on a party (or its licence) the caller can see: only a covering regulator may. */
const regulatorAction = (hiddenToOthers: boolean): Answers => ({
  owner: 403,
  other: hiddenToOthers ? 404 : 403,
  regulatorIn: 200,
  regulatorOut: hiddenToOthers ? 404 : 403,
});
/** A party's private sub-resource (api.md): members and covering regulators read it, others get 404. */
const privateRead: Answers = { owner: 200, other: 404, regulatorIn: 200, regulatorOut: 404 };

const generator = (w: World): Params => ({ id: w.generator.id });
const hiddenParty = (w: World): Params => ({ id: w.hidden.id });
const reason = () => ({ reason: 'reliability matrix' });

export const EXPECTATIONS: ExpectationTable = {
  'GET /v1/health': { answers: everyone(200) },

  // --- registry: me and reference data ---
  'GET /v1/me': { answers: everyone(200) },
  'GET /v1/catalogue/waste-codes': { query: () => ({ q: '废' }), answers: everyone(200) },
  'GET /v1/catalogue/waste-codes/{code}': { params: () => ({ code: '900-041-49' }), answers: everyone(200) },
  'GET /v1/catalogue/medical-categories': { answers: everyone(200) },
  'GET /v1/catalogue/operations': { answers: everyone(200) },
  'GET /v1/catalogue/divisions': { query: () => ({ parent: '14' }), answers: everyone(200) },
  'GET /v1/catalogue/divisions/{code}': { params: () => ({ code: '140105' }), answers: everyone(200) },

  // --- registry: parties ---
  'POST /v1/parties': { body: newPartyBody, answers: { owner: 201, other: 201, regulatorIn: 403, regulatorOut: 403 } },
  'GET /v1/parties': { query: () => ({ limit: '5' }), answers: everyone(200) },
  'GET /v1/parties/{id}': { params: generator, answers: everyone(200), hidden: hiddenParty },
  'POST /v1/parties/{id}/approve': {
    params: async (w) => ({ id: (await w.fresh.pendingParty()).id }),
    answers: regulatorAction(true),
    hidden: hiddenParty,
  },
  'POST /v1/parties/{id}/refuse': {
    params: async (w) => ({ id: (await w.fresh.pendingParty()).id }),
    body: reason,
    answers: regulatorAction(true),
    hidden: hiddenParty,
  },
  'POST /v1/parties/{id}/suspend': {
    params: async (w) => ({ id: (await w.fresh.activeParty()).id }),
    body: reason,
    answers: regulatorAction(false),
    hidden: hiddenParty,
  },
  'POST /v1/parties/{id}/reinstate': {
    params: async (w) => ({ id: (await w.fresh.suspendedParty()).id }),
    answers: regulatorAction(true),
    hidden: hiddenParty,
  },
  'PUT /v1/parties/{id}/supervision': {
    params: generator,
    body: () => ({ keyUnit: true, year: 2026 }),
    answers: regulatorAction(false),
    hidden: hiddenParty,
  },

  // --- registry: members ---
  'POST /v1/parties/{id}/members': {
    params: generator,
    body: () => ({ sub: `matrix-member-${Math.random().toString(36).slice(2)}`, role: 'operator' }),
    answers: { owner: 201, other: 404, regulatorIn: 403, regulatorOut: 404 },
    hidden: hiddenParty,
  },
  'GET /v1/parties/{id}/members': { params: generator, answers: privateRead, hidden: hiddenParty },
  'DELETE /v1/parties/{id}/members/{sub}': {
    params: async (w) => ({ id: w.generator.id, sub: await w.fresh.operator() }),
    answers: { owner: 204, other: 404, regulatorIn: 403, regulatorOut: 404 },
    hidden: (w) => ({ id: w.hidden.id, sub: w.users.owner.sub }),
  },

  // --- registry: licences ---
  'POST /v1/parties/{id}/licences': {
    params: generator,
    body: () => licenceBody(),
    answers: { owner: 201, other: 403, regulatorIn: 403, regulatorOut: 403 },
    hidden: hiddenParty,
  },
  'GET /v1/parties/{id}/licences': { params: generator, answers: everyone(200), hidden: hiddenParty },
  'POST /v1/parties/{id}/licences/{licenceId}/verify': {
    params: async (w) => ({ id: w.generator.id, licenceId: (await w.fresh.pendingLicence()).id }),
    answers: regulatorAction(false),
    hidden: (w) => ({ id: w.hidden.id, licenceId: w.hiddenLicence.id }),
  },
  'POST /v1/parties/{id}/licences/{licenceId}/revoke': {
    params: async (w) => ({ id: w.generator.id, licenceId: (await w.fresh.pendingLicence()).id }),
    body: reason,
    answers: regulatorAction(false),
    hidden: (w) => ({ id: w.hidden.id, licenceId: w.hiddenLicence.id }),
  },

  // --- registry: webhooks (a party's private sub-resource; managers subscribe) ---
  'POST /v1/parties/{id}/webhooks': {
    params: generator,
    body: webhookBody,
    answers: { owner: 201, other: 404, regulatorIn: 403, regulatorOut: 404 },
    hidden: hiddenParty,
  },
  'GET /v1/parties/{id}/webhooks': { params: generator, answers: privateRead, hidden: hiddenParty },
  'DELETE /v1/parties/{id}/webhooks/{wid}': {
    params: async (w) => ({ id: w.generator.id, wid: (await w.fresh.webhook()).id }),
    answers: { owner: 204, other: 404, regulatorIn: 403, regulatorOut: 404 },
    hidden: (w) => ({ id: w.hidden.id, wid: w.webhook.id }),
  },
  'GET /v1/parties/{id}/webhooks/{wid}/deliveries': {
    params: (w) => ({ id: w.generator.id, wid: w.webhook.id }),
    query: () => ({ limit: '10' }),
    answers: privateRead,
    hidden: (w) => ({ id: w.hidden.id, wid: w.webhook.id }),
  },

  // --- records: plans, ledger, stock (a party's private sub-resources) ---
  'POST /v1/parties/{id}/plans': {
    params: generator,
    body: (w) => planBody(w.year),
    answers: { owner: 201, other: 404, regulatorIn: 403, regulatorOut: 404 },
    hidden: hiddenParty,
  },
  'GET /v1/parties/{id}/plans': {
    params: generator,
    query: (w) => ({ year: String(w.year) }),
    answers: privateRead,
    hidden: hiddenParty,
  },
  'POST /v1/parties/{id}/ledger': {
    params: generator,
    body: ledgerBody,
    answers: { owner: 201, other: 404, regulatorIn: 403, regulatorOut: 404 },
    hidden: hiddenParty,
  },
  'GET /v1/parties/{id}/ledger': {
    params: generator,
    query: () => ({ limit: '5' }),
    answers: privateRead,
    hidden: hiddenParty,
  },
  'GET /v1/parties/{id}/ledger/{entryId}': {
    params: (w) => ({ id: w.generator.id, entryId: w.ledgerEntry.id }),
    answers: privateRead,
    hidden: (w) => ({ id: w.hidden.id, entryId: w.ledgerEntry.id }),
  },
  'POST /v1/parties/{id}/ledger/{entryId}/void': {
    params: async (w) => ({ id: w.generator.id, entryId: (await w.fresh.ledgerEntry()).id }),
    body: reason,
    answers: { owner: 200, other: 404, regulatorIn: 403, regulatorOut: 404 },
    hidden: (w) => ({ id: w.hidden.id, entryId: w.ledgerEntry.id }),
  },
  'POST /v1/parties/{id}/ledger/{entryId}/identification': {
    params: async (w) => ({ id: w.generator.id, entryId: (await w.fresh.pendingEntry()).id }),
    body: () => ({ result: 'hazardous', wasteCode: '900-000-49', reportNumber: 'JB-1' }),
    answers: { owner: 200, other: 404, regulatorIn: 403, regulatorOut: 404 },
    hidden: (w) => ({ id: w.hidden.id, entryId: w.ledgerEntry.id }),
  },
  'GET /v1/parties/{id}/ledger/{entryId}/label.pdf': {
    params: (w) => ({ id: w.generator.id, entryId: w.ledgerEntry.id }),
    answers: privateRead,
    hidden: (w) => ({ id: w.hidden.id, entryId: w.ledgerEntry.id }),
  },
  'GET /v1/parties/{id}/stock': { params: generator, answers: privateRead, hidden: hiddenParty },

  // --- records: declarations (generated from the records of a past year) ---
  'GET /v1/parties/{id}/declarations/{period}': {
    params: (w) => ({ id: w.generator.id, period: String(w.year - 1) }),
    answers: privateRead,
    hidden: (w) => ({ id: w.hidden.id, period: String(w.year - 1) }),
  },
  'POST /v1/parties/{id}/declarations/{period}/submit': {
    params: (w, role) => ({ id: w.generator.id, period: role === 'owner' ? w.fresh.period() : String(w.year - 1) }),
    answers: { owner: 200, other: 404, regulatorIn: 403, regulatorOut: 404 },
    hidden: (w) => ({ id: w.hidden.id, period: String(w.year - 1) }),
  },

  // --- records: cross-province approvals (generator in 14, receiver in 13) ---
  'POST /v1/approvals': {
    body: (w) => approvalBody(w.generator.id, w.crossReceiver.id),
    answers: { owner: 403, other: 403, regulatorIn: 201, regulatorOut: 403 },
  },
  'GET /v1/approvals/{id}': {
    params: (w) => ({ id: w.approval.id }),
    answers: { owner: 200, other: 404, regulatorIn: 200, regulatorOut: 404 },
  },
  'GET /v1/approvals': { query: (w) => ({ generatorId: w.generator.id }), answers: everyone(200) },
  // Rule 31: a regulator of the outbound province changes it; a reader who is not gets 403, anyone else 404.
  'POST /v1/approvals/{id}/revoke': {
    params: async (w) => ({ id: (await w.fresh.approval()).id }),
    body: reason,
    answers: { owner: 403, other: 404, regulatorIn: 200, regulatorOut: 404 },
    hidden: (w) => ({ id: w.approval.id }),
  },
  'PATCH /v1/approvals/{id}': {
    params: async (w) => ({ id: (await w.fresh.approval()).id }),
    body: () => ({ wasteCodes: [{ code: '900-041-49', maxKg: 40_000 }] }),
    answers: { owner: 403, other: 404, regulatorIn: 200, regulatorOut: 404 },
    hidden: (w) => ({ id: w.approval.id }),
  },

  ...APPLICATION_EXPECTATIONS,
  ...MANIFEST_EXPECTATIONS,
  ...TRACK_EXPECTATIONS,
};
