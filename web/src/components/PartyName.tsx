// A party's name from its id (active parties are public; the query cache keeps each one once).
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../lib/api.ts';
import { useSession } from '../lib/session.tsx';

export function PartyName({ id }: { id: string | null | undefined }) {
  const { api } = useSession();
  const q = useQuery({
    queryKey: ['party', id],
    enabled: !!id,
    staleTime: 300_000,
    // `enabled` runs it only with an id; the guard keeps the type honest.
    queryFn: () => {
      if (!id) throw new Error('PartyName queried without an id');
      return unwrap(api.GET('/v1/parties/{id}', { params: { path: { id } } }));
    },
  });
  if (!id) return <>—</>;
  return <>{(q.data as { name?: string } | undefined)?.name ?? id.slice(0, 8)}</>;
}
