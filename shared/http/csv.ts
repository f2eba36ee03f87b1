// CSV exports of lists (Accept: text/csv, and the background exports): UTF-8 with a BOM so spreadsheet tools read
// Chinese names, one row per item with the JSON fields, written by csv-stringify (RFC 4180 quoting) with its formula
// escaping: a cell beginning with =, +, -, @, a tab or a carriage return gets a leading ' so that no spreadsheet runs
// it (api.md, "Chains and oversight"). Negative numbers stay numbers.
import { stringify } from 'csv-stringify/sync';
import type { Context } from 'hono';
import { AppError } from '../errors.ts';

export const wantsCsv = (c: Context): boolean => (c.req.header('accept') ?? '').toLowerCase().includes('text/csv');

/** Rows one response may carry; more go through `POST /v1/oversight/exports`. */
export const MAX_CSV_ROWS = 10_000;
export const EXPORT_ROUTE = 'POST /v1/oversight/exports';
const BOM = '\uFEFF';

const OPTIONS = {
  record_delimiter: 'windows',
  escape_formulas: true,
  // A line break inside a cell is quoted too (the library only quotes the record delimiter, \r\n, by default).
  quoted_match: /[\r\n]/,
  cast: {
    boolean: (value: boolean) => String(value),
    // Arrays read as `a;b`, other objects as JSON.
    object: (value: object) => (Array.isArray(value) ? value.join(';') : JSON.stringify(value)),
  },
} as const;

/** The rows (no header, no BOM) of `items` under `columns`. */
export const csvRows = (columns: readonly string[], items: readonly object[]): string =>
  items.length ? stringify(items.map((item) => columns.map((k) => (item as Record<string, unknown>)[k] ?? null)), OPTIONS) : '';

export const csvHeader = (columns: readonly string[]): string => BOM + stringify([[...columns]], OPTIONS);

/** Every page of `pages` as one CSV document, refused past MAX_CSV_ROWS before anything is sent. */
export async function csvResponse<T extends object>(c: Context, columns: readonly (keyof T & string)[], pages: AsyncIterable<T[]>, filename: string, list: string): Promise<Response> {
  const items: T[] = [];
  for await (const page of pages) {
    items.push(...page);
    if (items.length > MAX_CSV_ROWS) {
      throw new AppError('TOO_MANY_ROWS', `More than ${MAX_CSV_ROWS} rows: export them with ${EXPORT_ROUTE} {"list":"${list}","query":{…}} and download the file when it is done`);
    }
  }
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="${filename}"`);
  return c.body(csvHeader(columns) + csvRows(columns, items));
}

/** All pages of a cursor-paged list, for an export. */
export async function* allPages<T, P>(fetchPage: (start: P | undefined) => Promise<{ items: T[]; next?: P }>, maxPages = 10_000): AsyncIterable<T[]> {
  let start: P | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(start);
    yield page.items;
    if (page.next === undefined) return;
    start = page.next;
  }
}
