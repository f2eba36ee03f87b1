import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  documentHash,
  EVENT_TYPES,
  GENESIS_HASH,
  jcsHash,
  sealEvent,
  verifyChain,
  type EventDraft,
  type ManifestEvent,
} from '#shared/domain/hash-chain.ts';
import { at, exactly } from '../support/present.ts';

const draft: fc.Arbitrary<EventDraft> = fc.record({
  type: fc.constantFrom(...EVENT_TYPES),
  at: fc
    .date({ min: new Date('2024-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  actor: fc.record({
    sub: fc.string({ minLength: 1, maxLength: 10 }),
    partyId: fc.option(fc.uuid(), { nil: null }),
    role: fc.constantFrom('generator', 'transporter', 'receiver', 'regulator'),
  }),
  data: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean())),
});

function chain(drafts: EventDraft[]): ManifestEvent[] {
  const events: ManifestEvent[] = [];
  for (const d of drafts) events.push(sealEvent(events.at(-1), d));
  return events;
}

describe('manifest event hash chain', () => {
  it('starts at 64 zeros and links each event to the previous hash', () => {
    const events = chain([
      {
        type: 'created',
        at: '2026-03-15T00:00:00.000Z',
        actor: { sub: 'u', partyId: null, role: 'generator' },
        data: {},
      },
      {
        type: 'updated',
        at: '2026-03-15T01:00:00.000Z',
        actor: { sub: 'u', partyId: null, role: 'generator' },
        data: { a: 1 },
      },
    ]);
    const [created, updated] = exactly(events, 2, 'event');
    expect(created.prevHash).toBe(GENESIS_HASH);
    expect(updated.prevHash).toBe(created.hash);
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    const { hash, ...unsealed } = updated;
    expect(hash).toBe(jcsHash(unsealed));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies every chain it sealed', () => {
    fc.assert(
      fc.property(fc.array(draft, { minLength: 0, maxLength: 12 }), (drafts) => {
        const report = verifyChain(chain(drafts));
        return report.valid && report.firstBrokenSeq === null && report.events === drafts.length;
      }),
    );
  });

  it('reports the first altered event when any event is changed', () => {
    fc.assert(
      fc.property(
        fc.array(draft, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 5 }),
        (drafts, i, mark) => {
          const events = chain(drafts);
          const index = i % events.length;
          const target = at(events, index, 'event');
          events[index] = { ...target, data: { ...target.data, tampered: mark } };
          const report = verifyChain(events);
          return !report.valid && report.firstBrokenSeq === index + 1;
        },
      ),
    );
  });

  it('reports a removed event as a break at its position', () => {
    const events = chain(fc.sample(draft, 5));
    events.splice(2, 1);
    expect(verifyChain(events)).toMatchObject({ valid: false, firstBrokenSeq: 3 });
  });

  it('hashes the manifest document without version, updatedAt, status and signatures, key order irrelevant', () => {
    const a = documentHash({ number: '1', lines: [1, 2], version: 1, status: 'draft', updatedAt: 'x', signatures: {} });
    const b = documentHash({ lines: [1, 2], number: '1', version: 7, status: 'received', updatedAt: 'y' });
    expect(a).toBe(b);
    expect(documentHash({ number: '2', lines: [1, 2] })).not.toBe(a);
  });
});
