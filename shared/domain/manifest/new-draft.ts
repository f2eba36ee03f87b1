// A fresh draft: what every new manifest starts as, whether a generator files it or a rejecting receiver's
// replacement is made for it (domain.md rule 15). Only the parties, lines and origin differ.
import { v7 as uuidv7 } from 'uuid';
import type { Manifest } from '#shared/domain/manifest/manifest.ts';

/** What the creator decides; everything else of a new draft is fixed. */
export type DraftOrigin = Pick<
  Manifest,
  'generatorId' | 'receiverId' | 'transporterIds' | 'generatorDivision' | 'receiverDivision' | 'lines'
> &
  Partial<Pick<Manifest, 'plannedPickupAt' | 'approvalId' | 'replaces' | 'returnToOrigin'>>;

export function newDraft(origin: DraftOrigin, number: string, createdBy: string, now: Date): Manifest {
  const at = now.toISOString();
  return {
    ...origin,
    id: uuidv7(),
    number,
    status: 'draft',
    legs: [],
    signatures: { pickups: [] },
    discrepancy: null,
    createdBy,
    createdAt: at,
    updatedAt: at,
    version: 1,
    lastEventSeq: 0,
    headHash: '',
  };
}
