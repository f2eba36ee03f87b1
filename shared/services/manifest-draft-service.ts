// Drafts: create (with the number from its city's counter), PATCH (merge patch, draft only), and validate-only
// (every dispatch check, saving nothing).
import { AppError } from '#shared/errors.ts';
import type { Actor } from '#shared/domain/jurisdiction.ts';
import { fieldErrors } from '#shared/errors.ts';
import { medicalCategoryFindings, dispatchChecks, type Finding } from '#shared/domain/manifest/dispatch-rules.ts';
import type { Manifest, ManifestLine } from '#shared/domain/manifest/manifest.ts';
import { newDraft, type DraftOrigin } from '#shared/domain/manifest/new-draft.ts';
import { isWasteCode } from '#shared/reference/catalogue.ts';
import { pendingAmong } from '#shared/store/ledger-store.ts';
import { allocateManifestNumber } from '#shared/store/manifest-store.ts';
import { DraftFields, type CreateManifestInput, type DraftInput, type PatchManifestInput } from '#schemas/manifest.ts';
import { actFor, seeParty } from '#shared/services/access.ts';
import { actOn, type Acting } from '#shared/services/manifest-access.ts';
import { loadDispatchContext, planDraws, refusal } from '#shared/services/manifest-dispatch-service.ts';
import {
  decided,
  eventDraft,
  manifestWrites,
  nextVersion,
  type ManifestDecision,
} from '#shared/services/manifest-transition.ts';
import { draftInputOf, linesFromInput } from '#shared/services/manifest-views.ts';
import { defined } from '#shared/defined.ts';

function unknownCodeFindings(lines: readonly Pick<ManifestLine, 'wasteCode'>[]): Finding[] {
  return lines.flatMap((l, i) =>
    isWasteCode(l.wasteCode)
      ? []
      : [
          {
            path: `lines.${i}.wasteCode`,
            code: 'UNKNOWN_WASTE_CODE' as const,
            message: `${l.wasteCode} is not in the 2021 catalogue`,
          },
        ],
  );
}

/** Rule 29: a line naming an entry pending identification (a manifest can never ship such waste). */
async function pendingFindings(
  generatorId: string,
  lines: readonly Pick<ManifestLine, 'ledgerEntries'>[],
): Promise<Finding[]> {
  const pending = await pendingAmong(
    generatorId,
    lines.flatMap((l) => (l.ledgerEntries ?? []).map((e) => e.entryId)),
  );
  return lines.flatMap((l, i) =>
    (l.ledgerEntries ?? []).flatMap((e, j) =>
      pending.has(e.entryId)
        ? [
            {
              path: `lines.${i}.ledgerEntries.${j}.entryId`,
              code: 'PENDING_IDENTIFICATION' as const,
              message: 'This entry is pending identification: it cannot be shipped until identified hazardous',
            },
          ]
        : [],
    ),
  );
}

/** The rules a draft must meet at any time: known codes, medical categories, no waste pending identification (422). */
async function assertDraftRules(generatorId: string, lines: ManifestLine[]): Promise<void> {
  const errors = [
    ...unknownCodeFindings(lines),
    ...medicalCategoryFindings(lines),
    ...(await pendingFindings(generatorId, lines)),
  ];
  if (errors.length) throw refusal(errors);
}

/** The generator acts through its membership; the counterparts must be parties the caller can see. */
async function checkParties(actor: Actor, input: Pick<DraftInput, 'generatorId' | 'receiverId' | 'transporterIds'>) {
  if (!actor.isEnterprise) throw new AppError('FORBIDDEN', 'Only enterprise users create manifests');
  const { party: generator } = await actFor(actor, input.generatorId);
  const [receiver] = await Promise.all([
    seeParty(actor, input.receiverId),
    Promise.all(input.transporterIds.map((id) => seeParty(actor, id))),
  ]);
  return { generator, receiver: receiver.party };
}

export async function createManifest(actor: Actor, input: CreateManifestInput, now: Date): Promise<ManifestDecision> {
  const { generator, receiver } = await checkParties(actor, input);
  const lines = linesFromInput(input.lines);
  await assertDraftRules(input.generatorId, lines);
  const created = await draftWrites(
    {
      generatorId: input.generatorId,
      receiverId: input.receiverId,
      transporterIds: input.transporterIds,
      generatorDivision: generator.divisionCode,
      receiverDivision: receiver.divisionCode,
      lines,
      plannedPickupAt: input.plannedPickupAt,
      ...(input.approvalId ? { approvalId: input.approvalId } : {}),
    },
    actor,
    { role: 'generator', partyId: input.generatorId },
    now,
  );
  return decided(created.manifest, created.writes);
}

/** A new draft numbered from its sender's city counter, with its `created` event (filed or made as a replacement). */
export async function draftWrites(
  origin: DraftOrigin,
  actor: Actor,
  acting: Pick<Acting, 'role' | 'partyId'>,
  now: Date,
) {
  const number = await allocateManifestNumber(origin.generatorDivision, now);
  const draft = newDraft(origin, number, actor.sub, now);
  const data = { number, ...(origin.replaces ? { replaces: origin.replaces } : {}) };
  return manifestWrites(undefined, draft, [eventDraft('created', actor, acting, draft.createdAt, data)]);
}

/** RFC 7396: null removes a member, anything else (arrays included) replaces it. */
function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return merged;
}

export async function patchManifest(
  actor: Actor,
  manifestId: string,
  patch: PatchManifestInput,
  ifMatch: number | undefined,
  now: Date,
): Promise<ManifestDecision> {
  const acting = await actOn(actor, manifestId, 'update', ifMatch);
  const m = acting.manifest;
  const parsed = DraftFields.safeParse(mergePatch(draftInputOf(m), patch));
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', 'The patched manifest is invalid', fieldErrors(parsed.error.issues));
  const draft = parsed.data;
  const receiver = draft.receiverId === m.receiverId ? undefined : (await seeParty(actor, draft.receiverId)).party;
  await Promise.all(
    draft.transporterIds.filter((id) => !m.transporterIds.includes(id)).map((id) => seeParty(actor, id)),
  );
  const lines = linesFromInput(draft.lines);
  await assertDraftRules(m.generatorId, lines);
  const { approvalId: _a, plannedPickupAt: _p, ...kept } = m;
  const after = nextVersion(kept as Manifest, now, {
    transporterIds: draft.transporterIds,
    receiverId: draft.receiverId,
    receiverDivision: receiver?.divisionCode ?? m.receiverDivision,
    ...defined({ returnToOrigin: m.returnToOrigin && !receiver }),
    lines,
    ...(draft.plannedPickupAt ? { plannedPickupAt: draft.plannedPickupAt } : {}),
    ...(draft.approvalId ? { approvalId: draft.approvalId } : {}),
  });
  const { manifest, writes } = manifestWrites(
    m,
    after,
    [eventDraft('updated', actor, acting, after.updatedAt, { fields: Object.keys(patch) })],
    ifMatch,
  );
  return decided(manifest, writes);
}

/** Every check dispatch would run on this body, saving nothing. */
export async function validateManifest(actor: Actor, input: CreateManifestInput, now: Date) {
  await checkParties(actor, input);
  const lines = linesFromInput(input.lines);
  const draft = { ...defined(input), lines, returnToOrigin: false };
  const unknown = [...unknownCodeFindings(lines), ...(await pendingFindings(input.generatorId, lines))];
  const { errors, warnings } = unknown.length
    ? { errors: unknown, warnings: [] }
    : dispatchChecks(await loadDispatchContext(draft, now));
  if (
    !errors.some(
      (e) => e.code === 'INSUFFICIENT_STOCK' || e.code === 'UNKNOWN_WASTE_CODE' || e.code === 'PENDING_IDENTIFICATION',
    )
  ) {
    try {
      await planDraws(input.generatorId, lines);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.push({ path: 'lines', code: err.code, message: err.message });
    }
  }
  return { valid: errors.length === 0, errors, warnings };
}
