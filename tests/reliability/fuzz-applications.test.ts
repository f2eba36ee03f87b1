// Cross-province applications and approval amendments fuzzed against a model written from api.md (fast-check):
// random actions by random callers — the applicant, the receiver's member, regulators of the outbound province, of one
// of its cities, of the receiving province, nationwide and of a third province, an unrelated enterprise — answer as
// api.md orders them (404 not seen, 403 not theirs, 409 not now, 200), the application and its `…/actions` follow the
// model, and a refused action writes nothing. Random narrowings and widenings of an approval answer 200, 400
// (impossible period) or 422 AMENDMENT_NOT_DOWNWARD naming the field, and 409 once it is revoked.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { enterprise, regulator, testApi, type Reply, type TestApi, type User } from '../support/api.ts';
import { activeParty, provinceRegulator, verifiedLicence } from '../support/fixtures.ts';
import { problemMismatch } from '../support/route-matrix.ts';
import { localDay, WASTE_CODE } from '../support/world.ts';
import { changes, snapshot } from './store-snapshot.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

type State =
  | 'submitted'
  | 'incomplete'
  | 'accepted'
  | 'consent-requested'
  | 'consented'
  | 'declined'
  | 'approved'
  | 'refused';
type Role = 'outbound' | 'receiving' | 'generator';
/** api.md "Applications", written out again here (not read from the code's table). */
type Action = 'accept' | 'incomplete' | 'resubmit' | 'request-consent' | 'consent' | 'decline' | 'approve' | 'refuse';
const MODEL: Record<Action, { role: Role; from: State[]; to: State; body?: () => unknown }> = {
  accept: { role: 'outbound', from: ['submitted'], to: 'accepted' },
  incomplete: { role: 'outbound', from: ['submitted'], to: 'incomplete', body: () => ({ missing: ['委托处置合同'] }) },
  resubmit: {
    role: 'generator',
    from: ['incomplete'],
    to: 'submitted',
    body: () => ({ attachments: [{ kind: 'contract', name: 'c.pdf', documentHash: 'ab'.repeat(32) }] }),
  },
  'request-consent': { role: 'outbound', from: ['accepted'], to: 'consent-requested' },
  consent: { role: 'receiving', from: ['consent-requested'], to: 'consented' },
  decline: { role: 'receiving', from: ['consent-requested'], to: 'declined', body: () => ({ reason: '能力不足' }) },
  approve: {
    role: 'outbound',
    from: ['consented'],
    to: 'approved',
    body: () => ({ validFrom: localDay(), validTo: localDay(200) }),
  },
  refuse: {
    role: 'outbound',
    from: ['accepted', 'consented', 'declined'],
    to: 'refused',
    body: () => ({ reason: '不予批准' }),
  },
};
const ACTIONS = Object.keys(MODEL) as Action[];

type Caller =
  | 'applicant'
  | 'receiverMember'
  | 'outbound'
  | 'outboundCity'
  | 'receiving'
  | 'nationwide'
  | 'thirdProvince'
  | 'stranger';
const CALLERS: Caller[] = [
  'applicant',
  'receiverMember',
  'outbound',
  'outboundCity',
  'receiving',
  'nationwide',
  'thirdProvince',
  'stranger',
];

/** Once consent has been asked, the receiving province sees the application for good. */
const INBOUND: State[] = ['consent-requested', 'consented', 'declined', 'approved'];
function sees(caller: Caller, state: State, asked: boolean): boolean {
  if (caller === 'thirdProvince' || caller === 'stranger') return false;
  return caller !== 'receiving' || asked || INBOUND.includes(state);
}
function rolesOf(caller: Caller, asked: boolean): Role[] {
  if (caller === 'applicant') return ['generator'];
  if (caller === 'outbound') return ['outbound'];
  if (caller === 'receiving') return asked ? ['receiving'] : [];
  if (caller === 'nationwide') return asked ? ['outbound', 'receiving'] : ['outbound'];
  return [];
}

/** An action the model allows in `state` and a caller who may take it (none once final). */
function guide(state: State, asked: boolean, k: number): { caller: Caller; action: Action } | undefined {
  const enabled = ACTIONS.filter((a) => MODEL[a].from.includes(state));
  const action = enabled[k % Math.max(enabled.length, 1)];
  if (!action) return undefined;
  const callers = CALLERS.filter((c) => rolesOf(c, asked).includes(MODEL[action].role));
  const caller = callers[k % Math.max(callers.length, 1)];
  return caller && { caller, action };
}

let t: TestApi;
let users: Record<Caller, User>;
let body: () => Record<string, unknown>;

beforeAll(async () => {
  t = await testApi();
  users = {
    applicant: enterprise('fapp-applicant'),
    receiverMember: enterprise('fapp-receiver'),
    outbound: provinceRegulator('14'),
    outboundCity: regulator('fapp-taiyuan', '1401'),
    receiving: provinceRegulator('13'),
    nationwide: regulator('fapp-nation', '00'),
    thirdProvince: provinceRegulator('65'),
    stranger: enterprise('fapp-stranger'),
  };
  const [generator, receiver] = await Promise.all([
    activeParty(t, users.applicant, { divisionCode: '140105', kinds: ['generator'] }),
    activeParty(t, users.receiverMember, { divisionCode: '130102', kinds: ['receiver'] }),
  ]);
  await activeParty(t, users.stranger, { divisionCode: '650102' });
  await verifiedLicence(t, users.receiverMember, receiver, {
    wasteCodes: [{ code: 'HW49', annualCapacityKg: 1_000_000 }],
  });
  body = () => ({
    generatorId: generator.id,
    receiverId: receiver.id,
    wasteCodes: [{ code: WASTE_CODE, maxKg: 2000 }],
    method: 'dispose',
    requestedFrom: localDay(),
    requestedTo: localDay(300),
    attachments: [{ kind: 'receiver-licence', name: 'l.pdf', documentHash: '0f'.repeat(32) }],
  });
}, 120_000);

const show = (r: Reply) => `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`;

describe('fuzzing applications against api.md', () => {
  it('random callers taking random actions get the answer api.md orders, and a refusal writes nothing', async () => {
    // Half the steps are guided to an action the model allows now, by a caller who holds it: random ones rarely are.
    const steps = fc.array(
      fc.record({
        caller: fc.constantFrom(...CALLERS),
        action: fc.constantFrom(...ACTIONS),
        guided: fc.boolean(),
        k: fc.nat(99),
      }),
      { minLength: 3, maxLength: 10 },
    );
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        const created = await t.call(users.applicant, 'POST', '/v1/approval-applications', body());
        expect(created.status, show(created)).toBe(201);
        const id = created.body.id as string;
        let state: State = 'submitted';
        let asked = false;
        let before = await snapshot();
        for (const step of plan) {
          const chosen: { caller: Caller; action: Action } =
            (step.guided ? guide(state, asked, step.k) : undefined) ?? step;
          const { caller, action } = chosen;
          const m = MODEL[action];
          const reply = await t.call(users[caller], 'POST', `/v1/approval-applications/${id}/${action}`, m.body?.());
          const roles = rolesOf(caller, asked);
          const want = !sees(caller, state, asked)
            ? 404
            : !roles.includes(m.role)
              ? 403
              : !m.from.includes(state)
                ? 409
                : 200;
          const what = `${action} by ${caller} in ${state}`;
          expect(reply.status, `${what}: ${show(reply)}`).toBe(want);
          const after = await snapshot();
          if (want === 200) {
            state = m.to;
            asked ||= state === 'consent-requested';
            taken += 1;
            expect(reply.body.status).toBe(state);
            if (state === 'approved') expect(reply.body.approvalId).toEqual(expect.any(String));
          } else {
            expect(problemMismatch(reply), what).toBeUndefined();
            expect(reply.body.code).toBe({ 404: 'NOT_FOUND', 403: 'FORBIDDEN', 409: 'INVALID_STATE' }[want]);
            expect(changes(before, after), `${what} wrote`).toEqual([]);
          }
          before = after;
        }
        // What each caller sees afterwards, and the actions offered: exactly the model's.
        for (const caller of CALLERS) {
          const read = await t.call(users[caller], 'GET', `/v1/approval-applications/${id}/actions`);
          if (!sees(caller, state, asked)) {
            expect(read.status, `${caller} reads actions in ${state}`).toBe(404);
            continue;
          }
          expect(read.status, `${caller}: ${show(read)}`).toBe(200);
          const roles = rolesOf(caller, asked);
          const offered = ACTIONS.filter((a) => roles.includes(MODEL[a].role) && MODEL[a].from.includes(state)).sort();
          expect(read.body.map((x: { action: string }) => x.action).sort(), `${caller} in ${state}`).toEqual(offered);
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`application fuzz: ${taken} actions taken over ${RUNS} applications`);
  }, 600_000);

  it('random amendments of an approval: narrowing 200, widening 422 naming the field, an impossible period 400, revoked 409', async () => {
    const shanxi = users.outbound;
    const created = await t.call(users.applicant, 'POST', '/v1/approval-applications', body());
    const id = created.body.id as string;
    for (const [who, action] of [
      ['outbound', 'accept'],
      ['outbound', 'request-consent'],
      ['receiving', 'consent'],
      ['outbound', 'approve'],
    ] as const) {
      const r = await t.call(users[who], 'POST', `/v1/approval-applications/${id}/${action}`, MODEL[action].body?.());
      expect(r.status, `${action}: ${show(r)}`).toBe(200);
    }
    const approvalId = (await t.call(shanxi, 'GET', `/v1/approval-applications/${id}`)).body.approvalId as string;
    const read = await t.call(shanxi, 'GET', `/v1/approvals/${approvalId}`);
    const terms = {
      validFrom: read.body.validFrom as string,
      validTo: read.body.validTo as string,
      grams: Math.round(read.body.wasteCodes[0].maxKg * 1000),
    };
    const shift = (day: string, days: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const patch = fc.record(
      {
        validFrom: fc.oneof(
          { arbitrary: fc.integer({ min: -2, max: 3 }), weight: 4 },
          { arbitrary: fc.integer({ min: 0, max: 250 }), weight: 1 },
        ),
        validTo: fc.oneof(
          { arbitrary: fc.integer({ min: -3, max: 2 }), weight: 4 },
          { arbitrary: fc.integer({ min: -250, max: 0 }), weight: 1 },
        ),
        wasteCodes: fc.array(
          fc.record({
            code: fc.constantFrom(WASTE_CODE, WASTE_CODE, '900-000-49'),
            grams: fc.integer({ min: -2, max: 2 }).map((d) => d * 1000),
          }),
          { minLength: 1, maxLength: 1 },
        ),
      },
      { requiredKeys: [] },
    );
    let revoked = false;
    let run = 0;
    const outcomes: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(patch, async (p) => {
        if (Object.keys(p).length === 0) return;
        // Revoked for the last fifth of the runs.
        run += 1;
        if (run > RUNS * 3.2 && !revoked) {
          expect(
            (await t.call(shanxi, 'POST', `/v1/approvals/${approvalId}/revoke`, { reason: '现场核查不符' })).status,
          ).toBe(200);
          revoked = true;
        }
        const sent = {
          ...(p.validFrom !== undefined ? { validFrom: shift(terms.validFrom, p.validFrom) } : {}),
          ...(p.validTo !== undefined ? { validTo: shift(terms.validTo, p.validTo) } : {}),
          ...(p.wasteCodes
            ? {
                wasteCodes: p.wasteCodes.map((c) => ({
                  code: c.code,
                  maxKg: Math.max(0, terms.grams + c.grams) / 1000,
                })),
              }
            : {}),
        };
        const from = sent.validFrom ?? terms.validFrom;
        const to = sent.validTo ?? terms.validTo;
        const upward = [
          ...(from < terms.validFrom ? ['validFrom'] : []),
          ...(to > terms.validTo ? ['validTo'] : []),
          ...(sent.wasteCodes ?? []).flatMap((c, i) =>
            c.code !== WASTE_CODE
              ? [`wasteCodes.${i}.code`]
              : Math.round(c.maxKg * 1000) > terms.grams
                ? [`wasteCodes.${i}.maxKg`]
                : [],
          ),
        ];
        const before = await snapshot();
        const reply = await t.call(shanxi, 'PATCH', `/v1/approvals/${approvalId}`, sent);
        outcomes[reply.status] = (outcomes[reply.status] ?? 0) + 1;
        const what = `${JSON.stringify(sent)} on ${JSON.stringify(terms)}${revoked ? ' (revoked)' : ''}: ${show(reply)}`;
        const want = to < from ? 400 : revoked ? 409 : upward.length ? 422 : 200;
        // Revoked: 409, unless the request is refused for what it says before the approval is read.
        if (revoked) expect(to < from ? [400, 409] : [409, 422], what).toContain(reply.status);
        else expect(reply.status, what).toBe(want);
        if (reply.status === 200) {
          terms.validFrom = from;
          terms.validTo = to;
          for (const c of (sent.wasteCodes ?? []).filter((x) => x.code === WASTE_CODE))
            terms.grams = Math.round(c.maxKg * 1000);
          expect(reply.body).toMatchObject({
            validFrom: from,
            validTo: to,
            wasteCodes: [{ code: WASTE_CODE, maxKg: terms.grams / 1000 }],
          });
          return;
        }
        expect(problemMismatch(reply), what).toBeUndefined();
        expect(changes(before, await snapshot()), what).toEqual([]);
        if (reply.status === 422) {
          expect(reply.body.code, what).toBe('AMENDMENT_NOT_DOWNWARD');
          expect(upward, what).toContain(reply.body.errors[0].path);
        }
        if (reply.status === 400)
          expect(
            reply.body.errors.map((e: { path: string }) => e.path),
            what,
          ).toEqual(expect.arrayContaining([expect.stringMatching(/^valid(From|To)$/)]));
      }),
      { numRuns: RUNS * 4 },
    );
    console.log(`amendment fuzz: answers ${JSON.stringify(outcomes)}`);
  }, 600_000);
});
