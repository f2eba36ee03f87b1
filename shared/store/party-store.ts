// Parties, members and licences in the table: item builders, reads and the conditional writes that change them.
import { AppError } from '#shared/errors.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { batchGet, filterOf, getItem, queryAll, queryPage, type Page, type QuerySpec } from '#shared/store/read.ts';
import { putNew, putVersioned, remove, update, type TxItem } from '#shared/store/transact.ts';
import type { PartyKind, PartyStatus } from '#shared/domain/party-rules.ts';

export interface PartyEntity {
  id: string;
  name: string;
  uscc: string;
  divisionCode: string;
  address: string;
  kinds: PartyKind[];
  contact: { name: string; phone: string };
  status: PartyStatus;
  statusReason?: string;
  keyUnitYears: number[];
  /** The site's WGS-84 coordinates (PUT …/location), used by the track alerts. */
  location?: { lat: number; lon: number };
  managerCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MemberEntity {
  partyId: string;
  partyName: string;
  sub: string;
  role: 'manager' | 'operator';
  addedBy: string;
  addedAt: string;
}

export interface LicenceEntity {
  id: string;
  partyId: string;
  number: string;
  type: 'hazardous-waste' | 'hazardous-waste-collection' | 'medical-waste' | 'transport';
  operations: ('collect' | 'store' | 'utilise' | 'dispose')[];
  wasteCodes: { code: string; annualCapacityGrams: number }[];
  validFrom: string;
  validTo: string;
  issuedBy: string;
  status: 'pending' | 'verified' | 'revoked';
  revokedReason?: string;
  verifiedBy?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const partyItem = (p: PartyEntity) => ({ ...keys.party(p.id), ...keys.partyIndexes(p), itemType: 'party', ...p });
const memberItem = (m: MemberEntity) => ({
  ...keys.member(m.partyId, m.sub),
  ...keys.memberIndexes(m.partyId, m.sub),
  itemType: 'member',
  ...m,
});
const licenceItem = (l: LicenceEntity) => ({ ...keys.licence(l.partyId, l.id), itemType: 'licence', ...l });

export async function getParty(partyId: string): Promise<PartyEntity | undefined> {
  const item = await getItem(keys.party(partyId));
  return item && entityOf<PartyEntity>(item);
}

export async function getParties(partyIds: string[]): Promise<Map<string, PartyEntity>> {
  const unique = [...new Set(partyIds)];
  const items = await batchGet(unique.map((id) => keys.party(id)));
  return new Map(items.map((i) => [i.id as string, entityOf<PartyEntity>(i)]));
}

export async function getMember(partyId: string, sub: string): Promise<MemberEntity | undefined> {
  const item = await getItem(keys.member(partyId, sub));
  return item && entityOf<MemberEntity>(item);
}

export async function allMembers(partyId: string): Promise<MemberEntity[]> {
  const items = await queryAll({ partition: keys.partyPartition(partyId), sortPrefix: keys.memberPrefix });
  return items.map((i) => entityOf<MemberEntity>(i));
}

export async function allMembershipsOf(sub: string): Promise<MemberEntity[]> {
  const items = await queryAll({ index: 'GSI1', partition: keys.userMemberships(sub) });
  return items.map((i) => entityOf<MemberEntity>(i));
}

export async function allLicences(partyId: string): Promise<LicenceEntity[]> {
  const items = await queryAll({ partition: keys.partyPartition(partyId), sortPrefix: keys.licencePrefix });
  return items.map((i) => entityOf<LicenceEntity>(i));
}

export async function getLicence(partyId: string, licenceId: string): Promise<LicenceEntity | undefined> {
  const item = await getItem(keys.licence(partyId, licenceId));
  return item && entityOf<LicenceEntity>(item);
}

export interface PartyListFilter {
  divisionPrefix: string;
  status?: PartyStatus | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  /** Only parties on the key supervised unit list for this year. */
  keyUnitYear?: number;
}

/** Parties by division prefix (GSI1), or by status and division prefix (GSI2); kind and text are filters. */
export async function partyPage(
  filter: PartyListFilter,
  limit: number,
  start?: Record<string, unknown>,
): Promise<Page> {
  const spec: QuerySpec = filter.status
    ? { index: 'GSI2', partition: keys.partiesByStatusPartition(filter.status) }
    : { index: 'GSI1', partition: keys.allPartiesPartition };
  if (filter.divisionPrefix) spec.sortPrefix = filter.divisionPrefix;
  spec.filter = filterOf(
    filter.kind && {
      expression: 'contains(#kinds, :kind)',
      names: { '#kinds': 'kinds' },
      values: { ':kind': filter.kind },
    },
    filter.q && {
      expression: '(contains(#name, :q) OR contains(#uscc, :q))',
      names: { '#name': 'name', '#uscc': 'uscc' },
      values: { ':q': filter.q },
    },
    filter.keyUnitYear && {
      expression: 'contains(#keyUnitYears, :year)',
      names: { '#keyUnitYears': 'keyUnitYears' },
      values: { ':year': filter.keyUnitYear },
    },
  );
  return queryPage(spec, limit, start);
}

export const partyFromItem = (item: Record<string, unknown>) => entityOf<PartyEntity>(item);

export function createPartyWrites(party: PartyEntity, firstManager: MemberEntity): TxItem[] {
  return [
    putNew(
      { ...keys.usccClaim(party.uscc), itemType: 'uscc', partyId: party.id },
      () => new AppError('PARTY_EXISTS', `A party with unified social credit code ${party.uscc} is already registered`),
    ),
    putNew(partyItem(party)),
    putNew(memberItem(firstManager)),
  ];
}

/** An Update, not a Put: `managerCount` belongs to the membership transactions, and putting back the copy read
 * earlier would undo a member change committed meanwhile (and let the last manager leave). */
export function savePartyWrite(party: PartyEntity, expectedVersion: number, onConflict: () => AppError): TxItem {
  const { PK, SK, managerCount: _managerCount, ...attributes } = partyItem(party);
  const cleared = party.statusReason === undefined;
  const names: Record<string, string> = {
    '#version': 'version',
    ...(cleared ? { '#statusReason': 'statusReason' } : {}),
  };
  const values: Record<string, unknown> = { ':expected': expectedVersion };
  const sets = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([name, value], i) => {
      names[`#a${i}`] = name;
      values[`:a${i}`] = value;
      return `#a${i} = :a${i}`;
    });
  return update(
    {
      Key: { PK, SK },
      UpdateExpression: `SET ${sets.join(', ')}${cleared ? ' REMOVE #statusReason' : ''}`,
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
    onConflict,
  );
}

export function addMemberWrites(member: MemberEntity): TxItem[] {
  const writes = [
    putNew(memberItem(member), () => new AppError('INVALID_STATE', `${member.sub} is already a member of this party`)),
  ];
  if (member.role === 'manager') writes.push(changeManagerCount(member.partyId, 1));
  return writes;
}

export function removeMemberWrites(member: MemberEntity): TxItem[] {
  const writes = [
    remove(
      { Key: keys.member(member.partyId, member.sub), ConditionExpression: 'attribute_exists(PK)' },
      () => new AppError('NOT_FOUND', 'No such member'),
    ),
  ];
  if (member.role === 'manager') writes.push(changeManagerCount(member.partyId, -1));
  return writes;
}

/** The manager count is what stops the last manager from leaving: one condition, no read-modify-write. */
function changeManagerCount(partyId: string, delta: 1 | -1): TxItem {
  return update(
    {
      Key: keys.party(partyId),
      UpdateExpression: 'ADD managerCount :delta',
      ConditionExpression: delta < 0 ? 'managerCount > :one' : 'attribute_exists(PK)',
      ExpressionAttributeValues: delta < 0 ? { ':delta': delta, ':one': 1 } : { ':delta': delta },
    },
    () => new AppError('INVALID_STATE', 'The last manager cannot leave the party; add another manager first'),
  );
}

export function createLicenceWrite(licence: LicenceEntity): TxItem {
  return putNew(licenceItem(licence));
}

export function saveLicenceWrite(licence: LicenceEntity, expectedVersion: number, onConflict: () => AppError): TxItem {
  return putVersioned(licenceItem(licence), expectedVersion, onConflict);
}
