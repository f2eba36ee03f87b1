// pako for pdf-lib, which only compresses (page content, font subsets): its deflate half, without the inflate one.
import { deflate } from 'pako/lib/deflate.js';

export default { deflate };
