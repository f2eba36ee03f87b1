// POST /v1/oversight/exports and GET /v1/oversight/exports/{id}: lists past the 10,000 rows one response carries.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { on } from '#shared/http/create-app.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { AppError, fieldErrors } from '#shared/errors.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import { viewExport, requestExport } from '#shared/services/export-service.ts';
import { EXPORT_QUERIES } from '#schemas/export.ts';
import * as r from '#schemas/routes/oversight-exports.ts';

export function exportRoutes(app: OpenAPIHono<AppEnv>): void {
  on(app, r.requestExport, async (c) => {
    const { list, query } = c.req.valid('json');
    const parsed = EXPORT_QUERIES[list].safeParse(query);
    if (!parsed.success)
      throw new AppError(
        'VALIDATION_FAILED',
        `Invalid query for the ${list} list`,
        fieldErrors(parsed.error.issues.map((i) => ({ ...i, path: ['query', ...i.path] }))),
      );
    return commitDecision(
      c,
      requestExport(c.var.actor, list, parsed.data as Record<string, string | number>, c.var.now),
      { status: 202 },
    );
  });

  on(app, r.getExport, async (c) =>
    ok(c, await viewExport(c.var.actor, c.req.valid('param').id, new URL(c.req.url).origin)),
  );
}
