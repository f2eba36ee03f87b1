// Finished exports on the local server: files under DATA_DIR/exports, downloaded from GET /local/exports/{id}.csv
// with an expiry and an HMAC over it, as a pre-signed S3 URL is in AWS (valid 15 minutes, fresh at each GET).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Context } from 'hono';
import { DOWNLOAD_URL_SECONDS, type ExportStorage } from '#shared/exports/storage.ts';

export interface LocalExportFiles extends ExportStorage {
  /** The handler of GET /local/exports/:file. */
  download(c: Context): Promise<Response>;
}

const ID = /^([0-9a-f-]{36})\.csv$/;

export function localExportFiles(dir: string, secret = randomBytes(32)): LocalExportFiles {
  const folder = resolve(dir);
  const sign = (id: string, expires: number) => createHmac('sha256', secret).update(`${id}.${expires}`).digest('hex');
  return {
    async put(id, csv) {
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, `${id}.csv`), csv);
    },
    async url(id, origin) {
      const expires = Math.floor(Date.now() / 1000) + DOWNLOAD_URL_SECONDS;
      return `${origin}/local/exports/${id}.csv?expires=${expires}&signature=${sign(id, expires)}`;
    },
    async download(c) {
      const id = ID.exec(c.req.param('file') ?? '')?.[1];
      const expires = Number(c.req.query('expires'));
      const given = Buffer.from(c.req.query('signature') ?? '');
      const valid =
        id &&
        expires * 1000 > Date.now() &&
        given.length === 64 &&
        timingSafeEqual(given, Buffer.from(sign(id, expires)));
      if (!valid)
        return c.text('This download link is invalid or has expired: GET the export again for a fresh one.', 403);
      const file = await readFile(join(folder, `${id}.csv`)).catch(() => undefined);
      if (!file) return c.text('No such export file', 404);
      return c.body(file, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="export-${id}.csv"`,
      });
    },
  };
}
