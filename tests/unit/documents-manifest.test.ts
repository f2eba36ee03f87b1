import { describe, expect, it } from 'vitest';
import { renderManifestPdf, type DocumentParty, type ManifestDocument } from '#shared/documents/manifest-pdf.ts';
import { decodeQr, pageSizesMm, pageTexts } from '../support/pdf-reader.ts';
import { at } from '../support/present.ts';

const party = (name: string, uscc: string, contact: string): DocumentParty => ({
  name,
  uscc,
  address: '山西省太原市小店区龙城大街1号化工园区东区3号厂房',
  contact: { name: contact, phone: '0351-1234567' },
});

const manifest: ManifestDocument = {
  number: '20261401000042',
  status: 'in_transit',
  generator: party('太原某化工有限公司', '91140105MA0ABCDE0F', '王工'),
  transporters: [
    party('山西危货运输有限公司', '91140100MA0TRANS01', '李师傅'),
    party('吕梁联运物流有限公司', '91141100MA0TRANS02', '赵经理'),
  ],
  receiver: party('山西环境资源处置有限公司', '91140700MA0DISP001', '陈主任'),
  lines: [
    {
      lineNo: 1,
      wasteCode: '900-041-49',
      name: '废弃的包装物、容器',
      physicalForm: 'solid',
      hazards: ['T', 'In'],
      packaging: 'drum',
      containerCount: 12,
      quantityKg: 1250.5,
      receivedKg: 1248.25,
      rejectedKg: 0,
    },
    {
      lineNo: 2,
      wasteCode: '900-249-08',
      name: '废矿物油',
      physicalForm: 'liquid',
      hazards: ['T', 'I'],
      packaging: 'ibc',
      containerCount: 2,
      quantityKg: 1800,
    },
  ],
  signatures: [
    {
      kind: 'dispatch',
      signer: 'demo-generator',
      partyName: '太原某化工有限公司',
      at: '2026-03-15T00:30:00Z',
      documentHash: 'a1'.repeat(32),
    },
    {
      kind: 'pickup',
      leg: 1,
      signer: 'demo-carrier',
      partyName: '山西危货运输有限公司',
      at: '2026-03-15T02:00:00Z',
      documentHash: 'b2'.repeat(32),
      vehiclePlate: '晋A12345',
      driverName: '李师傅',
    },
  ],
  integrityUrl: 'https://api.wastechain.example.cn/v1/manifests/0190f5b2-7c1d-7e3a-9b2f-4a1c2d3e4f50/integrity',
};

describe('the printable manifest', () => {
  it('is a small A4 PDF whose text shows the number, the Chinese headings, every party, line and signature', async () => {
    const pdf = await renderManifestPdf(manifest, { timeZone: 'Asia/Shanghai' });
    expect(pdf.byteLength).toBeLessThan(200_000); // the CJK font is subset, not the 10 MB file
    expect(await pageSizesMm(pdf)).toEqual([[210, 297]]);
    const [text] = await pageTexts(pdf);
    for (const heading of ['危险废物转移联单', '移出人', '承运人', '接受人', '签名记录', '运输中'])
      expect(text).toContain(heading);
    expect(text).toContain('联单编号：20261401000042');
    for (const p of [manifest.generator, ...manifest.transporters, manifest.receiver]) {
      expect(text).toContain(p.name);
      expect(text).toContain(p.uscc);
    }
    for (const code of ['900-041-49', '900-249-08', 'T 毒性、In 感染性', '1,250.5', '1,248.25', '1,800'])
      expect(text).toContain(code);
    expect(text).toContain('晋A12345');
    expect(text).toContain('第 1 程');
  });

  it('prints signature times in China Standard Time and each document hash whole', async () => {
    const text = (await pageTexts(await renderManifestPdf(manifest, { timeZone: 'Asia/Shanghai' }))).join(' ');
    expect(text).toContain('2026-03-15 08:30'); // 00:30Z
    expect(text).toContain('2026-03-15 10:00');
    // a hash wraps inside its cell; joined again it is the whole 64 characters
    expect(text.replace(/ /g, '')).toContain('a1'.repeat(32));
    expect(text.replace(/ /g, '')).toContain('b2'.repeat(32));
  });

  it('carries a QR code that a scanner reads as the number and the integrity URL', async () => {
    const payload = await decodeQr(await renderManifestPdf(manifest));
    expect(JSON.parse(payload!)).toEqual({ number: manifest.number, integrityUrl: manifest.integrityUrl });
  });

  it('runs onto more pages when the lines do, repeating the table head and numbering the pages', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({
      ...at(manifest.lines, 1),
      lineNo: i + 1,
      name: `废矿物油批次${i + 1}`,
    }));
    const pages = await pageTexts(await renderManifestPdf({ ...manifest, lines }));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain('废物代码');
    expect(pages.at(-1)).toContain(`第 ${pages.length} 页 / 共 ${pages.length} 页`);
    expect(pages.join(' ')).toContain('废矿物油批次60');
  });

  it('says a draft has no signatures yet', async () => {
    const [text] = await pageTexts(await renderManifestPdf({ ...manifest, status: 'draft', signatures: [] }));
    expect(text).toContain('草稿');
    expect(text).toContain('尚无签名');
  });
});
