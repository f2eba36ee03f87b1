// The documents function's routes: printable PDFs (kept apart so only this bundle carries the PDF code and CJK font).
import { createRoute } from '@hono/zod-openapi';
import * as z from '../zod.ts';
import { bearer, Id, IdParam, problems } from '../common.ts';

const pdf = (description: string) => ({
  description,
  content: { 'application/pdf': { schema: { type: 'string' as const, format: 'binary' } } },
});

export const getManifestDocument = createRoute({
  method: 'get',
  path: '/v1/manifests/{id}/document.pdf',
  tags: ['Documents'],
  security: bearer,
  summary:
    'The manifest as a printable A4 PDF (Chinese) with every signature and a QR code of its number and integrity URL',
  request: { params: IdParam },
  responses: { 200: pdf('The manifest'), ...problems(404) },
});

export const getLedgerLabel = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/ledger/{entryId}/label.pdf',
  tags: ['Documents'],
  security: bearer,
  summary:
    'The HJ 1276-2022 container label of a batch: one page per container label code, sized for the largest container (100/150/200 mm)',
  request: {
    params: z.object({
      id: Id.openapi({ param: { name: 'id', in: 'path' } }),
      entryId: Id.openapi({ param: { name: 'entryId', in: 'path' } }),
    }),
  },
  responses: { 200: pdf('The label'), ...problems(404) },
});
