// What the caller may do with a manifest now (GET …/actions, from the API's one transition table): the action panel
// draws its buttons from it, and the track panel offers 关闭事故 only where it lists close-incident.
import { useQuery } from '@tanstack/react-query';
import { type Manifest, unwrap } from '../../lib/api.ts';
import { useSession } from '../../lib/session.tsx';

export function useManifestActions(m: Manifest) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['manifest', m.id, 'actions', m.version],
    queryFn: () => unwrap(api.GET('/v1/manifests/{id}/actions', { params: { path: { id: m.id } } })),
  });
}
