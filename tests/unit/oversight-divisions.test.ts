import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divisionPartitions, nationwidePartitions, partitionsFor } from '#shared/domain/oversight-divisions.ts';

const county = fc.stringMatching(/^\d{6}$/);

describe('oversight partitions of a manifest', () => {
  it('lists a Taiyuan → Changji manifest under both provinces, cities and counties, and one nationwide shard', () => {
    const parts = divisionPartitions('0190f5b2-7c1d-7e3a-9b2f-4a1c2d3e4f5a', '140105', '652301');
    expect(parts.filter((p) => !p.startsWith('00-')).sort()).toEqual(['14', '1401', '140105', '65', '6523', '652301']);
    expect(parts.filter((p) => p.startsWith('00-'))).toHaveLength(1);
  });

  it('every regulator whose jurisdiction covers the generator or the receiver finds the manifest in their partition', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        county,
        county,
        fc.constantFrom(2, 4, 6),
        fc.boolean(),
        (id, gen, rcv, level, ofGenerator) => {
          const jurisdiction = (ofGenerator ? gen : rcv).slice(0, level);
          const parts = divisionPartitions(id, gen, rcv);
          return partitionsFor(jurisdiction).every((p) => parts.includes(p));
        },
      ),
    );
  });

  it('a nationwide query reads each shard and every manifest lies in exactly one', () => {
    fc.assert(
      fc.property(fc.uuid(), county, county, (id, gen, rcv) => {
        const shards = divisionPartitions(id, gen, rcv).filter((p) => nationwidePartitions().includes(p));
        return shards.length === 1 && partitionsFor('').length === nationwidePartitions().length;
      }),
    );
  });
});
