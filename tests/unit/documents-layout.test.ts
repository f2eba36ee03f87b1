import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jsqr from 'jsqr';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { embedCjkFont, fontPath } from '#shared/documents/fonts.ts';
import { qrMatrix } from '#shared/documents/qr.ts';
import { wrapText } from '#shared/documents/text-layout.ts';

const jsQR = jsqr.default; // a CommonJS module: its default export is a property of module.exports

let font: PDFFont;
beforeAll(async () => {
  font = await embedCjkFont(await PDFDocument.create());
});

const text = fc
  .array(fc.constantFrom('危', '险', '废', '物', '、', '）', ' ', 'HW49', '900-041-49', 'a', 'https://x.cn/v1/m'), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

describe('wrapping text for documents', () => {
  it('loses no character but spaces, and no line is wider than the column unless it is one unbreakable character', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 8, max: 200 }), (value, width) => {
        const lines = wrapText(font, value, 8, width);
        expect(lines.join('').replace(/ /g, '')).toBe(value.replace(/ /g, ''));
        for (const line of lines) {
          if ([...line].length > 2) expect(font.widthOfTextAtSize(line, 8)).toBeLessThanOrEqual(width + 0.5);
        }
      }),
    );
  });

  it('never starts a line with closing punctuation when the character before it fits', () => {
    const lines = wrapText(font, '含有或沾染毒性、感染性危险废物的废弃的包装物、容器', 8, 8 * 11.5);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[、）]/);
  });

  it('keeps a waste code whole when it fits on the next line', () => {
    expect(wrapText(font, '废物代码 900-041-49', 8, 60)).toEqual(['废物代码', '900-041-49']);
  });
});

describe('the embedded font', () => {
  it('is resolved from FONT_PATH when set (a Lambda bundle ships the TTF beside its code)', () => {
    const previous = process.env.FONT_PATH;
    process.env.FONT_PATH = '/opt/fonts/NotoSansSC_400Regular.ttf';
    try {
      expect(fontPath()).toBe('/opt/fonts/NotoSansSC_400Regular.ttf');
    } finally {
      if (previous === undefined) delete process.env.FONT_PATH;
      else process.env.FONT_PATH = previous;
    }
    expect(fontPath()).toMatch(/NotoSansSC_400Regular\.ttf$/);
  });
});

/** The matrix as black-on-white pixels (4 per module, 4 modules of quiet zone), as a scanner's camera would see it. */
function pixels(payload: string) {
  const matrix = qrMatrix(payload);
  const scale = 4;
  const side = (matrix.size + 8) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - 4;
      const col = Math.floor(x / scale) - 4;
      if (row >= 0 && col >= 0 && row < matrix.size && col < matrix.size && matrix.dark(row, col))
        data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return { data, side };
}

describe('QR codes', () => {
  it('read back as their payload, Chinese and JSON included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 150 }),
          fc.constantFrom('危险废物 HWCS20260315001', '{"number":"20261401000042"}'),
        ),
        (payload) => {
          const { data, side } = pixels(payload);
          expect(jsQR(data, side, side)?.data).toBe(payload);
        },
      ),
      { numRuns: 40 },
    );
  });
});
