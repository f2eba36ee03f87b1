// The statutory steps of an application and their working-day deadlines (domain.md rule 30; ZY 23; 行政许可法 32),
// derived from the application as it stands. Pure: time and the holiday calendar are passed in, so the routes, the
// stream consumer and the alerts job (or a write's own transaction) all compute the same due dates.
import type { Deadline } from '#shared/domain/alert-rules.ts';
import { subjectParts } from '#shared/domain/alert-subject.ts';
import { must } from '#shared/must.ts';
import { workingDayDeadline, type WorkingCalendar } from '#shared/domain/working-days.ts';
import type { ApplicationAction, ApplicationState } from '#shared/domain/application/transition-table.ts';

export type ApplicationStep = 'acceptance' | 'preliminary-view' | 'consent' | 'decision';
export type OwedBy = 'outbound' | 'receiving';

export interface StepSettings {
  timeZone: string;
  calendar: WorkingCalendar;
}

export interface HistoryEntry {
  action: ApplicationAction | 'submit' | 'deemed-accept';
  status: ApplicationState;
  /** When it took effect (a deemed acceptance: the submission it dates back to). */
  at: string;
  /** The user's sub; `system` for the deemed acceptance. */
  by: string;
  /** The step this entry opened and when it falls due (none once final or waiting for the generator). */
  step?: ApplicationStep;
  dueAt?: string;
  /** Acted on after the step it closed was due. */
  late?: boolean;
  missing?: string[];
  reason?: string;
  validFrom?: string;
  validTo?: string;
  approvalId?: string;
  attachments?: number;
}

/** What the step rules read of an application. */
export interface ApplicationFacts {
  id: string;
  status: ApplicationState;
  generatorId: string;
  receiverId: string;
  generatorDivisionCode: string;
  receiverDivisionCode: string;
  /** The latest (re)submission: the acceptance clock runs from it. */
  submittedAt: string;
  /** When the current state began: the clock of its step. */
  since: string;
  history: HistoryEntry[];
}

const STEPS: Partial<Record<ApplicationState, { step: ApplicationStep; owedBy: OwedBy; workingDays: number }>> = {
  submitted: { step: 'acceptance', owedBy: 'outbound', workingDays: 5 },
  accepted: { step: 'preliminary-view', owedBy: 'outbound', workingDays: 5 },
  'consent-requested': { step: 'consent', owedBy: 'receiving', workingDays: 10 },
  consented: { step: 'decision', owedBy: 'outbound', workingDays: 5 },
  declined: { step: 'decision', owedBy: 'outbound', workingDays: 5 },
};

export interface StepDue {
  step: ApplicationStep;
  owedBy: OwedBy;
  since: string;
  dueAt: string;
}

/** The step a state waits for, counted from `since`; undefined in `incomplete` (the generator's turn) and final states. */
export function stepOf(status: ApplicationState, since: string, s: StepSettings): StepDue | undefined {
  const rule = STEPS[status];
  if (!rule) return undefined;
  return {
    step: rule.step,
    owedBy: rule.owedBy,
    since,
    dueAt: workingDayDeadline(new Date(since), rule.workingDays, s.timeZone, s.calendar).toISOString(),
  };
}

/** The application as the law sees it at `now`: one left `submitted` past its acceptance deadline is `accepted` as of
 *  its submission, so the preliminary view's 5 working days also run from the submission (and are due at once). */
export function withDeemedAcceptance<A extends ApplicationFacts>(a: A, now: Date, s: StepSettings): A {
  if (a.status !== 'submitted') return a;
  const acceptance = must(stepOf('submitted', a.submittedAt, s), 'a submitted application awaits acceptance');
  if (now.getTime() < Date.parse(acceptance.dueAt)) return a;
  const view = must(stepOf('accepted', a.submittedAt, s), 'an accepted application awaits the preliminary view');
  const entry: HistoryEntry = {
    action: 'deemed-accept',
    status: 'accepted',
    at: a.submittedAt,
    by: 'system',
    step: view.step,
    dueAt: view.dueAt,
  };
  return { ...a, status: 'accepted', since: a.submittedAt, history: [...a.history, entry] };
}

/** `application-review-overdue` names the step, so each step of an application is its own alert. */
export const reviewSubject = (applicationId: string, step: ApplicationStep) => `${applicationId}/${step}`;
export const parseReviewSubject = (subjectId: string) => subjectParts(subjectId, 1)[0];

/** The alert deadline of the step the application waits for, for the province that owes it (its party and county).
 *  Acceptance never raises one: unanswered it is deemed given, and the preliminary view is then owed from submission. */
export function applicationDeadlines(a: ApplicationFacts, s: StepSettings): Deadline[] {
  const step = a.status === 'submitted' ? stepOf('accepted', a.submittedAt, s) : stepOf(a.status, a.since, s);
  if (!step) return [];
  const outbound = step.owedBy === 'outbound';
  return [
    {
      type: 'application-review-overdue',
      subjectId: reviewSubject(a.id, step.step),
      partyId: outbound ? a.generatorId : a.receiverId,
      divisionCode: outbound ? a.generatorDivisionCode : a.receiverDivisionCode,
      dueAt: step.dueAt,
    },
  ];
}
