// Routes that need no token.
import { createRoute } from '@hono/zod-openapi';
import { edgeProblems, json } from '../common.ts';
import { Health } from '../catalogue.ts';

export const health = createRoute({
  method: 'get',
  path: '/v1/health',
  tags: ['Health'],
  security: [],
  summary: 'Liveness and version (no token)',
  responses: { 200: json(Health, 'Up'), ...edgeProblems() },
});
