// Reference data ships beside the code (a Lambda bundle copies the folder; REFERENCE_DATA_DIR points at it) and is read once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export function referenceDataDir(): string {
  return process.env.REFERENCE_DATA_DIR ?? fileURLToPath(new URL('./data/', import.meta.url));
}

export function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(join(referenceDataDir(), file), 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(referenceDataDir(), file), 'utf8')) as T;
}

/** A value computed on first use and kept for the life of the process. */
export function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}
