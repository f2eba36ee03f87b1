// Ties a handler's context to its route, so ok()/commitDecision() check the body against the route's success schema at
// compile time (the phantom property exists only in types; on() adds it by a cast).
import type { RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '#shared/http/env.ts';

declare const route: unique symbol;

/** A handler's context that knows its route. */
export type Routed<R extends RouteConfig> = { readonly [route]: R };

type JsonSchemaOf<Res> = Res extends { content: { 'application/json': { schema: infer S extends z.ZodType } } }
  ? S
  : never;

/** The JSON body a route answers with on success (200, 201 or 202), as its schema accepts it (z.input: bodies are
 *  plain values the schema would parse, not the output of its transforms). */
export type SuccessBody<R extends RouteConfig> = {
  [S in keyof R['responses'] & (200 | 201 | 202)]: z.input<JsonSchemaOf<R['responses'][S]>>;
}[keyof R['responses'] & (200 | 201 | 202)];

/** A context ok()/commitDecision() accept: any route's, with that route's body type. */
export type RoutedContext<R extends RouteConfig> = Context<AppEnv> & Routed<R>;
