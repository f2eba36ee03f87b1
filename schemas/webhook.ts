// Webhook subscriptions and their delivery log (api.md, "Webhooks").
import * as z from './zod.ts';
import { WEBHOOK_EVENT_NAMES } from '../shared/domain/webhook-rules.ts';
import { Id, Instant } from './common.ts';

export const CreateWebhookBody = z
  .strictObject({
    url: z.string().max(2000),
    events: z.array(z.enum(WEBHOOK_EVENT_NAMES)).min(1).max(WEBHOOK_EVENT_NAMES.length),
  })
  .openapi('CreateWebhook');

export const Webhook = z
  .object({
    id: Id,
    partyId: Id,
    url: z.string(),
    events: z.array(z.string()),
    createdBy: z.string(),
    createdAt: Instant,
  })
  .openapi('Webhook');
export const CreatedWebhook = Webhook.extend({
  secret: z.string().openapi({ description: 'HMAC-SHA256 key; shown only in this response' }),
}).openapi('CreatedWebhook');

export const DeliveryAttempt = z.object({
  at: Instant,
  statusCode: z.number().int().optional(),
  error: z.string().optional(),
});
export const Delivery = z
  .object({
    id: z.string(),
    webhookId: Id,
    eventType: z.string(),
    manifestId: Id,
    seq: z.number().int(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    history: z.array(DeliveryAttempt),
    nextAttemptAt: Instant.optional(),
    deliveredAt: Instant.optional(),
    createdAt: Instant,
  })
  .openapi('Delivery');

export const WebhookParam = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' } }),
  wid: Id.openapi({ param: { name: 'wid', in: 'path' } }),
});
