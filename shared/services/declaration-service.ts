// Periodic declarations (产生情况申报; HJ 1259-2022 §7.2, domain.md rule 9): generated from the party's flows (kept
// from the ledger, manifests and disposal reports by the stream), reviewed and signed by a member; a correction is a
// new version. The tier follows from the key unit list or the year's plan; an unsubmitted one raises an alert.
import { config } from '#shared/config.ts';
import { AppError, validationFailed } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { declaredLine, declarationLines, type DeclarationDocument } from '#shared/domain/declaration.ts';
import {
  dueDate,
  filesPeriod,
  overdueFrom,
  parsePeriod,
  periodOver,
  tierOf,
  type Period,
  type Tier,
} from '#shared/domain/declaration-periods.ts';
import { documentHash } from '#shared/domain/hash-chain.ts';
import {
  submitDeclarationWrite,
  submittedVersions,
  type SubmittedDeclaration,
} from '#shared/store/declaration-store.ts';
import type { PartyEntity } from '#shared/store/party-store.ts';
import { getCurrentPlan } from '#shared/store/plan-store.ts';
import { partyFlows } from '#shared/store/stats-store.ts';
import { assertVersion, lostRace } from '#shared/store/versioning.ts';
import { actFor, readPrivate } from '#shared/services/access.ts';

export async function tierFor(party: Pick<PartyEntity, 'id' | 'keyUnitYears'>, year: number): Promise<Tier> {
  const plan = await getCurrentPlan(party.id, year);
  return tierOf(
    (party.keyUnitYears ?? []).includes(year),
    plan?.items.reduce((sum, i) => sum + i.expectedGrams, 0) ?? 0,
  );
}

const PERIOD_NAMES = { month: 'monthly', quarter: 'quarterly', year: 'annual' } as const;

/** The period and the party's tier for its year; a period kind the tier does not declare → 400. */
async function declarable(party: PartyEntity, periodId: string): Promise<{ period: Period; tier: Tier }> {
  const period = parsePeriod(periodId);
  if (!period) throw validationFailed('Not a period', [{ path: 'param.period', message: 'YYYY-MM, YYYY-Qn or YYYY' }]);
  const tier = await tierFor(party, period.year);
  if (!filesPeriod(tier, period.kind)) {
    throw validationFailed(`A ${tier} unit files no ${PERIOD_NAMES[period.kind]} declaration for ${period.year}`, [
      {
        path: 'param.period',
        message: `${tier}: ${tier === 'simplified' ? 'quarterly (YYYY-Qn)' : tier === 'key-supervised' ? 'monthly (YYYY-MM)' : 'annual (YYYY)'} and annual only`,
      },
    ]);
  }
  return { period, tier };
}

async function documentOf(party: PartyEntity, period: Period, tier: Tier): Promise<DeclarationDocument> {
  const flows = await partyFlows(party.id, period.lastMonth);
  return {
    partyId: party.id,
    period: period.id,
    kind: period.kind,
    from: period.from,
    to: period.to,
    tier,
    dueDate: dueDate(period),
    lines: declarationLines(flows, period).map(declaredLine),
  };
}

/** The declaration as it stands: the latest submitted version if the records still say the same, else a draft of the next. */
/** `period`: the one `document` declares (documentOf built it from it). */
function view(document: DeclarationDocument, period: Period, submitted: SubmittedDeclaration[], now: Date) {
  const latest = submitted[0];
  const current = latest?.signature.documentHash === documentHash({ ...document });
  return {
    ...document,
    status: current ? ('submitted' as const) : ('draft' as const),
    version: current ? latest.version : (latest?.version ?? 0) + 1,
    ...(current ? { signature: latest.signature } : {}),
    overdue: submitted.length === 0 && now >= overdueFrom(period, config.timeZone),
    submissions: submitted.map((s) => ({ version: s.version, signature: s.signature })),
  };
}

export async function viewDeclaration(actor: Actor, partyId: string, periodId: string, now: Date) {
  const { party } = await readPrivate(actor, partyId);
  const { period, tier } = await declarable(party, periodId);
  const [document, submitted] = await Promise.all([
    documentOf(party, period, tier),
    submittedVersions(partyId, period.id),
  ]);
  return view(document, period, submitted, now);
}

/** A member signs the declaration as generated now; once submitted, a version never changes, and only changed records make a new one. */
export async function submitDeclaration(
  actor: Actor,
  partyId: string,
  periodId: string,
  ifMatch: number | undefined,
  now: Date,
) {
  const { party } = await actFor(actor, partyId, { private: true });
  const { period, tier } = await declarable(party, periodId);
  if (!periodOver(period, now, config.timeZone))
    throw new AppError(
      'INVALID_STATE',
      `The period ${period.id} runs until ${period.to}; declare it from the day after`,
    );
  const [document, submitted] = await Promise.all([
    documentOf(party, period, tier),
    submittedVersions(partyId, period.id),
  ]);
  const hash = documentHash({ ...document });
  const latest = submitted[0];
  if (latest?.signature.documentHash === hash)
    throw new AppError('INVALID_STATE', `Version ${latest.version} already declares these figures`);
  const version = (latest?.version ?? 0) + 1;
  assertVersion(version, ifMatch);
  const signed: SubmittedDeclaration = {
    ...document,
    version,
    signature: { sub: actor.sub, partyId, at: now.toISOString(), documentHash: hash },
  };
  return {
    view: view(document, period, [signed, ...submitted], now),
    writes: [submitDeclarationWrite(signed, lostRace(ifMatch))],
  };
}
