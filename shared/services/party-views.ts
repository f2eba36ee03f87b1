// Entity → response shape (kilograms at the edge, bookkeeping attributes left out).
import { gramsToKg } from '#shared/domain/quantity.ts';
import type { LicenceEntity, MemberEntity, PartyEntity } from '#shared/store/party-store.ts';
import type { Visibility } from '#shared/domain/party-rules.ts';

/** What members and regulators see of a party. */
export function wholePartyView(party: PartyEntity) {
  const { managerCount: _managerCount, ...whole } = party;
  return whole;
}

export function partyView(party: PartyEntity, visibility: Visibility = 'whole') {
  if (visibility === 'public') {
    return {
      id: party.id,
      name: party.name,
      kinds: party.kinds,
      divisionCode: party.divisionCode,
      status: party.status,
    };
  }
  return wholePartyView(party);
}

export function memberView(member: MemberEntity) {
  const { partyName: _partyName, ...view } = member;
  return view;
}

export function licenceView(licence: LicenceEntity) {
  return {
    ...licence,
    wasteCodes: licence.wasteCodes.map((w) => ({ code: w.code, annualCapacityKg: gramsToKg(w.annualCapacityGrams) })),
  };
}
