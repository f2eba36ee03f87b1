// The oversight function's background exports: lists too long for one response (more than 10,000 rows).
import { createRoute } from '@hono/zod-openapi';
import { bearer, body, IdParam, json, problems } from '../common.ts';
import { ExportRequest, ExportStatus } from '../export.ts';

const tags = { tags: ['Oversight'], security: bearer };

export const requestExport = createRoute({
  method: 'post',
  path: '/v1/oversight/exports',
  ...tags,
  summary:
    'Export a whole oversight list as CSV in the background (any number of rows); poll GET …/exports/{id} for the download URL',
  description:
    'The query is checked as the list route checks it (403 outside your jurisdiction, 422 unknown division) before the export starts. ' +
    'Only you see the export. The file is kept 7 days.',
  request: body(ExportRequest),
  responses: { 202: json(ExportStatus, 'The export, running'), ...problems(403, 422) },
});

export const getExport = createRoute({
  method: 'get',
  path: '/v1/oversight/exports/{id}',
  ...tags,
  summary:
    'An export you asked for: its status, rows, and when done a download URL valid 15 minutes (a fresh one at each GET)',
  request: { params: IdParam },
  responses: { 200: json(ExportStatus, 'The export'), ...problems(404) },
});
