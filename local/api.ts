// The local API: /local/* (token minting, jobs) plus every function app, dispatched by the shared route table.
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '#shared/errors.ts';
import { GROUPS } from '#shared/domain/jurisdiction.ts';
import { useTokenVerifier } from '#shared/http/auth.ts';
import { handleError } from '#shared/http/create-app.ts';
import { fieldErrors } from '#shared/errors.ts';
import { dispatcher } from './dispatch.ts';
import { functionApps } from './functions.ts';
import type { LocalAuth } from './keys.ts';

const TokenRequestBody = z.strictObject({
  sub: z.string().min(1).max(128),
  groups: z.array(z.enum(GROUPS as [string, ...string[]])).max(3),
  jurisdiction: z.string().regex(/^(00|\d{2}|\d{4}|\d{6})$/).optional(),
  expiresIn: z.number().int().min(-86_400).max(30 * 86_400).optional(),
});

export interface LocalJobs {
  alerts?: () => Promise<{ opened: number; closed: number }>;
}

export function createLocalApi(auth: LocalAuth, jobs: LocalJobs = {}): Hono {
  useTokenVerifier(auth.verify);
  const root = new Hono();
  root.onError(handleError);
  root.post('/local/token', async (c) => {
    const parsed = TokenRequestBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Invalid token request', fieldErrors(parsed.error.issues));
    const { groups, ...rest } = parsed.data;
    return c.json({ token: await auth.mint({ ...rest, groups: groups as never }) });
  });
  root.post('/local/jobs/alerts', async (c) => {
    if (!jobs.alerts) throw new AppError('NOT_FOUND', 'The alerts job is not part of this build yet');
    return c.json(await jobs.alerts());
  });
  const pick = dispatcher(functionApps, 'public');
  root.all('*', (c) => pick(c.req.method, c.req.path).fetch(c.req.raw, c.env));
  return root;
}
