// ok()/commitDecision() check a body against its route's 200/201 schema at compile time: `npx tsc` fails should a
// ts-expect-error line below stops being an error. At run time the bodies go out as given.
import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { createApp, on } from '#shared/http/create-app.ts';
import { commitDecision, ok } from '#shared/http/respond.ts';
import type { SuccessBody } from '#shared/http/typed-route.ts';

const Thing = z.object({ id: z.string(), size: z.number().int(), kind: z.enum(['big', 'small']) });
const getThing = createRoute({
  method: 'get',
  path: '/things/{id}',
  security: [],
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: { description: 'The thing', content: { 'application/json': { schema: Thing } } } },
});
const removeThing = createRoute({
  method: 'delete',
  path: '/things/{id}',
  security: [],
  request: { params: z.object({ id: z.string() }) },
  responses: { 204: { description: 'Removed' } },
});

// The body type is what the route's schema accepts; a route without a JSON success body has none.
const body: SuccessBody<typeof getThing> = { id: 't1', size: 3, kind: 'big' };
const none: [SuccessBody<typeof removeThing>] extends [never] ? true : false = true;

describe('typed responses', () => {
  it('answers with a body of the route schema', async () => {
    const app = createApp();
    on(app, getThing, (c) => ok(c, { ...body, id: c.req.valid('param').id }));
    on(app, removeThing, (c) => c.body(null, 204));
    const res = await app.request('/things/t9');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 't9', size: 3, kind: 'big' });
    expect(none).toBe(true);
  });

  it('rejects at compile time a body that does not match the route schema', () => {
    const app = createApp();
    // @ts-expect-error size must be a number
    on(app, getThing, (c) => ok(c, { id: 't1', size: '3', kind: 'big' }));
    // @ts-expect-error kind must be one of the enum's values
    on(app, getThing, (c) => ok(c, { id: 't1', size: 3, kind: 'huge' }));
    // @ts-expect-error a field the schema lacks
    on(app, getThing, (c) => ok(c, { id: 't1', size: 3, kind: 'big', secret: 'x' }));
    // @ts-expect-error a required field missing
    on(app, getThing, (c) => ok(c, { id: 't1', kind: 'big' }));
    // A service's decision is held to the same schema (the handler is only registered here, never run).
    // @ts-expect-error the decided view's size must be a number
    on(app, getThing, (c) => commitDecision(c, { view: { id: 't1', size: '3', kind: 'big' }, writes: [] }));
    on(app, getThing, (c) => commitDecision(c, Promise.resolve({ view: body, writes: [] })));
    // A bare context (no route) is refused too; at run time it has no body() to answer with.
    // @ts-expect-error ok() needs a context that on() gave its route
    expect(() => ok({} as import('hono').Context, body)).toThrow(TypeError);
    expect(app.routes.length).toBeGreaterThan(0);
  });
});
