// The oversight function consumes the stream only for new export requests (it writes their files in the
// background). Infra sets EXPORT_STREAM_FILTER.pattern on its event source mapping.
import { newItemsOf } from '#shared/stream/filter.ts';

export const EXPORT_STREAM_FILTER = newItemsOf('export');
