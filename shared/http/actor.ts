// The claims a request carries, parsed; what they allow is shared/domain/jurisdiction.ts.
import { GROUPS, type Group } from '#shared/domain/jurisdiction.ts';

/** Parses `cognito:groups` as API Gateway passes it (a JSON array, "[a b]", or "a,b") or as a JWT carries it. */
export function parseGroups(raw: unknown): Group[] {
  let values: string[] = [];
  if (Array.isArray(raw)) values = raw.map(String);
  else if (typeof raw === 'string') values = raw.replace(/^\[|\]$/g, '').split(/[\s,"]+/).filter(Boolean);
  return values.filter((g): g is Group => (GROUPS as readonly string[]).includes(g));
}
