// Authentication: under Lambda, API Gateway's JWT authorizer has verified the token and passes its claims;
// the local server and tests install a verifier (local/keys.ts) that checks the Bearer token itself.
import { createMiddleware } from 'hono/factory';
import { AppError } from '#shared/errors.ts';
import { actorOf, type Claims } from '#shared/domain/jurisdiction.ts';
import { parseGroups } from '#shared/http/actor.ts';
import type { AppEnv } from '#shared/http/env.ts';

export type TokenVerifier = (token: string) => Promise<Claims>;

let verifier: TokenVerifier | undefined;

/** Installed by the local server and tests only; a Lambda never has one, so it trusts only the authorizer. */
export function useTokenVerifier(v: TokenVerifier | undefined): void {
  verifier = v;
}

export function claimsFromAuthorizer(raw: Record<string, unknown>): Claims {
  if (typeof raw.sub !== 'string' || !raw.sub) throw new AppError('UNAUTHENTICATED', 'The token names no user');
  const jurisdiction = raw['custom:jurisdiction'];
  return {
    sub: raw.sub,
    groups: parseGroups(raw['cognito:groups']),
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
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !verifier) throw new AppError('UNAUTHENTICATED', 'A valid Bearer token is required');
    claims = await verifier(match[1]);
  }
  c.set('actor', actorOf(claims));
  await next();
});
