// The OpenAPI 3.1 document, generated from the route definitions and their zod schemas.
import { OpenAPIHono } from '@hono/zod-openapi';
import { ERROR_CODES } from '../shared/errors.ts';

const DESCRIPTION = `WasteChain runs the electronic transfer manifest (电子转移联单) for hazardous and medical waste.

Conventions: errors are RFC 9457 application/problem+json with a stable \`code\` (${ERROR_CODES.join(', ')}).
Every POST accepts \`Idempotency-Key\` (1–128 printable characters; a repeat with the same body within 24 h returns the first
response, another body → 422 IDEMPOTENCY_KEY_REUSED, a repeat while the first still runs → 409). Refusals are not stored:
a retry after a refusal is evaluated afresh. Mutable resources carry \`version\` and an \`ETag\`; writes accept \`If-Match\`
(412 on mismatch; a lost race without it → 409 VERSION_CONFLICT). Lists take \`limit\` (1–100, default 25) and an opaque
\`cursor\` bound to the user and the query. Quantities are kilograms with at most 3 decimals. Calendar rules use China
Standard Time. Bodies are limited to 256 KiB (413).`;

/** Loads every route's schemas when first asked: the public function's health check does not wait for them. */
export async function openApiDocument() {
  const { allRoutes } = await import('./routes/index.ts');
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const route of allRoutes) app.openapi(route, (() => undefined) as never);
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'WasteChain API', version: '1.0.0', description: DESCRIPTION },
  });
}
