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
  newImage?: Record<string, unknown>;
  oldImage?: Record<string, unknown>;
}

export function toChangeRecords(records: RawStreamRecord[]): ChangeRecord[] {
  return records.map((r) => {
    const keys = unmarshall((r.dynamodb?.Keys ?? {}) as never) as { PK?: string; SK?: string };
    return {
      eventName: r.eventName as ChangeRecord['eventName'],
      key: `${keys.PK}|${keys.SK}`,
      sequenceNumber: r.dynamodb?.SequenceNumber ?? '',
      newImage: r.dynamodb?.NewImage ? unmarshall(r.dynamodb.NewImage as never) : undefined,
      oldImage: r.dynamodb?.OldImage ? unmarshall(r.dynamodb.OldImage as never) : undefined,
    };
  });
}

export type ChangeHandler = (records: ChangeRecord[], now: Date) => Promise<void>;
