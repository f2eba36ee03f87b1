// CSV as regulators take it away: UTF-8 with a BOM so spreadsheet tools read Chinese names, one row per item with
// the JSON fields, written by csv-stringify (RFC 4180 quoting) with its formula escaping: a cell beginning with =, +,
// -, @, a tab or a carriage return gets a leading ' so that no spreadsheet runs it (api.md, "Chains and oversight").
// Negative numbers stay numbers. Shared by the lists' `Accept: text/csv` answers and the background exports.
import { stringify } from 'csv-stringify/sync';

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
    // Arrays of plain values read as `a;b`; anything holding objects (an incident's lines) as JSON, which
    // `join` would have written as `[object Object]`.
    object: (value: object) =>
      Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')
        ? value.join(';')
        : JSON.stringify(value),
  },
} as const;

/** The rows (no header, no BOM) of `items` under `columns`. */
export const csvRows = (columns: readonly string[], items: readonly object[]): string =>
  items.length
    ? stringify(
        items.map((item) => columns.map((k) => (item as Record<string, unknown>)[k] ?? null)),
        OPTIONS,
      )
    : '';

export const csvHeader = (columns: readonly string[]): string => BOM + stringify([[...columns]], OPTIONS);

/** All pages of a cursor-paged list, for an export. */
export async function* allPages<T, P>(
  fetchPage: (start: P | undefined) => Promise<{ items: T[]; next?: P }>,
  maxPages = 10_000,
): AsyncIterable<T[]> {
  let start: P | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(start);
    yield page.items;
    if (page.next === undefined) return;
    start = page.next;
  }
}
