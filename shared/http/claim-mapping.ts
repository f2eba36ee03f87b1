// How the deployment's identity provider names things, mapped onto the claims the API reads (api.md,
// "Authentication"): the stack's own Cognito user pool needs no mapping; an external OIDC issuer (a provincial
// identity platform, Keycloak, Authing) names its groups and jurisdiction claims and maps its group values.
// The stack sets these variables (infra/identity.ts); unset, they mean Cognito's names.
import { GROUPS, type Group } from '#shared/domain/jurisdiction.ts';
import { claimValues, parseGroups } from '#shared/http/actor.ts';

export interface ClaimMapping {
  /** The claim listing the user's groups (`cognito:groups`, `groups`, `roles`, …). */
  groupsClaim: string;
  /** The claim with a regulator's division-code prefix. */
  jurisdictionClaim: string;
  /** The issuer's group values → the API's groups; unlisted values give no group. Absent: values are the API's own. */
  groupMap?: Record<string, Group>;
}

export const COGNITO_MAPPING: ClaimMapping = {
  groupsClaim: 'cognito:groups',
  jurisdictionClaim: 'custom:jurisdiction',
};

export const CLAIM_ENV = {
  groupsClaim: 'AUTH_GROUPS_CLAIM',
  jurisdictionClaim: 'AUTH_JURISDICTION_CLAIM',
  groupMap: 'AUTH_GROUP_MAP',
} as const;

let cached: { key: string; mapping: ClaimMapping } | undefined;

/** The mapping the environment names (read on each call, cached per value, so tests may change it). */
export function claimMappingFromEnv(env: Record<string, string | undefined> = process.env): ClaimMapping {
  const key = [env[CLAIM_ENV.groupsClaim], env[CLAIM_ENV.jurisdictionClaim], env[CLAIM_ENV.groupMap]].join('\u0000');
  if (cached?.key === key) return cached.mapping;
  const rawMap = env[CLAIM_ENV.groupMap];
  const mapping: ClaimMapping = {
    groupsClaim: env[CLAIM_ENV.groupsClaim] || COGNITO_MAPPING.groupsClaim,
    jurisdictionClaim: env[CLAIM_ENV.jurisdictionClaim] || COGNITO_MAPPING.jurisdictionClaim,
    ...(rawMap ? { groupMap: parseGroupMap(rawMap) } : {}),
  };
  cached = { key, mapping };
  return mapping;
}

/** A JSON object of issuer group value → API group; a value naming no API group is a deployment mistake, refused. */
export function parseGroupMap(json: string): Record<string, Group> {
  const parsed: unknown = JSON.parse(json);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${CLAIM_ENV.groupMap} must be a JSON object`);
  for (const [from, to] of Object.entries(parsed)) {
    if (!(GROUPS as readonly unknown[]).includes(to))
      throw new Error(
        `${CLAIM_ENV.groupMap}: "${from}" maps to ${JSON.stringify(to)}, not one of ${GROUPS.join(', ')}`,
      );
  }
  return parsed as Record<string, Group>;
}

/** The API's groups for the issuer's values: mapped when a map is set, else the values that are API groups. */
export function mapGroups(raw: unknown, mapping: ClaimMapping): Group[] {
  const { groupMap } = mapping;
  const groups = groupMap
    ? claimValues(raw).flatMap((v) => {
        const group = Object.hasOwn(groupMap, v) ? groupMap[v] : undefined;
        return group ? [group] : [];
      })
    : parseGroups(raw);
  return [...new Set(groups)];
}
