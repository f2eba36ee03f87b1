// A party's site coordinates (api.md PUT /v1/parties/{id}/location): a manager records them; rule 27 measures stops
// and the corridor from them.
import type { Actor } from '../http/actor.ts';
import { assertVersion, lostRace } from '../store/versioning.ts';
import { savePartyWrite, type PartyEntity } from '../store/party-store.ts';
import { actFor } from './access.ts';
import { partyView } from './party-views.ts';

export async function setLocation(actor: Actor, partyId: string, location: { lat: number; lon: number }, ifMatch: number | undefined, now: Date) {
  const { party } = await actFor(actor, partyId, { managersOnly: true });
  assertVersion(party.version, ifMatch);
  const next: PartyEntity = { ...party, location: { lat: location.lat, lon: location.lon }, version: party.version + 1, updatedAt: now.toISOString() };
  return { view: partyView(next), writes: [savePartyWrite(next, party.version, lostRace(ifMatch))] };
}
