// The container label of HJ 1276-2022 (危险废物标签): one square page per container label code, sized for the container.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { config } from '#shared/config.ts';
import type { Hazard } from '#shared/reference/catalogue.ts';
import { HAZARD_NAMES, PHYSICAL_FORMS, term } from '#shared/documents/chinese-terms.ts';
import { embedCjkFont } from '#shared/documents/fonts.ts';
import { formatKg, localDay } from '#shared/documents/format.ts';
import { drawQr } from '#shared/documents/qr.ts';
import { MM, wrapText } from '#shared/documents/text-layout.ts';
import type { RenderOptions } from '#shared/documents/manifest-pdf.ts';
import { must } from '#shared/must.ts';

export interface LabelContainer {
  labelCode: string;
  count: number;
  volumeL?: number;
}

/** A ledger batch as its labels show it. */
export interface LabelDocument {
  batchCode: string;
  wasteCode: string;
  wasteName: string;
  physicalForm?: string;
  hazards: Hazard[];
  mainComponents?: string | string[] | undefined;
  /** RFC 3339 instant the batch was generated (`at`) */
  generatedAt: string;
  quantityKg?: number;
  generator: { name: string; contact: { name: string; phone: string } };
  /** one label per entry; none: one label carrying the batch code */
  containers?: LabelContainer[];
}

/** HJ 1276-2022's minimum label size for the largest container: ≤ 50 L 100 mm, ≤ 450 L 150 mm, larger 200 mm. */
export function labelSideMm(volumesL: Array<number | undefined>): 100 | 150 | 200 {
  const largest = Math.max(0, ...volumesL.map((v) => v ?? 0));
  return largest > 450 ? 200 : largest > 50 ? 150 : 100;
}

const ORANGE = rgb(1, 150 / 255, 0); // HJ 1276-2022: the label's background, RGB (255, 150, 0)
const RED = rgb(0.85, 0, 0);
const BLACK = rgb(0, 0, 0);

export async function renderLabelPdf(
  input: LabelDocument,
  { timeZone = config.timeZone }: RenderOptions = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`危险废物标签 ${input.batchCode}`);
  doc.setCreator('WasteChain');
  const font = await embedCjkFont(doc);
  const containers = input.containers?.length ? input.containers : [{ labelCode: input.batchCode, count: 1 }];
  const side = labelSideMm(containers.map((c) => c.volumeL));
  for (const container of containers) drawLabel(doc.addPage([side * MM, side * MM]), font, input, container, timeZone);
  return doc.save();
}

/** Draws one label; every measure is in millimetres of a 100 mm label, scaled to the page. */
function drawLabel(
  page: PDFPage,
  font: PDFFont,
  input: LabelDocument,
  container: LabelContainer,
  timeZone: string,
): void {
  const unit = page.getWidth() / 100; // points per design millimetre
  const at = (x: number, yFromTop: number) => ({ x: x * unit, y: page.getHeight() - yFromTop * unit });
  const text = (value: string, x: number, yFromTop: number, size: number, bold = false) => {
    const points = (size * unit) / MM; // `size` is in points of a 100 mm label
    for (const dx of bold ? [0, 0.25] : [0])
      page.drawText(value, { ...at(x + dx, yFromTop), size: points, font, color: BLACK });
  };

  page.drawRectangle({ x: 0, y: 0, width: page.getWidth(), height: page.getHeight(), color: ORANGE });
  page.drawRectangle({
    ...at(2, 98),
    width: 96 * unit,
    height: 96 * unit,
    borderColor: BLACK,
    borderWidth: 0.6 * unit,
  });

  const heading = '危险废物';
  const headingSize = 20;
  const headingWidth = font.widthOfTextAtSize(heading, headingSize) / MM;
  text(heading, 50 - headingWidth / 2, 12.5, headingSize, true);
  page.drawLine({ start: at(2, 16), end: at(98, 16), thickness: 0.4 * unit, color: BLACK });

  const components = Array.isArray(input.mainComponents) ? input.mainComponents.join('、') : input.mainComponents;
  const fields = [
    `废物名称：${input.wasteName}`,
    `废物类别：HW${input.wasteCode.slice(-2)}`,
    `废物代码：${input.wasteCode}`,
    input.physicalForm && `废物形态：${term(PHYSICAL_FORMS, input.physicalForm)}`,
    components && `主要成分：${components}`,
    `产生日期：${localDay(input.generatedAt, timeZone)}`,
    input.quantityKg !== undefined && `废物重量：${formatKg(input.quantityKg)} kg`,
    `产生单位：${input.generator.name}`,
    `联系人：${input.generator.contact.name}`,
    `联系电话：${input.generator.contact.phone}`,
    `数字识别码：${container.labelCode}`,
  ].filter((f): f is string => Boolean(f));

  // The fields fill the left column (x 5–64, y 19–96), at the largest size from 8 pt down that fits; text that does
  // not fit even at 4.5 pt is cut with an ellipsis rather than run off the label.
  const columnWidth = 59;
  for (let size = 8; ; size -= 0.25) {
    const lineHeight = (size * 1.3) / MM;
    const lines = fields.flatMap((f) => wrapText(font, f, size, columnWidth * MM));
    const room = Math.floor(77 / lineHeight);
    if (lines.length <= room || size <= 4.5) {
      const shown =
        lines.length <= room
          ? lines
          : [...lines.slice(0, room - 1), `${must(lines[room - 1], 'more lines than room').slice(0, -1)}…`];
      shown.forEach((line, i) => {
        text(line, 5, 19 + size / MM + i * lineHeight, size);
      });
      break;
    }
  }

  // Hazard characteristics: pictogram-like diamonds (red border, like GB 30000 / HJ 1276) with the code and its name.
  text('危险特性', 68, 21.5, 7);
  input.hazards.forEach((hazard, i) => {
    const cx = 73.5 + (i % 2) * 15;
    const cy = 30 + Math.floor(i / 2) * 15;
    hazardMark(page, font, hazard, at(cx, cy), unit);
  });

  drawQr(page, container.labelCode, at(72, 71).x, at(72, 71).y, 24 * unit);
  if (container.count > 1) text(`共 ${container.count} 件`, 72, 97, 6);
}

function hazardMark(
  page: PDFPage,
  font: PDFFont,
  hazard: Hazard,
  centre: { x: number; y: number },
  unit: number,
): void {
  const half = 5.5 * unit;
  page.drawSvgPath(`M 0 ${-half} L ${half} 0 L 0 ${half} L ${-half} 0 Z`, {
    x: centre.x,
    y: centre.y,
    color: rgb(1, 1, 1),
    borderColor: RED,
    borderWidth: 0.9 * unit,
  });
  const codeSize = 3.6 * unit;
  const codeWidth = font.widthOfTextAtSize(hazard, codeSize);
  for (const dx of [0, 0.2 * unit]) {
    page.drawText(hazard, {
      x: centre.x - codeWidth / 2 + dx,
      y: centre.y - codeSize * 0.35,
      size: codeSize,
      font,
      color: BLACK,
    });
  }
  const name = HAZARD_NAMES[hazard];
  const nameSize = 2 * unit;
  page.drawText(name, {
    x: centre.x - font.widthOfTextAtSize(name, nameSize) / 2,
    y: centre.y - half - nameSize * 1.15,
    size: nameSize,
    font,
    color: BLACK,
  });
}
