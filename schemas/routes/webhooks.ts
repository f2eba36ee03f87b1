// Webhook subscription routes (served by the registry function; deliveries are made by the webhooks function).
import { createRoute } from '@hono/zod-openapi';
import * as z from '../zod.ts';
import { bearer, body, IdParam, json, pageOf, PageQuery, problems } from '../common.ts';
import { CreatedWebhook, CreateWebhookBody, Delivery, Webhook, WebhookParam } from '../webhook.ts';

const tags = { tags: ['Webhooks'], security: bearer };

export const createWebhook = createRoute({
  method: 'post',
  path: '/v1/parties/{id}/webhooks',
  ...tags,
  summary:
    'Subscribe to manifest events (managers). Deliveries: POST {id, type, occurredAt, manifestId, manifestNumber, partyId, data} with X-WasteChain-Delivery, X-WasteChain-Timestamp (unix seconds when sent) and X-WasteChain-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" under the secret>; refuse a timestamp more than 5 minutes old',
  request: { params: IdParam, ...body(CreateWebhookBody) },
  responses: { 201: json(CreatedWebhook, 'Subscribed; the secret is shown only here'), ...problems(403, 404) },
});
export const listWebhooks = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/webhooks',
  ...tags,
  summary: "A party's subscriptions (members, covering regulators)",
  request: { params: IdParam },
  responses: { 200: json(z.object({ items: z.array(Webhook) }), 'Subscriptions'), ...problems(404) },
});
export const deleteWebhook = createRoute({
  method: 'delete',
  path: '/v1/parties/{id}/webhooks/{wid}',
  ...tags,
  summary: 'Unsubscribe (managers)',
  request: { params: WebhookParam },
  responses: { 204: { description: 'Deleted' }, ...problems(403, 404) },
});
export const listDeliveries = createRoute({
  method: 'get',
  path: '/v1/parties/{id}/webhooks/{wid}/deliveries',
  ...tags,
  summary: 'Delivery log, newest first: status, attempts, status codes',
  request: { params: WebhookParam, query: z.object(PageQuery) },
  responses: { 200: json(pageOf(Delivery, 'DeliveryPage'), 'Deliveries'), ...problems(404) },
});
