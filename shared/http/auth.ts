// Authentication: under Lambda, API Gateway's JWT authorizer has verified the token and passes its claims;
// the local server and tests install a verifier (local/keys.ts) that checks the Bearer token itself.
import { createMiddleware } from 'hono/factory';
import { AppError } from '#shared/errors.ts';
import { actorOf, type Claims } from '#shared/domain/jurisdiction.ts';
import { claimMappingFromEnv, mapGroups, type ClaimMapping } from '#shared/http/claim-mapping.ts';
import type { AppEnv } from '#shared/http/env.ts';
import { addLogContext } from '#shared/observability/log.ts';

export type TokenVerifier = (token: string) => Promise<Claims>;

let verifier: TokenVerifier | undefined;

/** Installed by the local server and tests only; a Lambda never has one, so it trusts only the authorizer. */
export function useTokenVerifier(v: TokenVerifier | undefined): void {
  verifier = v;
}

/** The API's claims from those the authorizer passed, in the deployment issuer's names (shared/http/claim-mapping.ts). */
export function claimsFromAuthorizer(
  raw: Record<string, unknown>,
  mapping: ClaimMapping = claimMappingFromEnv(),
): Claims {
  if (typeof raw.sub !== 'string' || !raw.sub) throw new AppError('UNAUTHENTICATED', 'The token names no user');
  const rawJurisdiction = raw[mapping.jurisdictionClaim];
  const jurisdiction = typeof rawJurisdiction === 'number' ? String(rawJurisdiction) : rawJurisdiction;
  return {
    sub: raw.sub,
    groups: mapGroups(raw[mapping.groupsClaim], mapping),
    ...(typeof jurisdiction === 'string' && jurisdiction ? { jurisdiction } : {}),
  };
}

export const authenticate = createMiddleware<AppEnv>(async function authenticate(c, next) {
  const authorizerClaims = c.env?.event?.requestContext?.authorizer?.jwt?.claims;
  let claims: Claims;
  if (authorizerClaims) {
    claims = claimsFromAuthorizer(authorizerClaims);
  } else {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token || !verifier) throw new AppError('UNAUTHENTICATED', 'A valid Bearer token is required');
    claims = await verifier(token);
  }
  c.set('actor', actorOf(claims));
  addLogContext({ actor: claims.sub, groups: claims.groups });
  await next();
});
