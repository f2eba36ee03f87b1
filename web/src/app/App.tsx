// The console: providers, sign-in, and the signed-in shell with its routes.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { apiClient, unwrap, type Schemas } from '../lib/api.ts';
import { I18nProvider } from '../lib/i18n.tsx';
import { navigate } from '../lib/nav.tsx';
import { SessionCtx, type Session } from '../lib/session.tsx';
import { loadConfig, localSignIn, type LocalUser, type RuntimeConfig, type TokenSource } from './auth.ts';
import { Shell } from './Shell.tsx';
import { SignIn } from './SignIn.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal is shown, not retried (a 503 is already retried after its Retry-After by the client's fetch).
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

export function App() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <Root />
      </QueryClientProvider>
    </I18nProvider>
  );
}

function Root() {
  const [config, setConfig] = useState<RuntimeConfig | null>(null);
  const [source, setSource] = useState<TokenSource | null>(null);
  const [me, setMe] = useState<Schemas['Me'] | null>(null);
  const [partyId, setPartyId] = useState('');
  const api = useMemo(() => (source ? apiClient(() => source.token()) : null), [source]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, at the first load of the page
  useEffect(() => {
    void loadConfig().then(async (c) => {
      if (c.oidc) {
        const { oidcResume } = await import('./oidc.ts');
        const resumed = await oidcResume(c.oidc).catch(() => null);
        if (resumed) await begin(resumed);
      }
      setConfig(c);
    });
  }, []);

  async function begin(s: TokenSource) {
    const client = apiClient(() => s.token());
    const who = await unwrap(client.GET('/v1/me'));
    setMe(who);
    setPartyId(who.memberships[0]?.partyId ?? '');
    setSource(s);
  }

  const session: Session | null = useMemo(() => {
    if (!api || !me) return null;
    return {
      api,
      me,
      partyId,
      partyName: me.memberships.find((m) => m.partyId === partyId)?.name ?? '',
      signOut: () => {
        void source?.signOut();
        queryClient.clear();
        setSource(null);
        setMe(null);
        navigate('/');
      },
    };
  }, [api, me, partyId, source]);

  if (!config) return <p className="loading">…</p>;
  if (!session)
    return (
      <SignIn
        config={config}
        onLocal={async (u: LocalUser) => begin(await localSignIn(u))}
        onOidc={async (oidc) => (await import('./oidc.ts')).oidcSignIn(oidc)}
      />
    );
  return (
    <SessionCtx.Provider value={session}>
      <Shell
        onParty={(id) => {
          queryClient.clear();
          setPartyId(id);
        }}
      />
    </SessionCtx.Provider>
  );
}
