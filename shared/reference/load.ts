// Reference data ships beside the code (a Lambda bundle copies the folder; REFERENCE_DATA_DIR points at it) and is read once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export function referenceDataDir(): string {
  return process.env.REFERENCE_DATA_DIR ?? fileURLToPath(new URL('./data/', import.meta.url));
}

/** The rows of a reference CSV by column name; `columns`, those the caller reads, must head the file (else it is broken). */
export function readCsv<C extends string>(file: string, columns: readonly C[]): Record<C, string>[] {
  const rows = parse<Record<C, string>>(readFileSync(join(referenceDataDir(), file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  });
  // Every row has every column of the head (csv-parse refuses a row of another length): the first one tells.
  const [first] = rows;
  const missing = first ? columns.filter((c) => !Object.hasOwn(first, c)) : [];
  if (missing.length) throw new Error(`Reference data ${file} lacks the column(s) ${missing.join(', ')}`);
  return rows;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(referenceDataDir(), file), 'utf8')) as T;
}

/** A value computed on first use and kept for the life of the process. */
export function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}
