// Reads: one manifest (by id or number), a party's manifests, what the caller may do now, the inbox and the feed.
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { notFound } from '#shared/errors.ts';
import { config } from '#shared/config.ts';
import { addDays, startOfLocalDay } from '#shared/domain/calendar.ts';
import type { Manifest, PartyRole } from '#shared/domain/manifest/manifest.ts';
import { availableActions } from '#shared/domain/manifest/transition-table.ts';
import { feedPage, type FeedPosition } from '#shared/store/manifest-feed-store.ts';
import { getManifests, inboxPage, manifestIdByNumber, manifestLinkPage } from '#shared/store/manifest-store.ts';
import { readPrivate } from '#shared/services/access.ts';
import { seeManifest } from '#shared/services/manifest-access.ts';
import { manifestView } from '#shared/services/manifest-views.ts';
import { must } from '#shared/must.ts';

/** The position a feed page resumes from (the route keeps it in its cursor). */
export type { FeedPosition };

export async function viewManifest(actor: Actor, manifestId: string) {
  return manifestView((await seeManifest(actor, manifestId)).manifest);
}

export async function viewManifestByNumber(actor: Actor, number: string) {
  const id = await manifestIdByNumber(number);
  if (!id) throw notFound('manifest');
  return viewManifest(actor, id);
}

export async function manifestActions(actor: Actor, manifestId: string) {
  const { manifest, holders } = await seeManifest(actor, manifestId);
  return availableActions(manifest, holders);
}

/** The manifest an index item names: written in the same transaction as the item, so it is there. */
function indexed(manifests: ReadonlyMap<string, Manifest>, item: Record<string, unknown>): Manifest {
  return must(manifests.get(item.manifestId as string), `manifest ${String(item.manifestId)}, named by its index item`);
}

export interface ManifestListQuery {
  partyId: string;
  role?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A party's manifests, newest first: its members, and regulators for manifests whose generator or receiver they cover. */
export async function listManifests(
  actor: Actor,
  q: ManifestListQuery,
  limit: number,
  start?: Record<string, unknown>,
) {
  const { member } = await readPrivate(actor, q.partyId);
  const page = await manifestLinkPage(
    {
      partyId: q.partyId,
      role: q.role,
      status: q.status,
      from: q.from && startOfLocalDay(q.from, config.timeZone).toISOString(),
      to: q.to && startOfLocalDay(addDays(q.to, 1), config.timeZone).toISOString(),
      ...(member || !actor.jurisdictionPrefix ? {} : { divisionPrefix: actor.jurisdictionPrefix }),
    },
    limit,
    start,
  );
  const manifests = await getManifests(page.items.map((i) => i.manifestId as string));
  return { items: page.items.map((i) => manifestView(indexed(manifests, i))), next: page.lastKey };
}

/** Manifests waiting for the party's action, oldest first, with the actions it can take. */
export async function listInbox(actor: Actor, partyId: string, limit: number, start?: Record<string, unknown>) {
  await readPrivate(actor, partyId);
  const page = await inboxPage(partyId, limit, start);
  const manifests = await getManifests(page.items.map((i) => i.manifestId as string));
  const items = page.items.map((i) => {
    const m = indexed(manifests, i);
    const holders = (i.roles as PartyRole[]).map((role) => ({ role, partyId }));
    return {
      manifest: manifestView(m),
      actions: availableActions(m, holders).map((a) => a.action),
      since: i.awaitedSince as string,
    };
  });
  return { items, next: page.lastKey };
}

/** Every event of the party's manifests in commit order; the cursor always names where to resume. */
export async function listFeed(actor: Actor, partyId: string, now: Date, limit: number, start?: FeedPosition) {
  await readPrivate(actor, partyId);
  const { entries, position } = await feedPage(partyId, now, limit, start);
  return { items: entries, next: position };
}
