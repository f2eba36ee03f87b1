// Background CSV exports: one item per export, created `running` by the request and finished by the stream
// consumer that writes the file (functions/oversight). Kept 7 days (TTL), as long as the file is worth fetching.
import type { ExportList } from '#shared/domain/export-lists.ts';
import type { Claims } from '#shared/domain/jurisdiction.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { getItem } from '#shared/store/read.ts';
import { putNew, putVersioned, type TxItem } from '#shared/store/transact.ts';

export const EXPORT_TTL_SECONDS = 7 * 86_400;

export interface ExportEntity {
  id: string;
  list: ExportList;
  query: Record<string, string | number>;
  /** Who asked: the only one who sees it, and whose jurisdiction bounds the rows. */
  requestedBy: Claims;
  status: 'running' | 'done' | 'failed';
  rows: number;
  createdAt: string;
  finishedAt?: string;
  error?: string;
  version: number;
}

const exportItem = (e: ExportEntity) => ({
  ...keys.oversightExport(e.id),
  itemType: 'export',
  ...e,
  expiresAt: Math.floor(Date.parse(e.createdAt) / 1000) + EXPORT_TTL_SECONDS,
});

export const createExportWrite = (e: ExportEntity): TxItem => putNew(exportItem(e));

/** Its outcome, once: only over the `running` version the consumer read. */
export const finishExportWrite = (e: ExportEntity): TxItem => putVersioned(exportItem(e), e.version - 1);

export async function getExport(id: string): Promise<ExportEntity | undefined> {
  const item = await getItem(keys.oversightExport(id));
  return item && entityOf<ExportEntity>(item);
}
