// The actions on an application (api.md "Applications"), decided by the one transition table: each is one
// transaction conditional on the application's version; `/approve` issues the approval of rule 16 in the same one,
// and acting on a step that is past due closes its `application-review-overdue` alert there too. Each writes the step
// deadlines it ends and starts in its own transaction (no change-stream consumer is needed for the alert).
import { getDeadline } from '#shared/store/deadline-store.ts';
import { AppError } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { alertIdOf } from '#shared/domain/alert-id.ts';
import {
  reviewSubject,
  stepOf,
  withDeemedAcceptance,
  type ApplicationStep,
  type HistoryEntry,
} from '#shared/domain/application/deadlines.ts';
import { decideApplication, type ApplicationAction } from '#shared/domain/application/transition-table.ts';
import { gramsToKg } from '#shared/domain/quantity.ts';
import { getAlert, saveAlertWrite } from '#shared/store/alert-store.ts';
import { saveApplicationWrite, type ApplicationEntity } from '#shared/store/application-store.ts';
import type { TxItem } from '#shared/store/transact.ts';
import { assertVersion, lostRace } from '#shared/store/versioning.ts';
import { MAX_ATTACHMENTS, type AttachmentInput } from '#schemas/application.ts';
import { issueApproval } from '#shared/services/approval-service.ts';
import { applicationDeadlineWrites } from '#shared/services/deadline-writes.ts';
import {
  applicationView,
  seeApplication,
  stepSettings,
  type ApplicationView,
} from '#shared/services/application-service.ts';
import type { Decision } from '#shared/services/decision.ts';
import { must } from '#shared/must.ts';

/** What each action's body carries (validated by its route's schema). */
export interface ActionInput {
  missing?: string[];
  reason?: string;
  attachments?: AttachmentInput[];
  validFrom?: string;
  validTo?: string;
}

export async function actOnApplication(
  actor: Actor,
  id: string,
  action: ApplicationAction,
  input: ActionInput,
  ifMatch: number | undefined,
  now: Date,
): Promise<Decision<ApplicationView>> {
  const { application: stored, roles } = await seeApplication(actor, id);
  const s = stepSettings();
  // A deemed acceptance takes effect here: the write stores it along with the action.
  const a = withDeemedAcceptance(stored, now, s);
  const transition = decideApplication(a, action, roles);
  assertVersion(stored.version, ifMatch);

  const at = now.toISOString();
  const closed = stepOf(a.status, a.since, s);
  const opened = stepOf(transition.to, at, s);
  const entry: HistoryEntry = {
    action,
    status: transition.to,
    at,
    by: actor.sub,
    ...(opened ? { step: opened.step, dueAt: opened.dueAt } : {}),
    ...(closed && now.getTime() >= Date.parse(closed.dueAt) ? { late: true } : {}),
    ...(input.missing ? { missing: input.missing } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.attachments ? { attachments: input.attachments.length } : {}),
  };
  const next: ApplicationEntity = {
    ...a,
    status: transition.to,
    since: at,
    updatedAt: at,
    version: stored.version + 1,
    history: [...a.history, entry],
  };
  if (action === 'incomplete' && input.missing) next.missing = input.missing;
  if (action === 'resubmit') {
    const added = input.attachments ?? [];
    if (a.attachments.length + added.length > MAX_ATTACHMENTS) {
      throw new AppError('VALIDATION_FAILED', `An application holds at most ${MAX_ATTACHMENTS} attachments`, [
        { path: 'attachments', message: `at most ${MAX_ATTACHMENTS - a.attachments.length} more` },
      ]);
    }
    next.attachments = [...a.attachments, ...added.map((f) => ({ ...f, addedAt: at }))];
    next.submittedAt = at;
    delete next.missing;
  }

  const writes: TxItem[] = [];
  if (action === 'approve') {
    const terms = {
      generatorId: a.generatorId,
      receiverId: a.receiverId,
      wasteCodes: a.wasteCodes.map((w) => ({ code: w.code, maxKg: gramsToKg(w.maxGrams) })),
      validFrom: must(input.validFrom, 'the approve route requires validFrom (ApproveApplicationBody)'),
      validTo: must(input.validTo, 'the approve route requires validTo (ApproveApplicationBody)'),
    };
    const issued = await issueApproval(actor, terms, now, { applicationId: a.id });
    writes.push(...issued.writes);
    next.approvalId = issued.view.id;
    Object.assign(entry, { approvalId: issued.view.id, validFrom: input.validFrom, validTo: input.validTo });
  }
  writes.push(
    saveApplicationWrite(next, stored.version, lostRace(ifMatch)),
    ...applicationDeadlineWrites(stored, next, now),
  );
  if (closed) writes.push(...(await closeStepAlert(a.id, closed.step, now)));
  return { view: applicationView(next, now), writes };
}

/** The open alert of the step just taken, closed in the same transaction (the job would close it on its next run). */
async function closeStepAlert(applicationId: string, step: ApplicationStep, now: Date): Promise<TxItem[]> {
  const cause = { type: 'application-review-overdue' as const, subjectId: reviewSubject(applicationId, step) };
  const alert = await getAlert(alertIdOf({ ...cause, since: (await getDeadline(cause))?.since }));
  if (alert?.status !== 'open') return [];
  const closedAlert = {
    ...alert,
    status: 'closed' as const,
    closedBy: 'system',
    closeNote: 'the step was taken',
    closedAt: now.toISOString(),
    version: alert.version + 1,
  };
  return [saveAlertWrite(closedAlert, alert.version, lostRace(undefined))];
}
