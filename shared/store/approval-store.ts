// Cross-province transfer approvals (跨省转移审批). Used kilograms are kept per code in one map attribute, so a
// single condition (used ≤ max − grams) stops any dispatch from consuming more than was approved.
import { AppError } from '#shared/errors.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { batchGet, getItem, queryPage, type Page } from '#shared/store/read.ts';
import { putNew, update, type TxItem } from '#shared/store/transact.ts';

export interface ApprovalEvent {
  type: 'issued' | 'amended' | 'revoked';
  at: string;
  by: string;
  reason?: string;
  /** Amended: the terms before and after. */
  from?: { validFrom: string; validTo: string; maxGrams: Record<string, number> };
  to?: { validFrom: string; validTo: string; maxGrams: Record<string, number> };
}

export interface ApprovalEntity {
  id: string;
  generatorId: string;
  receiverId: string;
  generatorProvince: string;
  receiverProvince: string;
  /** County codes of both parties: who may read the approval follows them (regulators of either side). */
  generatorDivisionCode: string;
  receiverDivisionCode: string;
  wasteCodes: { code: string; maxGrams: number; usedGrams: number }[];
  validFrom: string;
  validTo: string;
  issuedBy: string;
  /** The application it decided, when it came from one (rule 30). */
  applicationId?: string;
  version: number;
  createdAt: string;
  /** Rule 31: revoked by a regulator of the outbound province (dispatch refused; what left under it continues). */
  revoked?: { reason: string; at: string; by: string };
  /** What happened to it, in order, never edited: issued, each downward amendment, the revocation. */
  events?: ApprovalEvent[];
}

/** Stored: the codes' maxima as given, their use in a map keyed by code (updated without knowing the list index). */
type ApprovalItem = Omit<ApprovalEntity, 'wasteCodes'> & {
  wasteCodes: { code: string; maxGrams: number }[];
  usedGrams: Record<string, number>;
};

export function approvalFromItem(item: Record<string, unknown>): ApprovalEntity {
  const { usedGrams, ...stored } = entityOf<ApprovalItem>(item);
  return { ...stored, wasteCodes: stored.wasteCodes.map((w) => ({ ...w, usedGrams: usedGrams[w.code] ?? 0 })) };
}

export async function getApproval(id: string): Promise<ApprovalEntity | undefined> {
  const item = await getItem(keys.approval(id));
  return item && approvalFromItem(item);
}

export function createApprovalWrite(approval: ApprovalEntity): TxItem {
  const stored: ApprovalItem = {
    ...approval,
    wasteCodes: approval.wasteCodes.map(({ code, maxGrams }) => ({ code, maxGrams })),
    usedGrams: Object.fromEntries(approval.wasteCodes.map((w) => [w.code, w.usedGrams])),
  };
  return putNew({ ...keys.approval(approval.id), ...keys.approvalIndexes(approval), itemType: 'approval', ...stored });
}

/** The links that list an approval for the regulators of its outbound and of its receiving province. */
export const approvalProvinceLinkWrites = (a: ApprovalEntity): TxItem[] =>
  [a.generatorProvince, a.receiverProvince].map((province) =>
    putNew({
      ...keys.approvalProvinceLink(province, a.createdAt, a.id),
      itemType: 'approval-link',
      approvalId: a.id,
      side: province === a.generatorProvince ? 'outbound' : 'inbound',
    }),
  );

/** A province's approvals (outbound and inbound), newest first: a page of links, then the approvals themselves. */
export async function approvalsOfProvince(
  province: string,
  limit: number,
  start?: Record<string, unknown>,
): Promise<{ items: ApprovalEntity[]; lastKey?: Record<string, unknown> | undefined }> {
  const page = await queryPage(
    { partition: keys.approvalProvincePartition(province), newestFirst: true },
    limit,
    start,
  );
  const found = new Map(
    (await batchGet(page.items.map((l) => keys.approval(l.approvalId as string)))).map((i) => [
      i.id as string,
      approvalFromItem(i),
    ]),
  );
  return { items: page.items.flatMap((l) => found.get(l.approvalId as string) ?? []), lastKey: page.lastKey };
}

/** A downward amendment or a revocation: new terms, one more event, conditional on the version read and on no
 *  kilograms consumed past any new maximum (a dispatch racing it loses one way or the other: never both). */
export function changeApprovalWrite(
  before: ApprovalEntity,
  after: ApprovalEntity,
  event: ApprovalEvent,
  onConflict: () => AppError,
): TxItem {
  const names: Record<string, string> = { '#version': 'version', '#events': 'events' };
  const values: Record<string, unknown> = {
    ':expected': before.version,
    ':next': after.version,
    ':codes': after.wasteCodes.map(({ code, maxGrams }) => ({ code, maxGrams })),
    ':from': after.validFrom,
    ':to': after.validTo,
    ':event': [event],
    ':none': [],
  };
  const conditions = ['#version = :expected', 'attribute_not_exists(revoked)'];
  after.wasteCodes.forEach((w, i) => {
    names[`#c${i}`] = w.code;
    values[`:max${i}`] = w.maxGrams;
    conditions.push(`usedGrams.#c${i} <= :max${i}`);
  });
  if (after.revoked) values[':revoked'] = after.revoked;
  return update(
    {
      Key: keys.approval(before.id),
      UpdateExpression: `SET wasteCodes = :codes, validFrom = :from, validTo = :to, #version = :next, #events = list_append(if_not_exists(#events, :none), :event)${after.revoked ? ', revoked = :revoked' : ''}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
    onConflict,
  );
}

/** Approvals naming a party as generator or as receiver, oldest first. */
export function approvalPage(
  side: 'generator' | 'receiver',
  partyId: string,
  otherId: string | undefined,
  limit: number,
  start?: Record<string, unknown>,
): Promise<Page> {
  const otherField = side === 'generator' ? 'receiverId' : 'generatorId';
  return queryPage(
    {
      index: side === 'generator' ? 'GSI1' : 'GSI2',
      partition: side === 'generator' ? keys.approvalsByGenerator(partyId) : keys.approvalsByReceiver(partyId),
      filter: otherId
        ? { expression: '#other = :other', names: { '#other': otherField }, values: { ':other': otherId } }
        : undefined,
    },
    limit,
    start,
  );
}

export interface ApprovalUse {
  wasteCode: string;
  grams: number;
  /** Consuming only: the code's approved maximum, as read from the approval. */
  maxGrams?: number;
}

/** One update for several codes of one approval (a transaction may touch the approval item only once).
 *  Consuming: conditional so used never exceeds max → 422 APPROVAL_EXCEEDED. Releasing: never below zero. */
export function approvalUseWrite(approvalId: string, direction: 'consume' | 'release', uses: ApprovalUse[]): TxItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const conditions: string[] = [];
  const merged = new Map<string, ApprovalUse>();
  for (const use of uses) {
    const seen = merged.get(use.wasteCode);
    merged.set(use.wasteCode, seen ? { ...seen, grams: seen.grams + use.grams } : use);
  }
  [...merged.values()].forEach((use, i) => {
    if (!Number.isInteger(use.grams) || use.grams <= 0)
      throw new Error(`approval uses are positive whole grams, not ${use.grams}`);
    names[`#c${i}`] = use.wasteCode;
    values[`:g${i}`] = use.grams;
    if (direction === 'consume') {
      if (use.maxGrams === undefined) throw new Error('consuming an approval needs the code’s maxGrams');
      values[`:limit${i}`] = use.maxGrams - use.grams;
      sets.push(`usedGrams.#c${i} = usedGrams.#c${i} + :g${i}`);
      conditions.push(`usedGrams.#c${i} <= :limit${i}`);
      if (i === 0) conditions.push('attribute_not_exists(revoked)'); // revoked meanwhile: nothing more leaves under it
    } else {
      sets.push(`usedGrams.#c${i} = usedGrams.#c${i} - :g${i}`);
      conditions.push(`usedGrams.#c${i} >= :g${i}`);
    }
  });
  const codes = [...merged.keys()].join(', ');
  return update(
    {
      Key: keys.approval(approvalId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
    () =>
      direction === 'consume'
        ? new AppError('APPROVAL_EXCEEDED', `Approval ${approvalId} has not enough kilograms left for ${codes}`)
        : new AppError('INVALID_STATE', `Approval ${approvalId} has less in use than is being given back for ${codes}`),
  );
}

/** Consumes grams of one code: conditional so used never exceeds max → 422 APPROVAL_EXCEEDED. */
export function consumeApprovalWrite(approvalId: string, wasteCode: string, grams: number, maxGrams: number): TxItem {
  return approvalUseWrite(approvalId, 'consume', [{ wasteCode, grams, maxGrams }]);
}

/** Gives grams back (cancellation, rejection). */
export function releaseApprovalWrite(approvalId: string, wasteCode: string, grams: number): TxItem {
  return approvalUseWrite(approvalId, 'release', [{ wasteCode, grams }]);
}
