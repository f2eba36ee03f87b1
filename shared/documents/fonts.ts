// The CJK font every document embeds (subset: only the glyphs a document uses end up in the PDF).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import * as fontkit from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { config } from '#shared/config.ts';

/** Noto Sans SC Regular (OFL), a TrueType file: pdf-lib can embed TTF/OTF, not the WOFF2 of web-font packages. */
export const FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

/** FONT_PATH wins so that a Lambda bundle, which has no node_modules, can ship the file beside its code. */
export function fontPath(): string {
  return config.fontPath ?? createRequire(import.meta.url).resolve(FONT_MODULE);
}

let bytes: Promise<Uint8Array> | undefined;

/** The font file, read once per process (a warm Lambda reuses it). */
function fontBytes(): Promise<Uint8Array> {
  bytes ??= readFile(fontPath()).catch((error: unknown) => {
    bytes = undefined; // a later render may find the file (e.g. FONT_PATH fixed)
    throw error;
  });
  return bytes;
}

/**
 * fontkit 2 for pdf-lib. pdf-lib's own fork (@pdf-lib/fontkit 1.1) writes TrueType subsets with a short `loca` table
 * without padding odd-length glyphs, so most Chinese glyphs vanish when printed although the text still extracts
 * (fixed upstream in fontkit 1.8). fontkit 2 only lacks the `encodeStream()` that pdf-lib calls on a subset.
 */
const pdfLibFontkit = {
  create(bytes: Uint8Array) {
    const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as fontkit.Font;
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () =>
      Object.assign(createSubset(), {
        encodeStream(this: fontkit.Subset) {
          return Readable.from([this.encode()]);
        },
      });
    return font;
  },
};

export async function embedCjkFont(doc: PDFDocument): Promise<PDFFont> {
  doc.registerFontkit(pdfLibFontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  return doc.embedFont(await fontBytes(), { subset: true });
}
