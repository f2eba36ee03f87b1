// Submitted declarations: one item per version in the party's partition, written once and never changed.
import type { AppError } from '#shared/errors.ts';
import type { DeclarationDocument } from '#shared/domain/declaration.ts';
import { entityOf, keys } from '#shared/store/keys.ts';
import { queryAll } from '#shared/store/read.ts';
import { putNew, type TxItem } from '#shared/store/transact.ts';

export interface DeclarationSignature {
  sub: string;
  partyId: string;
  at: string;
  documentHash: string;
}

export interface SubmittedDeclaration extends DeclarationDocument {
  version: number;
  signature: DeclarationSignature;
}

/** Two submissions racing for the same version: one wins, the other gets `onTaken`. */
export function submitDeclarationWrite(d: SubmittedDeclaration, onTaken: () => AppError): TxItem {
  return putNew({ ...keys.declaration(d.partyId, d.period, d.version), itemType: 'declaration', ...d }, onTaken);
}

/** Every submitted version of a period, newest first. */
export async function submittedVersions(partyId: string, period: string): Promise<SubmittedDeclaration[]> {
  const items = await queryAll({
    partition: keys.partyPartition(partyId),
    sortPrefix: keys.declarationPrefix(period),
    newestFirst: true,
  });
  return items.map((i) => entityOf<SubmittedDeclaration>(i));
}
