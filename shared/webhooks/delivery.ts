// The webhook outbox: the change stream's manifest events become one delivery per matching subscription,
// sent signed, in order per manifest and subscription, retried with backoff for 24 hours. Each subscription is
// worked on its own, so a failing endpoint never delays another's deliveries.
import { countMetrics } from '#shared/observability/metrics.ts';
import { v5 as uuidv5 } from 'uuid';
import { retryDelayMs, RETRY_WINDOW_MS, signature, wantsEvent } from '#shared/domain/webhook-rules.ts';
import type { ManifestEvent } from '#shared/domain/hash-chain.ts';
import { transact } from '#shared/store/transact.ts';
import { AppError } from '#shared/errors.ts';
import {
  claimAttemptWrite,
  deliveryWrite,
  dueDeliveries,
  firstPending,
  LAST_SEQ,
  getWebhook,
  allWebhooks,
  recordAttemptWrite,
  type AttemptOutcome,
  type DeliveryEntity,
  type NewDelivery,
} from '#shared/store/webhook-store.ts';
import type { ChangeRecord } from '#shared/stream/change-records.ts';
import type { EventRouting } from '#shared/store/event-store.ts';

const DELIVERY_NAMESPACE = '6f1c2a52-3a0b-4c1e-9d7e-5b0c8e2f4a11';
const SEND_TIMEOUT_MS = 5_000;

export type Send = (url: string, init: RequestInit) => Promise<{ status: number }>;

/** Writes the outbox items for the manifest events in `records`; returns those newly queued. */
export async function queueDeliveries(records: ChangeRecord[], now: Date): Promise<DeliveryEntity[]> {
  const queued: DeliveryEntity[] = [];
  for (const record of records) {
    const image = record.newImage;
    if (record.eventName !== 'INSERT' || image?.itemType !== 'event') continue;
    const event = image as unknown as ManifestEvent & EventRouting & { manifestId: string };
    for (const partyId of new Set(event.partyIds ?? [])) {
      for (const webhook of await allWebhooks(partyId)) {
        if (!wantsEvent(webhook.events, event.type)) continue;
        const id = uuidv5(`${webhook.id}/${event.manifestId}/${event.seq}`, DELIVERY_NAMESPACE);
        const payload = JSON.stringify({
          id,
          type: `manifest.${event.type}`,
          occurredAt: event.at,
          manifestId: event.manifestId,
          manifestNumber: event.manifestNumber,
          partyId,
          data: event.data,
        });
        const delivery: NewDelivery = {
          id,
          webhookId: webhook.id,
          partyId,
          eventType: event.type,
          manifestId: event.manifestId,
          seq: event.seq,
          payload,
          status: 'pending',
          attempts: 0,
          history: [],
          nextAttemptAt: now.toISOString(),
          createdAt: now.toISOString(),
        };
        try {
          await transact([deliveryWrite(delivery)]);
          queued.push(delivery);
        } catch (err) {
          if (!(err instanceof AppError && err.code === 'INVALID_STATE')) throw err; // already queued by an earlier run
        }
      }
    }
  }
  return queued;
}

async function post(
  send: Send,
  url: string,
  delivery: DeliveryEntity,
  secret: string,
  at: Date,
): Promise<{ statusCode?: number; error?: string }> {
  const timestamp = Math.floor(at.getTime() / 1000);
  try {
    const res = await send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-wastechain-delivery': delivery.id,
        'x-wastechain-timestamp': String(timestamp),
        'x-wastechain-signature': signature(secret, timestamp, delivery.payload),
      },
      body: delivery.payload,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      redirect: 'manual',
    });
    return { statusCode: res.status };
  } catch (err) {
    return { error: (err as Error).message.slice(0, 200) };
  }
}

/** Claims the next attempt of `delivery` (false: another sender holds it, or it was made since `delivery` was read). */
async function claim(delivery: DeliveryEntity, at: Date): Promise<boolean> {
  try {
    await transact([claimAttemptWrite(delivery, at)]);
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'INVALID_STATE') return false;
    throw err;
  }
}

/**
 * One attempt, unless an earlier event of the same manifest is still pending for this subscription, or another
 * sender (the stream consumer and the retry sweep may both pick a delivery up) has claimed this attempt.
 */
export async function attempt(
  delivery: DeliveryEntity,
  now: () => Date,
  send: Send,
): Promise<'delivered' | 'retrying' | 'failed' | 'waiting'> {
  if (await firstPending(delivery.webhookId, delivery.manifestId, [0, delivery.seq - 1])) return 'waiting';
  const at = now();
  if (!(await claim(delivery, at))) return 'waiting';
  const webhook = await getWebhook(delivery.partyId, delivery.webhookId);
  if (!webhook) {
    await transact([
      recordAttemptWrite(delivery, { at: at.toISOString(), error: 'subscription deleted' }, { status: 'failed' }),
    ]);
    return 'failed';
  }
  const result = await post(send, webhook.url, delivery, webhook.secret, at);
  const ok = result.statusCode !== undefined && result.statusCode >= 200 && result.statusCode < 300;
  countMetrics(ok ? { WebhookDeliveriesSucceeded: 1 } : { WebhookDeliveriesFailed: 1 });
  const next = new Date(at.getTime() + retryDelayMs(delivery.attempts + 1));
  const outcome: AttemptOutcome = ok
    ? { status: 'delivered' }
    : next.getTime() - Date.parse(delivery.createdAt) > RETRY_WINDOW_MS
      ? { status: 'failed' }
      : { status: 'pending', nextAttemptAt: next.toISOString() };
  await transact([recordAttemptWrite(delivery, { at: at.toISOString(), ...result }, outcome)]);
  return ok ? 'delivered' : outcome.status === 'failed' ? 'failed' : 'retrying';
}

/** Sends a subscription's deliveries for one manifest in order, stopping at the first that does not get through. */
async function drain(first: DeliveryEntity, now: () => Date, send: Send): Promise<number> {
  let delivered = 0;
  let current: DeliveryEntity | undefined = first;
  while (current) {
    const outcome = await attempt(current, now, send);
    if (outcome !== 'delivered') break;
    delivered += 1;
    current = await firstPending(current.webhookId, current.manifestId, [current.seq + 1, LAST_SEQ]);
    if (current?.nextAttemptAt && current.nextAttemptAt > now().toISOString()) break;
  }
  return delivered;
}

/** Works each (subscription, manifest) stream of deliveries independently and in parallel. */
export async function deliver(deliveries: DeliveryEntity[], now: () => Date, send: Send = fetch): Promise<number> {
  const firstOfEach = new Map<string, DeliveryEntity>();
  for (const d of [...deliveries].sort((a, b) => a.seq - b.seq)) {
    const stream = `${d.webhookId}/${d.manifestId}`;
    if (!firstOfEach.has(stream)) firstOfEach.set(stream, d);
  }
  const counts = await Promise.all([...firstOfEach.values()].map((d) => drain(d, now, send)));
  return counts.reduce((a, b) => a + b, 0);
}

/** The retry sweep: what is due now (an EventBridge schedule in AWS; a timer in the local server). */
export async function sweep(now: () => Date, send: Send = fetch): Promise<number> {
  return deliver(await dueDeliveries(now(), 200), now, send);
}
