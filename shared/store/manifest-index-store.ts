// Index items that let lists, the inbox and oversight find manifests by Query, kept in the same
// transaction as the manifest they describe. Every index item a transition changes is built here.
import { partiesOf, type Manifest } from '#shared/domain/manifest/manifest.ts';
import { awaitedParties } from '#shared/domain/manifest/transition-table.ts';
import { keys } from '#shared/store/keys.ts';
import { putNew, remove, type TxItem } from '#shared/store/transact.ts';
import { config } from '#shared/config.ts';
import { oversightIndexWrites } from '#shared/store/oversight-index-store.ts';

interface Link {
  partyId: string;
  manifestId: string;
  number: string;
  status: string;
  roles: string[];
  createdAt: string;
  generatorDivision: string;
  receiverDivision: string;
  awaited: boolean;
}

function linksOf(m: Manifest | undefined): Map<string, Link> {
  if (!m) return new Map();
  const awaited = new Set(awaitedParties(m));
  return new Map(
    [...partiesOf(m)].map(([partyId, roles]) => [
      partyId,
      {
        partyId,
        manifestId: m.id,
        number: m.number,
        status: m.status,
        roles,
        createdAt: m.createdAt,
        generatorDivision: m.generatorDivision,
        receiverDivision: m.receiverDivision,
        awaited: awaited.has(partyId),
      },
    ]),
  );
}

const sameLink = (a: Link, b: Link) => JSON.stringify(a) === JSON.stringify(b);

/** Puts the link of every party whose link changed (waiting since this transition when newly awaited or moved on),
 *  and deletes the links of parties no longer on the manifest (replaced carriers). */
export function manifestIndexWrites(before: Manifest | undefined, after: Manifest): TxItem[] {
  const old = linksOf(before);
  const next = linksOf(after);
  const writes: TxItem[] = [];
  for (const [partyId, link] of next) {
    const prior = old.get(partyId);
    if (prior && sameLink(prior, link)) continue;
    const awaitedSince = link.awaited ? after.updatedAt : undefined;
    const item = {
      ...keys.manifestLink(partyId, link.manifestId),
      ...keys.manifestLinkIndexes({ ...link, awaitedSince }),
      itemType: 'manifest-link',
      ...link,
      ...(awaitedSince ? { awaitedSince } : {}),
    };
    writes.push(prior ? { item: { Put: { TableName: config.tableName, Item: item } } } : putNew(item));
  }
  for (const partyId of old.keys()) {
    if (!next.has(partyId)) writes.push(remove({ Key: keys.manifestLink(partyId, after.id) }));
  }
  return [...writes, ...oversightIndexWrites(before, after)];
}
