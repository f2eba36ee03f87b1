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

const TAG_DESCRIPTIONS: Record<string, string> = {
  Health: 'Liveness (no token)',
  Parties: 'Registration, members, licences and site locations of generators, carriers, receivers and collectors',
  Me: 'The signed-in user and the parties they act for',
  Members: "A party's members and their roles",
  Licences: 'Waste and transport licences, verified by regulators',
  Plans: 'Annual management plans (管理计划备案)',
  Ledger: 'The management ledger (管理台账): generated batches, self-treatment, identification results',
  Declarations: 'Generation declarations (产生情况申报) generated from the records',
  Approvals: 'Cross-province transfer approvals and applications (跨省转移审批)',
  Catalogue: 'Reference data: waste codes, medical categories, operations, divisions',
  Manifests: 'The electronic transfer manifest (电子转移联单): lifecycle, events, integrity, tracks, incidents',
  Disposal: 'Utilisation and disposal reports (利用处置情况报告)',
  Chains: 'Every kilogram from its batch to its disposal',
  Oversight: "Regulators' views of their jurisdiction: manifests, alerts, incidents, statistics, exports",
  Documents: 'Printable manifests and HJ 1276 container labels (PDF)',
  Webhooks: 'Subscriptions to manifest events and their delivery log',
};

/** Loads every route's schemas when first asked: the public function's health check does not wait for them. */
export async function openApiDocument() {
  const { allRoutes } = await import('./routes/index.ts');
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  for (const route of allRoutes) app.openapi(route, (() => undefined) as never);
  const tagNames = [...new Set(allRoutes.flatMap((route) => route.tags ?? []))].sort();
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'WasteChain API', version: '1.0.0', description: DESCRIPTION },
    // Relative: the document is served by the deployment it describes (locally, in AWS and in AWS China alike).
    servers: [{ url: '/', description: 'This deployment' }],
    tags: tagNames.map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? `${name} routes` })),
  });
}
