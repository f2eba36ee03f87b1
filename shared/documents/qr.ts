// QR codes drawn as vector squares, so they print sharp at any size.
import { rgb, type PDFPage } from 'pdf-lib';
import { create } from 'qrcode/lib/core/qrcode.js';

/** The payload of a manifest's QR code: its number and where its integrity can be checked. */
export const manifestQrPayload = (number: string, integrityUrl: string): string =>
  JSON.stringify({ number, integrityUrl });

export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(payload: string): QrMatrix {
  const { modules } = create(payload, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => Boolean(modules.get(row, col)) };
}

/**
 * Draws the code with its top-left corner at (x, top) and `width` points wide, including the 4-module quiet zone
 * that scanners need; runs of dark modules in a row are one rectangle each.
 */
export function drawQr(page: PDFPage, payload: string, x: number, top: number, width: number): void {
  const matrix = qrMatrix(payload);
  const quiet = 4;
  const module = width / (matrix.size + 2 * quiet);
  page.drawRectangle({ x, y: top - width, width, height: width, color: rgb(1, 1, 1) });
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.dark(row, col)) col++;
      page.drawRectangle({
        x: x + (quiet + start) * module,
        y: top - (quiet + row + 1) * module,
        width: (col - start) * module,
        height: module,
        color: rgb(0, 0, 0),
      });
    }
  }
}
