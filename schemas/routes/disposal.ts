// The disposal function's routes: disposal reports on a received manifest, and the chain of custody (api.md).
import { createRoute } from '@hono/zod-openapi';
import * as z from '../zod.ts';
import { bearer, body, IdParam, json, problems } from '../common.ts';
import { Chain, ChainParam, ChainQuery, DisposalBody, DisposalParam, DisposalReport } from '../disposal.ts';

const tags = (t: string) => ({ tags: [t], security: bearer });

export const reportDisposal = createRoute({
  method: 'post',
  path: '/v1/manifests/{id}/disposals',
  ...tags('Disposal'),
  summary: "Report utilisation or disposal of a received manifest's lines (receiver); the last kilogram completes it",
  request: { params: IdParam, ...body(DisposalBody) },
  responses: { 201: json(DisposalReport, 'The signed report'), ...problems(403, 404, 409, 412, 413, 422) },
});
export const listDisposals = createRoute({
  method: 'get',
  path: '/v1/manifests/{id}/disposals',
  ...tags('Disposal'),
  summary: "A manifest's disposal reports, oldest first",
  request: { params: IdParam },
  responses: { 200: json(z.object({ items: z.array(DisposalReport) }), 'Reports'), ...problems(404) },
});
export const getDisposal = createRoute({
  method: 'get',
  path: '/v1/manifests/{id}/disposals/{disposalId}',
  ...tags('Disposal'),
  summary: 'One disposal report (the Location of a new one)',
  request: { params: DisposalParam },
  responses: { 200: json(DisposalReport, 'The report'), ...problems(404) },
});
export const getChain = createRoute({
  method: 'get',
  path: '/v1/chains/{manifestId}',
  ...tags('Chains'),
  summary:
    'Ancestors and descendants of a manifest: batches (and the pending-identification entries they were identified from), manifests, disposal reports, residues, incidents (others redacted)',
  request: { params: ChainParam, query: ChainQuery },
  responses: { 200: json(Chain, 'The chain (a page of at most 500 nodes)'), ...problems(404) },
});
