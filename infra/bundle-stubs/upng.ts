// pdf-lib's PNG decoder: documents embed no image.
import { unused } from './unused.ts';

const png = unused('PNG images (@pdf-lib/upng)');
export default { decode: png, toRGBA8: png };
