// Applications on the world's generator (Taiyuan, 14) to its Hebei receiver (13), in any state, made through the API
// as the generator and the two provinces' regulators would.
import { provinceRegulator } from './fixtures.ts';
import { localDay, WASTE_CODE, type World } from './world.ts';

export const APPLICATION_STEPS = ['submitted', 'incomplete', 'accepted', 'consent-requested', 'consented'] as const;
export type ApplicationStateReached = (typeof APPLICATION_STEPS)[number];

export const applicationBodyFor = (w: World) => ({
  generatorId: w.generator.id,
  receiverId: w.crossReceiver.id,
  wasteCodes: [{ code: WASTE_CODE, maxKg: 2000 }],
  method: 'dispose',
  requestedFrom: localDay(),
  requestedTo: localDay(300),
  attachments: [{ kind: 'receiver-licence', name: 'licence.pdf', documentHash: '0f'.repeat(32) }],
});

const STEPS: Partial<Record<ApplicationStateReached, { by: '14' | '13'; action: string; body?: unknown }>> = {
  incomplete: { by: '14', action: 'incomplete', body: { missing: ['contract'] } },
  accepted: { by: '14', action: 'accept' },
  'consent-requested': { by: '14', action: 'request-consent' },
  consented: { by: '13', action: 'consent' },
};
const PATH: Record<ApplicationStateReached, ApplicationStateReached[]> = {
  submitted: [],
  incomplete: ['incomplete'],
  accepted: ['accepted'],
  'consent-requested': ['accepted', 'consent-requested'],
  consented: ['accepted', 'consent-requested', 'consented'],
};

/** A new application of the world's generator, taken to `state`. */
export async function freshApplication(w: World, state: ApplicationStateReached): Promise<{ id: string }> {
  const created = await w.t.call(w.users.owner, 'POST', '/v1/approval-applications', applicationBodyFor(w));
  if (created.status !== 201) throw new Error(`application: ${created.status} ${JSON.stringify(created.body)}`);
  for (const step of PATH[state]) {
    const { by, action, body } = STEPS[step]!;
    const res = await w.t.call(
      provinceRegulator(by),
      'POST',
      `/v1/approval-applications/${created.body.id}/${action}`,
      body,
    );
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return created.body;
}

const standing = new WeakMap<World, Promise<{ id: string }>>();
/** One submitted application per world, for reads. */
export const standingApplication = (w: World) => {
  if (!standing.has(w)) standing.set(w, freshApplication(w, 'submitted'));
  return standing.get(w)!;
};
