import { describe, expect, it } from 'vitest';
import { actorOf, covers, requireWithinJurisdiction, type Claims } from '#shared/domain/jurisdiction.ts';
import { parseGroups } from '#shared/http/actor.ts';

const actor = (claims: Partial<Claims>) => actorOf({ sub: 'u', groups: [], ...claims });

describe('groups from the token', () => {
  it('reads API Gateway\'s "[a b]" string, a JSON array string, a comma list and a real array', () => {
    expect(parseGroups('[enterprise regulator]')).toEqual(['enterprise', 'regulator']);
    expect(parseGroups('[admin]')).toEqual(['admin']);
    expect(parseGroups('["enterprise","admin"]')).toEqual(['enterprise', 'admin']);
    expect(parseGroups('enterprise, regulator')).toEqual(['enterprise', 'regulator']);
    expect(parseGroups(['regulator'])).toEqual(['regulator']);
  });

  it('drops unknown groups and anything that is not a list', () => {
    expect(parseGroups('[enterprise superuser]')).toEqual(['enterprise']);
    expect(parseGroups('[]')).toEqual([]);
    expect(parseGroups(undefined)).toEqual([]);
    expect(parseGroups(42)).toEqual([]);
    expect(parseGroups(['Admin', 'root'])).toEqual([]);
  });
});

describe('actor', () => {
  it('an admin is a nationwide regulator', () => {
    const admin = actor({ groups: ['admin'] });
    expect(admin).toMatchObject({ isRegulator: true, isEnterprise: false, jurisdictionPrefix: '' });
    expect(covers(admin, '652301')).toBe(true);
    expect(() => requireWithinJurisdiction(admin, '65')).not.toThrow();
  });

  it('a regulator of 00 is nationwide; of 14, 1411 or 141102 covers exactly that prefix', () => {
    expect(covers(actor({ groups: ['regulator'], jurisdiction: '00' }), '652301')).toBe(true);
    for (const j of ['14', '1411', '141102']) {
      const r = actor({ groups: ['regulator'], jurisdiction: j });
      expect(r.jurisdictionPrefix).toBe(j);
      expect(covers(r, '141102')).toBe(true);
      expect(covers(r, '652301')).toBe(false);
    }
    expect(covers(actor({ groups: ['regulator'], jurisdiction: '1411' }), '140105')).toBe(false);
  });

  it('a regulator without a jurisdiction has no regulator rights, and an enterprise covers nothing', () => {
    const bare = actor({ groups: ['regulator'] });
    expect(bare.isRegulator).toBe(false);
    expect(covers(bare, '140105')).toBe(false);
    const firm = actor({ groups: ['enterprise'] });
    expect(firm.isEnterprise).toBe(true);
    expect(covers(firm, '140105')).toBe(false);
    expect(() => requireWithinJurisdiction(firm, '14')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('refuses a regulator a division outside the jurisdiction, including a wider one', () => {
    const lvliang = actor({ groups: ['regulator'], jurisdiction: '1411' });
    expect(() => requireWithinJurisdiction(lvliang, '141102')).not.toThrow();
    expect(() => requireWithinJurisdiction(lvliang, '14')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requireWithinJurisdiction(lvliang, '6523')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
