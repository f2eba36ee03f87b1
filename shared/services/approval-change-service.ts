// Rule 31: a regulator of the outbound province (jurisdiction the province, or 00) revokes an approval or narrows it;
// each change is an event kept on the approval. Regulators list their province's approvals, outbound and inbound.
import { AppError, invalidState, notFound } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { amendedTerms, mayIssue } from '#shared/domain/approval-rules.ts';
import { kgToGrams } from '#shared/domain/quantity.ts';
import {
  approvalsOfProvince,
  changeApprovalWrite,
  getApproval,
  type ApprovalEntity,
  type ApprovalEvent,
} from '#shared/store/approval-store.ts';
import { assertVersion, lostRace } from '#shared/store/versioning.ts';
import { approvalView, partiesOf, readable, type ApprovalView } from '#shared/services/approval-service.ts';
import type { Decision } from '#shared/services/decision.ts';

/** 404 for whoever may not read it; 403 for a reader who is not a regulator of its outbound province; 409 once revoked. */
async function changeable(actor: Actor, id: string, ifMatch: number | undefined): Promise<ApprovalEntity> {
  const a = await getApproval(id);
  if (!a || !readable(actor, await partiesOf(actor))(a)) throw notFound('approval');
  if (!mayIssue(actor, a.generatorProvince))
    throw new AppError(
      'FORBIDDEN',
      `Only a regulator of province ${a.generatorProvince} (the outbound province) changes this approval`,
    );
  if (a.revoked) throw invalidState('This approval has been revoked');
  assertVersion(a.version, ifMatch);
  return a;
}

const termsOf = (a: Pick<ApprovalEntity, 'validFrom' | 'validTo' | 'wasteCodes'>) => ({
  validFrom: a.validFrom,
  validTo: a.validTo,
  maxGrams: Object.fromEntries(a.wasteCodes.map((w) => [w.code, w.maxGrams])),
});

function changed(
  before: ApprovalEntity,
  after: ApprovalEntity,
  event: ApprovalEvent,
  ifMatch: number | undefined,
): Decision<ApprovalView> {
  const next = { ...after, version: before.version + 1, events: [...(before.events ?? []), event] };
  return { view: approvalView(next), writes: [changeApprovalWrite(before, next, event, lostRace(ifMatch))] };
}

export async function revokeApproval(
  actor: Actor,
  id: string,
  reason: string,
  ifMatch: number | undefined,
  now: Date,
): Promise<Decision<ApprovalView>> {
  const a = await changeable(actor, id, ifMatch);
  const revoked = { reason, at: now.toISOString(), by: actor.sub };
  return changed(a, { ...a, revoked }, { type: 'revoked', ...revoked }, ifMatch);
}

export interface AmendmentInput {
  validFrom?: string | undefined;
  validTo?: string | undefined;
  wasteCodes?: { code: string; maxKg: number }[] | undefined;
}

export async function amendApproval(
  actor: Actor,
  id: string,
  input: AmendmentInput,
  ifMatch: number | undefined,
  now: Date,
): Promise<Decision<ApprovalView>> {
  const a = await changeable(actor, id, ifMatch);
  const terms = amendedTerms(a, {
    ...input,
    wasteCodes: input.wasteCodes?.map((w) => ({ code: w.code, maxGrams: kgToGrams(w.maxKg) })),
  });
  const after: ApprovalEntity = { ...a, ...terms, wasteCodes: [...terms.wasteCodes] };
  return changed(
    a,
    after,
    { type: 'amended', at: now.toISOString(), by: actor.sub, from: termsOf(a), to: termsOf(after) },
    ifMatch,
  );
}

/** A regulator of the province (jurisdiction the province or 00): its approvals, outbound and inbound, newest first. */
export async function listProvinceApprovals(
  actor: Actor,
  province: string,
  limit: number,
  start?: Record<string, unknown>,
) {
  if (!actor.isRegulator) throw new AppError('FORBIDDEN', 'Only regulators list a province’s approvals');
  if (!mayIssue(actor, province))
    throw new AppError(
      'FORBIDDEN',
      `Province ${province} is not your jurisdiction (a provincial or national regulator lists it)`,
    );
  const page = await approvalsOfProvince(province, limit, start);
  return { items: page.items.map(approvalView), next: page.lastKey };
}
