// Who sees an application and in which role they act on it (domain.md rule 30; api.md order: 404 before 403).
import { covers, type Actor } from '#shared/domain/jurisdiction.ts';
import type { ApplicationRole } from '#shared/domain/application/transition-table.ts';

export interface ApplicationParties {
  generatorProvince: string;
  receiverProvince: string;
  generatorDivisionCode: string;
  receiverDivisionCode: string;
  /** True once the outbound province has asked the receiving one (商请): from then on the receiving province sees it. */
  inbound: boolean;
}

export interface Membership {
  generator: boolean;
  receiver: boolean;
}

/** The generator's and receiver's members; regulators covering the generator (its province, city or county); regulators
 *  covering the receiver once consent has been asked of their province. Anyone else: 404. */
export const mayViewApplication = (actor: Actor, a: ApplicationParties, m: Membership): boolean =>
  m.generator ||
  m.receiver ||
  covers(actor, a.generatorDivisionCode) ||
  (a.inbound && covers(actor, a.receiverDivisionCode));

/** "A regulator of province P" has jurisdiction P or 00 (admins too): city and county regulators read, never act. */
export function applicationRoles(actor: Actor, a: ApplicationParties, m: Membership): ApplicationRole[] {
  const roles: ApplicationRole[] = [];
  if (covers(actor, a.generatorProvince)) roles.push('outbound');
  if (a.inbound && covers(actor, a.receiverProvince)) roles.push('receiving');
  if (m.generator) roles.push('generator');
  return roles;
}
