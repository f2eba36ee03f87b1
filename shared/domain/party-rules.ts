// Who sees a party, and the regulator-only status changes (domain.md rules 2, 6, 25).
import { covers, type Actor } from '#shared/domain/jurisdiction.ts';
import { AppError, notFound } from '#shared/errors.ts';

export type PartyStatus = 'pending' | 'active' | 'refused' | 'suspended';
export type PartyKind = 'generator' | 'transporter' | 'receiver' | 'collector' | 'medical';
export type Visibility = 'whole' | 'public' | 'none';

export interface PartyLike {
  id: string;
  divisionCode: string;
  status: PartyStatus;
}

/** Members and the regulators of its division see a party whole; anyone sees an active party's directory entry. */
export function partyVisibility(actor: Actor, party: PartyLike, isMember: boolean): Visibility {
  if (isMember || covers(actor, party.divisionCode)) return 'whole';
  return party.status === 'active' ? 'public' : 'none';
}

export const STATUS_ACTIONS = {
  approve: { from: 'pending', to: 'active' },
  refuse: { from: 'pending', to: 'refused' },
  suspend: { from: 'active', to: 'suspended' },
  reinstate: { from: 'suspended', to: 'active' },
} as const satisfies Record<string, { from: PartyStatus; to: PartyStatus }>;
export type StatusAction = keyof typeof STATUS_ACTIONS;

/** The status after a regulator's action, in api.md's order: not visible 404, not theirs 403, wrong state 409. */
export function nextPartyStatus(actor: Actor, party: PartyLike, isMember: boolean, action: StatusAction): PartyStatus {
  if (partyVisibility(actor, party, isMember) === 'none') throw notFound('party');
  if (!covers(actor, party.divisionCode)) {
    throw new AppError(
      'FORBIDDEN',
      `Only a regulator whose jurisdiction covers ${party.divisionCode} may ${action} this party`,
    );
  }
  const rule = STATUS_ACTIONS[action];
  if (party.status !== rule.from) {
    throw new AppError('INVALID_STATE', `Cannot ${action} a party that is ${party.status} (it must be ${rule.from})`);
  }
  return rule.to;
}
