// The documented answers of the application routes (api.md "Applications"): the world's generator (14) applies to
// ship to its Hebei receiver (13). The owner is the applicant; regulatorIn (14) is the outbound province; nobody of the
// matrix is the receiving province (13), so its actions answer 403 to the outbound province and the applicant.
import {
  applicationBodyFor,
  freshApplication,
  standingApplication,
  type ApplicationStateReached,
} from '../support/application-world.ts';
import type { Answers, ExpectationTable, IdentityRole } from '../support/route-matrix.ts';
import { localDay, type World } from '../support/world.ts';

const seen: Answers = { owner: 200, other: 404, regulatorIn: 200, regulatorOut: 404 };
const outboundAction: Answers = { owner: 403, other: 404, regulatorIn: 200, regulatorOut: 404 };
const receivingAction: Answers = { owner: 403, other: 404, regulatorIn: 403, regulatorOut: 404 };
const applicantAction: Answers = { owner: 200, other: 404, regulatorIn: 403, regulatorOut: 404 };

/** A new application in `state` for those who may act on it; those who see none of it get the standing one. */
const fresh = (state: ApplicationStateReached) => async (w: World, role: IdentityRole) => ({
  id: (await (['owner', 'regulatorIn'].includes(role) ? freshApplication(w, state) : standingApplication(w))).id,
});
const standing = async (w: World) => ({ id: (await standingApplication(w)).id });

export const APPLICATION_EXPECTATIONS: ExpectationTable = {
  'POST /v1/approval-applications': {
    body: applicationBodyFor,
    answers: { owner: 201, other: 403, regulatorIn: 403, regulatorOut: 403 },
  },
  'GET /v1/approval-applications/{id}': { params: standing, answers: seen },
  'GET /v1/approval-applications/{id}/actions': { params: standing, answers: seen },
  'GET /v1/approval-applications': {
    query: (w) => ({ generatorId: w.generator.id }),
    answers: { owner: 200, other: 200, regulatorIn: 200, regulatorOut: 200 },
  },
  'POST /v1/approval-applications/{id}/accept': { params: fresh('submitted'), answers: outboundAction },
  'POST /v1/approval-applications/{id}/incomplete': {
    params: fresh('submitted'),
    body: () => ({ missing: ['委托处置合同'] }),
    answers: outboundAction,
  },
  'POST /v1/approval-applications/{id}/resubmit': {
    params: fresh('incomplete'),
    body: () => ({ attachments: [{ kind: 'contract', name: 'contract.pdf', documentHash: '1e'.repeat(32) }] }),
    answers: applicantAction,
  },
  'POST /v1/approval-applications/{id}/request-consent': { params: fresh('accepted'), answers: outboundAction },
  'POST /v1/approval-applications/{id}/consent': { params: fresh('consent-requested'), answers: receivingAction },
  'POST /v1/approval-applications/{id}/decline': {
    params: fresh('consent-requested'),
    body: () => ({ reason: '能力不足' }),
    answers: receivingAction,
  },
  'POST /v1/approval-applications/{id}/approve': {
    params: fresh('consented'),
    body: () => ({ validFrom: localDay(), validTo: localDay(300) }),
    answers: outboundAction,
  },
  'POST /v1/approval-applications/{id}/refuse': {
    params: fresh('accepted'),
    body: () => ({ reason: '不予批准' }),
    answers: outboundAction,
  },
};
