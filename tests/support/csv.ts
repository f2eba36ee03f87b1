import { expect } from 'vitest';
import { at, first } from './present.ts';

/** Parses the CSV export the way a spreadsheet would (RFC 4180 quoting, BOM first). */
export function parseCsv(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++; // the second quote of the escaped pair
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++; // past the \n of the CRLF
    } else cell += ch;
  }
  const [header, ...body] = [first(rows, 'CSV header row'), ...rows.slice(1)];
  return body.map((r, n) => Object.fromEntries(header.map((h, i) => [h, at(r, i, `CSV row ${n + 1} cell ${h}`)])));
}

/** api.md: a CSV row carries "the same fields as JSON": every field of every JSON item is one of its columns. */
export function expectJsonFields(rows: readonly Record<string, string>[], items: readonly object[]): void {
  const columns = new Set(Object.keys(first(rows, 'CSV row')));
  const fields = new Set(items.flatMap((i) => Object.keys(i)));
  expect([...fields].filter((f) => !columns.has(f))).toEqual([]);
}
