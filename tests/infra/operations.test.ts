// Operating the stack: failures land in queues that alarm, alarms notify a topic, a dashboard shows the API, the
// stream and the business metrics, backups keep the table 10 years, and a dev stage can be destroyed whole.
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUSINESS_METRICS } from '#shared/observability/metrics.ts';
import { retentionDays } from '../../infra/backup.ts';
import { EXPORT_EXPIRY } from '../../infra/exports-bucket.ts';
import {
  JOB_MAX_EVENT_AGE,
  JOB_RETRY_ATTEMPTS,
  STREAM_MAX_RECORD_AGE,
  STREAM_RETRY_ATTEMPTS,
} from '../../infra/faults.ts';
import { EXPORT_STREAM_FILTER } from '../../functions/oversight/stream-filter.ts';
import { WEBHOOK_STREAM_FILTER } from '../../functions/webhooks/stream-filter.ts';
import { functionNames, specOf } from '../../infra/function-specs.ts';
import { functionId, resourceOf, resources, synth, type Synth } from './synth.ts';
import { first } from '../support/present.ts';

let prod: Synth;
let dev: Synth;
const names = functionNames();
const streamFunctions = names.filter((n) => specOf(n).stream);
const scheduled = names.filter((n) => specOf(n).schedule);

beforeAll(() => {
  prod = synth();
  dev = synth({ config: { stage: 'dev', customerManagedKey: true } });
}, 120_000);

const idOf = (s: Synth, type: string, prefix: string) => {
  const ids = Object.keys(resources(s.template, type)).filter((id) => id.startsWith(prefix));
  expect(ids, `${type} ${prefix}`).toHaveLength(1);
  return first(ids);
};
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const alarms = (s: Synth) => Object.values(resources(s.template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);

describe('a stream batch that keeps failing', () => {
  it('is bisected to the poison record, reported item by item, and after its retries or 6 hours described in the stream failure queue', () => {
    const queue = idOf(prod, 'AWS::SQS::Queue', 'StreamFailures');
    const mappings = Object.values(resources(prod.template, 'AWS::Lambda::EventSourceMapping')).map(
      (m) => m.Properties,
    );
    expect(mappings).toHaveLength(streamFunctions.length);
    for (const m of mappings) {
      expect(m).toMatchObject({
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumRetryAttempts: STREAM_RETRY_ATTEMPTS,
        MaximumRecordAgeInSeconds: STREAM_MAX_RECORD_AGE.toSeconds(),
        DestinationConfig: { OnFailure: { Destination: arnOf(queue) } },
      });
    }
  });

  it('alarms on the failure queue, and when a consumer falls 10 minutes behind the stream', () => {
    const queue = idOf(prod, 'AWS::SQS::Queue', 'StreamFailures');
    const onQueue = alarms(prod).filter(
      (a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && a.Dimensions[0].Value['Fn::GetAtt'][0] === queue,
    );
    expect(onQueue).toEqual([
      expect.objectContaining({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' }),
    ]);
    const iteratorAge = alarms(prod)
      .filter((a) => a.MetricName === 'IteratorAge')
      .map((a) => a.Dimensions[0].Value.Ref);
    expect(iteratorAge.sort()).toEqual(streamFunctions.map((n) => functionId(prod.template, n)).sort());
  });

  it("reaches webhooks only for new manifest events and oversight only for new export requests (the functions' own filters); others get every record", () => {
    const mappings = resources(prod.template, 'AWS::Lambda::EventSourceMapping');
    const patterns = Object.fromEntries(streamFunctions.map((n) => [functionId(prod.template, n), n]));
    const byFunction = Object.fromEntries(
      Object.values(mappings).map((m) => {
        const filters = m.Properties.FilterCriteria?.Filters;
        return [
          patterns[m.Properties.FunctionName.Ref],
          filters ? filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern)) : 'every record',
        ];
      }),
    );
    expect(byFunction).toEqual({
      alerts: 'every record',
      webhooks: [WEBHOOK_STREAM_FILTER.pattern],
      oversight: [EXPORT_STREAM_FILTER.pattern],
    });
  });
});

describe('a scheduled run that fails', () => {
  it('is retried by EventBridge and by Lambda, then lands in the job failure queue, which alarms', () => {
    const queue = idOf(prod, 'AWS::SQS::Queue', 'JobFailures');
    const rules = Object.values(resources(prod.template, 'AWS::Events::Rule'));
    expect(rules).toHaveLength(scheduled.length);
    for (const rule of rules) {
      expect(rule.Properties.Targets[0]).toMatchObject({
        RetryPolicy: {
          MaximumRetryAttempts: JOB_RETRY_ATTEMPTS,
          MaximumEventAgeInSeconds: JOB_MAX_EVENT_AGE.toSeconds(),
        },
        DeadLetterConfig: { Arn: arnOf(queue) },
      });
    }
    const invokeConfigs = Object.values(resources(prod.template, 'AWS::Lambda::EventInvokeConfig')).map(
      (c) => c.Properties,
    );
    expect(invokeConfigs.map((c) => c.FunctionName.Ref).sort()).toEqual(
      scheduled.map((n) => functionId(prod.template, n)).sort(),
    );
    for (const c of invokeConfigs) {
      expect(c).toMatchObject({
        MaximumRetryAttempts: JOB_RETRY_ATTEMPTS,
        DestinationConfig: { OnFailure: { Destination: arnOf(queue) } },
      });
    }
    expect(
      alarms(prod).filter(
        (a) =>
          a.MetricName === 'ApproximateNumberOfMessagesVisible' && a.Dimensions[0].Value['Fn::GetAtt'][0] === queue,
      ),
    ).toHaveLength(1);
  });

  it('failure queues accept only TLS and are encrypted', () => {
    for (const q of Object.values(resources(prod.template, 'AWS::SQS::Queue')))
      expect(q.Properties.SqsManagedSseEnabled).toBe(true);
    const policies = Object.values(resources(prod.template, 'AWS::SQS::QueuePolicy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement,
    );
    expect(
      policies.filter((st: any) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false')
        .length,
    ).toBe(2);
  });
});

describe('alarms and the dashboard', () => {
  it('every alarm notifies the alarm topic when it fires and when it clears', () => {
    const topic = idOf(prod, 'AWS::SNS::Topic', 'AlarmTopic');
    const all = alarms(prod);
    expect(all.length).toBeGreaterThan(names.length);
    for (const a of all)
      expect({ alarm: a.AlarmDescription, actions: a.AlarmActions, ok: a.OKActions }).toEqual({
        alarm: a.AlarmDescription,
        actions: [{ Ref: topic }],
        ok: [{ Ref: topic }],
      });
  });

  it('include the webhook failure rate, computed from the delivery metrics the webhooks function emits', () => {
    const rate = alarms(prod).find((a) => a.Metrics?.some((m: any) => m.Expression?.includes('failed')));
    expect(rate).toBeDefined();
    const names = rate!.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric);
    expect(names).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Namespace: 'WasteChain',
          MetricName: 'WebhookDeliveriesFailed',
          Dimensions: [{ Name: 'Deployment', Value: 'WasteChain' }],
        }),
        expect.objectContaining({ MetricName: 'WebhookDeliveriesSucceeded' }),
      ]),
    );
  });

  it('show every business metric, the API, the functions, the stream and the failure queues on one dashboard', () => {
    const dashboard = first(Object.values(resources(prod.template, 'AWS::CloudWatch::Dashboard')), 'dashboard');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const metric of BUSINESS_METRICS) expect(body, metric).toContain(`\\"${metric}\\"`);
    for (const metric of ['IteratorAge', 'ApproximateNumberOfMessagesVisible', '5xx', 'Throttles', 'Errors'])
      expect(body, metric).toContain(metric);
  });
});

describe('the functions', () => {
  it('log JSON, are traced, and know their deployment (the metrics dimension) and their name', () => {
    for (const name of names) {
      prod.template.hasResourceProperties('AWS::Lambda::Function', {
        Description: `WasteChain ${name}`,
        LoggingConfig: Match.objectLike({ LogFormat: 'JSON' }),
        TracingConfig: { Mode: 'Active' },
        Environment: { Variables: Match.objectLike({ SERVICE_NAME: name, DEPLOYMENT: 'WasteChain' }) },
      });
    }
  });
});

describe('background exports', () => {
  const bucketOf = (s: Synth) => idOf(s, 'AWS::S3::Bucket', 'ExportsBucket');
  /** The statements of the policies attached to a function's role. */
  const statementsOf = (s: Synth, name: string) => {
    const role = resourceOf(s.template, 'AWS::Lambda::Function', functionId(s.template, name)).Properties.Role[
      'Fn::GetAtt'
    ][0];
    return Object.values(resources(s.template, 'AWS::IAM::Policy'))
      .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
  };
  const s3Statements = (s: Synth, name: string) =>
    statementsOf(s, name).filter((st: any) => [st.Action].flat().some((a: string) => a.startsWith('s3:')));

  it('go to a private, TLS-only, encrypted bucket whose objects expire after 7 days, retained in prod', () => {
    const bucket = resourceOf(prod.template, 'AWS::S3::Bucket', bucketOf(prod));
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LifecycleConfiguration: {
        Rules: [expect.objectContaining({ ExpirationInDays: EXPORT_EXPIRY.toDays(), Status: 'Enabled' })],
      },
    });
    expect(EXPORT_EXPIRY.toDays()).toBe(7);
    const policy = Object.values(resources(prod.template, 'AWS::S3::BucketPolicy')).find(
      (p) => p.Properties.Bucket.Ref === bucketOf(prod),
    );
    expect(policy!.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });

  it('are encrypted with the customer-managed key when there is one, and emptied when a dev stage is destroyed', () => {
    const bucket = resourceOf(dev.template, 'AWS::S3::Bucket', bucketOf(dev));
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
      {
        BucketKeyEnabled: true,
        ServerSideEncryptionByDefault: {
          SSEAlgorithm: 'aws:kms',
          KMSMasterKeyID: { 'Fn::GetAtt': [idOf(dev, 'AWS::KMS::Key', 'DataKey'), 'Arn'] },
        },
      },
    ]);
    const autoDelete = Object.values(
      dev.template.toJSON().Resources as Record<string, { Type: string; Properties: any }>,
    )
      .filter((r) => r.Type === 'Custom::S3AutoDeleteObjects')
      .map((r) => r.Properties.BucketName.Ref);
    expect(autoDelete).toContain(bucketOf(dev));
    expect(statementsOf(dev, 'oversight')).toContainEqual(
      expect.objectContaining({ Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey']) }),
    );
  });

  it('are written and pre-signed by the oversight function only: EXPORT_BUCKET, and exactly GetObject and PutObject on its objects', () => {
    const bucket = bucketOf(prod);
    prod.template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'WasteChain oversight',
      Timeout: 300,
      Environment: { Variables: Match.objectLike({ EXPORT_BUCKET: { Ref: bucket } }) },
    });
    expect(s3Statements(prod, 'oversight')).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/*']] },
      },
    ]);
    for (const name of names.filter((n) => n !== 'oversight')) {
      expect(s3Statements(prod, name), name).toEqual([]);
      const vars = resourceOf(prod.template, 'AWS::Lambda::Function', functionId(prod.template, name)).Properties
        .Environment.Variables;
      expect(vars.EXPORT_BUCKET, name).toBeUndefined();
    }
  });
});

describe('backups', () => {
  it('keep a monthly point of the table for 10 years in a vault locked at that minimum, and a daily one 35 days', () => {
    const plan = first(Object.values(resources(prod.template, 'AWS::Backup::BackupPlan')), 'backup plan');
    const rules = plan.Properties.BackupPlan.BackupPlanRule;
    const records = idOf(prod, 'AWS::Backup::BackupVault', 'RecordsBackupVault');
    const monthly = rules.find((r: any) => r.Lifecycle.DeleteAfterDays >= 3650);
    expect(monthly).toMatchObject({
      Lifecycle: { DeleteAfterDays: retentionDays(10) },
      TargetBackupVault: { 'Fn::GetAtt': [records, 'BackupVaultName'] },
    });
    expect(retentionDays(10)).toBe(3653);
    expect(rules.find((r: any) => r !== monthly).Lifecycle.DeleteAfterDays).toBe(35);
    expect(resourceOf(prod.template, 'AWS::Backup::BackupVault', records)).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: { LockConfiguration: { MinRetentionDays: retentionDays(10) } },
    });
    const selection = first(
      Object.values(resources(prod.template, 'AWS::Backup::BackupSelection')),
      'backup selection',
    );
    expect(JSON.stringify(selection.Properties.BackupSelection.Resources)).toContain(
      idOf(prod, 'AWS::DynamoDB::Table', 'Table'),
    );
  });
});

describe('stages', () => {
  it('prod retains the table, its users, vaults and logs, with deletion protection', () => {
    expect(
      resourceOf(prod.template, 'AWS::DynamoDB::Table', idOf(prod, 'AWS::DynamoDB::Table', 'Table')),
    ).toMatchObject({ DeletionPolicy: 'Retain', Properties: { DeletionProtectionEnabled: true } });
    expect(Object.values(resources(prod.template, 'AWS::Cognito::UserPool'))[0]).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: { DeletionProtection: 'ACTIVE' },
    });
    for (const g of Object.values(resources(prod.template, 'AWS::Logs::LogGroup')))
      expect(g.DeletionPolicy).toBe('Retain');
  });

  it('dev can be destroyed whole: nothing retained, no deletion protection, no vault lock', () => {
    const retained = Object.entries(dev.template.toJSON().Resources as Record<string, { DeletionPolicy?: string }>)
      .filter(([, r]) => r.DeletionPolicy === 'Retain')
      .map(([id]) => id);
    expect(retained).toEqual([]);
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'INACTIVE' });
    for (const v of Object.values(resources(dev.template, 'AWS::Backup::BackupVault')))
      expect(v.Properties.LockConfiguration).toBeUndefined();
  });
});

describe('a customer-managed key', () => {
  it('rotates, and encrypts the table, the backup vaults, the failure queues, the alarm topic and the cursor secret', () => {
    const key = idOf(dev, 'AWS::KMS::Key', 'DataKey');
    dev.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const keyArn = { 'Fn::GetAtt': [key, 'Arn'] };
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: keyArn },
    });
    for (const v of Object.values(resources(dev.template, 'AWS::Backup::BackupVault')))
      expect(v.Properties.EncryptionKeyArn).toEqual(keyArn);
    for (const q of Object.values(resources(dev.template, 'AWS::SQS::Queue')))
      expect(q.Properties.KmsMasterKeyId).toEqual(keyArn);
    dev.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: keyArn });
    dev.template.hasResourceProperties('AWS::SecretsManager::Secret', { KmsKeyId: keyArn });
  });

  it('lets CloudWatch publish alarms to the encrypted topic', () => {
    const key = first(Object.values(resources(dev.template, 'AWS::KMS::Key')), 'key');
    const statements = key.Properties.KeyPolicy.Statement;
    expect(
      statements.some(
        (st: any) =>
          st.Principal?.Service === 'cloudwatch.amazonaws.com' && [st.Action].flat().includes('kms:GenerateDataKey*'),
      ),
    ).toBe(true);
  });

  it('passes cdk-nag with nothing unacknowledged, as the default does', () => {
    for (const s of [prod, dev]) {
      const report = new AwsSolutionsChecks().validateScope(s.app);
      expect(
        report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`),
      ).toEqual([]);
    }
  });
});
