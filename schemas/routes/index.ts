// Every route definition of the API, in one list: the OpenAPI document and the route-table tests read it.
import type { RouteConfig } from '@hono/zod-openapi';
import * as disposal from './disposal.ts';
import * as documents from './documents.ts';
import * as publicRoutes from './public.ts';
import * as manifestRecord from './manifest-record.ts';
import * as manifests from './manifests.ts';
import * as oversight from './oversight.ts';
import * as records from './records.ts';
import * as registry from './registry.ts';
import * as webhooks from './webhooks.ts';

const isRoute = (value: unknown): value is RouteConfig =>
  typeof value === 'object' && value !== null && 'method' in value && 'path' in value && 'responses' in value;

/** The routes a module exports; each export's name is its stable camelCase operationId (generated SDKs name methods by it). */
function routesOf(...modules: Record<string, unknown>[]): RouteConfig[] {
  return modules.flatMap((module) =>
    Object.entries(module).flatMap(([name, value]) => {
      if (!isRoute(value)) return [];
      value.operationId ??= name;
      return [value];
    }),
  );
}

export const routesByFunction: Record<string, RouteConfig[]> = {
  public: routesOf(publicRoutes),
  registry: routesOf(registry, webhooks),
  records: routesOf(records),
  manifests: routesOf(manifests, manifestRecord),
  disposal: routesOf(disposal),
  oversight: routesOf(oversight),
  documents: routesOf(documents),
};

export const allRoutes: RouteConfig[] = Object.values(routesByFunction).flat();
