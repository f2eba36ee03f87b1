// The whole deployment in one stack: identity, table, backups, cursor secret, exports bucket, functions, API, failure queues,
// alarms and dashboard, and the console. What varies between deployments is the DeploymentConfig
// (infra/deployment-config.ts): stage, issuer, key, backups, console, alarm emails.
import { CfnOutput, Stack, type StackProps, aws_secretsmanager as secrets } from 'aws-cdk-lib';
import type { Code } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { createBackups } from './backup.ts';
import { createConsoleHosting } from './console-hosting.ts';
import { isChinaRegion, parseDeploymentConfig, type DeploymentConfig } from './deployment-config.ts';
import { createExportBucket } from './exports-bucket.ts';
import { createFailureQueues } from './faults.ts';
import { createHttpApi } from './http-api.ts';
import { createIdentity } from './identity.ts';
import { createLambdas } from './lambdas.ts';
import { acknowledge } from './nag.ts';
import { createObservability } from './observability.ts';
import { stageSettings } from './stage.ts';
import { createTable } from './table.ts';
import { asITable } from './cdk-interfaces.ts';

export interface WasteChainStackProps extends StackProps {
  /** The deployment's choices; defaults: prod stage, the stack's own Cognito user pool, AWS-owned keys, console on. */
  config?: DeploymentConfig;
  /** Tests pass prebuilt code to skip bundling; a deploy always bundles. */
  codeOf?: ((name: string) => Code | undefined) | undefined;
  /** Where the built console is (tests point elsewhere); default web/dist. */
  consoleDist?: string;
}

export class WasteChainStack extends Stack {
  constructor(scope: Construct, id: string, props: WasteChainStackProps = {}) {
    super(scope, id, props);
    const config = props.config ?? parseDeploymentConfig({});
    const stage = stageSettings(this, config);
    const identity = createIdentity(this, config, stage);
    const table = createTable(this, stage);
    createBackups(this, asITable(table), stage, config.backup.retentionYears);
    const cursorSecret = new secrets.Secret(this, 'CursorSecret', {
      description: 'Seals the list cursors of the WasteChain API (HMAC key)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      ...(stage.key ? { encryptionKey: stage.key } : {}),
      removalPolicy: stage.removalPolicy,
    });
    acknowledge(
      cursorSecret,
      'AwsSolutions-SMG4',
      'The key only seals pagination cursors; rotating it breaks every page in flight and needs a rotation function. ' +
        'Rotate by hand with put-secret-value: functions read it at their next cold start',
    );
    const failures = createFailureQueues(this, stage);
    const exportBucket = createExportBucket(this, stage);
    const functions = createLambdas(this, {
      table,
      cursorSecret,
      codeOf: props.codeOf,
      stage,
      claimEnv: identity.claimEnv,
      failures,
      exportBucket,
    });
    const { api, stage: apiStage } = createHttpApi(this, functions, identity, stage.removalPolicy);
    const { topic, dashboard } = createObservability(this, {
      api,
      functions,
      failures,
      stage,
      alarmEmails: config.alarmEmails,
    });

    if (config.console.enabled) {
      if (isChinaRegion(this.region)) {
        throw new Error(
          `${this.region}: CloudFront in China serves only an ICP-filed domain with an IAM server certificate, which this stack does not set up; set console.enabled false (README, "China regions")`,
        );
      }
      const hosting = createConsoleHosting(this, api, stage, props.consoleDist);
      new CfnOutput(this, 'ConsoleUrl', {
        value: `https://${hosting.distribution.distributionDomainName}/`,
        description: 'The web console; its /v1/* is the API',
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: apiStage.url, description: 'Base URL of the API' });
    new CfnOutput(this, 'Issuer', {
      value: identity.issuerUrl,
      description: 'The OIDC issuer whose ID tokens the API accepts',
    });
    if (identity.users) {
      new CfnOutput(this, 'UserPoolId', { value: identity.users.pool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: identity.users.client.userPoolClientId });
    }
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: topic.topicArn,
      description: 'Subscribe a pager or chat hook to hear the alarms',
    });
    new CfnOutput(this, 'DashboardName', { value: dashboard.dashboardName });
    new CfnOutput(this, 'StreamFailureQueueUrl', { value: failures.stream.queueUrl });
    new CfnOutput(this, 'ExportBucketName', {
      value: exportBucket.bucketName,
      description: 'Background oversight exports (kept 7 days)',
    });
  }
}
