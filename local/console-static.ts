// The web console (web/dist, built by `npm run web:build`) served at / beside the API, as CloudFront serves it from
// S3 in AWS: files by path, and index.html for any page path (the console routes in the browser). /v1/*, /local/*,
// /docs and /openapi.json stay the API's.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONSOLE_DIR = fileURLToPath(new URL('../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** True for paths the API answers (never the console's). */
export const isApiPath = (path: string) =>
  path.startsWith('/v1/') ||
  path === '/v1' ||
  path.startsWith('/local/') ||
  path === '/docs' ||
  path.startsWith('/docs/') ||
  path === '/openapi.json';

/** The console's answer to a GET/HEAD, or null when it has none (no build, or a missing file: the API answers 404). */
export async function consoleResponse(path: string, dir = CONSOLE_DIR): Promise<Response | null> {
  const file = normalize(join(dir, decodeURIComponent(path)));
  if (!file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return null;
  const ext = extname(file);
  // A page path (no extension) gets the app; a missing asset stays missing rather than becoming HTML.
  const target = ext ? file : join(dir, 'index.html');
  try {
    const body = await readFile(target);
    const hashed = target.includes(`${sep}assets${sep}`);
    return new Response(body, {
      headers: {
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        // Hashed assets never change; index.html must be fetched anew to pick up a new build.
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return null;
  }
}
