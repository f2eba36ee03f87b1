// The printable manifest (危险废物转移联单): A4, Chinese, every party, line and signature, and a QR code to check it.
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import { config } from '#shared/config.ts';
import type { Hazard } from '#shared/reference/catalogue.ts';
import {
  HAZARD_NAMES,
  MANIFEST_STATUSES,
  PACKAGING,
  PHYSICAL_FORMS,
  SIGNATURE_KINDS,
  term,
} from '#shared/documents/chinese-terms.ts';
import { embedCjkFont } from '#shared/documents/fonts.ts';
import { formatKg, localDateTime } from '#shared/documents/format.ts';
import { drawQr, manifestQrPayload } from '#shared/documents/qr.ts';
import { A4, MM, PageWriter, type Column } from '#shared/documents/text-layout.ts';

export interface DocumentParty {
  name: string;
  uscc: string;
  address: string;
  contact: { name: string; phone: string };
}

export interface ManifestDocumentLine {
  lineNo: number;
  wasteCode: string;
  name: string;
  physicalForm: string;
  hazards: Hazard[];
  packaging: string;
  containerCount: number;
  quantityKg: number;
  receivedKg?: number;
  rejectedKg?: number;
}

export interface ManifestSignature {
  kind: 'dispatch' | 'pickup' | 'handover' | 'delivery' | 'receipt' | 'rejection';
  /** the signing user (`sub`) */
  signer: string;
  /** the name of the party signed for */
  partyName: string;
  /** RFC 3339 instant */
  at: string;
  documentHash: string;
  /** pickups and hand-overs: the carrier leg (1, 2, …), vehicle and driver */
  leg?: number;
  vehiclePlate?: string;
  driverName?: string;
}

/** What the printed manifest shows: the manifest of api.md with its parties resolved to their records. */
export interface ManifestDocument {
  number: string;
  status: string;
  generator: DocumentParty;
  /** in leg order */
  transporters: DocumentParty[];
  receiver: DocumentParty;
  lines: ManifestDocumentLine[];
  /** in the order they were signed */
  signatures: ManifestSignature[];
  integrityUrl: string;
  plannedPickupAt?: string;
}

export interface RenderOptions {
  /** the zone times are printed in (default: the deployment's TIME_ZONE) */
  timeZone?: string;
}

const PARTY_COLUMNS = (width: number): Column[] => [
  { title: '', width: 0.14 * width },
  { title: '', width: 0.36 * width },
  { title: '', width: 0.17 * width },
  { title: '', width: 0.33 * width },
];

type ColumnSpec = [title: string, width: number, align?: 'left' | 'right'];

const LINE_COLUMNS: ColumnSpec[] = [
  ['序号', 24],
  ['废物代码', 58],
  ['废物名称', 100],
  ['形态', 32],
  ['危险特性', 74],
  ['包装', 40],
  ['件数', 28, 'right'],
  ['移出量(kg)', 53, 'right'],
  ['接收量(kg)', 53, 'right'],
  ['拒收量(kg)', 53, 'right'],
];

const SIGNATURE_COLUMNS: ColumnSpec[] = [
  ['环节', 58],
  ['单位', 100],
  ['签名人', 78],
  ['时间', 70],
  ['车辆 / 驾驶员', 70],
  ['文件哈希 (SHA-256)', 139],
];

/** Scales fixed column widths (designed for the 515-point A4 text width) to the writer's width. */
const columnsOf = (spec: ColumnSpec[], width: number): Column[] => {
  const total = spec.reduce((sum, [, w]) => sum + w, 0);
  return spec.map(([title, w, align]) => ({ title, width: (w / total) * width, align }));
};

export async function renderManifestPdf(
  input: ManifestDocument,
  { timeZone = config.timeZone }: RenderOptions = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`危险废物转移联单 ${input.number}`);
  doc.setSubject(input.integrityUrl);
  doc.setCreator('WasteChain');
  const font = await embedCjkFont(doc);
  const w = new PageWriter(doc, font);
  const time = (instant: string) => localDateTime(instant, timeZone);

  // Head: title and number on the left, the QR code on the right.
  const qrWidth = 30 * MM;
  const top = w.y;
  drawQr(
    w.page,
    manifestQrPayload(input.number, input.integrityUrl),
    w.left + w.width - qrWidth,
    top + 3 * MM,
    qrWidth,
  );
  const textWidth = w.width - qrWidth - 5 * MM;
  w.paragraph('危险废物转移联单', { size: 20 }, w.left, textWidth);
  w.gap(4);
  w.paragraph(`联单编号：${input.number}`, { size: 12 }, w.left, textWidth);
  w.paragraph(`状态：${term(MANIFEST_STATUSES, input.status)}`, { size: 10 }, w.left, textWidth);
  if (input.plannedPickupAt)
    w.paragraph(`计划提货时间：${time(input.plannedPickupAt)}`, { size: 10 }, w.left, textWidth);
  w.y = Math.min(w.y, top - qrWidth + 3 * MM);
  w.line('扫码核验', w.left + w.width - qrWidth, w.y - 2, qrWidth, {
    size: 7,
    align: 'center',
    color: rgb(0.3, 0.3, 0.3),
  });
  w.gap(6);

  const party = (p: DocumentParty) =>
    w.table(
      PARTY_COLUMNS(w.width),
      [
        ['单位名称', p.name, '统一社会信用代码', p.uscc],
        ['地址', p.address, '联系人 / 电话', `${p.contact.name}  ${p.contact.phone}`],
      ],
      { size: 8.5, head: false },
    );

  w.heading('一、移出人（产生单位）');
  party(input.generator);
  w.heading('二、承运人');
  input.transporters.forEach((carrier, i) => {
    if (input.transporters.length > 1) w.paragraph(`第 ${i + 1} 程`, { size: 9 });
    party(carrier);
    w.gap(3);
  });
  w.heading('三、接受人（利用处置单位）');
  party(input.receiver);

  w.heading('四、转移的危险废物');
  w.table(
    columnsOf(LINE_COLUMNS, w.width),
    input.lines.map((line) => [
      String(line.lineNo),
      line.wasteCode,
      line.name,
      term(PHYSICAL_FORMS, line.physicalForm),
      line.hazards.map((h) => `${h} ${HAZARD_NAMES[h] ?? ''}`.trim()).join('、'),
      term(PACKAGING, line.packaging),
      String(line.containerCount),
      formatKg(line.quantityKg),
      formatKg(line.receivedKg),
      formatKg(line.rejectedKg),
    ]),
  );

  w.heading('五、签名记录');
  if (input.signatures.length === 0) w.paragraph('尚无签名（联单未移出）。', { size: 9 });
  else {
    w.table(
      columnsOf(SIGNATURE_COLUMNS, w.width),
      input.signatures.map((s) => [
        s.leg ? `${term(SIGNATURE_KINDS, s.kind)}\n第 ${s.leg} 程` : term(SIGNATURE_KINDS, s.kind),
        s.partyName,
        s.signer,
        time(s.at),
        [s.vehiclePlate, s.driverName].filter(Boolean).join('\n'),
        s.documentHash,
      ]),
    );
  }
  w.gap(8);
  w.paragraph(
    `时间为 ${timeZone} 时区。文件哈希为签名时联单文件（RFC 8785 规范化 JSON）的 SHA-256 值，可在下列地址核验事件链：`,
    { size: 8 },
  );
  w.paragraph(input.integrityUrl, { size: 8 });

  footers(doc, font, input.number);
  return doc.save();
}

/** "联单编号 … 第 i 页 / 共 n 页" at the foot of every page. */
function footers(doc: PDFDocument, font: PDFFont, number: string): void {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const text = `联单编号 ${number}    第 ${i + 1} 页 / 共 ${pages.length} 页`;
    const size = 8;
    page.drawText(text, {
      x: (A4[0] - font.widthOfTextAtSize(text, size)) / 2,
      y: 10 * MM,
      size,
      font,
      color: rgb(0.3, 0.3, 0.3),
    });
  });
}
