// The one transition table of the manifest (domain.md rule 12; api.md "States"): state × action × acting role ×
// guard. Routes decide with it, GET …/actions lists from it, the inbox asks it who is awaited, the README's
// diagram is drawn from it. Pure: no I/O, no clock.
import { AppError } from '#shared/errors.ts';
import type { EventType } from '#shared/domain/hash-chain.ts';
import { lostWhole, openIncidents } from '#shared/domain/manifest/incidents.ts';
import { FINAL_STATES, type Manifest, type ManifestState, type Role } from '#shared/domain/manifest/manifest.ts';
import { defined } from '#shared/defined.ts';

export const ACTIONS = [
  'update',
  'dispatch',
  'change-carriers',
  'pickup',
  'deliver',
  'receive',
  'reject',
  'cancel',
  'explain-discrepancy',
  'close-discrepancy',
  'report-incident',
  'close-incident',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What a guard may look at. */
export type TransitionFacts = Pick<Manifest, 'status' | 'transporterIds' | 'legs' | 'discrepancy'> &
  Partial<Pick<Manifest, 'lines' | 'incidents'>>;

export interface Transition {
  action: Action;
  role: Role;
  from: readonly ManifestState[];
  /** The state after; absent when the action leaves the state as it is. */
  to?: ManifestState;
  /** True when the manifest waits for this action (the party's inbox). */
  awaited: boolean;
  /** The guard, and the words that explain a refusal (409 INVALID_STATE; 403 FORBIDDEN when `notTheirs`: the state
   *  is right but this party is not the one, e.g. a carrier of an earlier leg; a function when that depends on the
   *  facts). `partyId` is the acting party. */
  guard?: {
    holds: (m: TransitionFacts, partyId: string | null) => boolean;
    unless: string;
    notTheirs?: boolean | ((m: TransitionFacts, partyId: string | null) => boolean);
  };
  event: (m: TransitionFacts) => EventType;
}

const allPickedUp = (m: TransitionFacts) => m.transporterIds.length > 0 && m.legs.length === m.transporterIds.length;
const nextCarrier = (m: TransitionFacts) => m.transporterIds[m.legs.length];
const lastCarrier = (m: TransitionFacts) => m.transporterIds.at(-1);
const currentCarrier = (m: TransitionFacts) => m.legs.at(-1)?.transporterId;
/** Closing the only open incident of a load lost whole ends it `lost` (rule 19). */
const lastOpenOfLostLoad = (m: TransitionFacts) =>
  openIncidents(m).length === 1 &&
  !!m.lines?.length &&
  lostWhole({ lines: m.lines, ...defined({ incidents: m.incidents }) });
const arrived = {
  holds: (m: TransitionFacts) => m.status === 'delivered' || allPickedUp(m),
  unless: 'the last carrier has not picked the load up yet',
};

export const TRANSITIONS: readonly Transition[] = [
  { action: 'update', role: 'generator', from: ['draft'], awaited: false, event: () => 'updated' },
  {
    action: 'dispatch',
    role: 'generator',
    from: ['draft'],
    to: 'dispatched',
    awaited: true,
    event: () => 'dispatched',
  },
  {
    action: 'change-carriers',
    role: 'generator',
    from: ['dispatched', 'in_transit'],
    awaited: false,
    event: () => 'carriers_changed',
  },
  {
    action: 'pickup',
    role: 'transporter',
    from: ['dispatched', 'in_transit'],
    to: 'in_transit',
    awaited: true,
    guard: {
      holds: (m, partyId) => nextCarrier(m) !== undefined && nextCarrier(m) === partyId,
      unless: 'it is not this carrier’s turn to pick up',
    },
    event: (m) => (m.legs.length === 0 ? 'picked_up' : 'handed_over'),
  },
  {
    action: 'deliver',
    role: 'transporter',
    from: ['in_transit'],
    to: 'delivered',
    awaited: true,
    guard: {
      holds: (m, partyId) => allPickedUp(m) && lastCarrier(m) === partyId,
      unless: 'only the last carrier, after its pickup, records the arrival',
      // An earlier leg's carrier: never theirs (403); the last carrier before its pickup: not yet (409)
      notTheirs: (m, partyId) => lastCarrier(m) !== partyId,
    },
    event: () => 'delivered',
  },
  {
    action: 'receive',
    role: 'receiver',
    from: ['delivered', 'in_transit'],
    to: 'received',
    awaited: true,
    guard: arrived,
    event: () => 'received',
  },
  {
    action: 'reject',
    role: 'receiver',
    from: ['delivered', 'in_transit'],
    to: 'rejected',
    awaited: false,
    guard: arrived,
    event: () => 'rejected',
  },
  {
    action: 'cancel',
    role: 'generator',
    from: ['draft', 'dispatched'],
    to: 'cancelled',
    awaited: false,
    guard: { holds: (m) => m.legs.length === 0, unless: 'a carrier has already picked the load up' },
    event: () => 'cancelled',
  },
  {
    action: 'explain-discrepancy',
    role: 'generator',
    from: ['received', 'completed'],
    awaited: true,
    guard: { holds: (m) => m.discrepancy?.status === 'open', unless: 'there is no open discrepancy to explain' },
    event: () => 'discrepancy_explained',
  },
  {
    action: 'close-discrepancy',
    role: 'regulator',
    from: ['received', 'completed'],
    awaited: false,
    guard: {
      holds: (m) => m.discrepancy?.status === 'open' || m.discrepancy?.status === 'explained',
      unless: 'there is no discrepancy to close',
    },
    event: () => 'discrepancy_closed',
  },
  // Incidents (rule 28): reported by whoever has the load; closed by a regulator, which ends a load lost whole.
  {
    action: 'report-incident',
    role: 'transporter',
    from: ['in_transit'],
    awaited: false,
    guard: {
      holds: (m, partyId) => partyId !== null && currentCarrier(m) === partyId,
      unless: 'only the carrier of the current leg reports an incident on the road',
      notTheirs: true,
    },
    event: () => 'incident_reported',
  },
  {
    action: 'report-incident',
    role: 'transporter',
    from: ['delivered'],
    awaited: false,
    guard: {
      holds: (m, partyId) => partyId !== null && lastCarrier(m) === partyId,
      unless: 'only the last carrier or the receiver reports an incident on a delivered load',
      notTheirs: true,
    },
    event: () => 'incident_reported',
  },
  {
    action: 'report-incident',
    role: 'receiver',
    from: ['delivered'],
    awaited: false,
    event: () => 'incident_reported',
  },
  {
    action: 'close-incident',
    role: 'regulator',
    from: ['in_transit', 'delivered'],
    to: 'lost',
    awaited: false,
    guard: { holds: lastOpenOfLostLoad, unless: 'the load is not lost whole' },
    event: () => 'incident_closed',
  },
  {
    action: 'close-incident',
    role: 'regulator',
    from: ['in_transit', 'delivered', 'received', 'rejected'],
    awaited: false,
    guard: { holds: (m) => openIncidents(m).length > 0, unless: 'there is no open incident' },
    event: () => 'incident_closed',
  },
];

const allows = (t: Transition, m: TransitionFacts, partyId: string | null) =>
  t.from.includes(m.status) && (!t.guard || t.guard.holds(m, partyId));

/** The roles the table gives an action (for the 403 "not yours" answer before the 409 "not now"). */
export function rolesFor(action: Action): Role[] {
  return TRANSITIONS.filter((t) => t.action === action).map((t) => t.role);
}

/** The transition `action` takes for a party acting in `role`, or 409 INVALID_STATE. */
export function decide(
  m: TransitionFacts,
  action: Action,
  role: Role,
  partyId: string | null,
): { transition: Transition; to: ManifestState; event: EventType } {
  const rows = TRANSITIONS.filter((t) => t.action === action && t.role === role);
  const found = rows.find((t) => allows(t, m, partyId));
  if (!found) {
    const inState = rows.filter((t) => t.from.includes(m.status)).at(-1);
    const why = inState?.guard ? inState.guard.unless : `the manifest is ${m.status}`;
    const notTheirs = inState?.guard?.notTheirs;
    if (typeof notTheirs === 'function' ? notTheirs(m, partyId) : notTheirs)
      throw new AppError('FORBIDDEN', `Cannot ${action}: ${why}`);
    throw new AppError('INVALID_STATE', `Cannot ${action} now: ${why}`);
  }
  return { transition: found, to: found.to ?? m.status, event: found.event(m) };
}

export interface Holder {
  role: Role;
  partyId: string | null;
}

/** What these holders (the caller's roles on the manifest) may do now. */
export function availableActions(m: TransitionFacts, holders: Holder[]): { action: Action; partyId: string | null }[] {
  const seen = new Set<string>();
  const out: { action: Action; partyId: string | null }[] = [];
  for (const t of TRANSITIONS) {
    for (const h of holders) {
      const key = `${t.action}|${h.partyId}`;
      if (t.role !== h.role || seen.has(key) || !allows(t, m, h.partyId)) continue;
      seen.add(key);
      out.push({ action: t.action, partyId: h.partyId });
    }
  }
  return out;
}

/** Parties the manifest is waiting for (their inbox). */
export function awaitedParties(m: TransitionFacts & Pick<Manifest, 'generatorId' | 'receiverId'>): string[] {
  const holders: Holder[] = [
    { role: 'generator', partyId: m.generatorId },
    ...m.transporterIds.map((partyId) => ({ role: 'transporter' as const, partyId })),
    { role: 'receiver', partyId: m.receiverId },
  ];
  const awaited = new Set(TRANSITIONS.filter((t) => t.awaited).map((t) => t.action));
  return [
    ...new Set(
      availableActions(m, holders).flatMap((a) => (awaited.has(a.action) && a.partyId !== null ? [a.partyId] : [])),
    ),
  ];
}

/** The state diagram (Mermaid) drawn from the table, for the README. */
export function stateDiagram(): string {
  const edges = new Set<string>();
  for (const t of TRANSITIONS) {
    if (!t.to) continue;
    for (const from of t.from)
      if (from !== t.to || t.action === 'pickup') edges.add(`  ${from} --> ${t.to}: ${t.action} (${t.role})`);
  }
  return [
    'stateDiagram-v2',
    '  [*] --> draft: create (generator)',
    ...edges,
    ...FINAL_STATES.map((s) => `  ${s} --> [*]`),
  ].join('\n');
}
