// A party's members: managers add and remove them; the last manager cannot leave.
import { AppError, notFound } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import {
  addMemberWrites,
  getMember,
  allMembers,
  removeMemberWrites,
  type MemberEntity,
} from '#shared/store/party-store.ts';
import { transact } from '#shared/store/transact.ts';
import { actFor, readPrivate } from '#shared/services/access.ts';
import { memberView } from '#shared/services/party-views.ts';
import type { Decision } from '#shared/services/decision.ts';

export async function addMember(
  actor: Actor,
  partyId: string,
  input: { sub: string; role: MemberEntity['role'] },
  now: Date,
): Promise<Decision<ReturnType<typeof memberView>>> {
  const { party } = await actFor(actor, partyId, { managersOnly: true, private: true });
  const member: MemberEntity = {
    partyId,
    partyName: party.name,
    sub: input.sub,
    role: input.role,
    addedBy: actor.sub,
    addedAt: now.toISOString(),
  };
  return { view: memberView(member), writes: addMemberWrites(member) };
}

export async function listMembers(actor: Actor, partyId: string) {
  await readPrivate(actor, partyId);
  return (await allMembers(partyId)).map(memberView);
}

/** Managers remove anyone; any member may leave (remove themselves). */
export async function removeMember(actor: Actor, partyId: string, sub: string) {
  const access = await readPrivate(actor, partyId);
  if (!access.member) throw new AppError('NOT_A_MEMBER', 'You are not a member of this party');
  if (access.member.role !== 'manager' && sub !== actor.sub)
    throw new AppError('FORBIDDEN', 'Only a manager may remove another member');
  const member = sub === actor.sub ? access.member : await getMember(partyId, sub);
  if (!member) throw notFound('member');
  await transact(removeMemberWrites(member));
}
