// Incidents in transit (domain.md rules 19, 25, 28; api.md "incidents"): reported by whoever has the load, appended
// to the manifest's hash chain, alerting the regulators of the place and of the manifest's ends in the same
// transaction; closed by a regulator, which ends a load lost whole.
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '#shared/errors.ts';
import { covers, type Actor } from '#shared/domain/jurisdiction.ts';
import { gramsToKg, kgToGrams } from '#shared/domain/quantity.ts';
import { checkLosses, incidentRef, MAX_INCIDENTS, type Incident } from '#shared/domain/manifest/incidents.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { decide } from '#shared/domain/manifest/transition-table.ts';
import { isCounty } from '#shared/reference/divisions.ts';
import { getAlert, openAlertWrite, saveAlertWrite, type AlertEntity } from '#shared/store/alert-store.ts';
import { settleCapacityWrite } from '#shared/store/capacity-store.ts';
import {
  createIncidentWrite,
  getIncident,
  getIncidents,
  incidentFromItem,
  incidentPage,
  saveIncidentWrite,
} from '#shared/store/incident-store.ts';
import { getManifest } from '#shared/store/manifest-store.ts';
import type { TxItem } from '#shared/store/transact.ts';
import { assertVersion, lostRace } from '#shared/store/versioning.ts';
import type { IncidentBody, IncidentView } from '#schemas/incident.ts';
import { alertIdOf } from '#shared/services/alert-service.ts';
import { actOn, holdersOf, seeManifest } from '#shared/services/manifest-access.ts';
import { incidentDeadlines } from '#shared/services/medical-clock-causes.ts';
import { eventDraft, manifestWrites, nextVersion } from '#shared/services/manifest-transition.ts';
import type { Decision } from '#shared/services/decision.ts';
import { closeLegTrack } from '#shared/services/track-closing.ts';
import { regulatorDivision } from '#shared/services/oversight-service.ts';
import { must } from '#shared/must.ts';

export function incidentView(i: Incident): IncidentView {
  const { lines, generatorDivision: _g, receiverDivision: _r, ...rest } = i;
  return { ...rest, lines: lines.map((l) => ({ lineNo: l.lineNo, lostKg: gramsToKg(l.grams) })) };
}

const lostKgOf = (i: Incident) => i.lines.map((l) => ({ lineNo: l.lineNo, lostKg: gramsToKg(l.grams) }));

/** The incident's alerts, opened in its own transaction: nothing asynchronous stands between a spill and its regulators. */
function alertWrites(i: Incident, now: Date): TxItem[] {
  return incidentDeadlines(i).map((d) =>
    openAlertWrite({
      id: alertIdOf(d),
      type: d.type,
      status: 'open',
      subjectId: d.subjectId,
      partyId: d.partyId,
      divisionCode: d.divisionCode,
      manifestId: i.manifestId,
      dueAt: d.dueAt,
      openedAt: now.toISOString(),
      version: 1,
    }),
  );
}

function checkReport(m: Manifest, input: IncidentBody, now: Date): void {
  if ((m.incidents?.length ?? 0) >= MAX_INCIDENTS)
    throw new AppError('INVALID_STATE', `A manifest takes at most ${MAX_INCIDENTS} incidents`);
  if (!isCounty(input.divisionCode)) {
    throw new AppError('UNKNOWN_DIVISION', `${input.divisionCode} is not an existing county-level division code`, [
      { path: 'divisionCode', message: 'not an existing county-level division' },
    ]);
  }
  const at = new Date(input.at);
  const firstPickup = must(m.legs[0], 'incidents are reported in transit or after delivery').pickedUpAt;
  if (at.getTime() > now.getTime() + 60_000 || at.toISOString() < firstPickup) {
    throw new AppError('VALIDATION_FAILED', 'at lies between the first pickup and now', [
      { path: 'at', message: 'before the first pickup, or in the future' },
    ]);
  }
}

export async function reportIncident(
  actor: Actor,
  manifestId: string,
  input: IncidentBody,
  ifMatch: number | undefined,
  now: Date,
): Promise<Decision<IncidentView>> {
  const acting = await actOn(actor, manifestId, 'report-incident', ifMatch, input.partyId);
  const m = acting.manifest;
  checkReport(m, input, now);
  const lines = input.lines.map((l) => ({ lineNo: l.lineNo, grams: kgToGrams(l.lostKg) }));
  checkLosses(m, lines);
  const reportedAt = now.toISOString();
  const incident: Incident = {
    id: uuidv7(),
    manifestId,
    manifestNumber: m.number,
    partyId: input.partyId,
    type: input.type,
    at: new Date(input.at).toISOString(),
    ...(input.lat !== undefined && input.lon !== undefined ? { lat: input.lat, lon: input.lon } : {}),
    divisionCode: input.divisionCode,
    lines,
    description: input.description,
    measures: input.measures,
    status: 'open',
    reportedAt,
    reportedBy: actor.sub,
    generatorDivision: m.generatorDivision,
    receiverDivision: m.receiverDivision,
    version: 1,
  };
  const after = nextVersion(m, now, { incidents: [...(m.incidents ?? []), incidentRef(incident)] });
  const data = {
    incidentId: incident.id,
    type: incident.type,
    at: incident.at,
    divisionCode: incident.divisionCode,
    lines: lostKgOf(incident),
  };
  const { writes } = manifestWrites(
    m,
    after,
    [eventDraft('incident_reported', actor, acting, reportedAt, data)],
    ifMatch,
  );
  return {
    view: incidentView(incident),
    writes: [createIncidentWrite(incident), ...writes, ...alertWrites(incident, now)],
  };
}

/** The incident and its manifest, or 404 for whoever may not see the manifest (rule 25). */
async function seeIncident(
  actor: Actor,
  incidentId: string,
): Promise<{ incident: Incident; manifest: Manifest; holders: Awaited<ReturnType<typeof holdersOf>> }> {
  const incident = await getIncident(incidentId);
  const manifest = incident && (await getManifest(incident.manifestId));
  if (!incident || !manifest) throw notFound('incident');
  return { incident, manifest, holders: await holdersOf(actor, manifest) };
}

export async function viewIncident(actor: Actor, incidentId: string): Promise<IncidentView> {
  return incidentView((await seeIncident(actor, incidentId)).incident);
}

export async function listManifestIncidents(actor: Actor, manifestId: string): Promise<{ items: IncidentView[] }> {
  const { manifest } = await seeManifest(actor, manifestId);
  return { items: (await getIncidents((manifest.incidents ?? []).map((i) => i.id))).map(incidentView) };
}

/** Its alerts, closed with it (a regulator's close of one of them earlier stands). */
async function closeAlertWrites(i: Incident, actor: Actor, note: string, now: Date): Promise<TxItem[]> {
  const alerts = await Promise.all(incidentDeadlines(i).map((d) => getAlert(alertIdOf(d))));
  return alerts
    .filter((a): a is AlertEntity => a?.status === 'open')
    .map((a) =>
      saveAlertWrite(
        {
          ...a,
          status: 'closed',
          closedBy: actor.sub,
          closeNote: `incident closed: ${note}`,
          closedAt: now.toISOString(),
          version: a.version + 1,
        },
        a.version,
        lostRace(undefined),
      ),
    );
}

/** A regulator of the division where it happened or of the manifest's ends closes it; the load lost whole ends `lost`
 *  (its receiver's capacity in flight is given back: nothing will arrive). */
export async function closeIncident(
  actor: Actor,
  incidentId: string,
  note: string,
  ifMatch: number | undefined,
  now: Date,
): Promise<Decision<IncidentView> & { manifest: Manifest }> {
  const { incident, manifest: m, holders } = await seeIncident(actor, incidentId);
  const regulates =
    holders.some((h) => h.role === 'regulator') &&
    [incident.divisionCode, m.generatorDivision, m.receiverDivision].some((d) => covers(actor, d));
  if (!regulates)
    throw new AppError(
      'FORBIDDEN',
      'Only a regulator of the division where it happened, or of the manifest’s generator or receiver, closes an incident',
    );
  if (incident.status !== 'open') throw new AppError('INVALID_STATE', 'The incident is already closed');
  const decision = decide(m, 'close-incident', 'regulator', null);
  assertVersion(incident.version, ifMatch);
  const at = now.toISOString();
  const closed: Incident = {
    ...incident,
    status: 'closed',
    closedAt: at,
    closedBy: actor.sub,
    closeNote: note,
    version: incident.version + 1,
  };
  const incidents = (m.incidents ?? []).map((i) => (i.id === incident.id ? incidentRef(closed) : i));
  const after = nextVersion(m, now, { incidents, status: decision.to });
  const endsLost = decision.to === 'lost' && m.status !== 'lost';
  // A load lost on the road ends its leg: the track is sealed as at a delivery.
  const closing = endsLost && m.status === 'in_transit' ? await closeLegTrack(m) : undefined;
  const data = { incidentId: incident.id, note, ...(endsLost ? { status: 'lost' } : {}), ...closing?.data };
  const { manifest, writes } = manifestWrites(m, after, [
    eventDraft('incident_closed', actor, { role: 'regulator', partyId: null }, at, data),
  ]);
  const capacity = endsLost
    ? (m.taken?.capacity ?? []).map((c) =>
        settleCapacityWrite(
          { partyId: m.receiverId, year: c.year, licenceId: c.licenceId, entryCode: c.entryCode },
          c.grams,
          0,
        ),
      )
    : [];
  return {
    view: incidentView(closed),
    manifest,
    writes: [
      saveIncidentWrite(closed, incident.version, lostRace(ifMatch)),
      ...writes,
      ...capacity,
      ...(closing?.writes ?? []),
      ...(await closeAlertWrites(incident, actor, note, now)),
    ],
  };
}

export async function listOversightIncidents(
  actor: Actor,
  query: { division?: string | undefined; status?: 'open' | 'closed' | undefined },
  limit: number,
  start?: Record<string, unknown>,
) {
  const divisionPrefix = regulatorDivision(actor, query.division);
  const page = await incidentPage({ divisionPrefix, status: query.status }, limit, start);
  return { items: page.items.map((i) => incidentView(incidentFromItem(i))), next: page.lastKey };
}
