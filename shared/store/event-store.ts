// Manifest events: appended once (a conditional put: a sequence number is never written twice), never updated
// or deleted, no TTL. There is deliberately no update or delete function here.
import { AppError } from '#shared/errors.ts';
import type { ManifestEvent } from '#shared/domain/hash-chain.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { queryAll } from '#shared/store/read.ts';
import { putNew, type TxItem } from '#shared/store/transact.ts';

/** Who the event concerns, stored beside it (not hashed) so stream consumers (webhooks, statistics) need no read. */
export interface EventRouting {
  manifestNumber: string;
  partyIds: string[];
}

export function appendEventWrite(manifestId: string, event: ManifestEvent, routing?: EventRouting): TxItem {
  return putNew(
    { ...keys.manifestEvent(manifestId, event.seq), itemType: 'event', manifestId, ...routing, ...event },
    () =>
      new AppError('VERSION_CONFLICT', 'Another change to this manifest was recorded first; read it again and retry'),
  );
}

export async function allEvents(manifestId: string): Promise<ManifestEvent[]> {
  const items = await queryAll({ partition: keys.manifestPartition(manifestId), sortPrefix: keys.manifestEventPrefix });
  return items.map((item) => {
    const {
      manifestId: _m,
      manifestNumber: _n,
      partyIds: _p,
      ...event
    } = entityOf<ManifestEvent & EventRouting & { manifestId: string }>(item);
    return event;
  });
}
