// pdf-lib's 14 standard fonts (~130 KB of metrics; their encodings are decompressed at import): documents embed
// Noto Sans SC only. The names stay, so pdf-lib still tells a standard font's name from font bytes; embedding one
// throws at Font.load.
import { unused } from './unused.ts';

export const FontNames = {
  Courier: 'Courier',
  CourierBold: 'Courier-Bold',
  CourierOblique: 'Courier-Oblique',
  CourierBoldOblique: 'Courier-BoldOblique',
  Helvetica: 'Helvetica',
  HelveticaBold: 'Helvetica-Bold',
  HelveticaOblique: 'Helvetica-Oblique',
  HelveticaBoldOblique: 'Helvetica-BoldOblique',
  TimesRoman: 'Times-Roman',
  TimesRomanBold: 'Times-Bold',
  TimesRomanItalic: 'Times-Italic',
  TimesRomanBoldItalic: 'Times-BoldItalic',
  Symbol: 'Symbol',
  ZapfDingbats: 'ZapfDingbats',
};
export const Encodings = {};
export const Font = { load: unused('Standard PDF fonts (@pdf-lib/standard-fonts)') };
