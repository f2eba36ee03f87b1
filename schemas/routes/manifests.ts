// The manifests function's routes (api.md, "Manifests"): the lifecycle, reads, and a party's inbox and feed.
import { createRoute } from '@hono/zod-openapi';
import type * as z from '../zod.ts';
import {
  bearer,
  body,
  IdempotencyHeader,
  IdParam,
  IfMatchHeader,
  json,
  Note,
  pageOf,
  problems,
  Reason,
} from '../common.ts';
import {
  ActionList,
  CarriersBody,
  CreateManifestBody,
  DeliverBody,
  FeedEntry,
  InboxItem,
  Manifest,
  ManifestListQuery,
  NumberParam,
  PageOnlyQuery,
  PatchManifestBody,
  PickupBody,
  ReceiveBody,
  RejectBody,
  ValidationResult,
} from '../manifest.ts';

const tags = { tags: ['Manifests'], security: bearer };

export const createManifest = createRoute({
  method: 'post',
  path: '/v1/manifests',
  ...tags,
  summary: 'Create a draft manifest with its 14-digit number (generator members)',
  request: { headers: IdempotencyHeader, ...body(CreateManifestBody) },
  responses: { 201: json(Manifest, 'The draft'), ...problems(403, 404, 413, 422) },
});
export const validateManifest = createRoute({
  method: 'post',
  path: '/v1/manifests/validate',
  ...tags,
  summary: 'Run every dispatch check on a create body, saving nothing',
  request: { headers: IdempotencyHeader, ...body(CreateManifestBody) },
  responses: {
    200: json(ValidationResult, 'What dispatch would refuse (errors) and what it would flag (warnings)'),
    ...problems(403, 404, 413),
  },
});
export const listManifests = createRoute({
  method: 'get',
  path: '/v1/manifests',
  ...tags,
  summary: "A party's manifests, newest first (its members; covering regulators)",
  request: { query: ManifestListQuery },
  responses: { 200: json(pageOf(Manifest, 'ManifestPage'), 'A page of manifests'), ...problems(404) },
});
export const getManifestByNumber = createRoute({
  method: 'get',
  path: '/v1/manifests/by-number/{number}',
  ...tags,
  summary: 'A manifest by its number',
  request: { params: NumberParam },
  responses: { 200: json(Manifest, 'The manifest'), ...problems(404) },
});
export const getManifest = createRoute({
  method: 'get',
  path: '/v1/manifests/{id}',
  ...tags,
  summary: 'A manifest (its parties; regulators covering its generator or receiver)',
  request: { params: IdParam },
  responses: { 200: json(Manifest, 'The manifest'), ...problems(404) },
});
export const patchManifest = createRoute({
  method: 'patch',
  path: '/v1/manifests/{id}',
  ...tags,
  summary: 'Change a draft (generator; JSON Merge Patch, arrays replace whole)',
  request: { params: IdParam, headers: IfMatchHeader, ...body(PatchManifestBody) },
  responses: { 200: json(Manifest, 'The draft after the change'), ...problems(403, 404, 409, 412, 413, 422) },
});
export const manifestActions = createRoute({
  method: 'get',
  path: '/v1/manifests/{id}/actions',
  ...tags,
  summary: 'What the caller may do now, from the transition table',
  request: { params: IdParam },
  responses: {
    200: json(ActionList, 'Actions, each with the party it is taken for (null: as regulator)'),
    ...problems(404),
  },
});

const actionResponses = (codes: number[]) => ({
  200: json(Manifest, 'The manifest after the action'),
  ...problems(...codes, 413),
});

function action<B extends z.ZodType>(
  path: string,
  summary: string,
  requestBody: B,
  codes: number[] = [403, 404, 409, 412, 422],
) {
  return createRoute({
    method: 'post',
    path: `/v1/manifests/{id}/${path}`,
    ...tags,
    summary,
    request: { params: IdParam, headers: IdempotencyHeader, ...body(requestBody) },
    responses: actionResponses(codes),
  });
}

export const dispatchManifest = createRoute({
  method: 'post',
  path: '/v1/manifests/{id}/dispatch',
  ...tags,
  summary:
    'Generator signs (移出确认): every dispatch check runs; takes stock, batches, capacity, approval kilograms and sources',
  request: { params: IdParam, headers: IdempotencyHeader },
  responses: actionResponses([403, 404, 409, 412, 422]),
});
export const changeCarriers = action(
  'carriers',
  'Replace the carriers that have not signed yet (generator)',
  CarriersBody,
);
export const pickupManifest = action(
  'pickup',
  'The next carrier signs its pickup; a later pickup is a hand-over',
  PickupBody,
);
export const deliverManifest = action(
  'deliver',
  'The last carrier records arrival (运抵)',
  DeliverBody,
  [403, 404, 409, 412],
);
export const receiveManifest = action(
  'receive',
  'The receiver confirms per line; refused kilograms leave on a replacement draft',
  ReceiveBody,
);
export const rejectManifest = action(
  'reject',
  'The receiver refuses the whole load; a replacement draft carries it',
  RejectBody,
);
export const cancelManifest = action(
  'cancel',
  'Generator cancels a draft, or a dispatched manifest before pickup; every kilogram is given back',
  Reason,
  [403, 404, 409, 412],
);
export const explainDiscrepancy = action(
  'discrepancy/explain',
  'Generator explains an open discrepancy',
  Note,
  [403, 404, 409, 412],
);
export const closeDiscrepancy = action(
  'discrepancy/close',
  'A regulator covering the generator or receiver closes the discrepancy',
  Note,
  [403, 404, 409, 412],
);

export const partyInbox = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/inbox',
  tags: ['Parties'],
  security: bearer,
  summary: "Manifests waiting for this party's action, oldest first",
  request: { params: IdParam, query: PageOnlyQuery },
  responses: { 200: json(pageOf(InboxItem, 'InboxPage'), 'Waiting manifests'), ...problems(404) },
});
export const partyFeed = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/feed',
  tags: ['Parties'],
  security: bearer,
  summary:
    "Every event of the party's manifests in commit order; events appear 30 s after their commit, and nextCursor always says where to resume",
  request: { params: IdParam, query: PageOnlyQuery },
  responses: { 200: json(pageOf(FeedEntry, 'FeedPage'), 'Events'), ...problems(404) },
});
