// What regulators ask of their area: which manifests moved, which parties are key units.
import { AppError } from '#shared/errors.ts';
import { requireWithinJurisdiction, type Actor } from '#shared/domain/jurisdiction.ts';
import { addDays, localYear, startOfLocalDay } from '#shared/domain/calendar.ts';
import { config } from '#shared/config.ts';
import { isJurisdiction } from '#shared/reference/divisions.ts';
import { oversightPage, type OversightCursor } from '#shared/store/oversight-index-store.ts';
import { partyFromItem, partyPage } from '#shared/store/party-store.ts';
import { wholePartyView } from '#shared/services/party-views.ts';
import { must } from '#shared/must.ts';

/** The position a page of oversight manifests resumes from (the route keeps it in its cursor). */
export type { OversightCursor };

/** The division prefix a regulator asks about ('' nationwide): within their jurisdiction (403), then existing (422),
 * in api.md's order, so a code outside the jurisdiction is 403 whether or not it exists. */
export function regulatorDivision(actor: Actor, division: string | undefined): string {
  if (!actor.isRegulator) throw new AppError('FORBIDDEN', 'Only regulators use oversight');
  const own = must(actor.jurisdictionPrefix, 'a regulator has a jurisdiction (actorFromClaims)');
  const asked = division ?? (own === '' ? '00' : own);
  const prefix = asked === '00' ? '' : asked;
  requireWithinJurisdiction(actor, prefix);
  if (!isJurisdiction(asked))
    throw new AppError('UNKNOWN_DIVISION', `${asked} is not an existing division`, [
      { path: 'query.division', message: 'not an existing division' },
    ]);
  return prefix;
}

export interface ManifestFilter {
  division?: string | undefined;
  status?: string | undefined;
  wasteCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function listOversightManifests(actor: Actor, filter: ManifestFilter, limit: number, start?: OversightCursor) {
  const division = regulatorDivision(actor, filter.division);
  return oversightPage(
    {
      division,
      status: filter.status,
      wasteCode: filter.wasteCode,
      fromInstant: filter.from ? startOfLocalDay(filter.from, config.timeZone).toISOString() : undefined,
      toInstant: filter.to ? startOfLocalDay(addDays(filter.to, 1), config.timeZone).toISOString() : undefined,
    },
    limit,
    start,
  );
}

export async function listKeyUnits(
  actor: Actor,
  query: { division?: string | undefined; year?: number | undefined },
  now: Date,
  limit: number,
  start?: Record<string, unknown>,
) {
  const divisionPrefix = regulatorDivision(actor, query.division);
  const year = query.year ?? localYear(now, config.timeZone);
  const page = await partyPage({ divisionPrefix, keyUnitYear: year }, limit, start);
  return { items: page.items.map((i) => wholePartyView(partyFromItem(i))), next: page.lastKey };
}
