// Backups of the table kept at least 10 years (domain rule 18: manifests and their records are kept 10 years or more),
// beside point-in-time recovery (35 days): a daily point kept 35 days, and a monthly one kept `retentionYears` in a
// vault of its own which, in prod, is locked (governance mode) so no point in it can be deleted before then. Prod
// vaults are retained with the stack; a dev stage's are destroyed with it.
import { Duration, aws_backup as backup, type aws_dynamodb as dynamodb, aws_events as events } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts';
import type { StageSettings } from './stage.ts';

/** Years of backups in days, leap days included, so a point made on 29 February still lasts the full years. */
export const retentionDays = (years: number) => years * 365 + Math.ceil(years / 4);
export const DAILY_RETENTION = Duration.days(35);

export function createBackups(
  scope: Construct,
  table: dynamodb.ITable,
  stage: StageSettings,
  retentionYears: number,
): backup.BackupPlan {
  const longest = Duration.days(retentionDays(retentionYears));
  const vault = (id: string, minRetention: Duration) =>
    new backup.BackupVault(scope, id, {
      ...(stage.key ? { encryptionKey: stage.key } : {}),
      removalPolicy: stage.removalPolicy,
      ...(stage.stage === 'prod' ? { lockConfiguration: { minRetention } } : {}),
    });
  const daily = vault('BackupVault', DAILY_RETENTION);
  const records = vault('RecordsBackupVault', longest);
  const plan = new backup.BackupPlan(scope, 'BackupPlan', {
    backupVault: daily,
    backupPlanRules: [
      new backup.BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: events.Schedule.cron({ hour: '18', minute: '0' }),
        deleteAfter: DAILY_RETENTION,
      }),
      new backup.BackupPlanRule({
        ruleName: `Monthly${retentionYears}Years`,
        scheduleExpression: events.Schedule.cron({ day: '1', hour: '19', minute: '0' }),
        deleteAfter: longest,
        backupVault: records,
      }),
    ],
  });
  const selection = plan.addSelection('Table', { resources: [backup.BackupResource.fromDynamoDbTable(table)] });
  acknowledge(
    selection,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
    'AWS Backup assumes this role with its own managed policy AWSBackupServiceRolePolicyForBackup, which AWS keeps in step with the services it backs up',
  );
  return plan;
}
