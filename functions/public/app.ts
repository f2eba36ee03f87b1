// Health, the OpenAPI document and Swagger UI: the routes that need no token.
import { config } from '#shared/config.ts';
import { createApp, on } from '#shared/http/create-app.ts';
import { ok } from '#shared/http/respond.ts';
import { once } from '#shared/reference/load.ts';
import { openApiDocument } from '#schemas/openapi.ts';
import { health } from '#schemas/routes/public.ts';
import { docsRoutes } from './docs.ts';

const document = once(openApiDocument);

export const app = createApp({ publicPaths: ['/v1/health'] });
on(app, health, (c) => ok(c, { status: 'ok', version: config.version }));
app.get('/openapi.json', async (c) => c.json(await document()));
docsRoutes(app);
