// CSV exports of lists (Accept: text/csv): UTF-8 with a BOM so spreadsheet tools read Chinese names, one row per
// item with the JSON fields, written page by page as the store returns them.
import type { Context } from 'hono';
import { stream } from 'hono/streaming';

export const wantsCsv = (c: Context): boolean => (c.req.header('accept') ?? '').toLowerCase().includes('text/csv');

function cell(value: unknown): string {
  const text = value === undefined || value === null ? '' : Array.isArray(value) ? value.join(';') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (values: unknown[]): string => `${values.map(cell).join(',')}\r\n`;

/** Streams every page `pages` yields as CSV rows under one header line. */
export function csvResponse<T extends object>(c: Context, columns: (keyof T & string)[], pages: AsyncIterable<T[]>, filename: string): Response {
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="${filename}"`);
  return stream(c, async (out) => {
    await out.write(`\uFEFF${csvLine(columns)}`);
    for await (const page of pages) {
      if (page.length) await out.write(page.map((item) => csvLine(columns.map((k) => (item as Record<string, unknown>)[k]))).join(''));
    }
  });
}

/** All pages of a cursor-paged list, for an export. */
export async function* allPages<T, P>(fetchPage: (start: P | undefined) => Promise<{ items: T[]; next?: P }>, maxPages = 1000): AsyncIterable<T[]> {
  let start: P | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(start);
    yield page.items;
    if (page.next === undefined) return;
    start = page.next;
  }
}
