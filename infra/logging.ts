// Log groups are made explicitly (not by Lambda on first write) so that each has a retention.
import { RemovalPolicy, aws_logs as logs } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export const LOG_RETENTION = logs.RetentionDays.ONE_YEAR;

/** Kept (RETAIN) unless the stage is destroyable. */
export const logGroup = (scope: Construct, id: string, removalPolicy = RemovalPolicy.RETAIN) =>
  new logs.LogGroup(scope, id, { retention: LOG_RETENTION, removalPolicy });
