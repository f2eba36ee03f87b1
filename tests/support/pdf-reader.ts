// Reads rendered PDFs back the way a person or a scanner would: the text per page, the page sizes, the QR codes.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsqr from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy, renderPageAsImage } from 'unpdf';

const jsQR = jsqr.default; // a CommonJS module: its default export is a property of module.exports

// pdf.js (inside unpdf) calls ArrayBuffer.prototype.transferToFixedLength (Node ≥ 21) when it draws embedded fonts;
// a copy serves the same purpose on Node 20.
const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: () => ArrayBuffer };
proto.transferToFixedLength ??= function (this: ArrayBuffer) {
  return this.slice(0);
};

/** The text of each page, whitespace collapsed. */
export async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(pdf.slice()), { mergePages: false });
  return text.map((t) => t.replace(/\s+/g, ' '));
}

/** Page sizes in millimetres, rounded to 0.1 mm. */
export async function pageSizesMm(pdf: Uint8Array): Promise<Array<[number, number]>> {
  const doc = await PDFDocument.load(pdf);
  const mm = (points: number) => Math.round((points / 72) * 25.4 * 10) / 10;
  return doc.getPages().map((p) => [mm(p.getWidth()), mm(p.getHeight())]);
}

/** Renders a page (1-based) to pixels and decodes the QR code on it, or null when none is found. */
export async function decodeQr(pdf: Uint8Array, pageNumber = 1): Promise<string | null> {
  const png = await renderPageAsImage(pdf.slice(), pageNumber, {
    canvasImport: () => import('@napi-rs/canvas'),
    scale: 2,
  });
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
  return jsQR(new Uint8ClampedArray(data), width, height)?.data ?? null;
}
