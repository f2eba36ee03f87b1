// Which change-stream records a consumer needs, as a Lambda event filter pattern: the stack gives it to the event
// source mapping (infra/stream-sources.ts), so Lambda never invokes the consumer for other records, and the local
// stream poller can apply the same pattern with matchesFilter.
import type { RawStreamRecord } from '#shared/stream/change-records.ts';

/** Lambda's filter pattern subset used here: nested objects whose leaves are lists of allowed literal values. */
export interface FilterPattern {
  [field: string]: FilterPattern | readonly (string | number | boolean)[];
}

/** The webhooks consumer queues deliveries for new manifest events only (shared/webhooks/delivery.ts). */
export const WEBHOOKS_STREAM_FILTER: FilterPattern = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { itemType: { S: ['event'] } } },
};

/** Stream filters by function name; a consumer not listed gets every record. */
export const STREAM_FILTERS: Record<string, FilterPattern> = { webhooks: WEBHOOKS_STREAM_FILTER };

/** True when the record matches the pattern as Lambda's event filtering would (for this subset of patterns). */
export function matchesFilter(record: RawStreamRecord | Record<string, unknown>, pattern: FilterPattern): boolean {
  return Object.entries(pattern).every(([field, expected]) => {
    const value = (record as Record<string, unknown> | undefined)?.[field];
    if (Array.isArray(expected)) return expected.includes(value as never);
    return typeof value === 'object' && value !== null && matchesFilter(value as Record<string, unknown>, expected as FilterPattern);
  });
}
