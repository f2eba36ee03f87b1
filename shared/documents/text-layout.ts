// Flowing text and tables down A4 pages: wrapping for mixed Chinese and Latin text, page breaks, repeated table heads.
import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { must } from '#shared/must.ts';

export const MM = 72 / 25.4;
export const A4: [number, number] = [210 * MM, 297 * MM];
const BLACK = rgb(0, 0, 0);
const RULE = rgb(0.55, 0.55, 0.55);
const HEAD_FILL = rgb(0.92, 0.92, 0.92);

const unitWidths = new WeakMap<PDFFont, Map<string, number>>();

/**
 * The width of a token at size 1, cached per font: shaping with fontkit costs milliseconds a call, and tables measure
 * the same characters over and over. Widths are summed per token, which only ignores kerning between tokens.
 */
function tokenWidth(font: PDFFont, token: string): number {
  let widths = unitWidths.get(font);
  if (!widths) {
    widths = new Map();
    unitWidths.set(font, widths);
  }
  let width = widths.get(token);
  if (width === undefined) {
    width = font.widthOfTextAtSize(token, 1);
    widths.set(token, width);
  }
  return width;
}

/**
 * Lines of `text` no wider than `width`. Chinese breaks between any two characters, except before closing punctuation
 * (a line never starts with 、 or ）); a run of printable ASCII (a word, a code, a URL, a hash) stays whole unless it
 * alone is too wide.
 */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
  const measure = (t: string) => tokenWidth(font, t) * size;
  const lines: string[] = [];
  for (const paragraph of text.replace(/[\t\r\v\f]/g, ' ').split('\n')) {
    let line = '';
    let used = 0;
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
      used = 0;
    };
    for (const token of paragraph.match(/[\x21-\x7e]+| +|.[、。，；：？！）》」』％]*/gu) ?? []) {
      const needed = measure(token);
      if (used + needed <= width) {
        line += token;
        used += needed;
      } else if (token.trim() === '') {
        push();
      } else if (needed <= width) {
        push();
        line = token;
        used = needed;
      } else {
        for (const char of token) {
          const charWidth = measure(char);
          if (line && used + charWidth > width) push();
          line += char;
          used += charWidth;
        }
      }
    }
    push();
  }
  return lines;
}

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | undefined;
}

export interface TextStyle {
  size: number;
  color?: RGB;
  align?: 'left' | 'center' | 'right' | undefined;
}

/** A cursor moving down the pages of one document. */
export class PageWriter {
  page: PDFPage;
  y: number;
  readonly left: number;
  readonly width: number;

  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
    private readonly margin = 15 * MM,
    private readonly bottom = 20 * MM,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - margin;
    this.left = margin;
    this.width = A4[0] - 2 * margin;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. Returns true when it did. */
  ensure(height: number): boolean {
    if (this.y - height >= this.bottom) return false;
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - this.margin;
    return true;
  }

  /** One line of text at (x, baseline), aligned within `width`. */
  line(
    text: string,
    x: number,
    baseline: number,
    width: number,
    { size, color = BLACK, align = 'left' }: TextStyle,
  ): void {
    const textWidth = align === 'left' ? 0 : this.font.widthOfTextAtSize(text, size);
    const dx = align === 'center' ? (width - textWidth) / 2 : align === 'right' ? width - textWidth : 0;
    this.page.drawText(text, { x: x + dx, y: baseline, size, font: this.font, color });
  }

  /** A wrapped paragraph across the full width (or `width` from `x`). */
  paragraph(text: string, style: TextStyle, x = this.left, width = this.width): void {
    const lineHeight = style.size * 1.4;
    for (const line of wrapText(this.font, text, style.size, width)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.line(line, x, this.y + style.size * 0.3, width, style);
    }
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** A section heading, kept on the same page as at least `keepWith` points of what follows. */
  heading(text: string, keepWith = 40): void {
    this.ensure(22 + keepWith);
    this.gap(6);
    this.paragraph(text, { size: 11 });
    this.gap(3);
  }

  /** A ruled table; rows grow to their wrapped text, and the head is repeated on each new page. */
  table(columns: Column[], rows: string[][], { size = 8, head = true } = {}): void {
    const pad = 3;
    const lineHeight = size * 1.35;
    const measure = (cells: string[]) => {
      const wrapped = columns.map((column, i) => ({
        column,
        lines: wrapText(this.font, must(cells[i], 'a row has a cell per column'), size, column.width - 2 * pad),
      }));
      return { wrapped, height: Math.max(...wrapped.map(({ lines }) => lines.length)) * lineHeight + 2 * pad };
    };
    const draw = ({ wrapped, height }: ReturnType<typeof measure>, isHead: boolean) => {
      let x = this.left;
      for (const { column, lines } of wrapped) {
        this.page.drawRectangle({
          x,
          y: this.y - height,
          width: column.width,
          height,
          ...(isHead ? { color: HEAD_FILL } : {}),
          borderColor: RULE,
          borderWidth: 0.5,
        });
        lines.forEach((text, n) => {
          const baseline = this.y - pad - (n + 1) * lineHeight + size * 0.3;
          this.line(text, x + pad, baseline, column.width - 2 * pad, { size, align: isHead ? 'left' : column.align });
        });
        x += column.width;
      }
      this.y -= height;
    };
    const headRow = head ? measure(columns.map((c) => c.title)) : undefined;
    const measured = rows.map(measure);
    if (headRow) {
      this.ensure(headRow.height + (measured[0]?.height ?? 0));
      draw(headRow, true);
    }
    for (const row of measured) {
      if (this.ensure(row.height) && headRow) draw(headRow, true);
      draw(row, false);
    }
  }
}
