// Who sees a manifest and in which role they act on it (domain.md rule 25; api.md's 404 → 403 → 409 order).
import { AppError, notFound } from '#shared/errors.ts';
import { covers, type Actor } from '#shared/domain/jurisdiction.ts';
import { partiesOf, type Manifest, type Role } from '#shared/domain/manifest/manifest.ts';
import { decide, rolesFor, type Action, type Holder } from '#shared/domain/manifest/transition-table.ts';
import { getManifest, membershipsAmong } from '#shared/store/manifest-store.ts';
import { assertVersion } from '#shared/store/versioning.ts';

export interface ManifestAccess {
  manifest: Manifest;
  /** The caller's roles on it: each party of theirs on the manifest, and a covering regulator's. */
  holders: Holder[];
}

/** A regulator sees a manifest whose generator or receiver lies in its jurisdiction, or on which an incident happened
 *  there (rule 25). */
const regulatorCovers = (actor: Actor, m: Manifest) =>
  covers(actor, m.generatorDivision) ||
  covers(actor, m.receiverDivision) ||
  (m.incidents ?? []).some((i) => covers(actor, i.divisionCode));

/** The manifest whole, or 404: members of its generator, carriers or receiver, regulators covering either end or
 *  where an incident happened. */
export async function seeManifest(actor: Actor, manifestId: string): Promise<ManifestAccess> {
  const manifest = await getManifest(manifestId);
  if (!manifest) throw notFound('manifest');
  return { manifest, holders: await holdersOf(actor, manifest) };
}

export async function holdersOf(actor: Actor, manifest: Manifest): Promise<Holder[]> {
  const parties = partiesOf(manifest);
  const mine = actor.isEnterprise ? await membershipsAmong(actor.sub, [...parties.keys()]) : new Set<string>();
  const holders: Holder[] = [...parties].flatMap(([partyId, roles]) =>
    mine.has(partyId) ? roles.map((role) => ({ role, partyId })) : [],
  );
  if (regulatorCovers(actor, manifest)) holders.push({ role: 'regulator', partyId: null });
  if (holders.length === 0) throw notFound('manifest');
  return holders;
}

export interface Acting {
  manifest: Manifest;
  role: Role;
  partyId: string | null;
  decision: ReturnType<typeof decide>;
}

/** Visible (404), the caller's action (403), allowed in this state (409), at the version named by If-Match (412).
 *  `namedParty` is the party the body names (a carrier's transporterId). */
export async function actOn(
  actor: Actor,
  manifestId: string,
  action: Action,
  ifMatch: number | undefined,
  namedParty?: string,
): Promise<Acting> {
  const { manifest, holders } = await seeManifest(actor, manifestId);
  const roles = rolesFor(action);
  let holder: Holder | undefined;
  if (namedParty !== undefined) {
    holder = holders.find((h) => h.partyId === namedParty && roles.includes(h.role));
    if (!holder) {
      const isMember =
        holders.some((h) => h.partyId === namedParty) || (await membershipsAmong(actor.sub, [namedParty])).size > 0;
      if (!isMember) throw new AppError('NOT_A_MEMBER', `You are not a member of party ${namedParty}`);
      throw new AppError('FORBIDDEN', `Party ${namedParty} cannot ${action} this manifest`);
    }
  } else {
    holder = holders.find((h) => roles.includes(h.role));
    if (!holder) throw new AppError('FORBIDDEN', `Only the manifest's ${roles.join(' or ')} may ${action} it`);
  }
  const decision = decide(manifest, action, holder.role, holder.partyId);
  assertVersion(manifest.version, ifMatch);
  return { manifest, role: holder.role, partyId: holder.partyId, decision };
}
