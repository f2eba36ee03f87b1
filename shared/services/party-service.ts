// Party registration and the regulator's status actions: read, decide (domain), and the writes to commit.
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '#shared/errors.ts';
import { covers, requireWithinJurisdiction, type Actor } from '#shared/domain/jurisdiction.ts';
import { nextPartyStatus, type StatusAction } from '#shared/domain/party-rules.ts';
import { isCounty } from '#shared/reference/divisions.ts';
import { assertVersion, lostRace } from '#shared/store/versioning.ts';
import type { Decision } from '#shared/services/decision.ts';
import {
  createPartyWrites,
  allMembershipsOf,
  partyFromItem,
  partyPage,
  savePartyWrite,
  type PartyEntity,
} from '#shared/store/party-store.ts';
import type { CreatePartyInput } from '#schemas/party.ts';
import { seeParty } from '#shared/services/access.ts';
import { declarationDeadlineWrites } from '#shared/services/declaration-deadlines.ts';
import { partyView, wholePartyView } from '#shared/services/party-views.ts';
import { defined } from '#shared/defined.ts';
import { must } from '#shared/must.ts';

export function registerParty(
  actor: Actor,
  input: CreatePartyInput,
  now: Date,
): Decision<ReturnType<typeof wholePartyView>> {
  if (!actor.isEnterprise) throw new AppError('FORBIDDEN', 'Only enterprise users register parties');
  if (!isCounty(input.divisionCode)) {
    throw new AppError('UNKNOWN_DIVISION', `${input.divisionCode} is not an existing county-level division code`, [
      { path: 'divisionCode', message: 'not an existing 6-digit county code' },
    ]);
  }
  const at = now.toISOString();
  const party: PartyEntity = {
    id: uuidv7(),
    ...input,
    status: 'pending',
    keyUnitYears: [],
    managerCount: 1,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const manager = {
    partyId: party.id,
    partyName: party.name,
    sub: actor.sub,
    role: 'manager' as const,
    addedBy: actor.sub,
    addedAt: at,
  };
  return { view: wholePartyView(party), writes: createPartyWrites(party, manager) };
}

export async function changePartyStatus(
  actor: Actor,
  partyId: string,
  action: StatusAction,
  reason: string | undefined,
  ifMatch: number | undefined,
  now: Date,
): Promise<Decision<ReturnType<typeof wholePartyView>>> {
  const { party, member } = await seeParty(actor, partyId);
  const status = nextPartyStatus(actor, party, member !== undefined, action);
  assertVersion(party.version, ifMatch);
  const next: PartyEntity = {
    ...party,
    status,
    ...defined({ statusReason: reason }),
    version: party.version + 1,
    updatedAt: now.toISOString(),
  };
  if (!reason) delete next.statusReason;
  return { view: wholePartyView(next), writes: [savePartyWrite(next, party.version, lostRace(ifMatch))] };
}

export async function setSupervision(
  actor: Actor,
  partyId: string,
  input: { keyUnit: boolean; year: number },
  ifMatch: number | undefined,
  now: Date,
): Promise<Decision<ReturnType<typeof wholePartyView>>> {
  const { party } = await seeParty(actor, partyId);
  if (!covers(actor, party.divisionCode))
    throw new AppError('FORBIDDEN', 'Only a regulator covering this party keeps its key-unit flag');
  assertVersion(party.version, ifMatch);
  const years = new Set(party.keyUnitYears);
  if (input.keyUnit) years.add(input.year);
  else years.delete(input.year);
  const next: PartyEntity = {
    ...party,
    keyUnitYears: [...years].sort(),
    version: party.version + 1,
    updatedAt: now.toISOString(),
  };
  // A key unit declares monthly (rule 9): its deadlines commit with the flag (unflagging leaves them to the job's check).
  const deadlines = input.keyUnit ? declarationDeadlineWrites(party, input.year, 'key-supervised', now) : [];
  return { view: wholePartyView(next), writes: [savePartyWrite(next, party.version, lostRace(ifMatch)), ...deadlines] };
}

export async function viewParty(actor: Actor, partyId: string) {
  const { party, visibility } = await seeParty(actor, partyId);
  return partyView(party, visibility);
}

export interface PartyListQuery {
  kind?: string | undefined;
  status?: PartyEntity['status'] | undefined;
  divisionCode?: string | undefined;
  q?: string | undefined;
}

/** Regulators: their jurisdiction, every status, whole. Enterprises: the active directory, whole for their own parties. */
export async function listParties(actor: Actor, query: PartyListQuery, limit: number, start?: Record<string, unknown>) {
  if (actor.isRegulator) {
    const divisionPrefix =
      query.divisionCode ?? must(actor.jurisdictionPrefix, 'a regulator has a jurisdiction (actorFromClaims)');
    requireWithinJurisdiction(actor, divisionPrefix === '' ? '' : divisionPrefix);
    const page = await partyPage({ divisionPrefix, status: query.status, kind: query.kind, q: query.q }, limit, start);
    return { items: page.items.map((i) => partyView(partyFromItem(i))), next: page.lastKey };
  }
  if (query.status && query.status !== 'active') {
    throw new AppError('FORBIDDEN', 'Enterprises list active parties only');
  }
  const [page, memberships] = await Promise.all([
    partyPage(
      { divisionPrefix: query.divisionCode ?? '', status: 'active', kind: query.kind, q: query.q },
      limit,
      start,
    ),
    allMembershipsOf(actor.sub),
  ]);
  const mine = new Set(memberships.map((m) => m.partyId));
  const items = page.items.map((i) => {
    const party = partyFromItem(i);
    return partyView(party, mine.has(party.id) ? 'whole' : 'public');
  });
  return { items, next: page.lastKey };
}

export async function viewMe(actor: Actor) {
  const memberships = await allMembershipsOf(actor.sub);
  return {
    sub: actor.sub,
    groups: actor.groups,
    ...(actor.jurisdiction ? { jurisdiction: actor.jurisdiction } : {}),
    memberships: memberships.map((m) => ({ partyId: m.partyId, name: m.partyName, role: m.role })),
  };
}
