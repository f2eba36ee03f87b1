// Where large oversight exports are written in the background (shared/exports/storage.ts) and downloaded from by a
// pre-signed URL: private, TLS only, encrypted with the deployment's key when it has one. An export is a copy of
// table data, not a record, so its object expires after a week (the URL itself expires much sooner).
import { Duration, aws_s3 as s3 } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts';
import type { StageSettings } from './stage.ts';

export const EXPORT_EXPIRY = Duration.days(7);

export function createExportBucket(scope: Construct, stage: StageSettings): s3.Bucket {
  const bucket = new s3.Bucket(scope, 'ExportsBucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    ...(stage.key
      ? { encryption: s3.BucketEncryption.KMS, encryptionKey: stage.key, bucketKeyEnabled: true }
      : { encryption: s3.BucketEncryption.S3_MANAGED }),
    lifecycleRules: [{ expiration: EXPORT_EXPIRY, abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    removalPolicy: stage.removalPolicy,
    // A dev stage is destroyed whole: CDK empties the bucket first (its own provider function does).
    autoDeleteObjects: stage.stage === 'dev',
  });
  acknowledge(
    bucket,
    'AwsSolutions-S1',
    'Exports expire within 7 days and are written and pre-signed by the oversight function only, whose JSON logs name each export; ' +
      'an operator who needs per-object access records enables CloudTrail S3 data events',
  );
  return bucket;
}
