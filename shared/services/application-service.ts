// Cross-province applications (跨省转移申请; domain.md rule 30): submitting, reading, listing, and what a caller may
// do. The actions themselves are in application-actions.ts; both read the one transition table.
import { v7 as uuidv7 } from 'uuid';
import { config } from '#shared/config.ts';
import { AppError, notFound, validationFailed } from '#shared/errors.ts';
import { requireWithinJurisdiction, type Actor } from '#shared/domain/jurisdiction.ts';
import { applicationRoles, mayViewApplication, type Membership } from '#shared/domain/application/access.ts';
import { stepOf, withDeemedAcceptance, type StepSettings } from '#shared/domain/application/deadlines.ts';
import { checkReceiverMethod } from '#shared/domain/application/receiver-method.ts';
import { transferEnds } from '#shared/domain/approval-rules.ts';
import {
  availableApplicationActions,
  type ApplicationRole,
  type ApplicationState,
} from '#shared/domain/application/transition-table.ts';
import { localDate } from '#shared/domain/calendar.ts';
import { requireWasteCode } from '#shared/domain/ledger-rules.ts';
import { gramsToKg, kgToGrams } from '#shared/domain/quantity.ts';
import { provinceOf } from '#shared/reference/divisions.ts';
import { workingCalendar } from '#shared/reference/holidays.ts';
import {
  applicationFromItem,
  applicationPage,
  type ApplicationPartition,
  createApplicationWrite,
  getApplication,
  seenByReceivingProvince,
  type ApplicationEntity,
} from '#shared/store/application-store.ts';
import { allLicences, allMembershipsOf } from '#shared/store/party-store.ts';
import type { ApplicationInput } from '#schemas/application.ts';
import { actFor, seeParty } from '#shared/services/access.ts';
import { applicationDeadlineWrites } from '#shared/services/deadline-writes.ts';
import type { Decision } from '#shared/services/decision.ts';
import { must } from '#shared/must.ts';

export const stepSettings = (): StepSettings => ({ timeZone: config.timeZone, calendar: workingCalendar() });

/** What the API answers: kilograms, the step it waits for (as the law sees it now), no county codes. */
export function applicationView(stored: ApplicationEntity, now: Date) {
  const a = withDeemedAcceptance(stored, now, stepSettings());
  const { generatorDivisionCode: _g, receiverDivisionCode: _r, since: _s, wasteCodes, ...rest } = a;
  const step = stepOf(a.status, a.since, stepSettings());
  return {
    ...rest,
    wasteCodes: wasteCodes.map((w) => ({ code: w.code, maxKg: gramsToKg(w.maxGrams) })),
    due: step
      ? {
          ...step,
          province: step.owedBy === 'outbound' ? a.generatorProvince : a.receiverProvince,
          overdue: now.getTime() >= Date.parse(step.dueAt),
        }
      : null,
  };
}
export type ApplicationView = ReturnType<typeof applicationView>;

export async function submitApplication(
  actor: Actor,
  input: ApplicationInput,
  now: Date,
): Promise<Decision<ApplicationView>> {
  const [generator, receiver] = await Promise.all([
    actFor(actor, input.generatorId),
    seeParty(actor, input.receiverId),
  ]);
  if (provinceOf(generator.party.divisionCode) === provinceOf(receiver.party.divisionCode)) {
    throw validationFailed('Generator and receiver lie in the same province: no cross-province application is needed', [
      { path: 'receiverId', message: 'must lie in another province than the generator' },
    ]);
  }
  const inactive = [generator, receiver].findIndex((p) => p.party.status !== 'active');
  if (inactive >= 0)
    throw new AppError('PARTY_NOT_ACTIVE', 'Both parties must be active', [
      { path: inactive ? 'receiverId' : 'generatorId', message: 'not active' },
    ]);
  for (const [i, w] of input.wasteCodes.entries()) requireWasteCode(w.code, `wasteCodes.${i}.code`);
  checkReceiverMethod(
    await allLicences(input.receiverId),
    input.wasteCodes.map((w) => w.code),
    input.method,
    localDate(now, config.timeZone),
  );
  const at = now.toISOString();
  const acceptance = must(stepOf('submitted', at, stepSettings()), 'submitted opens the acceptance step');
  const a: ApplicationEntity = {
    id: uuidv7(),
    status: 'submitted',
    ...transferEnds(generator.party, receiver.party),
    wasteCodes: input.wasteCodes.map((w) => ({ code: w.code, maxGrams: kgToGrams(w.maxKg) })),
    method: input.method,
    requestedFrom: input.requestedFrom,
    requestedTo: input.requestedTo,
    attachments: input.attachments.map((f) => ({ ...f, addedAt: at })),
    submittedAt: at,
    since: at,
    history: [
      {
        action: 'submit',
        status: 'submitted',
        at,
        by: actor.sub,
        step: acceptance.step,
        dueAt: acceptance.dueAt,
        attachments: input.attachments.length,
      },
    ],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return {
    view: applicationView(a, now),
    writes: [createApplicationWrite(a), ...applicationDeadlineWrites(undefined, a, now)],
  };
}

async function membershipsOf(actor: Actor): Promise<Set<string>> {
  return new Set((await allMembershipsOf(actor.sub)).map((m) => m.partyId));
}

const membership = (a: ApplicationEntity, mine: Set<string>): Membership => ({
  generator: mine.has(a.generatorId),
  receiver: mine.has(a.receiverId),
});
const parties = (a: ApplicationEntity) => ({ ...a, inbound: seenByReceivingProvince(a) });

/** The application and the caller's roles on it; 404 when the caller may not see it. */
export async function seeApplication(
  actor: Actor,
  id: string,
): Promise<{ application: ApplicationEntity; roles: ApplicationRole[] }> {
  const application = await getApplication(id);
  if (!application) throw notFound('application');
  const m = membership(application, await membershipsOf(actor));
  if (!mayViewApplication(actor, parties(application), m)) throw notFound('application');
  return { application, roles: applicationRoles(actor, parties(application), m) };
}

export async function viewApplication(actor: Actor, id: string, now: Date): Promise<ApplicationView> {
  return applicationView((await seeApplication(actor, id)).application, now);
}

export async function applicationActions(actor: Actor, id: string, now: Date) {
  const { application: a, roles } = await seeApplication(actor, id);
  return availableApplicationActions(withDeemedAcceptance(a, now, stepSettings()), roles);
}

/** Where a province list is: the outbound partition first, then the inbound one. */
export interface ListPosition {
  inbound?: boolean | undefined;
  key?: Record<string, unknown> | undefined;
}

/** A generator's applications (those the caller may see), or a province's for its regulators: outbound, then inbound. */
export async function listApplications(
  actor: Actor,
  query: { generatorId?: string | undefined; province?: string | undefined; status?: ApplicationState | undefined },
  limit: number,
  start: ListPosition | undefined,
  now: Date,
): Promise<{ items: ApplicationView[]; next?: ListPosition | undefined }> {
  if (!query.generatorId === !query.province) {
    throw validationFailed('Name exactly one of generatorId or province', [
      { path: 'query.generatorId', message: 'generatorId or province, not both' },
    ]);
  }
  if (query.province) requireWithinJurisdiction(actor, query.province);
  // A deemed acceptance is not stored: an `accepted` list also reads what is still stored as submitted.
  const stored = query.status === 'accepted' ? ['accepted', 'submitted'] : query.status ? [query.status] : undefined;
  const mine = await membershipsOf(actor);
  const items: ApplicationView[] = [];
  let position: ListPosition | undefined = start ?? {};
  while (position && items.length < limit) {
    const partition: ApplicationPartition = query.generatorId
      ? ({ by: 'generator', partyId: query.generatorId } as const)
      : ({
          by: position.inbound ? 'inbound' : 'outbound',
          province: must(query.province, 'a province when no generatorId (checked above)'),
        } as const);
    const page = await applicationPage(partition, stored, limit - items.length, position.key);
    items.push(
      ...page.items
        .map(applicationFromItem)
        .filter((a) => mayViewApplication(actor, parties(a), membership(a, mine)))
        .map((a) => applicationView(a, now))
        .filter((a) => !query.status || a.status === query.status),
    );
    position = page.lastKey
      ? { inbound: partition.by === 'inbound' || undefined, key: page.lastKey }
      : partition.by === 'outbound'
        ? { inbound: true }
        : undefined;
    // A page read to its limit ends here, even when filters dropped some of it.
    if (page.lastKey) break;
  }
  return { items, next: position };
}
