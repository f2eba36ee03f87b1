// What the caller may do with a manifest now (GET …/actions, from the API's one transition table): the action panel
// and the driver's page draw their buttons from it, the track panel offers 关闭事故 only where it lists close-incident.
import { useQuery } from '@tanstack/react-query';
import { type Manifest, unwrap } from './api.ts';
import { useSession } from './session.tsx';

export function useManifestActions(m: Manifest) {
  const { api } = useSession();
  return useQuery({
    queryKey: ['manifest', m.id, 'actions', m.version],
    queryFn: () => unwrap(api.GET('/v1/manifests/{id}/actions', { params: { path: { id: m.id } } })),
  });
}
