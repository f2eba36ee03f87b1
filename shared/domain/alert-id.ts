// An alert's id: one per occurrence of a cause (type, subject and when the occurrence began), the same wherever it is
// computed (the alerts job, a write that opens or closes the alert itself). Without `since`: one alert per cause.
import { v5 as uuidv5 } from 'uuid';
import type { Deadline } from '#shared/domain/alert-rules.ts';

const ALERT_NAMESPACE = '3b8e5f0a-9c2d-4e71-8a6b-1f4d2c7e9a30';

export const alertIdOf = (d: Pick<Deadline, 'type' | 'subjectId'> & { since?: string | undefined }) =>
  uuidv5(d.since ? `${d.type}/${d.subjectId}/${d.since}` : `${d.type}/${d.subjectId}`, ALERT_NAMESPACE);
