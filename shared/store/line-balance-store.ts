// Per received manifest line: accepted and rejected grams and what remains available of each. Onward manifests
// (sources) and disposal reports draw from these with one condition each; the set of onward manifests is the
// chain's way forward.
import { AppError } from '#shared/errors.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { batchGet, queryAll } from '#shared/store/read.ts';
import { putNew, update, type TxItem } from '#shared/store/transact.ts';

export interface LineBalance {
  manifestId: string;
  lineNo: number;
  /** The receiver that holds the line's waste. */
  holderId: string;
  wasteCode: string;
  acceptedGrams: number;
  rejectedGrams: number;
  availableAcceptedGrams: number;
  availableRejectedGrams: number;
  /** Manifests that ship this line on (dispatched, not cancelled). */
  onwardManifestIds?: Set<string>;
  receivedAt: string;
}

export const lineBalanceKey = (b: { manifestId: string; lineNo: number }) => `${b.manifestId}|${b.lineNo}`;

export function createLineBalanceWrite(
  b: Omit<LineBalance, 'availableAcceptedGrams' | 'availableRejectedGrams' | 'onwardManifestIds'>,
): TxItem {
  return putNew({
    ...keys.lineBalance(b.manifestId, b.lineNo),
    itemType: 'line-balance',
    ...b,
    availableAcceptedGrams: b.acceptedGrams,
    availableRejectedGrams: b.rejectedGrams,
  });
}

export async function getLineBalances(
  refs: { manifestId: string; lineNo: number }[],
): Promise<Map<string, LineBalance>> {
  const items = await batchGet(refs.map((r) => keys.lineBalance(r.manifestId, r.lineNo)));
  return new Map(items.map((i) => [lineBalanceKey(i as never), entityOf<LineBalance>(i)]));
}

/** The balances of every received line of a manifest. */
export async function allLineBalances(manifestId: string): Promise<LineBalance[]> {
  return (await queryAll({ partition: keys.manifestPartition(manifestId), sortPrefix: keys.lineBalancePrefix })).map(
    (i) => entityOf<LineBalance>(i),
  );
}

export interface BalanceDraw {
  manifestId: string;
  lineNo: number;
  accepted: number;
  rejected: number;
}

/** Draws grams of each portion from one line held by `holderId` (one update per line: merge draws first).
 *  `onwardManifestId` records the manifest shipping it on; disposals leave it out. Fails with `refusal`
 *  (SOURCE_EXCEEDED for sources, OVER_DISPOSAL for disposal reports) when a portion has less available. */
export function drawLineBalanceWrite(
  draw: BalanceDraw,
  holderId: string,
  refusal: 'SOURCE_EXCEEDED' | 'OVER_DISPOSAL',
  onwardManifestId?: string,
): TxItem {
  return update(
    {
      Key: keys.lineBalance(draw.manifestId, draw.lineNo),
      UpdateExpression: `ADD availableAcceptedGrams :minusAccepted, availableRejectedGrams :minusRejected${onwardManifestId ? ', onwardManifestIds :onward' : ''}`,
      ConditionExpression:
        'holderId = :holder AND availableAcceptedGrams >= :accepted AND availableRejectedGrams >= :rejected',
      ExpressionAttributeValues: {
        ':holder': holderId,
        ':accepted': draw.accepted,
        ':rejected': draw.rejected,
        ':minusAccepted': -draw.accepted,
        ':minusRejected': -draw.rejected,
        ...(onwardManifestId ? { ':onward': new Set([onwardManifestId]) } : {}),
      },
    },
    () => new AppError(refusal, `Line ${draw.lineNo} of manifest ${draw.manifestId} has less than this available`),
  );
}

/** Gives a draw back (a cancelled onward manifest) and forgets the onward link. */
export function returnLineBalanceWrite(draw: BalanceDraw, onwardManifestId?: string): TxItem {
  return update({
    Key: keys.lineBalance(draw.manifestId, draw.lineNo),
    UpdateExpression: `ADD availableAcceptedGrams :accepted, availableRejectedGrams :rejected${onwardManifestId ? ' DELETE onwardManifestIds :onward' : ''}`,
    ExpressionAttributeValues: {
      ':accepted': draw.accepted,
      ':rejected': draw.rejected,
      ...(onwardManifestId ? { ':onward': new Set([onwardManifestId]) } : {}),
    },
  });
}
