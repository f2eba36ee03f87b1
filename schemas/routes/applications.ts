// The records function's application routes (api.md "Applications"; domain.md rule 30).
import { createRoute } from '@hono/zod-openapi';
import type { ApplicationAction } from '../../shared/domain/application/transition-table.ts';
import { bearer, body, IdParam, json, pageOf, problems } from '../common.ts';
import {
  Application,
  ApplicationActions,
  ApplicationBody,
  ApplicationQuery,
  ApplicationReason,
  ApproveApplicationBody,
  MissingBody,
  ResubmitBody,
} from '../application.ts';

const tags = { tags: ['Applications'], security: bearer };
const SEEN =
  'Seen by the generator’s and receiver’s members, regulators of the generator’s province (its cities and counties read, only province-level or nationwide regulators act), and the receiving province from consent-requested on; anyone else 404.';

export const submitApplication = createRoute({
  method: 'post',
  path: '/v1/approval-applications',
  ...tags,
  summary: 'Apply to the generator’s province for a cross-province transfer (a member of the generator)',
  description: `The method must be an operation of a verified licence of the receiver valid today (422 LICENCE_MISSING on method). ${SEEN}`,
  request: body(ApplicationBody),
  responses: { 201: json(Application, 'Submitted'), ...problems(403, 404, 422) },
});
export const getApplication = createRoute({
  method: 'get',
  path: '/v1/approval-applications/{id}',
  ...tags,
  summary: 'An application with its history and the due date of each step',
  description: `An application left submitted 5 working days is answered as accepted as of its submission (deemed acceptance, applied when read or acted on). ${SEEN}`,
  request: { params: IdParam },
  responses: { 200: json(Application, 'The application'), ...problems(404) },
});
export const listApplications = createRoute({
  method: 'get',
  path: '/v1/approval-applications',
  ...tags,
  summary: 'Applications of a generator, or (regulators of the province) of a province and those inbound to it',
  description:
    'Exactly one of generatorId or province. A province list pages through the outbound applications first, then the inbound ones from consent-requested on. The status filter sees deemed acceptance, so a page may come back short with a nextCursor.',
  request: { query: ApplicationQuery },
  responses: { 200: json(pageOf(Application, 'ApplicationPage'), 'A page of applications'), ...problems(403) },
});
export const applicationActions = createRoute({
  method: 'get',
  path: '/v1/approval-applications/{id}/actions',
  ...tags,
  summary: 'What the caller may do now, from the same table the routes use',
  request: { params: IdParam },
  responses: { 200: json(ApplicationActions, 'Actions, each with the role it is taken in'), ...problems(404) },
});

const act = (action: ApplicationAction, summary: string, bodySchema?: Parameters<typeof body>[0]) =>
  createRoute({
    method: 'post',
    path: `/v1/approval-applications/{id}/${action}`,
    ...tags,
    summary,
    description: `${SEEN} Not the caller’s action: 403; not in this state: 409 INVALID_STATE. If-Match applies.`,
    request: { params: IdParam, ...(bodySchema ? body(bodySchema) : {}) },
    responses: {
      200: json(Application, 'The application after the action'),
      ...problems(403, 404, 409, 412, ...(action === 'approve' ? [422] : [])),
    },
  });

export const acceptApplication = act('accept', 'Accept it for review (outbound province, submitted)');
export const applicationIncomplete = act(
  'incomplete',
  'Return it as incomplete, listing what is missing (outbound province, submitted)',
  MissingBody,
);
export const resubmitApplication = act(
  'resubmit',
  'Add the missing attachments and submit again (the generator, incomplete)',
  ResubmitBody,
);
export const requestConsent = act(
  'request-consent',
  'Agree in principle and ask the receiving province (商请; outbound province, accepted)',
);
export const consentApplication = act(
  'consent',
  'Consent to receiving the waste (receiving province, consent-requested)',
);
export const declineApplication = act(
  'decline',
  'Decline, with reasons (receiving province, consent-requested)',
  ApplicationReason,
);
export const approveApplication = act(
  'approve',
  'Approve: creates the approval of rule 16 and links it (outbound province, consented)',
  ApproveApplicationBody,
);
export const refuseApplication = act(
  'refuse',
  'Refuse, with reasons (outbound province; accepted, consented or declined)',
  ApplicationReason,
);
