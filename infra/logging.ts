// Log groups are made explicitly (not by Lambda on first write) so that each has a retention.
import { aws_logs as logs } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export const LOG_RETENTION = logs.RetentionDays.ONE_YEAR;

export const logGroup = (scope: Construct, id: string) => new logs.LogGroup(scope, id, { retention: LOG_RETENTION });
