// A cross-province application body (generator in one province, receiver in another) for the application tests.
import { CODE } from './manifest-fixtures.ts';

const HASH = 'ab'.repeat(32);
/** Today in China Standard Time, shifted by `days`. */
export const localDay = (days = 0) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

export const applicationBody = (generatorId: string, receiverId: string, over: Record<string, unknown> = {}) => ({
  generatorId,
  receiverId,
  wasteCodes: [{ code: CODE, maxKg: 5000 }],
  method: 'dispose',
  requestedFrom: localDay(),
  requestedTo: localDay(180),
  attachments: [
    { kind: 'receiver-licence', name: '河北某公司危废经营许可证.pdf', documentHash: HASH.toUpperCase() },
    { kind: 'contract', name: '委托处置合同.pdf', documentHash: 'cd'.repeat(32) },
  ],
  ...over,
});
