// Cross-province applications (跨省转移申请): one item each, its history inside it (a handful of steps), written
// whole and conditional on its version.
import type { AttachmentKind } from '#shared/domain/application/attachments.ts';
import type { ApplicationFacts } from '#shared/domain/application/deadlines.ts';
import type { AppError } from '#shared/errors.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { getItem, queryPage, type Page } from '#shared/store/read.ts';
import { putNew, putVersioned, type TxItem } from '#shared/store/transact.ts';

export interface ApplicationEntity extends ApplicationFacts {
  generatorProvince: string;
  receiverProvince: string;
  wasteCodes: { code: string; maxGrams: number }[];
  method: 'store' | 'utilise' | 'dispose';
  requestedFrom: string;
  requestedTo: string;
  attachments: { kind: AttachmentKind; name: string; documentHash: string; addedAt: string }[];
  missing?: string[];
  approvalId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The receiving province sees (and lists) an application once consent has been asked of it (one refused straight
 *  after acceptance never reached it). */
export const seenByReceivingProvince = (a: Pick<ApplicationEntity, 'history'>) =>
  a.history.some((h) => h.action === 'request-consent');

const itemOf = (a: ApplicationEntity) => ({
  ...keys.application(a.id),
  ...keys.applicationIndexes({ ...a, inbound: seenByReceivingProvince(a) }),
  itemType: 'approval-application',
  ...a,
});

export const applicationFromItem = (item: Record<string, unknown>) => entityOf<ApplicationEntity>(item);

export async function getApplication(id: string): Promise<ApplicationEntity | undefined> {
  const item = await getItem(keys.application(id));
  return item && applicationFromItem(item);
}

export const createApplicationWrite = (a: ApplicationEntity): TxItem => putNew(itemOf(a));

export const saveApplicationWrite = (
  a: ApplicationEntity,
  expectedVersion: number,
  onConflict: () => AppError,
): TxItem => putVersioned(itemOf(a), expectedVersion, onConflict);

export type ApplicationPartition =
  | { by: 'generator'; partyId: string }
  | { by: 'outbound' | 'inbound'; province: string };

/** One page of a generator's or a province's applications; `statuses` filters on the stored status. */
export function applicationPage(
  p: ApplicationPartition,
  statuses: readonly string[] | undefined,
  limit: number,
  start?: Record<string, unknown>,
): Promise<Page> {
  const filter = statuses?.length
    ? {
        expression: `#status IN (${statuses.map((_, i) => `:s${i}`).join(', ')})`,
        names: { '#status': 'status' },
        values: Object.fromEntries(statuses.map((s, i) => [`:s${i}`, s])),
      }
    : undefined;
  const spec =
    p.by === 'generator'
      ? { index: 'GSI1' as const, partition: keys.applicationsByGenerator(p.partyId) }
      : p.by === 'outbound'
        ? { index: 'GSI2' as const, partition: keys.applicationsOutbound(p.province) }
        : { index: 'GSI3' as const, partition: keys.applicationsInbound(p.province) };
  return queryPage({ ...spec, filter }, limit, start);
}
