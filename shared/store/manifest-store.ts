// Manifests in the table: the manifest item, its number claim and counter, and the reads lists are made of.
import { AppError } from '#shared/errors.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { config } from '#shared/config.ts';
import { localYear } from '#shared/domain/calendar.ts';
import { manifestNumber } from '#shared/domain/manifest/manifest-number.ts';
import { cityOf } from '#shared/reference/divisions.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { nextSerial } from '#shared/store/serial-store.ts';
import { batchGet, filterOf, getItem, itemAt, queryPage, type Page, type QuerySpec } from '#shared/store/read.ts';
import { putNew, putVersioned, type TxItem } from '#shared/store/transact.ts';

const manifestItem = (m: Manifest) => ({ ...keys.manifest(m.id), itemType: 'manifest', ...m });
export const manifestFromItem = (item: Record<string, unknown>) => entityOf<Manifest>(item);

export async function getManifest(id: string): Promise<Manifest | undefined> {
  const item = await getItem(keys.manifest(id));
  return item && manifestFromItem(item);
}

/** The manifest and whether `sub` is a member of `partyId`, in one round trip (strongly consistent). */
export async function getManifestAndMembership(
  id: string,
  sub: string,
  partyId: string,
): Promise<{ manifest: Manifest | undefined; member: boolean }> {
  const [manifestKey, memberKey] = [keys.manifest(id), keys.member(partyId, sub)];
  const items = await batchGet([manifestKey, memberKey], true);
  const item = itemAt(items, manifestKey);
  return { manifest: item && manifestFromItem(item), member: itemAt(items, memberKey) !== undefined };
}

export async function getManifests(ids: string[]): Promise<Map<string, Manifest>> {
  const items = await batchGet([...new Set(ids)].map((id) => keys.manifest(id)));
  return new Map(items.map((i) => [i.id as string, manifestFromItem(i)]));
}

export async function manifestIdByNumber(number: string): Promise<string | undefined> {
  return (await getItem(keys.manifestNumberClaim(number)))?.manifestId as string | undefined;
}

/** The next serial of the generator's city for the year; a failed create may leave a gap, never a repeat. */
const nextManifestSerial = (year: number, city: string) => nextSerial(keys.manifestNumberCounter(year, city));

/** A new manifest's number (ZY 15): the local year, the generator's province and city, and the next serial of that
 *  city and year, taken before the create transaction (a create that fails burns it; gaps are allowed). */
export async function allocateManifestNumber(generatorDivision: string, now: Date): Promise<string> {
  const year = localYear(now, config.timeZone);
  return manifestNumber(year, generatorDivision, await nextManifestSerial(year, cityOf(generatorDivision)));
}

/** The number claim and the manifest: a number is used once, forever. */
export function createManifestWrites(m: Manifest): TxItem[] {
  return [
    putNew(
      { ...keys.manifestNumberClaim(m.number), itemType: 'manifest-number', manifestId: m.id },
      () => new AppError('VERSION_CONFLICT', `Manifest number ${m.number} is already taken; retry`),
    ),
    putNew(manifestItem(m)),
  ];
}

/** The manifest after a transition, conditional on the version read (a lost race → onConflict). */
export function saveManifestWrite(m: Manifest, expectedVersion: number, onConflict: () => AppError): TxItem {
  return putVersioned(manifestItem(m), expectedVersion, onConflict);
}

/** Which of these parties the user is a member of (one BatchGet of member items). */
export async function membershipsAmong(sub: string, partyIds: string[]): Promise<Set<string>> {
  const items = await batchGet([...new Set(partyIds)].map((id) => keys.member(id, sub)));
  return new Set(items.map((i) => i.partyId as string));
}

export interface ManifestListFilter {
  partyId: string;
  status?: string | undefined;
  role?: string | undefined;
  /** Creation instants (ISO), from inclusive, to exclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** Regulators: only manifests whose generator or receiver lies in this division prefix. */
  divisionPrefix?: string;
}

/** A party's manifests, newest first: by status (GSI2) or all (GSI1); role and jurisdiction are filters. */
export function manifestLinkPage(f: ManifestListFilter, limit: number, start?: Record<string, unknown>): Promise<Page> {
  const spec: QuerySpec = f.status
    ? { index: 'GSI2', partition: keys.partyManifestsByStatus(f.partyId, f.status) }
    : { index: 'GSI1', partition: keys.partyManifests(f.partyId) };
  spec.newestFirst = true;
  if (f.from || f.to) spec.sortBetween = [f.from ?? '0000', f.to ?? '9999'];
  spec.filter = filterOf(
    f.role && { expression: 'contains(#roles, :role)', names: { '#roles': 'roles' }, values: { ':role': f.role } },
    f.divisionPrefix !== undefined && {
      expression: '(begins_with(#gd, :div) OR begins_with(#rd, :div))',
      names: { '#gd': 'generatorDivision', '#rd': 'receiverDivision' },
      values: { ':div': f.divisionPrefix },
    },
  );
  return queryPage(spec, limit, start);
}

/** Manifests waiting for the party's action, oldest first. */
export const inboxPage = (partyId: string, limit: number, start?: Record<string, unknown>) =>
  queryPage({ index: 'GSI3', partition: keys.partyInbox(partyId) }, limit, start);
