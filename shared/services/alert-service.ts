// Alerts (domain.md, "Alerts"): the change stream keeps one deadline per cause, indexed by due time; the job
// reads only what is due, opens each alert once, and closes alerts whose cause is gone. Regulators close them too.
import { config } from '#shared/config.ts';
import { AppError, notFound } from '#shared/errors.ts';
import { covers, type Actor } from '#shared/domain/jurisdiction.ts';
import { alertIdOf } from '#shared/domain/alert-id.ts';
import { sameCause, stillDue, type AlertSettings } from '#shared/domain/alert-rules.ts';
import { workingCalendar } from '#shared/reference/holidays.ts';
import { alertFromItem, alertPage, deleteDeadline, dueDeadlines, getAlert, openAlert, putDeadline, saveAlertWrite, type AlertEntity } from '#shared/store/alert-store.ts';
import { assertVersion, lostRace } from '#shared/store/versioning.ts';
import type { ChangeRecord } from '#shared/stream/change-records.ts';
import { transact } from '#shared/store/transact.ts';
import { currentDeadlines, deadlineChanges } from '#shared/services/alert-causes.ts';
import { regulatorDivision } from '#shared/services/oversight-service.ts';

/** `closedBy` of an alert the job closed because its cause was gone (only those reopen). */
const JOB = 'system';

export const alertSettings = (): AlertSettings => ({
  timeZone: config.timeZone,
  calendar: workingCalendar(),
  transitOverdueHours: Number(process.env.TRANSIT_OVERDUE_HOURS ?? 72),
  medicalStorageHours: config.medicalStorageHours,
  medicalStorageHoursByProvince: config.medicalStorageHoursByProvince,
});

/** Stream consumer: keeps the deadline items in step with the items each rule reads (alert-causes.ts). */
export async function onAlertChanges(records: ChangeRecord[], now: Date): Promise<void> {
  const s = alertSettings();
  for (const r of records) {
    const { put, drop } = await deadlineChanges(r, s, now);
    for (const d of put) await putDeadline(d);
    for (const d of drop) await deleteDeadline(d);
  }
}

export { alertIdOf };

/** The scheduled job (EventBridge in AWS; a timer and POST /local/jobs/alerts locally). */
export async function runAlertJob(now: Date): Promise<{ opened: number; closed: number }> {
  const s = alertSettings();
  let opened = 0;
  let closed = 0;
  for (const d of await dueDeadlines(now)) {
    if (stillDue(d, await currentDeadlines(d, s, now), now)) {
      const alert: AlertEntity = { id: alertIdOf(d), type: d.type, status: 'open', subjectId: d.subjectId, partyId: d.partyId, divisionCode: d.divisionCode, ...(d.manifestId ? { manifestId: d.manifestId } : {}), dueAt: d.dueAt, openedAt: now.toISOString(), version: 1 };
      if ((await openAlert(alert)) || (await reopened(alert))) opened += 1;
    }
    await deleteDeadline(d, d.dueAt);
  }
  let start: Record<string, unknown> | undefined;
  do {
    const page = await alertPage({ divisionPrefix: '', status: 'open' }, 200, start);
    for (const alert of page.items.map(alertFromItem)) {
      const current = await currentDeadlines(alert, s, now);
      if (!current.some((c) => sameCause(c, alert))) {
        // A regulator closing it at the same moment wins; either way it is closed.
        await transact(closing(alert, { closedBy: JOB, closeNote: 'cause resolved' }, now, undefined).writes).catch(() => undefined);
        closed += 1;
      }
    }
    start = page.lastKey;
  } while (start);
  return { opened, closed };
}

/** A cause that went away (the job closed its alert) and came back opens the same alert again, as a new version; a
 *  regulator's close stands. False when the alert is open, or a regulator closed it, or a racing job got there first. */
async function reopened(fresh: AlertEntity): Promise<boolean> {
  const closed = await getAlert(fresh.id);
  if (closed?.status !== 'closed' || closed.closedBy !== JOB) return false;
  const write = saveAlertWrite({ ...fresh, version: closed.version + 1 }, closed.version, lostRace(undefined));
  return transact([write]).then(() => true, () => false);
}

/** The closed alert and its write: by the job when the cause is gone, or by a regulator with a note. */
function closing(alert: AlertEntity, by: { closedBy: string; closeNote: string }, now: Date, ifMatch: number | undefined) {
  const next: AlertEntity = { ...alert, status: 'closed', ...by, closedAt: now.toISOString(), version: alert.version + 1 };
  return { view: next, writes: [saveAlertWrite(next, alert.version, lostRace(ifMatch))] };
}

export async function listAlerts(actor: Actor, query: { division?: string; type?: string; status?: 'open' | 'closed' }, limit: number, start?: Record<string, unknown>) {
  const divisionPrefix = regulatorDivision(actor, query.division);
  const page = await alertPage({ divisionPrefix, type: query.type, status: query.status }, limit, start);
  return { items: page.items.map(alertFromItem), next: page.lastKey };
}

export async function closeAlert(actor: Actor, alertId: string, note: string, ifMatch: number | undefined, now: Date) {
  const alert = await getAlert(alertId);
  if (!alert || !covers(actor, alert.divisionCode)) throw notFound('alert');
  if (alert.status !== 'open') throw new AppError('INVALID_STATE', 'The alert is already closed');
  assertVersion(alert.version, ifMatch);
  return closing(alert, { closedBy: actor.sub, closeNote: note }, now, ifMatch);
}
