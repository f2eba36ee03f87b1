// The manifests function's routes (api.md).
import { createRoute, z } from '@hono/zod-openapi';
import { bearer, body, IdParam, json, problems } from '../common.ts';

void createRoute; void z; void bearer; void body; void IdParam; void json; void problems;
