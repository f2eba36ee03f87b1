// The only stream records the webhooks function needs: new manifest events (the outbox's own writes and every
// other item are not its business). Infra sets WEBHOOK_STREAM_FILTER.pattern on the event source mapping.
import { newItemsOf } from '#shared/stream/filter.ts';

export const WEBHOOK_STREAM_FILTER = newItemsOf('event');
export const wantedByWebhooks = WEBHOOK_STREAM_FILTER.matches;
