// The zod of every schema, with `.openapi()`: @hono/zod-openapi adds it to zod when it loads, so it loads first.
// Schemas import this as a namespace (`import * as z`), so a Lambda bundle keeps only the parts of zod they call;
// the `z` object @hono/zod-openapi exports would pull in all of zod (its 40 locales too). It is 'zod/v4' (the same
// module as 'zod') because the bundles give the name 'zod' to a stand-in (infra/bundle-stubs/zod.ts).
import '@hono/zod-openapi';
export * from 'zod/v4';
