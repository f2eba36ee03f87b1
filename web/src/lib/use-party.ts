// One party by id, from the one query cache entry ['party', id] that the header, 场地坐标 and PartyName share (a
// save invalidates it, so each shows the party as it now is).
import { useQuery } from '@tanstack/react-query';
import { unwrap } from './api.ts';
import { useSession } from './session.tsx';

export function useParty(id: string | null | undefined, options: { staleTime?: number } = {}) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['party', id],
    enabled: !!id,
    ...options,
    // `enabled` runs it only with an id; the guard keeps the type honest.
    queryFn: () => {
      if (!id) throw new Error('a party queried without an id');
      return unwrap(api.GET('/v1/parties/{id}', { params: { path: { id } } }));
    },
  });
}
