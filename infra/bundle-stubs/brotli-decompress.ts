// fontkit's WOFF2 decoder (brotli, ~470 KB): documents embed a TrueType font, never WOFF2.
import { unused } from './unused.ts';

export default unused('WOFF2 font decoding (brotli)');
