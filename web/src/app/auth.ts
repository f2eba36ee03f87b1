// How the console gets a token. A deployment writes /config.json naming its OpenID Connect issuer (authorization
// code + PKCE, oidc-client-ts, loaded only then); without it the console is on the local server and mints tokens at
// /local/token. Tokens live in memory only (never localStorage): a reload signs in again.
export interface OidcConfig {
  authority: string;
  client_id: string;
  scope?: string;
}
export interface RuntimeConfig {
  oidc?: OidcConfig;
}

export async function loadConfig(): Promise<RuntimeConfig> {
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (!res.ok || !res.headers.get('content-type')?.includes('json')) return {};
    return (await res.json()) as RuntimeConfig;
  } catch {
    return {};
  }
}

export interface TokenSource {
  /** the current token (refreshed by the identity provider's library in AWS) */
  token(): Promise<string>;
  signOut(): Promise<void>;
}

export interface LocalUser {
  sub: string;
  groups: string[];
  jurisdiction?: string;
}

/** /local/token is the local server's, not the API's: the one call outside the typed client. */
export async function localSignIn(user: LocalUser): Promise<TokenSource> {
  const mint = async () => {
    const res = await fetch('/local/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...user, ...(user.jurisdiction ? {} : { jurisdiction: undefined }) }),
    });
    const body = await res.json();
    if (!res.ok)
      throw Object.assign(new Error(body.detail ?? 'sign-in refused'), { problem: body, status: res.status });
    return { token: body.token as string, until: Date.now() + 55 * 60_000 };
  };
  let current = await mint();
  return {
    async token() {
      // A local token lasts an hour; mint a fresh one before it ends, as OIDC's silent renewal would.
      if (Date.now() > current.until) current = await mint();
      return current.token;
    },
    async signOut() {},
  };
}
