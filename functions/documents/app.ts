// The documents function: printable manifests and container labels. Only this bundle carries pdf-lib, fontkit
// and the CJK font, so the others stay small and start fast.
import { createApp, on } from '#shared/http/create-app.ts';
import { ledgerLabelPdf } from '#shared/services/label-service.ts';
import { manifestPdf } from '#shared/services/manifest-document-service.ts';
import * as r from '#schemas/routes/documents.ts';

export const app = createApp();

const pdfResponse = (pdf: Uint8Array) =>
  new Response(pdf as Uint8Array<ArrayBuffer>, { status: 200, headers: { 'content-type': 'application/pdf' } });

on(app, r.getManifestDocument, async (c) =>
  pdfResponse(await manifestPdf(c.var.actor, c.req.valid('param').id, new URL(c.req.url).origin)),
);
on(app, r.getLedgerLabel, async (c) => {
  const { id, entryId } = c.req.valid('param');
  return pdfResponse(await ledgerLabelPdf(c.var.actor, id, entryId));
});
