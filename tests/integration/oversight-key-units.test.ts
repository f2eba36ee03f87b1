import { describe, expect, it } from 'vitest';
import { enterprise, regulator, testApi } from '../support/api.ts';
import { activeParty } from '../support/fixtures.ts';
import { expectJsonFields, parseCsv } from '../support/csv.ts';

describe('oversight: key supervised units', () => {
  it('lists the parties a regulator flagged for a year, within the asked division, also as CSV', async () => {
    const t = await testApi();
    const shanxi = regulator('ku-shanxi', '14');
    const flagged = await activeParty(t, 'ku-owner-1', { divisionCode: '141102', name: '吕梁"重点",单位' });
    const other = await activeParty(t, 'ku-owner-2', { divisionCode: '141102' });
    const elsewhere = await activeParty(t, 'ku-owner-3', { divisionCode: '140105' });
    for (const p of [flagged, elsewhere]) {
      expect(
        (await t.call(shanxi, 'PUT', `/v1/parties/${p.id}/supervision`, { keyUnit: true, year: 2026 })).status,
      ).toBe(200);
    }

    const lvliang = await t.call(shanxi, 'GET', '/v1/oversight/key-units?division=1411&year=2026');
    expect(lvliang.status).toBe(200);
    const ids = lvliang.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(flagged.id);
    expect(ids).not.toContain(other.id);
    expect(ids).not.toContain(elsewhere.id);
    expect((await t.call(shanxi, 'GET', '/v1/oversight/key-units?division=1411&year=2025')).body.items).toEqual([]);

    const csv = await t.call(shanxi, 'GET', '/v1/oversight/key-units?division=1411&year=2026', undefined, {
      accept: 'text/csv',
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv(csv.body as string);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.find((r) => r.id === flagged.id)!.name).toBe('吕梁"重点",单位');
    expectJsonFields(rows, lvliang.body.items);
  });

  it('refuses enterprises (403), a division outside the jurisdiction (403) and an unknown division (422)', async () => {
    const t = await testApi();
    expect((await t.call(enterprise('ku-ent'), 'GET', '/v1/oversight/key-units')).status).toBe(403);
    const outside = await t.call(regulator('ku-lvliang', '1411'), 'GET', '/v1/oversight/key-units?division=6523');
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('FORBIDDEN');
    const wider = await t.call(regulator('ku-lvliang', '1411'), 'GET', '/v1/oversight/manifests?division=14');
    expect(wider.status).toBe(403);
    const unknown = await t.call(regulator('ku-national', '00'), 'GET', '/v1/oversight/key-units?division=1499');
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('UNKNOWN_DIVISION');
  });
});
