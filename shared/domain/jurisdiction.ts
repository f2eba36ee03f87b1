// Who is calling, as the rules see it: their groups, and the divisions a regulator's jurisdiction covers.
import { AppError } from '#shared/errors.ts';

export type Group = 'enterprise' | 'regulator' | 'admin';
export const GROUPS: readonly Group[] = ['enterprise', 'regulator', 'admin'];

export interface Claims {
  sub: string;
  groups: Group[];
  jurisdiction?: string;
}

export interface Actor extends Claims {
  /** A regulator or an admin (an admin has a nationwide regulator's rights, no more). */
  isRegulator: boolean;
  isEnterprise: boolean;
  /** The division prefix a regulator covers: '' nationwide; undefined for non-regulators. */
  jurisdictionPrefix?: string | undefined;
}

export function actorOf(claims: Claims): Actor {
  const isAdmin = claims.groups.includes('admin');
  const isRegulator = isAdmin || claims.groups.includes('regulator');
  let jurisdictionPrefix: string | undefined;
  if (isAdmin) jurisdictionPrefix = '';
  else if (isRegulator && claims.jurisdiction)
    jurisdictionPrefix = claims.jurisdiction === '00' ? '' : claims.jurisdiction;
  return {
    ...claims,
    isRegulator: isRegulator && jurisdictionPrefix !== undefined,
    isEnterprise: claims.groups.includes('enterprise'),
    jurisdictionPrefix,
  };
}

/** True when a regulator's jurisdiction covers the division code. */
export function covers(actor: Actor, divisionCode: string): boolean {
  return actor.isRegulator && divisionCode.startsWith(actor.jurisdictionPrefix ?? '\u0000');
}

/** A division a regulator asks about must lie within their jurisdiction (403 otherwise; api.md). */
export function requireWithinJurisdiction(actor: Actor, division: string): void {
  // A regulator always has a jurisdiction (actorFromClaims); checking both keeps the prefix typed as a string.
  if (!actor.isRegulator || actor.jurisdictionPrefix === undefined)
    throw new AppError('FORBIDDEN', 'Only regulators may do this');
  if (!division.startsWith(actor.jurisdictionPrefix)) {
    throw new AppError('FORBIDDEN', `Division ${division} lies outside your jurisdiction`);
  }
}
