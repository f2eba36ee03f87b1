// Who is signed in, the party they act for, and the API client carrying their token (kept in memory only).
import { createContext, useContext } from 'react';
import type { Api, Schemas } from './api.ts';

export interface Session {
  api: Api;
  me: Schemas['Me'];
  /** the party the user acts for (the switcher picks among memberships) */
  partyId: string;
  partyName: string;
  signOut(): void;
}

export const SessionCtx = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionCtx);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}

/** A regulator (or admin): oversight screens, acting for no party. */
export const oversees = (me: Schemas['Me']) => me.groups.includes('regulator') || me.groups.includes('admin');
