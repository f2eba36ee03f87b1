// Authorization headers that must never get past authentication: none, expired, signed by another key, a valid
// token whose claims were changed (signature kept), and an unsigned `alg: none` token.
import { generateLocalKeys, localAuth } from '../../local/keys.ts';
import type { TestApi, User } from '../support/api.ts';
import type { BadTokenRole } from '../support/route-matrix.ts';
import { exactly } from '../support/present.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

/** The Authorization header value (null: none) per bad-token role, for `user`. */
export async function badTokens(t: TestApi, user: User): Promise<Record<BadTokenRole, string | null>> {
  const valid = await t.token(user);
  const [header, payload, signature] = exactly(valid.split('.'), 3, 'part of the token');
  // A valid token escalated to a nationwide admin: same signature, other claims.
  const escalated = { ...decode(payload), 'cognito:groups': ['admin'], 'custom:jurisdiction': '00' };
  const foreign = await localAuth(await generateLocalKeys());
  return {
    noToken: null,
    expired: `Bearer ${await t.token(user, -60)}`,
    foreignKey: `Bearer ${await foreign.mint(user)}`,
    tampered: `Bearer ${header}.${b64(escalated)}.${signature}`,
    algNone: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(escalated)}.`,
  };
}
