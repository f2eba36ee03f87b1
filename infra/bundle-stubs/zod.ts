// What @hono/zod-openapi imports as `z` from 'zod' in a Lambda bundle: it only hands `z` to extendZodWithOpenApi,
// which reads `z.ZodType`. Our schemas take zod from schemas/zod.ts, never this `z` (tests/infra/bundles.test.ts).
import { ZodType } from 'zod/v4';

export const z = { ZodType };
