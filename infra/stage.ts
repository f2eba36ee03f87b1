// What a stage keeps when its stack is deleted: a dev stage can be destroyed whole; prod retains every record,
// key, backup and user (manifests are records of 10 years and more, domain rule 18).
import { RemovalPolicy, aws_kms as kms } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from './deployment-config.ts';

export interface StageSettings {
  stage: DeploymentConfig['stage'];
  /** For stores of record (table, users, backups, keys) and their logs. */
  removalPolicy: RemovalPolicy;
  /** Table and user pool deletion protection. */
  deletionProtection: boolean;
  /** The customer-managed key, when the deployment chose one. */
  key?: kms.IKey | undefined;
}

export function stageSettings(scope: Construct, config: DeploymentConfig): StageSettings {
  const prod = config.stage === 'prod';
  const removalPolicy = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  const key = config.customerManagedKey
    ? new kms.Key(scope, 'DataKey', {
        description: 'WasteChain: the table, its backups, the failure queues and the alarm topic',
        enableKeyRotation: true,
        removalPolicy,
      })
    : undefined;
  return { stage: config.stage, removalPolicy, deletionProtection: prod, key };
}
