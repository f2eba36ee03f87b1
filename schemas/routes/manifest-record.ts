// The manifest's copy of record (served by the manifests function): event log, integrity, printable document.
import { createRoute } from '@hono/zod-openapi';
import * as z from '../zod.ts';
import { bearer, IdParam, json, problems } from '../common.ts';
import { Integrity, ManifestEvent } from '../manifest-record.ts';

const tags = { tags: ['Manifests'], security: bearer };

export const listManifestEvents = createRoute({
  method: 'get',
  path: '/v1/manifests/{id}/events',
  ...tags,
  summary: "The manifest's tamper-evident event log, oldest first",
  request: { params: IdParam },
  responses: { 200: json(z.object({ items: z.array(ManifestEvent) }), 'Events'), ...problems(404) },
});

export const getManifestIntegrity = createRoute({
  method: 'get',
  path: '/v1/manifests/{id}/integrity',
  ...tags,
  summary: 'Recomputes the hash chain from the stored events',
  request: { params: IdParam },
  responses: { 200: json(Integrity, 'The result'), ...problems(404) },
});
