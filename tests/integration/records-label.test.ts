import { describe, expect, it } from 'vitest';
import { enterprise, testApi } from '../support/api.ts';
import { activeParty } from '../support/fixtures.ts';
import { pageSizesMm, pageTexts } from '../support/pdf-reader.ts';

describe('container labels (HJ 1276-2022)', () => {
  it('prints one label per container code, sized for the largest container, for members only', async () => {
    const t = await testApi();
    const owner = enterprise('label-owner');
    const party = await activeParty(t, owner);
    const entry = await t.call(owner, 'POST', `/v1/parties/${party.id}/ledger`, {
      wasteCode: '900-041-49',
      quantityKg: 300,
      at: '2026-03-15T09:00:00+08:00',
      mainComponents: '废活性炭、有机溶剂',
      containers: [
        { labelCode: 'LBL-0001', count: 1, volumeL: 200 },
        { labelCode: 'LBL-0002', count: 2, volumeL: 30 },
      ],
    });
    expect(entry.status).toBe(201);

    const res = await t.api.request(`/v1/parties/${party.id}/ledger/${entry.body.id}/label.pdf`, {
      headers: { authorization: `Bearer ${await t.token(owner)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    const texts = await pageTexts(pdf);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('危险废物');
    expect(texts[0]).toContain('900-041-49');
    expect(texts[0]).toContain(party.name);
    expect(texts.join(' ')).toContain('LBL-0002');
    for (const [w, h] of await pageSizesMm(pdf)) {
      expect(Math.round(w)).toBe(150);
      expect(Math.round(h)).toBe(150);
    }

    const stranger = await t.call(
      enterprise('label-stranger'),
      'GET',
      `/v1/parties/${party.id}/ledger/${entry.body.id}/label.pdf`,
    );
    expect(stranger.status).toBe(404);
  });
});
