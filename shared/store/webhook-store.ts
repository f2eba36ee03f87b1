// Webhook subscriptions (per party) and their delivery outbox: one item per subscription and event.
import { AppError } from '#shared/errors.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { attributeIs, getItem, queryAll, queryPage, type Page } from '#shared/store/read.ts';
import { putNew, remove, update, type TxItem } from '#shared/store/transact.ts';

export interface WebhookEntity {
  id: string;
  partyId: string;
  url: string;
  events: string[];
  secret: string;
  createdBy: string;
  createdAt: string;
}

export interface DeliveryAttempt {
  at: string;
  statusCode?: number;
  error?: string;
}

export interface DeliveryEntity {
  id: string;
  webhookId: string;
  partyId: string;
  eventType: string;
  manifestId: string;
  seq: number;
  /** The exact body sent (and signed) on every attempt. */
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  history: DeliveryAttempt[];
  nextAttemptAt?: string;
  deliveredAt?: string;
  createdAt: string;
  /** While an attempt is being made: until when it is its sender's (claimAttemptWrite). */
  claimExpiresAt?: string;
}

/** A delivery as first queued: pending, due at once. */
export type NewDelivery = DeliveryEntity & { status: 'pending'; nextAttemptAt: string };

/** How an attempt ends: a delivery still pending is due again at `nextAttemptAt`. */
export type AttemptOutcome = { status: 'pending'; nextAttemptAt: string } | { status: 'delivered' | 'failed' };

const webhookItem = (w: WebhookEntity) => ({ ...keys.webhook(w.partyId, w.id), itemType: 'webhook', ...w });

export const createWebhookWrite = (w: WebhookEntity): TxItem => putNew(webhookItem(w));

export function deleteWebhookWrite(partyId: string, webhookId: string): TxItem {
  return remove(
    { Key: keys.webhook(partyId, webhookId), ConditionExpression: 'attribute_exists(PK)' },
    () => new AppError('NOT_FOUND', 'No such webhook'),
  );
}

export async function getWebhook(partyId: string, webhookId: string): Promise<WebhookEntity | undefined> {
  const item = await getItem(keys.webhook(partyId, webhookId));
  return item && entityOf<WebhookEntity>(item);
}

export async function allWebhooks(partyId: string): Promise<WebhookEntity[]> {
  const items = await queryAll({ partition: keys.partyPartition(partyId), sortPrefix: keys.webhookPrefix });
  return items.map((i) => entityOf<WebhookEntity>(i));
}

/** An outbox item; its deterministic id makes a redelivered stream record write it only once. */
export function deliveryWrite(d: NewDelivery): TxItem {
  return putNew(deliveryItem(d), () => new AppError('INVALID_STATE', 'delivery already queued'));
}

function deliveryItem(d: NewDelivery) {
  return {
    ...keys.delivery(d.webhookId, d.id),
    ...keys.deliveryOrderIndex(d.webhookId, d.manifestId, d.seq),
    ...keys.deliveryDueIndex(d.nextAttemptAt, d.id),
    GSI2PK: keys.deliveryPartition(d.webhookId),
    GSI2SK: `${d.createdAt}#${d.id}`,
    itemType: 'delivery',
    ...d,
  };
}

/** The delivery log, newest first (GSI2 orders a subscription's deliveries by creation time). */
export async function deliveryPage(webhookId: string, limit: number, start?: Record<string, unknown>): Promise<Page> {
  return queryPage({ index: 'GSI2', partition: keys.deliveryPartition(webhookId), newestFirst: true }, limit, start);
}

export const deliveryFromItem = (item: Record<string, unknown>) => entityOf<DeliveryEntity>(item);

/** The first still-pending delivery of this subscription and manifest with a sequence number in `[from, to]` (order per manifest). */
export async function firstPending(
  webhookId: string,
  manifestId: string,
  [from, to]: [number, number],
): Promise<DeliveryEntity | undefined> {
  if (from > to) return undefined;
  const page = await queryPage(
    {
      index: 'GSI1',
      partition: keys.deliveryOrderPartition(webhookId, manifestId),
      sortBetween: [keys.pad(from, 6), keys.pad(to, 6)],
      filter: attributeIs('status', 'pending'),
    },
    1,
  );
  return page.items[0] && deliveryFromItem(page.items[0]);
}

/** The highest sequence number a delivery can have (the width of its padded sort key). */
export const LAST_SEQ = 999_999;

/** Pending deliveries whose next attempt is due at `now`, oldest due first. */
export async function dueDeliveries(now: Date, limit: number): Promise<DeliveryEntity[]> {
  const page = await queryPage(
    { index: 'GSI3', partition: keys.deliveryDuePartition, sortBetween: ['0', `${now.toISOString()}~`] },
    limit,
  );
  return page.items.map(deliveryFromItem);
}

/** How long a claimed attempt stays someone's: longer than a send can take (5 s), so a crashed sender's claim lapses. */
export const ATTEMPT_CLAIM_MS = 60_000;

/**
 * One conditional claim per attempt: it holds only while the delivery is pending, has had exactly the attempts the
 * claimer read, and no live claim is on it; so of a stream consumer and a retry sweep holding the same delivery, one
 * sends and the other stands back.
 */
export function claimAttemptWrite(d: DeliveryEntity, now: Date): TxItem {
  return update(
    {
      Key: keys.delivery(d.webhookId, d.id),
      UpdateExpression: 'SET claimExpiresAt = :until',
      ConditionExpression:
        '#status = :pending AND #attempts = :attempts AND (attribute_not_exists(claimExpiresAt) OR claimExpiresAt < :now)',
      ExpressionAttributeNames: { '#status': 'status', '#attempts': 'attempts' },
      ExpressionAttributeValues: {
        ':pending': 'pending',
        ':attempts': d.attempts,
        ':now': now.toISOString(),
        ':until': new Date(now.getTime() + ATTEMPT_CLAIM_MS).toISOString(),
      },
    },
    () => new AppError('INVALID_STATE', 'this attempt is claimed or already made'),
  );
}

/** Records an attempt (the one claimed); a delivery leaves the due index when delivered or given up. */
export function recordAttemptWrite(d: DeliveryEntity, attempt: DeliveryAttempt, outcome: AttemptOutcome): TxItem {
  const values: Record<string, unknown> = {
    ':status': outcome.status,
    ':attempt': [attempt],
    ':one': 1,
    ':pending': 'pending',
    ':attempts': d.attempts,
  };
  const set = ['#status = :status', '#history = list_append(#history, :attempt)'];
  let removal = ' REMOVE claimExpiresAt';
  if (outcome.status === 'pending') {
    set.push('nextAttemptAt = :next', 'GSI3SK = :dueSk');
    values[':next'] = outcome.nextAttemptAt;
    values[':dueSk'] = keys.deliveryDueIndex(outcome.nextAttemptAt, d.id).GSI3SK;
  } else {
    removal += ', GSI3PK, GSI3SK, nextAttemptAt';
    if (outcome.status === 'delivered') {
      set.push('deliveredAt = :at');
      values[':at'] = attempt.at;
    }
  }
  return update({
    Key: keys.delivery(d.webhookId, d.id),
    UpdateExpression: `SET ${set.join(', ')}${removal} ADD #attempts :one`,
    ConditionExpression: '#status = :pending AND #attempts = :attempts',
    ExpressionAttributeNames: { '#status': 'status', '#history': 'history', '#attempts': 'attempts' },
    ExpressionAttributeValues: values,
  });
}
