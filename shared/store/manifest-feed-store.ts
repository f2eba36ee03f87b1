// Each party's change feed: one item per party per committed transition, holding that transition's events,
// written in the transition's own transaction. Its sort key starts with the transition's time; a reader sees only
// items older than FEED_SETTLE_MS, longer than any transaction can take to commit, so an item can never land
// behind a cursor that has already passed its position.
import type { ManifestEvent } from '#shared/domain/hash-chain.ts';
import { keys } from '#shared/store/keys.ts';
import { queryPage } from '#shared/store/read.ts';
import { putNew, type TxItem } from '#shared/store/transact.ts';

export const FEED_SETTLE_MS = 30_000;

export interface FeedEntry extends ManifestEvent {
  manifestId: string;
  manifestNumber: string;
}

export function feedWrites(
  partyIds: Iterable<string>,
  manifest: { id: string; number: string },
  events: ManifestEvent[],
  at: string,
): TxItem[] {
  const [first] = events;
  if (!first) return [];
  return [...new Set(partyIds)].map((partyId) =>
    putNew({
      ...keys.feedItem(partyId, at, manifest.id, first.seq),
      itemType: 'feed',
      partyId,
      manifestId: manifest.id,
      manifestNumber: manifest.number,
      events,
    }),
  );
}

export type FeedPosition = { PK: string; SK: string };

/** Feed items after `start`, settled by `now`; the position to resume from is the last item read (or `start`). */
export async function feedPage(
  partyId: string,
  now: Date,
  limit: number,
  start?: FeedPosition,
): Promise<{ entries: FeedEntry[]; position?: FeedPosition | undefined }> {
  const horizon = new Date(now.getTime() - FEED_SETTLE_MS).toISOString();
  if (start && start.SK >= horizon) return { entries: [], position: start };
  const page = await queryPage({ partition: keys.feedPartition(partyId), sortBetween: ['0', horizon] }, limit, start);
  const entries = page.items.flatMap((item) =>
    (item.events as ManifestEvent[]).map((e) => ({
      ...e,
      manifestId: item.manifestId as string,
      manifestNumber: item.manifestNumber as string,
    })),
  );
  const last = page.items.at(-1);
  return { entries, position: last ? { PK: last.PK as string, SK: last.SK as string } : start };
}
