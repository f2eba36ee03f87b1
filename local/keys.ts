// The local stand-in for Cognito: an ES256 key pair made at first start (in an ignored folder), tokens minted
// with the same claims a Cognito ID token carries, and verified with jose. Never part of a Lambda bundle.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { AppError } from '#shared/errors.ts';
import type { Claims, Group } from '#shared/domain/jurisdiction.ts';
import { parseGroups } from '#shared/http/actor.ts';

const ISSUER = 'wastechain-local';
const AUDIENCE = 'wastechain-local';
const ALG = 'ES256';

export interface LocalKeys {
  privateJwk: JWK;
  publicJwk: JWK;
  cursorSecret: string;
}

export async function generateLocalKeys(): Promise<LocalKeys> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  return {
    privateJwk: await exportJWK(privateKey),
    publicJwk: await exportJWK(publicKey),
    cursorSecret: randomBytes(32).toString('hex'),
  };
}

/** Reads the keys from `dir`, generating them on first start. */
export async function loadOrCreateKeys(dir: string): Promise<LocalKeys> {
  const file = join(dir, 'local-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalKeys;
  const keys = await generateLocalKeys();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

export interface TokenRequest {
  sub: string;
  groups: Group[];
  jurisdiction?: string | undefined;
  expiresIn?: number | undefined;
}

export interface LocalAuth {
  mint(request: TokenRequest): Promise<string>;
  verify(token: string): Promise<Claims>;
}

export async function localAuth(keys: LocalKeys): Promise<LocalAuth> {
  const privateKey = await importJWK(keys.privateJwk, ALG);
  const publicKey = await importJWK(keys.publicJwk, ALG);
  return {
    async mint({ sub, groups, jurisdiction, expiresIn = 3600 }) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        'cognito:groups': groups,
        ...(jurisdiction ? { 'custom:jurisdiction': jurisdiction } : {}),
        token_use: 'id',
      })
        .setProtectedHeader({ alg: ALG })
        .setSubject(sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + expiresIn)
        .sign(privateKey);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: ISSUER,
          audience: AUDIENCE,
          clockTolerance: 5,
          algorithms: [ALG],
        });
        if (typeof payload.sub !== 'string' || !payload.sub) throw new Error('no sub');
        const jurisdiction = payload['custom:jurisdiction'];
        return {
          sub: payload.sub,
          groups: parseGroups(payload['cognito:groups']),
          ...(typeof jurisdiction === 'string' ? { jurisdiction } : {}),
        };
      } catch {
        throw new AppError('UNAUTHENTICATED', 'The token is invalid or expired');
      }
    },
  };
}
