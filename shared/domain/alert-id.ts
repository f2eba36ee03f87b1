// An alert's id: one per cause (type and subject), the same wherever it is computed (the alerts job, a write that
// closes the alert of the step it completes).
import { v5 as uuidv5 } from 'uuid';
import type { Deadline } from '#shared/domain/alert-rules.ts';

const ALERT_NAMESPACE = '3b8e5f0a-9c2d-4e71-8a6b-1f4d2c7e9a30';

export const alertIdOf = (d: Pick<Deadline, 'type' | 'subjectId'>) => uuidv5(`${d.type}/${d.subjectId}`, ALERT_NAMESPACE);
