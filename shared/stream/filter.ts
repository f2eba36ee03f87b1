// Event source mapping filters (Lambda's FilterCriteria) for consumers that need only new items of one type, with
// the same test in code: the handler applies it too, so the local poller and a mapping without the filter agree.
import type { RawStreamRecord } from '#shared/stream/change-records.ts';

export interface StreamFilter {
  /** An EventBridge-style pattern, as FilterCriteria takes it (`{ Filters: [{ Pattern: JSON.stringify(pattern) }] }`). */
  pattern: { eventName: ['INSERT']; dynamodb: { NewImage: { itemType: { S: [string] } } } };
  matches(record: RawStreamRecord): boolean;
}

export const newItemsOf = (itemType: string): StreamFilter => ({
  pattern: { eventName: ['INSERT'], dynamodb: { NewImage: { itemType: { S: [itemType] } } } },
  matches: (r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.itemType?.S === itemType,
});
