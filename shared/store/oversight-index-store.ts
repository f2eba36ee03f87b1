// The regulator's view of manifests: an entry per division partition, rewritten in each transition's
// transaction (so lists never lag) and read by Query newest first, merged across nationwide shards.
import { config } from '#shared/config.ts';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';
import { divisionPartitions, partitionsFor } from '#shared/domain/oversight-divisions.ts';
import { gramsToKg } from '#shared/domain/quantity.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { queryPage, type QuerySpec } from '#shared/store/read.ts';
import type { TxItem } from '#shared/store/transact.ts';

export interface OversightEntry {
  id: string;
  number: string;
  status: string;
  generatorId: string;
  receiverId: string;
  generatorDivision: string;
  receiverDivision: string;
  wasteCodes: string[];
  quantityKg: number;
  createdAt: string;
  updatedAt: string;
}

export function entryOf(m: Manifest): OversightEntry {
  return {
    id: m.id,
    number: m.number,
    status: m.status,
    generatorId: m.generatorId,
    receiverId: m.receiverId,
    generatorDivision: m.generatorDivision,
    receiverDivision: m.receiverDivision,
    wasteCodes: [...new Set(m.lines.map((l) => l.wasteCode))],
    quantityKg: gramsToKg(m.lines.reduce((sum, l) => sum + l.grams, 0)),
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

/** Rewrites the manifest's entries when what a regulator sees of it changed (status, lines, parties). */
export function oversightIndexWrites(before: Manifest | undefined, after: Manifest): TxItem[] {
  const entry = entryOf(after);
  const { updatedAt: _a, ...shown } = entry;
  if (before) {
    const { updatedAt: _b, ...previous } = entryOf(before);
    if (JSON.stringify(previous) === JSON.stringify(shown)) return [];
  }
  return divisionPartitions(after.id, after.generatorDivision, after.receiverDivision).map((partition) => ({
    item: {
      Put: {
        TableName: config.tableName,
        Item: {
          ...keys.oversightEntry(partition, entry.createdAt, entry.id),
          ...keys.oversightStatusIndex(partition, entry.status, entry.createdAt, entry.id),
          itemType: 'oversight-entry',
          ...entry,
        },
      },
    },
  }));
}

export interface OversightQuery {
  division: string;
  status?: string | undefined;
  wasteCode?: string | undefined;
  fromInstant?: string | undefined;
  toInstant?: string | undefined;
}

/** Per partition, the sort key to continue before (exclusive); absent = not started; null = exhausted. */
export type OversightCursor = Record<string, string | null>;

/** A page of entries newest first: each partition queried for up to `limit`, merged, the newest `limit` kept. */
export async function oversightPage(
  query: OversightQuery,
  limit: number,
  cursor: OversightCursor = {},
): Promise<{ items: OversightEntry[]; next?: OversightCursor }> {
  const partitions = partitionsFor(query.division);
  const filter = query.wasteCode
    ? { expression: 'contains(#codes, :code)', names: { '#codes': 'wasteCodes' }, values: { ':code': query.wasteCode } }
    : undefined;
  const candidates: { partition: string; sortKey: string; entry: OversightEntry }[] = [];
  await Promise.all(
    partitions.map(async (partition) => {
      const before = cursor[partition];
      if (before === null) return;
      const low = query.fromInstant ?? '0';
      const high = before ?? `${query.toInstant ?? '9'}`;
      const spec: QuerySpec = {
        ...(query.status
          ? { index: 'GSI1' as const, partition: keys.oversightStatusPartition(partition, query.status) }
          : { partition: keys.oversightPartition(partition) }),
        sortBetween: [low, high],
        newestFirst: true,
        filter,
      };
      const page = await queryPage(spec, limit + 1);
      for (const item of page.items) {
        const sortKey = (query.status ? item.GSI1SK : item.SK) as string;
        if (before !== undefined && sortKey >= before) continue; // BETWEEN is inclusive; the cursor is exclusive
        candidates.push({ partition, sortKey, entry: entityOf<OversightEntry>(item) });
      }
    }),
  );
  candidates.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  const taken = candidates.slice(0, limit);
  if (candidates.length <= limit && taken.length < limit) return { items: taken.map((c) => c.entry) };
  const next: OversightCursor = { ...cursor };
  for (const partition of partitions) {
    if (next[partition] === null) continue;
    const last = taken.filter((c) => c.partition === partition).at(-1);
    const remaining = candidates.some((c) => c.partition === partition && !taken.includes(c));
    if (last) next[partition] = last.sortKey;
    else if (!remaining && next[partition] === undefined) next[partition] = null;
  }
  return { items: taken.map((c) => c.entry), next };
}
