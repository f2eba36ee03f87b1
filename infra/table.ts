// The one table, from the same definition the local server creates it with (shared/store/table-definition.ts).
import { aws_dynamodb as dynamodb } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageSettings } from './stage.ts';
import { GLOBAL_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../shared/store/table-definition.ts';

const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });

export function createTable(scope: Construct, stage: StageSettings): dynamodb.Table {
  const table = new dynamodb.Table(scope, 'Table', {
    partitionKey: key(TABLE_KEYS.partitionKey),
    sortKey: key(TABLE_KEYS.sortKey),
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    // Manifests are records of 10 years and more: in prod, deleting the stack never deletes them (a dev stage may).
    deletionProtection: stage.deletionProtection,
    removalPolicy: stage.removalPolicy,
    ...(stage.key ? { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: stage.key } : {}),
    stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    timeToLiveAttribute: TTL_ATTRIBUTE,
  });
  for (const index of GLOBAL_INDEXES) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: key(index.partitionKey),
      sortKey: key(index.sortKey),
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }
  return table;
}
