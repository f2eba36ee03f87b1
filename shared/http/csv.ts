// Oversight lists answered as CSV (Accept: text/csv), at most MAX_CSV_ROWS rows: past that, 422 TOO_MANY_ROWS
// names the export route. The rows are gathered before the first byte goes out, so a refusal is a whole answer.
import type { Context } from 'hono';
import { AppError } from '#shared/errors.ts';
import { csvHeader, csvRows, EXPORT_ROUTE, MAX_CSV_ROWS } from '#shared/exports/csv.ts';

export const wantsCsv = (c: Context): boolean => (c.req.header('accept') ?? '').toLowerCase().includes('text/csv');

/** Every page of `pages` as one CSV document, refused past MAX_CSV_ROWS before anything is sent. */
export async function csvResponse<T extends object>(
  c: Context,
  columns: readonly (keyof T & string)[],
  pages: AsyncIterable<T[]>,
  filename: string,
  list: string,
): Promise<Response> {
  const items: T[] = [];
  for await (const page of pages) {
    items.push(...page);
    if (items.length > MAX_CSV_ROWS) {
      throw new AppError(
        'TOO_MANY_ROWS',
        `More than ${MAX_CSV_ROWS} rows: export them with ${EXPORT_ROUTE} {"list":"${list}","query":{…}} and download the file when it is done`,
      );
    }
  }
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="${filename}"`);
  return c.body(csvHeader(columns) + csvRows(columns, items));
}
