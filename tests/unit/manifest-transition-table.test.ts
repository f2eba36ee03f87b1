import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  availableActions,
  awaitedParties,
  decide,
  stateDiagram,
  TRANSITIONS,
  type TransitionFacts,
} from '#shared/domain/manifest/transition-table.ts';
import {
  FINAL_STATES,
  MANIFEST_STATES,
  type IncidentRef,
  type ManifestLine,
  type Role,
} from '#shared/domain/manifest/manifest.ts';
import { AppError } from '#shared/errors.ts';
import { first } from '../support/present.ts';

const incident = (status: 'open' | 'closed', grams: number): IncidentRef => ({
  id: `i${grams}${status}`,
  status,
  divisionCode: '141102',
  lines: [{ lineNo: 1, grams }],
});
/** Incidents on a one-line manifest of 1 kg: none, part lost, lost whole in one or two, lost whole and closed. */
const INCIDENT_SETS: IncidentRef[][] = [
  [],
  [incident('open', 400)],
  [incident('open', 1000)],
  [incident('open', 600), incident('open', 400)],
  [incident('closed', 1000)],
  [incident('closed', 600), incident('open', 400)],
];

const ROLES: Role[] = ['generator', 'transporter', 'receiver', 'regulator'];
const carrierIds = ['c1', 'c2', 'c3'];

const facts: fc.Arbitrary<TransitionFacts & { generatorId: string; receiverId: string }> = fc
  .record({
    status: fc.constantFrom(...MANIFEST_STATES),
    carriers: fc.integer({ min: 0, max: 3 }),
    picked: fc.integer({ min: 0, max: 3 }),
    discrepancy: fc.constantFrom(null, 'open', 'explained', 'closed'),
    incidents: fc.constantFrom(...INCIDENT_SETS),
  })
  .map(({ status, carriers, picked, discrepancy, incidents }) => ({
    status,
    generatorId: 'g',
    receiverId: 'r',
    transporterIds: carrierIds.slice(0, carriers),
    legs: carrierIds
      .slice(0, Math.min(picked, carriers))
      .map((transporterId) => ({ transporterId, vehiclePlate: 'x', driverName: 'y', pickedUpAt: 'z' })),
    discrepancy: discrepancy === null ? null : { status: discrepancy as 'open', lines: [] },
    lines: [{ lineNo: 1, grams: 1000 }] as ManifestLine[],
    incidents,
  }));

const allowed = (m: TransitionFacts, action: (typeof ACTIONS)[number], role: Role, partyId: string | null) => {
  try {
    decide(m, action, role, partyId);
    return true;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    // FORBIDDEN: the right state, but another party's turn (a carrier of an earlier leg reporting an incident).
    expect(['INVALID_STATE', 'FORBIDDEN']).toContain((err as AppError).code);
    return false;
  }
};

describe('manifest transition table', () => {
  it('lists exactly the actions decide allows, for every state, role and party', () => {
    fc.assert(
      fc.property(
        facts,
        fc.constantFrom(...ROLES),
        fc.constantFrom(null, 'g', 'r', ...carrierIds),
        (m, role, partyId) => {
          const listed = availableActions(m, [{ role, partyId }])
            .map((a) => a.action)
            .sort();
          const decided = ACTIONS.filter((a) => allowed(m, a, role, partyId)).sort();
          expect(listed).toEqual(decided);
        },
      ),
    );
  });

  it('ends a load lost whole `lost` when a regulator closes its last open incident, and only then', () => {
    fc.assert(
      fc.property(facts, (m) => {
        const d = (() => {
          try {
            return decide(m, 'close-incident', 'regulator', null);
          } catch {
            return undefined;
          }
        })();
        const open = (m.incidents ?? []).filter((i) => i.status === 'open');
        const whole = (m.incidents ?? []).reduce((sum, i) => sum + first(i.lines, 'incident line').grams, 0) === 1000;
        expect(d !== undefined).toBe(
          open.length > 0 && ['in_transit', 'delivered', 'received', 'rejected'].includes(m.status),
        );
        if (d)
          expect(d.to === 'lost').toBe(open.length === 1 && whole && ['in_transit', 'delivered'].includes(m.status));
      }),
    );
  });

  it('lets only the carrier holding the load report an incident on the road; an earlier carrier gets 403', () => {
    const onRoad = {
      status: 'in_transit' as const,
      transporterIds: ['c1', 'c2'],
      discrepancy: null,
      legs: ['c1', 'c2'].map((transporterId) => ({
        transporterId,
        vehiclePlate: 'x',
        driverName: 'y',
        pickedUpAt: 'z',
      })),
    };
    expect(decide(onRoad, 'report-incident', 'transporter', 'c2').event).toBe('incident_reported');
    expect(() => decide(onRoad, 'report-incident', 'transporter', 'c1')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => decide(onRoad, 'report-incident', 'receiver', 'r')).toThrow(
      expect.objectContaining({ code: 'INVALID_STATE' }),
    );
    expect(decide({ ...onRoad, status: 'delivered' }, 'report-incident', 'receiver', 'r').to).toBe('delivered');
    // The arrival: an earlier leg's carrier is refused as not theirs, the last carrier before its pickup as not yet
    expect(() => decide(onRoad, 'deliver', 'transporter', 'c1')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    const firstLegOnly = { ...onRoad, legs: onRoad.legs.slice(0, 1) };
    expect(() => decide(firstLegOnly, 'deliver', 'transporter', 'c2')).toThrow(
      expect.objectContaining({ code: 'INVALID_STATE' }),
    );
    expect(decide(onRoad, 'deliver', 'transporter', 'c2').to).toBe('delivered');
  });

  it('allows no state change from a final state', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...ROLES), fc.constantFrom(...ACTIONS), (m, role, action) => {
        if (!FINAL_STATES.includes(m.status)) return;
        const d = (() => {
          try {
            return decide(m, action, role, 'c1');
          } catch {
            return undefined;
          }
        })();
        expect(d === undefined || d.to === m.status).toBe(true);
      }),
    );
  });

  it('lets only the next carrier pick up, and the receiver act only once the last carrier has picked up', () => {
    fc.assert(
      fc.property(facts, (m) => {
        for (const c of carrierIds) {
          expect(allowed(m, 'pickup', 'transporter', c)).toBe(
            (m.status === 'dispatched' || m.status === 'in_transit') && m.transporterIds[m.legs.length] === c,
          );
        }
        const arrived =
          m.status === 'delivered' ||
          (m.status === 'in_transit' && m.transporterIds.length > 0 && m.legs.length === m.transporterIds.length);
        expect(allowed(m, 'receive', 'receiver', 'r')).toBe(arrived);
        expect(allowed(m, 'reject', 'receiver', 'r')).toBe(arrived);
        expect(allowed(m, 'cancel', 'generator', 'g')).toBe(
          (m.status === 'draft' || m.status === 'dispatched') && m.legs.length === 0,
        );
      }),
    );
  });

  it('names the first pickup picked_up and each later one handed_over', () => {
    const m = { status: 'dispatched' as const, transporterIds: ['c1', 'c2'], legs: [], discrepancy: null };
    expect(decide(m, 'pickup', 'transporter', 'c1')).toMatchObject({ to: 'in_transit', event: 'picked_up' });
    const leg = { transporterId: 'c1', vehiclePlate: 'x', driverName: 'y', pickedUpAt: 'z' };
    expect(decide({ ...m, status: 'in_transit', legs: [leg] }, 'pickup', 'transporter', 'c2')).toMatchObject({
      event: 'handed_over',
    });
  });

  it('refuses the receiver a pickup in the table itself (no row for that role)', () => {
    expect(TRANSITIONS.some((t) => t.action === 'pickup' && t.role === 'receiver')).toBe(false);
  });

  it('awaits the generator on a draft, the next carrier once dispatched, the receiver on arrival', () => {
    const base = { generatorId: 'g', receiverId: 'r', transporterIds: ['c1'], legs: [], discrepancy: null };
    expect(awaitedParties({ ...base, status: 'draft' })).toEqual(['g']);
    expect(awaitedParties({ ...base, status: 'dispatched' })).toEqual(['c1']);
    expect(awaitedParties({ ...base, status: 'delivered' })).toEqual(['r']);
    expect(awaitedParties({ ...base, status: 'cancelled' })).toEqual([]);
  });

  it('draws the state diagram from the table', () => {
    const diagram = stateDiagram();
    expect(diagram).toContain('draft --> dispatched: dispatch (generator)');
    expect(diagram).toContain('in_transit --> received: receive (receiver)');
    expect(diagram).not.toContain('received --> draft');
  });
});
