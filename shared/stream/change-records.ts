// DynamoDB stream records (Lambda's event or DynamoDB Local's GetRecords) as plain objects.
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export interface RawStreamRecord {
  eventName?: string;
  dynamodb?: {
    Keys?: Record<string, AttributeValue>;
    NewImage?: Record<string, AttributeValue>;
    OldImage?: Record<string, AttributeValue>;
    SequenceNumber?: string;
  };
}

export interface ChangeRecord {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  key: string;
  sequenceNumber: string;
  newImage?: Record<string, unknown> | undefined;
  oldImage?: Record<string, unknown> | undefined;
}

type Image = Record<string, AttributeValue>;

/** DynamoDB Local's stream renders an empty map as {} (no type); read it as the empty map it is. */
function repairEmptyMaps(value: AttributeValue): AttributeValue {
  const v = value as unknown as Record<string, unknown>;
  if (Object.keys(v).length === 0) return { M: {} };
  if (v.M) return { M: repair(v.M as Image) };
  if (v.L) return { L: (v.L as AttributeValue[]).map(repairEmptyMaps) };
  return value;
}

const repair = (image: Image): Image =>
  Object.fromEntries(Object.entries(image).map(([k, v]) => [k, repairEmptyMaps(v)]));

export function toChangeRecords(records: RawStreamRecord[]): ChangeRecord[] {
  return records.map((r) => {
    const keys = unmarshall((r.dynamodb?.Keys ?? {}) as never) as { PK?: string; SK?: string };
    return {
      eventName: r.eventName as ChangeRecord['eventName'],
      key: `${keys.PK}|${keys.SK}`,
      sequenceNumber: r.dynamodb?.SequenceNumber ?? '',
      newImage: r.dynamodb?.NewImage ? unmarshall(repair(r.dynamodb.NewImage) as never) : undefined,
      oldImage: r.dynamodb?.OldImage ? unmarshall(repair(r.dynamodb.OldImage) as never) : undefined,
    };
  });
}
