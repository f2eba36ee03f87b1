// Cross-province approvals: a regulator of the generator's province issues them; both sides' members and
// regulators read them; manifests consume and release their kilograms through approval-store.
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound, validationFailed } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { checkApprovalTerms, mayIssue, mayRead, transferEnds } from '#shared/domain/approval-rules.ts';
import { requireWasteCode } from '#shared/domain/ledger-rules.ts';
import { gramsToKg, kgToGrams } from '#shared/domain/quantity.ts';
import { provinceOf } from '#shared/reference/divisions.ts';
import {
  approvalFromItem,
  approvalPage,
  approvalProvinceLinkWrites,
  createApprovalWrite,
  getApproval,
  type ApprovalEntity,
} from '#shared/store/approval-store.ts';
import type { TxItem } from '#shared/store/transact.ts';
import { allLicences, allMembershipsOf } from '#shared/store/party-store.ts';
import type { ApprovalInput } from '#schemas/records.ts';
import { seeParty } from '#shared/services/access.ts';
import type { Decision } from '#shared/services/decision.ts';

export function approvalView(a: ApprovalEntity) {
  const { generatorDivisionCode: _g, receiverDivisionCode: _r, events, ...rest } = a;
  return {
    ...rest,
    status: a.revoked ? ('revoked' as const) : ('active' as const),
    events: (events ?? []).map(({ from, to, ...e }) => ({
      ...e,
      ...(from && to ? { from: termsView(from), to: termsView(to) } : {}),
    })),
    wasteCodes: a.wasteCodes.map((w) => ({
      code: w.code,
      maxKg: gramsToKg(w.maxGrams),
      usedKg: gramsToKg(w.usedGrams),
      remainingKg: gramsToKg(w.maxGrams - w.usedGrams),
    })),
  };
}
export type ApprovalView = ReturnType<typeof approvalView>;

const termsView = (t: NonNullable<NonNullable<ApprovalEntity['events']>[number]['from']>) => ({
  validFrom: t.validFrom,
  validTo: t.validTo,
  maxKg: Object.fromEntries(Object.entries(t.maxGrams).map(([code, g]) => [code, gramsToKg(g)])),
});

/** `origin`: the application an approval decided in WasteChain comes from (rule 30), recorded on it. */
export async function issueApproval(
  actor: Actor,
  input: ApprovalInput,
  now: Date,
  origin?: { applicationId: string },
): Promise<Decision<ApprovalView>> {
  if (!actor.isRegulator)
    throw new AppError('FORBIDDEN', 'Only a regulator of the generator’s province issues cross-province approvals');
  const [generator, receiver] = await Promise.all([
    seeParty(actor, input.generatorId),
    seeParty(actor, input.receiverId),
  ]);
  if (!mayIssue(actor, generator.party.divisionCode)) {
    throw new AppError(
      'FORBIDDEN',
      `Only a regulator covering province ${provinceOf(generator.party.divisionCode)} issues this approval`,
    );
  }
  for (const [i, w] of input.wasteCodes.entries()) requireWasteCode(w.code, `wasteCodes.${i}.code`);
  checkApprovalTerms(
    {
      generatorDivision: generator.party.divisionCode,
      receiverDivision: receiver.party.divisionCode,
      codes: input.wasteCodes.map((w) => w.code),
      validFrom: input.validFrom,
      validTo: input.validTo,
    },
    await allLicences(input.receiverId),
  );
  const approval: ApprovalEntity = {
    id: uuidv7(),
    ...transferEnds(generator.party, receiver.party),
    wasteCodes: input.wasteCodes.map((w) => ({ code: w.code, maxGrams: kgToGrams(w.maxKg), usedGrams: 0 })),
    validFrom: input.validFrom,
    validTo: input.validTo,
    issuedBy: actor.sub,
    ...(origin ? { applicationId: origin.applicationId } : {}),
    version: 1,
    createdAt: now.toISOString(),
    events: [{ type: 'issued', at: now.toISOString(), by: actor.sub }],
  };
  return { view: approvalView(approval), writes: approvalCreationWrites(approval) };
}

/** THE way an approval comes to exist (issued here, or by an application's /approve): the item and its province links. */
export const approvalCreationWrites = (approval: ApprovalEntity): TxItem[] => [
  createApprovalWrite(approval),
  ...approvalProvinceLinkWrites(approval),
];

export async function partiesOf(actor: Actor): Promise<Set<string>> {
  return new Set((await allMembershipsOf(actor.sub)).map((m) => m.partyId));
}

export const readable = (actor: Actor, mine: Set<string>) => (a: ApprovalEntity) =>
  mayRead(actor, a, mine.has(a.generatorId) || mine.has(a.receiverId));

export async function viewApproval(actor: Actor, id: string): Promise<ApprovalView> {
  const found = await getApproval(id);
  if (!found || !readable(actor, await partiesOf(actor))(found)) throw notFound('approval');
  return approvalView(found);
}

/** Approvals of a generator (optionally to one receiver) or of a receiver; only those the caller may read. */
export async function listApprovals(
  actor: Actor,
  query: { generatorId?: string | undefined; receiverId?: string | undefined },
  limit: number,
  start?: Record<string, unknown>,
) {
  const { generatorId, receiverId } = query;
  const page = generatorId
    ? await approvalPage('generator', generatorId, receiverId, limit, start)
    : receiverId
      ? await approvalPage('receiver', receiverId, undefined, limit, start)
      : undefined;
  if (!page) {
    throw validationFailed('Name a generatorId or a receiverId', [
      { path: 'query.generatorId', message: 'generatorId or receiverId is required' },
    ]);
  }
  const visible = readable(actor, await partiesOf(actor));
  return { items: page.items.map(approvalFromItem).filter(visible).map(approvalView), next: page.lastKey };
}
