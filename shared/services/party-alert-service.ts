// Alerts as an enterprise sees them (api.md GET /v1/parties/{id}/alerts): those naming the party, or one of the
// manifests it is on. The change stream copies each alert, as it opens, reopens and closes, into the partition of
// every party it concerns; a reopened alert (a new openedAt) leaves its earlier copy, as closed, beside the new one.
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { partiesOf } from '#shared/domain/manifest/manifest.ts';
import type { AlertEntity } from '#shared/store/alert-store.ts';
import { getManifest } from '#shared/store/manifest-store.ts';
import { getMember } from '#shared/store/party-store.ts';
import { partyAlertFromItem, partyAlertPage, putPartyAlert } from '#shared/store/party-alert-store.ts';
import type { ChangeRecord } from '#shared/stream/change-records.ts';
import { readPrivate } from '#shared/services/access.ts';
import { entityOf } from '#shared/store/keys.ts';

/** The parties an alert concerns: the one it names and every party on its manifest. */
async function partiesConcerned(alert: AlertEntity): Promise<Set<string>> {
  const parties = new Set([alert.partyId]);
  const m = alert.manifestId ? await getManifest(alert.manifestId) : undefined;
  if (m) for (const id of partiesOf(m).keys()) parties.add(id);
  return parties;
}

/** Stream consumer: every alert written is copied to the parties it concerns. */
export async function onPartyAlertChanges(records: ChangeRecord[]): Promise<void> {
  for (const r of records) {
    if (r.newImage?.itemType !== 'alert') continue;
    const alert = entityOf<AlertEntity>(r.newImage);
    await Promise.all([...(await partiesConcerned(alert))].map((p) => putPartyAlert(p, alert)));
  }
}

/** Whether the caller sees the alert in a party's list (a member of a party it concerns). */
export async function seesAsParty(actor: Actor, alert: AlertEntity): Promise<boolean> {
  const members = await Promise.all([...(await partiesConcerned(alert))].map((p) => getMember(p, actor.sub)));
  return members.some((m) => m !== undefined);
}

export async function listPartyAlerts(
  actor: Actor,
  partyId: string,
  status: 'open' | 'closed' | undefined,
  limit: number,
  start?: Record<string, unknown>,
) {
  await readPrivate(actor, partyId);
  const page = await partyAlertPage(partyId, status, limit, start);
  return { items: page.items.map(partyAlertFromItem), next: page.lastKey };
}
