// Disposal reports in their manifest's partition (`DISPOSAL#<id>`), written once, never changed; and the reads the
// chain makes per level (BatchGet by key, two Queries per manifest: its line balances and its reports).
import type { DisposalReport } from '#shared/domain/disposal.ts';
import type { LedgerFacts } from '#shared/domain/chain.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { allLineBalances, type LineBalance } from '#shared/store/line-balance-store.ts';
import { getManifests } from '#shared/store/manifest-store.ts';
import { getParties } from '#shared/store/party-store.ts';
import { batchGet, getItem, queryAll } from '#shared/store/read.ts';
import { conditionCheck, putNew, type TxItem } from '#shared/store/transact.ts';
import { AppError } from '#shared/errors.ts';

export function createDisposalWrite(r: DisposalReport): TxItem {
  return putNew({ ...keys.disposal(r.manifestId, r.id), itemType: 'disposal', ...r });
}

export async function allDisposals(manifestId: string): Promise<DisposalReport[]> {
  const items = await queryAll({ partition: keys.manifestPartition(manifestId), sortPrefix: keys.disposalPrefix });
  return items.map((i) => entityOf<DisposalReport>(i));
}

export async function getDisposal(manifestId: string, disposalId: string): Promise<DisposalReport | undefined> {
  const item = await getItem(keys.disposal(manifestId, disposalId));
  return item && entityOf<DisposalReport>(item);
}

export async function getDisposals(refs: { manifestId: string; id: string }[]): Promise<DisposalReport[]> {
  return (await batchGet(refs.map((r) => keys.disposal(r.manifestId, r.id)))).map((i) => entityOf<DisposalReport>(i));
}

export interface ManifestFacts {
  manifest: Manifest;
  balances: LineBalance[];
  reports: DisposalReport[];
}

/** Manifests with their line balances and disposal reports: one BatchGet, then two Queries per manifest. */
export async function getManifestFacts(ids: string[]): Promise<ManifestFacts[]> {
  const manifests = await getManifests(ids);
  return Promise.all(
    [...manifests.values()].map(async (manifest) => {
      const [balances, reports] = await Promise.all([allLineBalances(manifest.id), allDisposals(manifest.id)]);
      return { manifest, balances, reports };
    }),
  );
}

/** Ledger entries (batches and residues) with the division of the party holding each. */
export async function getLedgerFacts(
  refs: { id: string; partyId: string }[],
): Promise<{ entry: LedgerFacts; divisionCode: string }[]> {
  const entries = (await batchGet(refs.map((r) => keys.ledgerEntry(r.partyId, r.id)))).map((i) =>
    entityOf<LedgerFacts>(i),
  );
  const parties = await getParties([...new Set(entries.map((e) => e.partyId))]);
  return entries.map((entry) => ({ entry, divisionCode: parties.get(entry.partyId)?.divisionCode ?? '' }));
}

/** Holds a decision that an onward manifest was still in flight: if its receipt commits first, this transaction
 *  fails (409, retry) instead of leaving a manifest that should be completed uncompleted. */
export function stillInFlightCheck(m: Pick<Manifest, 'id' | 'version'>): TxItem {
  return conditionCheck(
    {
      Key: keys.manifest(m.id),
      ConditionExpression: '#version = :v',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':v': m.version },
    },
    () => new AppError('VERSION_CONFLICT', `Manifest ${m.id}, which ships this waste on, changed meanwhile; retry`),
  );
}
