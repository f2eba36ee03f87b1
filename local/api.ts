// The local API: /local/* (token minting, the alerts job on demand) plus every function app, dispatched by the
// shared route table (local/dispatch.ts) as API Gateway does.
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '#shared/errors.ts';
import { GROUPS } from '#shared/domain/jurisdiction.ts';
import { useTokenVerifier } from '#shared/http/auth.ts';
import { handleError } from '#shared/http/create-app.ts';
import { fieldErrors } from '#shared/errors.ts';
import { consoleResponse, isApiPath } from './console-static.ts';
import { dispatcher } from './dispatch.ts';
import { functionApps } from './functions.ts';
import type { LocalExportFiles } from './export-files.ts';
import type { LocalAuth } from './keys.ts';

const TokenRequestBody = z.strictObject({
  sub: z.string().min(1).max(128),
  groups: z.array(z.enum(GROUPS as [string, ...string[]])).max(3),
  jurisdiction: z
    .string()
    .regex(/^(00|\d{2}|\d{4}|\d{6})$/)
    .optional(),
  expiresIn: z
    .number()
    .int()
    .min(-86_400)
    .max(30 * 86_400)
    .optional(),
});

export interface LocalJobs {
  alerts?: () => Promise<{ opened: number; closed: number }>;
}

export function createLocalApi(auth: LocalAuth, jobs: LocalJobs = {}, exportFiles?: LocalExportFiles): Hono {
  useTokenVerifier(auth.verify);
  const root = new Hono();
  root.onError(handleError);
  root.post('/local/token', async (c) => {
    const parsed = TokenRequestBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success)
      throw new AppError('VALIDATION_FAILED', 'Invalid token request', fieldErrors(parsed.error.issues));
    const { groups, ...rest } = parsed.data;
    return c.json({ token: await auth.mint({ ...rest, groups: groups as never }) });
  });
  root.post('/local/jobs/alerts', async (c) => {
    if (!jobs.alerts) throw new AppError('NOT_FOUND', 'This local API was started without the alerts job');
    return c.json(await jobs.alerts());
  });
  // Finished oversight exports (a pre-signed S3 URL in AWS): the link itself is the credential, as there.
  root.get('/local/exports/:file', (c) =>
    exportFiles ? exportFiles.download(c) : c.text('No export storage in this server', 404),
  );
  const pick = dispatcher(functionApps, 'public');
  // The web console at / (console.md), when it has been built.
  root.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    return (await consoleResponse(c.req.path)) ?? next();
  });
  root.all('*', (c) => pick(c.req.method, c.req.path).fetch(c.req.raw, c.env));
  return root;
}
