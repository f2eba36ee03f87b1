// OIDC authorization code + PKCE against the deployment's issuer (loaded only when /config.json names one).
// The user store is in memory: tokens never reach localStorage; the PKCE state of the redirect round trip lives in
// sessionStorage for that round trip only (it holds no token). Renewal: refresh token or silent iframe.
import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { OidcConfig, TokenSource } from './auth.ts';

export const CALLBACK_PATH = '/auth/callback';

function manager(config: OidcConfig) {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.authority,
    client_id: config.client_id,
    scope: config.scope ?? 'openid profile email',
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    silent_redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Completes a redirect back from the issuer, or answers null when this page load is not one. */
export async function oidcResume(config: OidcConfig): Promise<TokenSource | null> {
  const um = manager(config);
  if (window.location.pathname !== CALLBACK_PATH) return null;
  if (window.parent !== window) {
    await um.signinSilentCallback();
    return null;
  }
  const user = await um.signinRedirectCallback();
  window.history.replaceState(null, '', (user.state as string | undefined) ?? '/');
  return source(um);
}

export async function oidcSignIn(config: OidcConfig) {
  await manager(config).signinRedirect({ state: '/' });
}

function source(um: UserManager): TokenSource {
  return {
    async token() {
      let user = await um.getUser();
      if (!user || user.expired) user = await um.signinSilent();
      // API Gateway's JWT authorizer checks the ID token (api.md, "Authentication").
      return user?.id_token ?? '';
    },
    async signOut() {
      await um.removeUser();
      await um.signoutRedirect().catch(() => undefined);
    },
  };
}
