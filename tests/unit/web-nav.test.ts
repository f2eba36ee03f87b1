// The console's navigation by party kind (console.md: the screens "the user's role uses"): a clinic registered only
// as `medical` once had no 台账, 管理计划 or 申报, though rule 22 makes it the generator of its HW01.
import { describe, expect, it } from 'vitest';
import { type Kind, navFor } from '../../web/src/app/nav-table.ts';

const names = (kinds: Kind[], asParty = true) => navFor(kinds, asParty).map((n) => n.name);

describe('the navigation', () => {
  it('gives a medical institution and a collector what a generator files: ledger, plan, declarations', () => {
    for (const kind of ['generator', 'medical', 'collector'] as const)
      expect(names([kind]), kind).toEqual(expect.arrayContaining(['台账', '管理计划', '申报', '跨省转移']));
    expect(names(['collector'])).toContain('接收');
    expect(names(['medical'])).not.toContain('接收');
  });

  it('gives a carrier the driver page and no ledger, a receiver its receipts, a regulator oversight and chains', () => {
    expect(names(['transporter'])).toEqual(['工作台', '转移联单', '司机', '链条']);
    expect(names(['receiver'])).toEqual(['工作台', '台账', '转移联单', '接收', '链条']);
    expect(names([], false)).toEqual(['监管', '跨省转移', '链条']);
  });
});
