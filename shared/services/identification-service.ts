// Waste pending identification (待鉴别, domain.md rule 29): a member records the result against the pending entry.
// Hazardous: its kilograms become a generated batch of the identified code with the pending entry's `at`, linked both
// ways; not hazardous: the report is recorded and the kilograms leave the hazardous stock. One transaction either way,
// with the entry's deadlines (identification-overdue ends; the new batch's start).
import { v7 as uuidv7 } from 'uuid';
import { invalidState, notFound } from '#shared/errors.ts';
import { config } from '#shared/config.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { localYear } from '#shared/domain/calendar.ts';
import { checkIdentification, type Identification } from '#shared/domain/ledger-rules.ts';
import { allocateBatchCode } from '#shared/store/serial-store.ts';
import {
  getEntry,
  identifyEntryWrites,
  recordEntryWrites,
  type LedgerEntryEntity,
} from '#shared/store/ledger-store.ts';
import { assertVersion, lostRace } from '#shared/store/versioning.ts';
import { actFor } from '#shared/services/access.ts';
import { annualDeclarationWrites } from '#shared/services/declaration-deadlines.ts';
import { ledgerDeadlineWrites } from '#shared/services/deadline-writes.ts';
import { entryView } from '#shared/services/ledger-service.ts';
import type { Decision } from '#shared/services/decision.ts';
import { defined } from '#shared/defined.ts';

export async function identifyEntry(
  actor: Actor,
  partyId: string,
  entryId: string,
  input: Identification,
  ifMatch: number | undefined,
  now: Date,
): Promise<Decision<ReturnType<typeof entryView>>> {
  const { party } = await actFor(actor, partyId, { private: true });
  const entry = await getEntry(partyId, entryId);
  if (!entry) throw notFound('ledger entry');
  if (entry.kind !== 'pending-identification')
    throw invalidState('Only an entry pending identification takes an identification result');
  if (entry.voided) throw invalidState('This entry is voided');
  if (entry.identification)
    throw invalidState(`This entry was already identified (${entry.identification.result}); its result stands`);
  checkIdentification(input);
  assertVersion(entry.version, ifMatch);
  const at = now.toISOString();
  const batch: LedgerEntryEntity | undefined =
    input.result === 'hazardous'
      ? {
          id: uuidv7(),
          partyId,
          kind: 'generated',
          wasteCode: input.wasteCode,
          batchCode: await allocateBatchCode(partyId, 'generated', entry.at),
          quantityGrams: entry.quantityGrams,
          remainingGrams: entry.quantityGrams,
          draws: {},
          // Generated when the pending waste was: its age (medical storage, declarations) runs from then.
          at: entry.at,
          containers: entry.containers,
          ...defined({ name: entry.name, process: entry.process }),
          identifiedFrom: entry.id,
          recordedBy: actor.sub,
          recordedAt: at,
          version: 1,
        }
      : undefined;
  const identification = { ...defined(input), at, by: actor.sub };
  const next: LedgerEntryEntity = {
    ...entry,
    identification,
    ...(batch ? { resultEntryId: batch.id } : {}),
    version: entry.version + 1,
  };
  const writes = [
    ...identifyEntryWrites(entry, next, lostRace(ifMatch)),
    ...ledgerDeadlineWrites(entry, next, party.divisionCode, now),
    ...(batch
      ? [
          ...recordEntryWrites(batch),
          ...ledgerDeadlineWrites(undefined, batch, party.divisionCode, now),
          ...annualDeclarationWrites(party, localYear(new Date(batch.at), config.timeZone), now),
        ]
      : []),
  ];
  return { view: entryView(next), writes };
}
