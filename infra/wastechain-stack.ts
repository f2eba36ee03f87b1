// The whole deployment in one stack: users, table, cursor secret, functions, API, alarms.
import { CfnOutput, Stack, type StackProps, aws_secretsmanager as secrets } from 'aws-cdk-lib';
import type { Code } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { createAlarms } from './alarms.ts';
import { createHttpApi } from './http-api.ts';
import { createLambdas } from './lambdas.ts';
import { acknowledge } from './nag.ts';
import { createTable } from './table.ts';
import { createUsers } from './user-pool.ts';

export interface WasteChainStackProps extends StackProps {
  /** Tests pass prebuilt code to skip bundling; a deploy always bundles. */
  codeOf?: (name: string) => Code | undefined;
}

export class WasteChainStack extends Stack {
  constructor(scope: Construct, id: string, props: WasteChainStackProps = {}) {
    super(scope, id, props);
    const users = createUsers(this);
    const table = createTable(this);
    const cursorSecret = new secrets.Secret(this, 'CursorSecret', {
      description: 'Seals the list cursors of the WasteChain API (HMAC key)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(cursorSecret, 'AwsSolutions-SMG4',
      'The key only seals pagination cursors; rotating it breaks every page in flight and needs a rotation function. ' +
        'Rotate by hand with put-secret-value: functions read it at their next cold start');
    const functions = createLambdas(this, { table, cursorSecret, codeOf: props.codeOf });
    const { api, stage } = createHttpApi(this, functions, users);
    createAlarms(this, api, functions);

    new CfnOutput(this, 'ApiUrl', { value: stage.url, description: 'Base URL of the API' });
    new CfnOutput(this, 'UserPoolId', { value: users.pool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: users.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}
