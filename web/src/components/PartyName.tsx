// A party's name from its id (active parties are public; the query cache keeps each one once).
import { useParty } from '../lib/use-party.ts';

export function PartyName({ id }: { id: string | null | undefined }) {
  const q = useParty(id, { staleTime: 300_000 });
  if (!id) return <>—</>;
  return <>{(q.data as { name?: string } | undefined)?.name ?? id.slice(0, 8)}</>;
}
