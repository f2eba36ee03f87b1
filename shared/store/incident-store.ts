// Incidents in transit (domain.md rule 28): one item each, listed by division (and status) for oversight.
import type { Incident } from '#shared/domain/manifest/incidents.ts';
import type { AppError } from '#shared/errors.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { batchGet, getItem, queryPage, type Page, type QuerySpec } from '#shared/store/read.ts';
import { putNew, putVersioned, type TxItem } from '#shared/store/transact.ts';

const incidentItem = (i: Incident) => ({
  ...keys.incident(i.id),
  ...keys.incidentIndexes(i),
  itemType: 'incident',
  ...i,
});

export const createIncidentWrite = (i: Incident): TxItem => putNew(incidentItem(i));

export const saveIncidentWrite = (i: Incident, expectedVersion: number, onConflict: () => AppError): TxItem =>
  putVersioned(incidentItem(i), expectedVersion, onConflict);

export async function getIncident(id: string): Promise<Incident | undefined> {
  const item = await getItem(keys.incident(id));
  return item && entityOf<Incident>(item);
}

/** Incidents by id, in the order asked (missing ones left out). */
export async function getIncidents(ids: string[]): Promise<Incident[]> {
  const found = new Map(
    (await batchGet([...new Set(ids)].map(keys.incident))).map((i) => [i.id as string, entityOf<Incident>(i)]),
  );
  return ids.flatMap((id) => {
    const incident = found.get(id);
    return incident ? [incident] : [];
  });
}

export function incidentPage(
  f: { divisionPrefix: string; status?: 'open' | 'closed' | undefined },
  limit: number,
  start?: Record<string, unknown>,
): Promise<Page> {
  const spec: QuerySpec = f.status
    ? { index: 'GSI2', partition: keys.incidentsByStatusPartition(f.status) }
    : { index: 'GSI1', partition: keys.incidentsPartition };
  if (f.divisionPrefix) spec.sortPrefix = f.divisionPrefix;
  return queryPage(spec, limit, start);
}

export const incidentFromItem = (item: Record<string, unknown>) => entityOf<Incident>(item);
