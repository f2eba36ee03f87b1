// Every route definition of the API, in one list: the OpenAPI document and the route-table tests read it.
import type { RouteConfig } from '@hono/zod-openapi';
import * as disposal from './disposal.ts';
import * as documents from './documents.ts';
import * as publicRoutes from './public.ts';
import * as manifestRecord from './manifest-record.ts';
import * as manifests from './manifests.ts';
import * as oversight from './oversight.ts';
import * as partyExtras from './party-extras.ts';
import * as track from './track.ts';
import * as records from './records.ts';
import * as registry from './registry.ts';
import * as webhooks from './webhooks.ts';

const isRoute = (value: unknown): value is RouteConfig =>
  typeof value === 'object' && value !== null && 'method' in value && 'path' in value && 'responses' in value;

export const routesByFunction: Record<string, RouteConfig[]> = {
  public: Object.values(publicRoutes).filter(isRoute),
  registry: [...Object.values(registry), ...Object.values(webhooks), partyExtras.putLocation].filter(isRoute),
  records: Object.values(records).filter(isRoute),
  manifests: [...Object.values(manifests), ...Object.values(manifestRecord), ...Object.values(track)].filter(isRoute),
  disposal: Object.values(disposal).filter(isRoute),
  oversight: [...Object.values(oversight), partyExtras.partyAlerts].filter(isRoute),
  documents: Object.values(documents).filter(isRoute),
};

export const allRoutes: RouteConfig[] = Object.values(routesByFunction).flat();
