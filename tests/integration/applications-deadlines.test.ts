// The working-day steps of an application (domain.md rule 30): an unanswered submission is deemed accepted as of its
// submission; a step past due opens `application-review-overdue` for the province that owes it, through the deadline
// each write commits in its own transaction, the due-time index and the alerts job; taking the step late still works
// and closes the alert at once. No change-stream consumer runs in this file: none is needed for any of it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClockOffset } from '#shared/clock.ts';
import { getDeadline } from '#shared/store/deadline-store.ts';
import { testApi, type TestApi } from '../support/api.ts';
import { provinceRegulator } from '../support/fixtures.ts';
import { applicationBody } from './application-fixtures.ts';
import { expectStatus, member, receiverLicence } from './manifest-fixtures.ts';

const DAY = 86_400_000;
const shanxi = provinceRegulator('14');
const hebei = provinceRegulator('13');
let t: TestApi;

beforeAll(async () => {
  t = await testApi();
});
afterEach(() => setClockOffset(0));

async function apply(prefix: string) {
  const [generator, receiver] = await Promise.all([
    member(t, `${prefix}-gen`, '140105', ['generator']),
    member(
      t,
      `${prefix}-rec`,
      '130102',
      ['receiver'],
      receiverLicence([{ code: 'HW49', annualCapacityKg: 1_000_000 }]),
    ),
  ]);
  const submitted = expectStatus(
    await t.call(
      generator.user,
      'POST',
      '/v1/approval-applications',
      applicationBody(generator.party.id, receiver.party.id),
    ),
    201,
    'apply',
  );
  return { generator, receiver, id: submitted.id as string, submitted };
}

/** The alerts job at the clock as it is now (no stream consumer has run, or ever will here). */
async function runJob() {
  expectStatus(await t.call(null, 'POST', '/local/jobs/alerts'), 200, 'alerts job');
}

const reviewAlerts = async (user: typeof shanxi, subjectId: string) =>
  (await t.call(user, 'GET', '/v1/oversight/alerts?type=application-review-overdue&limit=100')).body.items.filter(
    (a: { subjectId: string }) => a.subjectId === subjectId,
  );

describe('deemed acceptance', () => {
  it('an application not answered within 5 working days reads as accepted as of its submission; accept and incomplete then answer 409', async () => {
    const { generator, id, submitted } = await apply('app-deemed');
    setClockOffset(2 * DAY);
    expect((await t.call(shanxi, 'GET', `/v1/approval-applications/${id}`)).body.status).toBe('submitted');

    setClockOffset(20 * DAY);
    const read = await t.call(generator.user, 'GET', `/v1/approval-applications/${id}`);
    expect(read.body).toMatchObject({
      status: 'accepted',
      version: 1,
      due: {
        step: 'preliminary-view',
        owedBy: 'outbound',
        since: submitted.submittedAt,
        dueAt: submitted.due.dueAt,
        overdue: true,
      },
    });
    expect(read.body.history.at(-1)).toEqual({
      action: 'deemed-accept',
      status: 'accepted',
      at: submitted.submittedAt,
      by: 'system',
      step: 'preliminary-view',
      dueAt: submitted.due.dueAt,
    });
    expect(
      (await t.call(shanxi, 'GET', `/v1/approval-applications/${id}/actions`)).body.map(
        (a: { action: string }) => a.action,
      ),
    ).toEqual(['request-consent', 'refuse']);
    expect((await t.call(shanxi, 'POST', `/v1/approval-applications/${id}/accept`)).body.code).toBe('INVALID_STATE');
    expect(
      (await t.call(shanxi, 'POST', `/v1/approval-applications/${id}/incomplete`, { missing: ['合同'] })).body.code,
    ).toBe('INVALID_STATE');

    // Lists see it as the law does.
    const list = (status: string) =>
      t.call(generator.user, 'GET', `/v1/approval-applications?generatorId=${generator.party.id}&status=${status}`);
    expect((await list('accepted')).body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await list('submitted')).body.items).toEqual([]);

    // The next step stores the deemed acceptance with it, and is marked late.
    const asked = await t.call(shanxi, 'POST', `/v1/approval-applications/${id}/request-consent`, undefined, {
      'if-match': '"1"',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'deemed-accept',
      'request-consent',
    ]);
    expect(asked.body.history.at(-1)).toMatchObject({ late: true, step: 'consent' });
  });
});

describe('application-review-overdue', () => {
  it('opens for the outbound province when the preliminary view is late, and for the receiving province when its consent is; each closes when the step is taken', async () => {
    const { generator, receiver, id } = await apply('app-overdue');
    expectStatus(await t.call(shanxi, 'POST', `/v1/approval-applications/${id}/accept`), 200, 'accept');
    setClockOffset(2 * DAY);
    await runJob();
    expect(await reviewAlerts(shanxi, `${id}/preliminary-view`)).toEqual([]);

    // Five working days are never more than 20 calendar days, whatever holidays fall between.
    setClockOffset(20 * DAY);
    await runJob();
    const [view] = await reviewAlerts(shanxi, `${id}/preliminary-view`);
    expect(view).toMatchObject({ status: 'open', partyId: generator.party.id, divisionCode: '140105' });
    expect(await reviewAlerts(hebei, `${id}/preliminary-view`)).toEqual([]);

    // Late, but it still works, and the alert closes in the same write.
    const asked = await t.call(shanxi, 'POST', `/v1/approval-applications/${id}/request-consent`);
    expect(asked.status).toBe(200);
    expect(asked.body.history.at(-1)).toMatchObject({ action: 'request-consent', late: true });
    expect((await reviewAlerts(shanxi, `${id}/preliminary-view`))[0]).toMatchObject({
      status: 'closed',
      closedBy: 'system',
    });

    // The receiving province owes 10 working days.
    setClockOffset(22 * DAY);
    await runJob();
    expect(await reviewAlerts(hebei, `${id}/consent`)).toEqual([]);
    setClockOffset(60 * DAY);
    await runJob();
    const [consent] = await reviewAlerts(hebei, `${id}/consent`);
    expect(consent).toMatchObject({ status: 'open', partyId: receiver.party.id, divisionCode: '130102' });
    expect(await reviewAlerts(shanxi, `${id}/consent`)).toEqual([]);

    expectStatus(await t.call(hebei, 'POST', `/v1/approval-applications/${id}/consent`), 200, 'consent');
    expect((await reviewAlerts(hebei, `${id}/consent`))[0].status).toBe('closed');
    await runJob();
    expect((await reviewAlerts(hebei, `${id}/consent`))[0].status).toBe('closed');
  });
});

describe('step deadlines are written by the application writes themselves', () => {
  const review = (id: string, step: string) =>
    getDeadline({ type: 'application-review-overdue', subjectId: `${id}/${step}` });

  it('each write ends the step it took and starts the next, in its own transaction; late steps still work, closing their alert', async () => {
    const { generator, receiver, id, submitted } = await apply('app-tx');
    // Right after the submission: the deadline of the view owed from it (acceptance is deemed, never an alert).
    expect(await review(id, 'preliminary-view')).toMatchObject({
      partyId: generator.party.id,
      divisionCode: '140105',
      dueAt: submitted.due.dueAt,
    });

    // Deemed accepted, the view is overdue: the job opens the alert from the deadline the submission wrote.
    setClockOffset(20 * DAY);
    await runJob();
    const [view] = await reviewAlerts(shanxi, `${id}/preliminary-view`);
    expect(view).toMatchObject({ status: 'open', partyId: generator.party.id });

    const asked = expectStatus(
      await t.call(shanxi, 'POST', `/v1/approval-applications/${id}/request-consent`),
      200,
      'late request-consent',
    );
    expect(asked.history.at(-1)).toMatchObject({ action: 'request-consent', late: true, step: 'consent' });
    expect((await reviewAlerts(shanxi, `${id}/preliminary-view`))[0]).toMatchObject({
      id: view.id,
      status: 'closed',
      closedBy: 'system',
    });
    expect(await review(id, 'preliminary-view')).toBeUndefined();
    expect(await review(id, 'consent')).toMatchObject({
      partyId: receiver.party.id,
      divisionCode: '130102',
      dueAt: asked.due.dueAt,
    });

    // The receiving province's 10 working days pass: its alert, then the late consent closes it and starts the decision.
    setClockOffset(60 * DAY);
    await runJob();
    const [consent] = await reviewAlerts(hebei, `${id}/consent`);
    expect(consent).toMatchObject({ status: 'open', partyId: receiver.party.id, divisionCode: '130102' });
    const consented = expectStatus(
      await t.call(hebei, 'POST', `/v1/approval-applications/${id}/consent`),
      200,
      'late consent',
    );
    expect((await reviewAlerts(hebei, `${id}/consent`))[0]).toMatchObject({ id: consent.id, status: 'closed' });
    expect(await review(id, 'consent')).toBeUndefined();
    expect(await review(id, 'decision')).toMatchObject({ partyId: generator.party.id, dueAt: consented.due.dueAt });

    // A final state owes nothing: refusing removes the last deadline, and the job opens nothing more.
    expectStatus(
      await t.call(shanxi, 'POST', `/v1/approval-applications/${id}/refuse`, { reason: '处置能力不足' }),
      200,
      'refuse',
    );
    expect(await review(id, 'decision')).toBeUndefined();
    setClockOffset(90 * DAY);
    await runJob();
    expect(await reviewAlerts(shanxi, `${id}/decision`)).toEqual([]);
  });

  it('incomplete ends the clock (the generator’s turn); resubmitting starts a new one', async () => {
    const { generator, id } = await apply('app-tx-inc');
    expectStatus(
      await t.call(shanxi, 'POST', `/v1/approval-applications/${id}/incomplete`, { missing: ['合同'] }),
      200,
      'incomplete',
    );
    expect(await review(id, 'preliminary-view')).toBeUndefined();
    const again = expectStatus(
      await t.call(generator.user, 'POST', `/v1/approval-applications/${id}/resubmit`, {
        attachments: [{ kind: 'contract', name: '合同.pdf', documentHash: 'a'.repeat(64) }],
      }),
      200,
      'resubmit',
    );
    expect(await review(id, 'preliminary-view')).toMatchObject({ dueAt: again.due.dueAt, since: again.submittedAt });
  });
});
