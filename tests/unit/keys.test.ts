import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keys } from '#shared/store/keys.ts';

// The registry's items, each named by what identifies it; two different descriptions must never share a key.
type Item =
  | { type: 'party'; partyId: string }
  | { type: 'uscc'; uscc: string }
  | { type: 'member'; partyId: string; sub: string }
  | { type: 'licence'; partyId: string; licenceId: string }
  | { type: 'idempotency'; sub: string; key: string };

const uuid = fc.uuid();
const sub = fc.string({ minLength: 1, maxLength: 20 });
const printable = fc.stringMatching(/^[\x20-\x7E]{1,20}$/);
const item: fc.Arbitrary<Item> = fc.oneof(
  fc.record({ type: fc.constant('party' as const), partyId: uuid }),
  fc.record({ type: fc.constant('uscc' as const), uscc: fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{18}$/) }),
  fc.record({ type: fc.constant('member' as const), partyId: uuid, sub }),
  fc.record({ type: fc.constant('licence' as const), partyId: uuid, licenceId: uuid }),
  // Idempotency keys may hold '#', and local subs may too: the two must still never run together.
  fc.record({
    type: fc.constant('idempotency' as const),
    sub: fc.oneof(sub, fc.constant('a#b'), fc.constant('a')),
    key: fc.oneof(printable, fc.constant('b#c'), fc.constant('c')),
  }),
);

function keyOf(i: Item): string {
  const k =
    i.type === 'party'
      ? keys.party(i.partyId)
      : i.type === 'uscc'
        ? keys.usccClaim(i.uscc)
        : i.type === 'member'
          ? keys.member(i.partyId, i.sub)
          : i.type === 'licence'
            ? keys.licence(i.partyId, i.licenceId)
            : keys.idempotency(i.sub, i.key);
  return JSON.stringify([k.PK, k.SK]);
}

describe('key builders', () => {
  it('never give two distinct items the same key', () => {
    fc.assert(
      fc.property(item, item, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(keyOf(a)).not.toBe(keyOf(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('keep user "a#b" with key "c" apart from user "a" with key "b#c"', () => {
    expect(keys.idempotency('a#b', 'c')).not.toEqual(keys.idempotency('a', 'b#c'));
  });

  it('put a party, its members and its licences in one partition, told apart by the sort key prefixes', () => {
    fc.assert(
      fc.property(uuid, sub, uuid, (partyId, memberSub, licenceId) => {
        const party = keys.party(partyId);
        const member = keys.member(partyId, memberSub);
        const licence = keys.licence(partyId, licenceId);
        expect(new Set([party.PK, member.PK, licence.PK, keys.partyPartition(partyId)]).size).toBe(1);
        expect(member.SK.startsWith(keys.memberPrefix)).toBe(true);
        expect(licence.SK.startsWith(keys.licencePrefix)).toBe(true);
        expect(
          licence.SK.startsWith(keys.memberPrefix) ||
            member.SK.startsWith(keys.licencePrefix) ||
            party.SK.startsWith(keys.memberPrefix),
        ).toBe(false);
      }),
    );
  });

  it('index a party by division then id, so a division prefix selects exactly its jurisdiction', () => {
    fc.assert(
      fc.property(
        uuid,
        fc.stringMatching(/^\d{6}$/),
        fc.constantFrom('pending', 'active', 'refused', 'suspended'),
        (id, divisionCode, status) => {
          const ix = keys.partyIndexes({ id, divisionCode, status });
          expect(ix.GSI1PK).toBe(keys.allPartiesPartition);
          expect(ix.GSI2PK).toBe(keys.partiesByStatusPartition(status));
          for (const prefix of [divisionCode.slice(0, 2), divisionCode.slice(0, 4), divisionCode]) {
            expect(ix.GSI1SK.startsWith(prefix) && ix.GSI2SK.startsWith(prefix)).toBe(true);
          }
        },
      ),
    );
  });

  it('index a membership under its user, for /v1/me', () => {
    fc.assert(
      fc.property(uuid, sub, (partyId, memberSub) => {
        expect(keys.memberIndexes(partyId, memberSub).GSI1PK).toBe(keys.userMemberships(memberSub));
      }),
    );
  });
});
