// Licences: a party's members file them; a covering regulator verifies or revokes them (domain.md rules 3, 5, 6).
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '#shared/errors.ts';
import { covers, type Actor } from '#shared/domain/jurisdiction.ts';
import { isCategory, isWasteCode } from '#shared/reference/catalogue.ts';
import { kgToGrams } from '#shared/domain/quantity.ts';
import { assertVersion, lostRace } from '#shared/store/versioning.ts';
import {
  createLicenceWrite,
  getLicence,
  allLicences,
  saveLicenceWrite,
  type LicenceEntity,
} from '#shared/store/party-store.ts';
import type { CreateLicenceInput } from '#schemas/party.ts';
import { actFor, seeParty } from '#shared/services/access.ts';
import { licenceDeadlineWrites } from '#shared/services/deadline-writes.ts';
import { licenceView } from '#shared/services/party-views.ts';
import type { Decision } from '#shared/services/decision.ts';
import { defined } from '#shared/defined.ts';

export async function fileLicence(
  actor: Actor,
  partyId: string,
  input: CreateLicenceInput,
  now: Date,
): Promise<Decision<ReturnType<typeof licenceView>>> {
  await actFor(actor, partyId);
  const unknown = input.wasteCodes.findIndex((w) => !isWasteCode(w.code) && !isCategory(w.code));
  const unknownCode = input.wasteCodes[unknown];
  if (unknownCode) {
    throw new AppError('UNKNOWN_WASTE_CODE', `${unknownCode.code} is neither a catalogue code nor a category`, [
      { path: `wasteCodes.${unknown}.code`, message: 'not in the 2021 catalogue' },
    ]);
  }
  const at = now.toISOString();
  const licence: LicenceEntity = {
    id: uuidv7(),
    partyId,
    ...input,
    wasteCodes: input.wasteCodes.map((w) => ({ code: w.code, annualCapacityGrams: kgToGrams(w.annualCapacityKg) })),
    status: 'pending',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return { view: licenceView(licence), writes: [createLicenceWrite(licence)] };
}

/** Licences are readable by whoever sees the party: counterparts check them before choosing a receiver. */
export async function listLicences(actor: Actor, partyId: string) {
  await seeParty(actor, partyId);
  return (await allLicences(partyId)).map(licenceView);
}

const LICENCE_ACTIONS = {
  verify: { from: ['pending'], to: 'verified' },
  revoke: { from: ['pending', 'verified'], to: 'revoked' },
} as const;

export async function changeLicenceStatus(
  actor: Actor,
  partyId: string,
  licenceId: string,
  action: keyof typeof LICENCE_ACTIONS,
  reason: string | undefined,
  ifMatch: number | undefined,
  now: Date,
): Promise<Decision<ReturnType<typeof licenceView>>> {
  const { party } = await seeParty(actor, partyId);
  const licence = await getLicence(partyId, licenceId);
  if (!licence) throw notFound('licence');
  if (!covers(actor, party.divisionCode))
    throw new AppError('FORBIDDEN', `Only a regulator covering ${party.divisionCode} may ${action} its licences`);
  const rule = LICENCE_ACTIONS[action];
  if (!(rule.from as readonly string[]).includes(licence.status)) {
    throw new AppError('INVALID_STATE', `Cannot ${action} a licence that is ${licence.status}`);
  }
  assertVersion(licence.version, ifMatch);
  const next: LicenceEntity = {
    ...licence,
    status: rule.to,
    ...(action === 'verify' ? { verifiedBy: actor.sub } : defined({ revokedReason: reason })),
    version: licence.version + 1,
    updatedAt: now.toISOString(),
  };
  return {
    view: licenceView(next),
    writes: [
      saveLicenceWrite(next, licence.version, lostRace(ifMatch)),
      ...licenceDeadlineWrites(licence, next, party.divisionCode, now),
    ],
  };
}
