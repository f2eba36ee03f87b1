// The application's transition table, its steps' working-day deadlines and the deemed acceptance (rule 30), pure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationRoles, mayViewApplication } from '#shared/domain/application/access.ts';
import {
  applicationDeadlines,
  stepOf,
  withDeemedAcceptance,
  type ApplicationFacts,
} from '#shared/domain/application/deadlines.ts';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  APPLICATION_TRANSITIONS,
  FINAL_STATES,
  availableApplicationActions,
  decideApplication,
  type ApplicationRole,
} from '#shared/domain/application/transition-table.ts';
import { actorOf } from '#shared/domain/jurisdiction.ts';
import { workingCalendar } from '#shared/reference/holidays.ts';

const s = { timeZone: 'Asia/Shanghai', calendar: workingCalendar() };
const ROLES: ApplicationRole[] = ['outbound', 'receiving', 'generator'];

const facts = (over: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  id: 'a1',
  status: 'submitted',
  generatorId: 'g',
  receiverId: 'r',
  generatorDivisionCode: '140105',
  receiverDivisionCode: '130102',
  submittedAt: '2026-11-20T07:00:00.000Z',
  since: '2026-11-20T07:00:00.000Z',
  history: [],
  ...over,
});

describe('the transition table', () => {
  it('every state but the final ones has a way on, and every action answers 403 (not the role), 409 (not now) or moves', () => {
    for (const state of APPLICATION_STATES) {
      const onward = APPLICATION_TRANSITIONS.filter((t) => t.from.includes(state));
      expect(onward.length === 0).toBe(FINAL_STATES.includes(state));
    }
    fc.assert(
      fc.property(
        fc.constantFrom(...APPLICATION_STATES),
        fc.constantFrom(...APPLICATION_ACTIONS),
        fc.subarray(ROLES),
        (status, action, roles) => {
          const row = APPLICATION_TRANSITIONS.find(
            (t) => t.action === action && roles.includes(t.role) && t.from.includes(status),
          );
          const decide = () => decideApplication({ status }, action, roles);
          if (row) expect(decide().to).toBe(row.to);
          else if (!APPLICATION_TRANSITIONS.some((t) => t.action === action && roles.includes(t.role)))
            expect(decide).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
          else expect(decide).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
          // …actions lists exactly what decide lets through.
          expect(availableApplicationActions({ status }, roles).some((a) => a.action === action)).toBe(
            row !== undefined,
          );
        },
      ),
    );
  });

  it('refusal follows acceptance, consent or a decline; approval only consent', () => {
    expect(APPLICATION_TRANSITIONS.find((t) => t.action === 'refuse')!.from).toEqual([
      'accepted',
      'consented',
      'declined',
    ]);
    expect(APPLICATION_TRANSITIONS.find((t) => t.action === 'approve')!.from).toEqual(['consented']);
  });
});

describe('who acts', () => {
  const a = {
    generatorProvince: '14',
    receiverProvince: '13',
    generatorDivisionCode: '140105',
    receiverDivisionCode: '130102',
    inbound: true,
  };
  const none = { generator: false, receiver: false };
  it('province-level and nationwide regulators act; city regulators only read', () => {
    expect(applicationRoles(actorOf({ sub: 'p', groups: ['regulator'], jurisdiction: '14' }), a, none)).toEqual([
      'outbound',
    ]);
    expect(applicationRoles(actorOf({ sub: 'n', groups: ['regulator'], jurisdiction: '00' }), a, none)).toEqual([
      'outbound',
      'receiving',
    ]);
    const city = actorOf({ sub: 'c', groups: ['regulator'], jurisdiction: '1401' });
    expect(applicationRoles(city, a, none)).toEqual([]);
    expect(mayViewApplication(city, a, none)).toBe(true);
    const hebei = actorOf({ sub: 'h', groups: ['regulator'], jurisdiction: '13' });
    expect(mayViewApplication(hebei, { ...a, inbound: false }, none)).toBe(false);
    expect(applicationRoles(hebei, { ...a, inbound: false }, none)).toEqual([]);
  });
});

describe('steps and deadlines', () => {
  it('counts working days: 5 for acceptance from a Friday submission ends with the next Friday, local time', () => {
    expect(stepOf('submitted', '2026-11-20T07:00:00.000Z', s)).toEqual({
      step: 'acceptance',
      owedBy: 'outbound',
      since: '2026-11-20T07:00:00.000Z',
      dueAt: '2026-11-27T16:00:00.000Z',
    });
    // 10 working days from 30 September: 8, 9, 10 (make-up Saturday), 12–16, 19, 20 October.
    expect(stepOf('consent-requested', '2026-09-30T02:00:00.000Z', s)!.dueAt).toBe('2026-10-20T16:00:00.000Z');
    expect(stepOf('declined', '2026-11-20T07:00:00.000Z', s)).toMatchObject({ step: 'decision', owedBy: 'outbound' });
    expect(stepOf('incomplete', '2026-11-20T07:00:00.000Z', s)).toBeUndefined();
    expect(stepOf('approved', '2026-11-20T07:00:00.000Z', s)).toBeUndefined();
  });

  it('deems a submission accepted as of its submission once 5 working days pass, not before', () => {
    const a = facts();
    expect(withDeemedAcceptance(a, new Date('2026-11-27T15:59:59Z'), s)).toBe(a);
    const deemed = withDeemedAcceptance(a, new Date('2026-11-27T16:00:00Z'), s);
    expect(deemed).toMatchObject({ status: 'accepted', since: a.submittedAt });
    expect(deemed.history).toEqual([
      {
        action: 'deemed-accept',
        status: 'accepted',
        at: a.submittedAt,
        by: 'system',
        step: 'preliminary-view',
        dueAt: '2026-11-27T16:00:00.000Z',
      },
    ]);
    expect(withDeemedAcceptance(facts({ status: 'incomplete' }), new Date('2027-01-01'), s).status).toBe('incomplete');
  });

  it('the alert falls to the province that owes the step: never for acceptance itself', () => {
    expect(applicationDeadlines(facts(), s)).toEqual([
      {
        type: 'application-review-overdue',
        subjectId: 'a1/preliminary-view',
        partyId: 'g',
        divisionCode: '140105',
        dueAt: '2026-11-27T16:00:00.000Z',
      },
    ]);
    expect(applicationDeadlines(facts({ status: 'consent-requested' }), s)).toMatchObject([
      { subjectId: 'a1/consent', partyId: 'r', divisionCode: '130102' },
    ]);
    expect(applicationDeadlines(facts({ status: 'incomplete' }), s)).toEqual([]);
    expect(applicationDeadlines(facts({ status: 'refused' }), s)).toEqual([]);
  });
});
