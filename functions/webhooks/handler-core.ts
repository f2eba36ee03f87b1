// The webhooks function's work, shared by the Lambda (stream batches, scheduled sweeps) and the local server.
import { clock } from '#shared/clock.ts';
import type { ChangeRecord } from '#shared/stream/change-records.ts';
import { deliver, queueDeliveries, sweep, type Send } from '#shared/webhooks/delivery.ts';

export async function onChanges(records: ChangeRecord[], send?: Send): Promise<number> {
  const queued = await queueDeliveries(records, clock());
  return deliver(queued, clock, send);
}

export const onSchedule = (send?: Send): Promise<number> => sweep(clock, send);
