// The change stream's safety net for completion: a receipt or rejection committed by a process that died before
// running completeAfterReceipt still completes the manifests it shipped on. Idempotent, like the call itself.
import type { ChangeRecord } from '#shared/stream/change-records.ts';
import { completeAfterReceipt } from '#shared/services/disposal-service.ts';

const CUSTODY_PASSED = new Set(['received', 'rejected']);

export async function onCustodyChanges(records: ChangeRecord[], now: Date): Promise<void> {
  for (const r of records) {
    if (r.newImage?.itemType !== 'manifest') continue;
    const status = r.newImage.status as string;
    if (CUSTODY_PASSED.has(status) && r.oldImage?.status !== status)
      await completeAfterReceipt(r.newImage.id as string, now);
  }
}
