// The one transition table of a cross-province application (跨省转移申请; domain.md rule 30, api.md
// "Applications"): state × action × who acts (a regulator of the outbound or of the receiving province, or the
// generator) × guard. The routes decide with it and GET …/actions lists from it. Pure: no I/O, no clock.
import { AppError } from '#shared/errors.ts';

export const APPLICATION_STATES = [
  'submitted',
  'incomplete',
  'accepted',
  'consent-requested',
  'consented',
  'declined',
  'approved',
  'refused',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_ACTIONS = [
  'accept',
  'incomplete',
  'resubmit',
  'request-consent',
  'consent',
  'decline',
  'approve',
  'refuse',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** `outbound`: a regulator of the generator's province (jurisdiction P or 00); `receiving`: of the receiver's
 *  province; `generator`: a member of the applicant. City and county regulators hold no role here. */
export type ApplicationRole = 'outbound' | 'receiving' | 'generator';

/** What a guard may look at. */
export interface ApplicationFacts {
  status: ApplicationState;
}

export interface ApplicationTransition {
  action: ApplicationAction;
  role: ApplicationRole;
  from: readonly ApplicationState[];
  to: ApplicationState;
  /** A condition beyond the state, and the words that explain a refusal (409 INVALID_STATE). */
  guard?: { holds: (a: ApplicationFacts) => boolean; unless: string };
}

export const APPLICATION_TRANSITIONS: readonly ApplicationTransition[] = [
  { action: 'accept', role: 'outbound', from: ['submitted'], to: 'accepted' },
  { action: 'incomplete', role: 'outbound', from: ['submitted'], to: 'incomplete' },
  { action: 'resubmit', role: 'generator', from: ['incomplete'], to: 'submitted' },
  { action: 'request-consent', role: 'outbound', from: ['accepted'], to: 'consent-requested' },
  { action: 'consent', role: 'receiving', from: ['consent-requested'], to: 'consented' },
  { action: 'decline', role: 'receiving', from: ['consent-requested'], to: 'declined' },
  { action: 'approve', role: 'outbound', from: ['consented'], to: 'approved' },
  // api.md: refusal follows acceptance, consent or a decline (rule 30 names accepted and declined; api.md adds consented).
  { action: 'refuse', role: 'outbound', from: ['accepted', 'consented', 'declined'], to: 'refused' },
];

export const FINAL_STATES: readonly ApplicationState[] = ['approved', 'refused'];

const allows = (t: ApplicationTransition, a: ApplicationFacts) =>
  t.from.includes(a.status) && (!t.guard || t.guard.holds(a));

/** The roles the table gives an action (for the 403 "not yours" answer before the 409 "not now"). */
export const applicationRolesFor = (action: ApplicationAction): ApplicationRole[] => [
  ...new Set(APPLICATION_TRANSITIONS.filter((t) => t.action === action).map((t) => t.role)),
];

/** The transition `action` takes for a caller holding `roles`: 403 when none of them may ever take it, 409 when not now. */
export function decideApplication(
  a: ApplicationFacts,
  action: ApplicationAction,
  roles: readonly ApplicationRole[],
): ApplicationTransition {
  const rows = APPLICATION_TRANSITIONS.filter((t) => t.action === action && roles.includes(t.role));
  if (rows.length === 0) {
    const owner = applicationRolesFor(action)
      .map((r) => ROLE_WORDS[r])
      .join(' or ');
    throw new AppError('FORBIDDEN', `Only ${owner} may ${action} this application`);
  }
  const found = rows.find((t) => allows(t, a));
  if (!found) {
    const inState = rows.find((t) => t.from.includes(a.status));
    throw new AppError(
      'INVALID_STATE',
      `Cannot ${action} now: ${inState?.guard?.unless ?? `the application is ${a.status}`}`,
    );
  }
  return found;
}

/** What a caller holding `roles` may do now, in table order. */
export function availableApplicationActions(
  a: ApplicationFacts,
  roles: readonly ApplicationRole[],
): { action: ApplicationAction; as: ApplicationRole }[] {
  const seen = new Set<ApplicationAction>();
  const out: { action: ApplicationAction; as: ApplicationRole }[] = [];
  for (const t of APPLICATION_TRANSITIONS) {
    if (seen.has(t.action) || !roles.includes(t.role) || !allows(t, a)) continue;
    seen.add(t.action);
    out.push({ action: t.action, as: t.role });
  }
  return out;
}

const ROLE_WORDS: Record<ApplicationRole, string> = {
  outbound: 'a regulator of the generator’s province',
  receiving: 'a regulator of the receiving province',
  generator: 'a member of the applicant',
};

/** The state diagram (Mermaid, whose state names take no hyphen) drawn from the table, for the README. */
export function applicationStateDiagram(): string {
  const id = (state: ApplicationState) => state.replace(/-/g, '_');
  const edges = APPLICATION_TRANSITIONS.flatMap((t) =>
    t.from.map((from) => `  ${id(from)} --> ${id(t.to)}: ${t.action} (${t.role})`),
  );
  return [
    'stateDiagram-v2',
    '  [*] --> submitted: apply (generator)',
    '  submitted --> accepted: 5 working days unanswered (deemed)',
    ...edges,
    '  approved --> [*]',
    '  refused --> [*]',
  ].join('\n');
}
