// Access to a party and its private sub-resources, in api.md's order: 404 for what the caller may not see,
// then 403 for an action that is not theirs.
import { AppError, notFound } from '#shared/errors.ts';
import { covers, type Actor } from '#shared/domain/jurisdiction.ts';
import { partyVisibility, type Visibility } from '#shared/domain/party-rules.ts';
import { getMember, getParty, type MemberEntity, type PartyEntity } from '#shared/store/party-store.ts';

export interface PartyAccess {
  party: PartyEntity;
  member?: MemberEntity | undefined;
  visibility: Exclude<Visibility, 'none'>;
}

export async function seeParty(actor: Actor, partyId: string): Promise<PartyAccess> {
  const [party, member] = await Promise.all([getParty(partyId), getMember(partyId, actor.sub)]);
  if (!party) throw notFound('party');
  const visibility = partyVisibility(actor, party, member !== undefined);
  if (visibility === 'none') throw notFound('party');
  return { party, member, visibility };
}

/** Reading a private sub-resource (ledger, plans, members, …): members and covering regulators, else 404. */
export async function readPrivate(actor: Actor, partyId: string): Promise<PartyAccess> {
  const access = await seeParty(actor, partyId);
  if (!access.member && !covers(actor, access.party.divisionCode)) throw notFound('party');
  return access;
}

/** Acting for a party: its members (managers when `managersOnly`); a covering regulator sees it but may not act (403). */
export async function actFor(
  actor: Actor,
  partyId: string,
  options: { managersOnly?: boolean; private?: boolean } = {},
): Promise<PartyAccess & { member: MemberEntity }> {
  const access = options.private ? await readPrivate(actor, partyId) : await seeParty(actor, partyId);
  if (!access.member) {
    if (access.visibility === 'public' || covers(actor, access.party.divisionCode)) {
      throw new AppError('NOT_A_MEMBER', 'You are not a member of this party');
    }
    throw notFound('party');
  }
  if (options.managersOnly && access.member.role !== 'manager') {
    throw new AppError('FORBIDDEN', 'Only a manager of this party may do this');
  }
  return access as PartyAccess & { member: MemberEntity };
}
