// Alerts (domain.md, "Alerts"): each write puts its deadlines in its own transaction (deadline-writes.ts); the job reads
// only what is due, from every shard, checks each cause as it stands, opens one alert per occurrence of a cause, and
// closes alerts whose cause is gone. Regulators close them too; a closed alert never reopens.
import { AppError, notFound } from '#shared/errors.ts';
import { covers, type Actor } from '#shared/domain/jurisdiction.ts';
import { alertIdOf } from '#shared/domain/alert-id.ts';
import { sameCause, type Deadline } from '#shared/domain/alert-rules.ts';
import {
  alertFromItem,
  alertPage,
  getAlert,
  openAlert,
  saveAlertWrite,
  type AlertEntity,
} from '#shared/store/alert-store.ts';
import {
  deadlineWrites,
  dueDeadlines,
  endOccurrence,
  goneDeadline,
  handledDeadline,
  movedDeadline,
} from '#shared/store/deadline-store.ts';
import { assertVersion, lostRace } from '#shared/store/versioning.ts';
import { transact } from '#shared/store/transact.ts';
import { currentDeadlines } from '#shared/services/alert-causes.ts';
import { alertSettings } from '#shared/services/alert-settings.ts';
import { regulatorDivision } from '#shared/services/oversight-service.ts';
import { seesAsParty } from '#shared/services/party-alert-service.ts';

export { alertSettings };

/** `closedBy` of an alert the job closed because its cause was gone. */
const JOB = 'system';

export { alertIdOf };

/** Opens the alerts of causes found due outside the job (track points showing a long stop as they arrive). */
export async function raiseAlerts(deadlines: readonly Deadline[], now: Date): Promise<void> {
  await Promise.all(deadlines.map((d) => raiseAlert(d, now)));
}

/** Opens one such alert; false when it exists already (open, or closed by a regulator while the cause lasted). */
function raiseAlert(d: Deadline, now: Date): Promise<boolean> {
  return openAlert({
    id: alertIdOf(d),
    type: d.type,
    status: 'open',
    subjectId: d.subjectId,
    partyId: d.partyId,
    divisionCode: d.divisionCode,
    ...(d.manifestId ? { manifestId: d.manifestId } : {}),
    dueAt: d.dueAt,
    openedAt: now.toISOString(),
    version: 1,
  });
}

/** The scheduled job (EventBridge in AWS; a timer and POST /local/jobs/alerts locally). */
export async function runAlertJob(now: Date): Promise<{ opened: number; closed: number }> {
  const s = alertSettings();
  let opened = 0;
  let closed = 0;
  for (const d of await dueDeadlines(now)) {
    const current = (await currentDeadlines(d, s, now)).find((c) => sameCause(c, d));
    if (!current) {
      await goneDeadline(d);
    } else if (Date.parse(current.dueAt) > now.getTime()) {
      await movedDeadline(d, current.dueAt);
    } else {
      const alert: AlertEntity = {
        id: alertIdOf(d),
        type: d.type,
        status: 'open',
        subjectId: d.subjectId,
        partyId: d.partyId,
        divisionCode: d.divisionCode,
        ...(d.manifestId ? { manifestId: d.manifestId } : {}),
        ...(d.since ? { since: d.since } : {}),
        dueAt: d.dueAt,
        openedAt: now.toISOString(),
        version: 1,
      };
      // Exists already (open, or closed by a regulator while the cause lasted): nothing opens.
      if (await openAlert(alert)) opened += 1;
      await handledDeadline(d);
    }
  }
  let start: Record<string, unknown> | undefined;
  do {
    const page = await alertPage({ divisionPrefix: '', status: 'open' }, 200, start);
    for (const alert of page.items.map(alertFromItem)) {
      const current = (await currentDeadlines(alert, s, now)).filter((c) => sameCause(c, alert));
      // Closed once its cause is gone or no longer due (a silent truck that reported again).
      if (!current.some((c) => Date.parse(c.dueAt) <= now.getTime())) {
        // A regulator closing it at the same moment wins; either way it is closed.
        await transact(closing(alert, { closedBy: JOB, closeNote: 'cause resolved' }, now, undefined).writes).catch(
          ignoreVersionConflict,
        );
        // The occurrence is over: should the cause return, its write starts a new one (a new alert).
        await endOccurrence(alert, alert.since);
        // A cause due again later (track-silent, re-armed from the leg's last point) starts a new occurrence.
        if (current.length) await transact(deadlineWrites([], current, now));
        closed += 1;
      }
    }
    start = page.lastKey;
  } while (start);
  return { opened, closed };
}

/** Only the race it means is ignored (the alert changed since it was read); any other failure is a fault to surface. */
function ignoreVersionConflict(err: unknown): void {
  if (!(err instanceof AppError && err.code === 'VERSION_CONFLICT')) throw err;
}

/** The closed alert and its write: by the job when the cause is gone, or by a regulator with a note. */
function closing(
  alert: AlertEntity,
  by: { closedBy: string; closeNote: string },
  now: Date,
  ifMatch: number | undefined,
) {
  const next: AlertEntity = {
    ...alert,
    status: 'closed',
    ...by,
    closedAt: now.toISOString(),
    version: alert.version + 1,
  };
  return { view: next, writes: [saveAlertWrite(next, alert.version, lostRace(ifMatch))] };
}

export async function listAlerts(
  actor: Actor,
  query: { division?: string | undefined; type?: string | undefined; status?: 'open' | 'closed' | undefined },
  limit: number,
  start?: Record<string, unknown>,
) {
  const divisionPrefix = regulatorDivision(actor, query.division);
  const page = await alertPage({ divisionPrefix, type: query.type, status: query.status }, limit, start);
  return { items: page.items.map(alertFromItem), next: page.lastKey };
}

export async function closeAlert(actor: Actor, alertId: string, note: string, ifMatch: number | undefined, now: Date) {
  const alert = await getAlert(alertId);
  if (!alert) throw notFound('alert');
  if (!covers(actor, alert.divisionCode)) {
    // A member of a party it concerns sees it in the party's list: closing it is a regulator's action (403)
    if (await seesAsParty(actor, alert))
      throw new AppError('FORBIDDEN', 'Only a regulator covering its division closes an alert');
    throw notFound('alert');
  }
  if (alert.status !== 'open') throw new AppError('INVALID_STATE', 'The alert is already closed');
  assertVersion(alert.version, ifMatch);
  return closing(alert, { closedBy: actor.sub, closeNote: note }, now, ifMatch);
}
