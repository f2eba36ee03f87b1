// GET /docs: Swagger UI for /openapi.json, with its script and stylesheet served by this function from the
// swagger-ui-dist package (api.md, "Conventions"): no CDN, so the page works offline and in mainland China, and
// nothing the page loads leaves the API. The files (1.9 MB) are read at runtime, not bundled: a Lambda bundle
// ships them beside its code (infra/bundling.ts, SWAGGER_UI_DIR), inside the 1 MiB code budget.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '#shared/http/env.ts';

/** The package's files the page loads; the bundling copies exactly these. */
export const SWAGGER_UI_FILES = ['swagger-ui-bundle.js', 'swagger-ui.css'] as const;
type AssetName = (typeof SWAGGER_UI_FILES)[number];

const TYPES: Record<AssetName, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
};

/** SWAGGER_UI_DIR wins: a Lambda bundle has no node_modules. */
const assetDir = () =>
  process.env.SWAGGER_UI_DIR ?? dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const cache = new Map<AssetName, Promise<Buffer>>();
function asset(name: AssetName): Promise<Buffer> {
  let file = cache.get(name);
  if (!file) {
    file = readFile(join(assetDir(), name)).catch((err: unknown) => {
      cache.delete(name); // a later request may find the file
      throw err;
    });
    cache.set(name, file);
  }
  return file;
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>WasteChain API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

// validatorUrl null: by default Swagger UI shows a badge fetched from validator.swagger.io.
const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });\n`;

export function docsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.get('/docs', (c) => c.html(PAGE));
  app.get('/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': TYPES['swagger-ui-bundle.js'] }));
  app.get('/docs/:file{swagger-ui-bundle\\.js|swagger-ui\\.css}', async (c) => {
    const name = c.req.param('file') as AssetName;
    // The package version is fixed per deployment: browsers may keep the files a day.
    return c.body(new Uint8Array(await asset(name)), 200, {
      'content-type': TYPES[name],
      'cache-control': 'public, max-age=86400',
    });
  });
}
