// Model-based: random action sequences by random roles against the real API and a small model of the manifest's
// state machine, written apart from the transition table, must agree on every answer and every state.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../support/api.ts';
import {
  cast,
  createBody,
  expectStatus,
  member,
  receiptOf,
  transportLicence,
  type Cast,
  type Member,
} from './manifest-fixtures.ts';

type Who = 'generator' | 'carrier1' | 'carrier2' | 'receiver' | 'outsider';
type Act = 'dispatch' | 'pickup' | 'deliver' | 'receive' | 'reject' | 'cancel';
interface Model {
  status: string;
  legs: number;
}

const CARRIERS: Who[] = ['carrier1', 'carrier2'];

/** The answer api.md gives: 404 if not visible, 403 if not the caller's action, 409 if not now, else 200 and the next state. */
function expected(m: Model, act: Act, who: Who): { status: number; next?: Model } {
  if (who === 'outsider') return { status: 404 };
  const isCarrier = CARRIERS.includes(who);
  const arrived = m.status === 'delivered' || (m.status === 'in_transit' && m.legs === 2);
  switch (act) {
    case 'dispatch':
      if (who !== 'generator') return { status: 403 };
      return m.status === 'draft' ? { status: 200, next: { ...m, status: 'dispatched' } } : { status: 409 };
    case 'cancel':
      if (who !== 'generator') return { status: 403 };
      return m.status === 'draft' || m.status === 'dispatched'
        ? { status: 200, next: { ...m, status: 'cancelled' } }
        : { status: 409 };
    case 'pickup':
      if (!isCarrier) return { status: 403 };
      return (m.status === 'dispatched' || m.status === 'in_transit') && CARRIERS[m.legs] === who
        ? { status: 200, next: { status: 'in_transit', legs: m.legs + 1 } }
        : { status: 409 };
    case 'deliver':
      // the first leg's carrier on the road: the arrival is the last carrier's, never its own (403)
      if (!isCarrier || (m.status === 'in_transit' && who !== 'carrier2')) return { status: 403 };
      return m.status === 'in_transit' && m.legs === 2 && who === 'carrier2'
        ? { status: 200, next: { ...m, status: 'delivered' } }
        : { status: 409 };
    case 'receive':
    case 'reject':
      if (who !== 'receiver') return { status: 403 };
      return arrived
        ? { status: 200, next: { ...m, status: act === 'receive' ? 'received' : 'rejected' } }
        : { status: 409 };
  }
}

let t: TestApi;
let c: Cast;
let outsider: Member;
beforeAll(async () => {
  t = await testApi();
  c = await cast(t, 'model');
  outsider = await member(t, 'model-out', '140105', ['transporter'], transportLicence);
});

const step = fc.record({
  act: fc.constantFrom<Act>('dispatch', 'dispatch', 'pickup', 'pickup', 'deliver', 'receive', 'reject', 'cancel'),
  who: fc.constantFrom<Who>('generator', 'carrier1', 'carrier1', 'carrier2', 'carrier2', 'receiver', 'outsider'),
});

describe('manifest state machine (model-based)', () => {
  it('agrees with a model of the states on random action sequences by random roles', async () => {
    const members = (): Record<Who, Member> => ({
      generator: c.generator,
      carrier1: c.carrier,
      carrier2: c.carrier2,
      receiver: c.receiver,
      outsider,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const who = members();
        const created = expectStatus(
          await t.call(
            c.generator.user,
            'POST',
            '/v1/manifests',
            createBody(c, {
              transporterIds: [c.carrier.party.id, c.carrier2.party.id],
              lines: [{ ...createBody(c).lines[0], quantityKg: 1 }],
            }),
          ),
          201,
        );
        let model: Model = { status: 'draft', legs: 0 };
        for (const { act, who: by } of steps) {
          const party = who[by].party.id;
          const bodies: Record<Act, unknown> = {
            dispatch: undefined,
            pickup: { transporterId: party, vehiclePlate: '晋A1', driverName: '张' },
            deliver: { transporterId: party, deliveredAt: new Date().toISOString() },
            receive: receiptOf(created),
            reject: { reason: '拒收', disposition: 'return' },
            cancel: { reason: '取消' },
          };
          const res = await t.call(who[by].user, 'POST', `/v1/manifests/${created.id}/${act}`, bodies[act]);
          const want = expected(model, act, by);
          expect({ step: `${by} ${act} in ${model.status}/${model.legs}`, status: res.status }).toEqual({
            step: `${by} ${act} in ${model.status}/${model.legs}`,
            status: want.status,
          });
          if (want.next) model = want.next;
        }
        const now = expectStatus(await t.call(c.generator.user, 'GET', `/v1/manifests/${created.id}`), 200);
        expect({ status: now.status, legs: now.currentLeg }).toEqual(model);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
