// A party's site coordinates (api.md PUT /v1/parties/{id}/location): a manager records them; rule 27 measures stops
// and the corridor from them.
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { assertVersion, lostRace } from '#shared/store/versioning.ts';
import { savePartyWrite, type PartyEntity } from '#shared/store/party-store.ts';
import { actFor } from '#shared/services/access.ts';
import { wholePartyView } from '#shared/services/party-views.ts';

export async function setLocation(
  actor: Actor,
  partyId: string,
  location: { lat: number; lon: number },
  ifMatch: number | undefined,
  now: Date,
) {
  const { party } = await actFor(actor, partyId, { managersOnly: true });
  assertVersion(party.version, ifMatch);
  const next: PartyEntity = {
    ...party,
    location: { lat: location.lat, lon: location.lon },
    version: party.version + 1,
    updatedAt: now.toISOString(),
  };
  return { view: wholePartyView(next), writes: [savePartyWrite(next, party.version, lostRace(ifMatch))] };
}
