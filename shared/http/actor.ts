// The claims a request carries, parsed; what they allow is shared/domain/jurisdiction.ts.
import { GROUPS, type Group } from '#shared/domain/jurisdiction.ts';

/**
 * The values of a groups claim as a JWT carries it (an array, or a string) or as API Gateway's JWT authorizer passes
 * it on (an array claim arrives flattened to "[a b]"; some issuers send "a,b" or a JSON array as text).
 */
export function claimValues(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === 'string')
    return raw
      .replace(/^\[|\]$/g, '')
      .split(/[\s,"]+/)
      .filter(Boolean);
  return [];
}

/** Parses `cognito:groups` (any shape claimValues reads), keeping the values that are the API's groups. */
export function parseGroups(raw: unknown): Group[] {
  return claimValues(raw).filter((g): g is Group => (GROUPS as readonly string[]).includes(g));
}
