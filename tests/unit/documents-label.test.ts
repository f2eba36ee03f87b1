import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { labelSideMm, renderLabelPdf, type LabelDocument } from '#shared/documents/label-pdf.ts';
import { decodeQr, pageSizesMm, pageTexts } from '../support/pdf-reader.ts';

const batch: LabelDocument = {
  batchCode: 'HWCS20260315001',
  wasteCode: '900-041-49',
  wasteName: '废弃的包装物、容器',
  physicalForm: 'solid',
  hazards: ['T', 'In'],
  mainComponents: ['废活性炭', '沾染有机溶剂的手套'],
  generatedAt: '2026-03-14T17:30:00Z',
  quantityKg: 1250.5,
  generator: { name: '太原某化工有限公司', contact: { name: '王工', phone: '0351-1234567' } },
};

describe('the container label (HJ 1276-2022)', () => {
  it('shows the heading, waste, category, code, components, hazards by name, the local generation date and the generator', async () => {
    const pdf = await renderLabelPdf({
      ...batch,
      containers: [{ labelCode: 'HWCS20260315001-01', count: 3, volumeL: 200 }],
    });
    expect(pdf.byteLength).toBeLessThan(100_000);
    const [text] = await pageTexts(pdf);
    for (const expected of [
      '危险废物',
      '废弃的包装物、容器',
      'HW49',
      '900-041-49',
      '固态',
      '废活性炭、沾染有机溶剂的手套',
      '危险特性',
      '毒性',
      '感染性',
      '产生日期：2026-03-15',
      '1,250.5 kg',
      '太原某化工有限公司',
      '王工',
      '0351-1234567',
      'HWCS20260315001-01',
      '共 3 件',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('腐蚀性');
  });

  it('prints one label per container label code, each with a QR code of that code', async () => {
    const pdf = await renderLabelPdf({
      ...batch,
      containers: [
        { labelCode: 'HWCS20260315001-01', count: 1, volumeL: 30 },
        { labelCode: 'HWCS20260315001-02', count: 2 },
      ],
    });
    expect((await pageTexts(pdf)).map((t) => t.includes('HWCS20260315001-02'))).toEqual([false, true]);
    expect(await decodeQr(pdf, 1)).toBe('HWCS20260315001-01');
    expect(await decodeQr(pdf, 2)).toBe('HWCS20260315001-02');
  });

  it('labels a batch without containers with its batch code, on 100 × 100 mm', async () => {
    const pdf = await renderLabelPdf(batch);
    expect(await pageSizesMm(pdf)).toEqual([[100, 100]]);
    expect(await decodeQr(pdf)).toBe('HWCS20260315001');
  });

  it.each([
    [[30], 100],
    [[50], 100],
    [[51], 150],
    [[450], 150],
    [[451, 20], 200],
    [[undefined, 1000], 200],
  ] as Array<[Array<number | undefined>, number]>)('containers of %j L get %i mm labels', async (volumes, side) => {
    const containers = volumes.map((volumeL, i) => ({
      labelCode: `L${i}`,
      count: 1,
      ...(volumeL !== undefined ? { volumeL } : {}),
    }));
    const sizes = await pageSizesMm(await renderLabelPdf({ ...batch, containers }));
    expect(sizes).toEqual(volumes.map(() => [side, side]));
  });

  it('the size band never shrinks as the largest container grows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { maxLength: 5 }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        (volumes, extra) => {
          expect(labelSideMm([...volumes, extra])).toBeGreaterThanOrEqual(labelSideMm(volumes));
        },
      ),
    );
  });

  it('keeps a very long description on the label, cut with an ellipsis rather than running off it', async () => {
    const pdf = await renderLabelPdf({ ...batch, mainComponents: '含油污泥、'.repeat(400) });
    const [text] = await pageTexts(pdf);
    expect(text).toContain('…');
    expect(text).toContain('废物名称');
  });
});
