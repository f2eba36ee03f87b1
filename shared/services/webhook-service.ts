// Webhook subscriptions: a party's managers register them; members and covering regulators read them.
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { webhookUrlProblem } from '#shared/domain/webhook-rules.ts';
import {
  createWebhookWrite,
  deleteWebhookWrite,
  deliveryFromItem,
  deliveryPage,
  getWebhook,
  allWebhooks,
  type DeliveryEntity,
  type WebhookEntity,
} from '#shared/store/webhook-store.ts';
import { transact } from '#shared/store/transact.ts';
import { actFor, readPrivate } from '#shared/services/access.ts';
import type { Decision } from '#shared/services/decision.ts';
import { config } from '#shared/config.ts';

/** Only the local server sets this: http to localhost for a receiver on the same machine. */
const allowLocalHttp = () => config.webhookAllowLocalHttp;

export const webhookView = ({ secret: _secret, ...view }: WebhookEntity) => view;

export function deliveryView({
  payload: _payload,
  partyId: _partyId,
  claimExpiresAt: _claim,
  ...view
}: DeliveryEntity) {
  return view;
}

export async function registerWebhook(
  actor: Actor,
  partyId: string,
  input: { url: string; events: string[] },
  now: Date,
): Promise<Decision<WebhookEntity>> {
  await actFor(actor, partyId, { managersOnly: true, private: true });
  const problem = webhookUrlProblem(input.url, allowLocalHttp());
  if (problem)
    throw new AppError('VALIDATION_FAILED', `The webhook URL ${problem}`, [{ path: 'url', message: problem }]);
  const webhook: WebhookEntity = {
    id: uuidv7(),
    partyId,
    url: input.url,
    events: [...new Set(input.events)],
    secret: randomBytes(32).toString('hex'),
    createdBy: actor.sub,
    createdAt: now.toISOString(),
  };
  return { view: webhook, writes: [createWebhookWrite(webhook)] };
}

export async function listWebhooks(actor: Actor, partyId: string) {
  await readPrivate(actor, partyId);
  return (await allWebhooks(partyId)).map(webhookView);
}

export async function removeWebhook(actor: Actor, partyId: string, webhookId: string) {
  await actFor(actor, partyId, { managersOnly: true, private: true });
  await transact([deleteWebhookWrite(partyId, webhookId)]);
}

export async function listDeliveries(
  actor: Actor,
  partyId: string,
  webhookId: string,
  limit: number,
  start?: Record<string, unknown>,
) {
  await readPrivate(actor, partyId);
  if (!(await getWebhook(partyId, webhookId))) throw notFound('webhook');
  const page = await deliveryPage(webhookId, limit, start);
  return { items: page.items.map((i) => deliveryView(deliveryFromItem(i))), next: page.lastKey };
}
