// The CDK stack, synthesized offline: what a deploy would create, and that cdk-nag finds nothing unacknowledged.
import { Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { GROUPS } from '#shared/domain/jurisdiction.ts';
import { GLOBAL_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '#shared/store/table-definition.ts';
import { apiRoutes } from '../../infra/http-api.ts';
import { FUNCTION_SPECS, functionNames, specOf } from '../../infra/function-specs.ts';
import { functionId, resources, synth, type Synth } from './synth.ts';
import { at, entry, first } from '../support/present.ts';

let s: Synth;
const names = functionNames();

beforeAll(() => {
  s = synth();
}, 60_000);

const ref = (id: string) => ({ Ref: id });
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const onlyId = (type: string, prefix = '') => {
  const ids = Object.keys(resources(s.template, type)).filter((id) => id.startsWith(prefix));
  expect(ids).toHaveLength(1);
  return first(ids);
};

/** Every (action, resource) pair of the policies attached to the function's role, resources named by kind. */
function grantsOf(name: string): string[] {
  const fn = s.template.toJSON().Resources[functionId(s.template, name)].Properties;
  const role = fn.Role['Fn::GetAtt'][0];
  const table = onlyId('AWS::DynamoDB::Table');
  const resourceName = (r: unknown) => {
    const json = JSON.stringify(r);
    if (json === JSON.stringify(arnOf(table))) return 'table';
    if (json === JSON.stringify({ 'Fn::GetAtt': [table, 'StreamArn'] })) return 'stream';
    if (json === JSON.stringify(ref(onlyId('AWS::SecretsManager::Secret')))) return 'cursor secret';
    if (json === JSON.stringify({ 'Fn::Join': ['', [arnOf(onlyId('AWS::S3::Bucket', 'ExportsBucket')), '/*']] }))
      return 'export objects';
    const queue = /^\{"Fn::GetAtt":\["(StreamFailures|JobFailures)[0-9A-F]{8}","Arn"\]\}$/.exec(json);
    if (queue) return queue[1];
    const index = /"\/index\/([^"]+)"/.exec(json);
    if (index && json.includes(table)) return `index ${at(index, 1, 'index name')}`;
    if (json === JSON.stringify(arnOf(fn.LoggingConfig.LogGroup.Ref))) return 'own log group';
    return r === '*' ? '*' : json;
  };
  return Object.values(resources(s.template, 'AWS::IAM::Policy'))
    .filter((p) => p.Properties.Roles.some((r: any) => r.Ref === role))
    .flatMap((p) => p.Properties.PolicyDocument.Statement)
    .flatMap((st: any) =>
      [st.Action].flat().flatMap((a: string) => [st.Resource].flat().map((r: unknown) => `${a} on ${resourceName(r)}`)),
    );
}

describe('the table', () => {
  it('has the shared key schema and indexes, on-demand billing, PITR, deletion protection, a stream and TTL', () => {
    s.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: GLOBAL_INDEXES.map((i) => ({
          IndexName: i.indexName,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      },
    });
  });
});

describe('users', () => {
  it('are created by administrators only, carry a jurisdiction attribute and belong to the three groups', () => {
    s.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([
        {
          Name: 'jurisdiction',
          AttributeDataType: 'String',
          Mutable: true,
          StringAttributeConstraints: { MinLength: '2', MaxLength: '6' },
        },
      ]),
      DeletionProtection: 'ACTIVE',
    });
    const groups = Object.values(resources(s.template, 'AWS::Cognito::UserPoolGroup')).map(
      (g) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...GROUPS].sort());
  });

  it('sign in through an app client that cannot write their jurisdiction and offers no OAuth redirects', () => {
    s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      WriteAttributes: ['email', 'name'],
      AllowedOAuthFlowsUserPoolClient: false,
      AllowedOAuthFlows: Match.absent(),
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
    });
  });
});

describe('the HTTP API', () => {
  it('authorizes with JWTs issued by the user pool for the app client', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [ref(onlyId('AWS::Cognito::UserPoolClient'))],
        Issuer: { 'Fn::GetAtt': [onlyId('AWS::Cognito::UserPool'), 'ProviderURL'] },
      },
    });
  });

  it('has exactly the routes of the route table, each sent to its own function, plus a catch-all', () => {
    const routes = Object.values(resources(s.template, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey);
    const expected = apiRoutes().map((r) => `${r.method} ${r.path}`);
    expect(routes.sort()).toEqual(['$default', ...expected].sort());
    expect(routes.filter((k) => k.includes('/local'))).toEqual([]);

    const integrations = resources(s.template, 'AWS::ApiGatewayV2::Integration');
    const routeByKey = new Map(
      Object.values(resources(s.template, 'AWS::ApiGatewayV2::Route')).map((r) => [r.Properties.RouteKey, r]),
    );
    for (const route of apiRoutes()) {
      const target = routeByKey.get(`${route.method} ${route.path}`)!.Properties.Target['Fn::Join'][1][1].Ref;
      expect(
        entry(integrations, target, 'integrations').Properties.IntegrationUri,
        `${route.method} ${route.path}`,
      ).toEqual(arnOf(functionId(s.template, route.functionName)));
    }
  });

  it('requires the authorizer on every route but health, the OpenAPI document and the docs', () => {
    const authorizer = onlyId('AWS::ApiGatewayV2::Authorizer');
    const publicKeys = ['GET /v1/health', 'GET /openapi.json', 'GET /docs', '$default'];
    for (const route of Object.values(resources(s.template, 'AWS::ApiGatewayV2::Route'))) {
      const { RouteKey, AuthorizationType, AuthorizerId } = route.Properties;
      if (publicKeys.includes(RouteKey)) {
        expect({ RouteKey, AuthorizationType, AuthorizerId }).toEqual({
          RouteKey,
          AuthorizationType: 'NONE',
          AuthorizerId: undefined,
        });
      } else {
        expect({ RouteKey, AuthorizationType, AuthorizerId }).toEqual({
          RouteKey,
          AuthorizationType: 'JWT',
          AuthorizerId: ref(authorizer),
        });
      }
    }
  });

  it('logs every request as JSON and throttles on its default stage', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});

describe('the functions', () => {
  it('are one Node 22 ARM64 Lambda per functions/ folder, with the table, time zone, source maps and reference data', () => {
    expect(Object.keys(resources(s.template, 'AWS::Lambda::Function'))).toHaveLength(names.length);
    for (const name of names) {
      s.template.hasResourceProperties('AWS::Lambda::Function', {
        Description: `WasteChain ${name}`,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Environment: {
          Variables: Match.objectLike({
            TABLE_NAME: ref(onlyId('AWS::DynamoDB::Table')),
            TIME_ZONE: 'Asia/Shanghai',
            NODE_OPTIONS: '--enable-source-maps',
            REFERENCE_DATA_DIR: '/var/task/reference-data',
            CURSOR_SECRET_ARN: specOf(name).cursorSecret ? ref(onlyId('AWS::SecretsManager::Secret')) : Match.absent(),
          }),
        },
      });
    }
  });

  it('log to their own log groups, kept for a year', () => {
    const groups = resources(s.template, 'AWS::Logs::LogGroup');
    for (const name of names) {
      const logGroup =
        s.template.toJSON().Resources[functionId(s.template, name)].Properties.LoggingConfig.LogGroup.Ref;
      expect(entry(groups, logGroup, 'log groups').Properties.RetentionInDays).toBe(365);
    }
  });

  it('may each do exactly what their spec grants: its table actions, Query on its named indexes, the secret value, export objects', () => {
    const sendTo = (queue: string) =>
      ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'].map((a) => `${a} on ${queue}`);
    const logs = ['logs:CreateLogStream', 'logs:PutLogEvents'].map((a) => `${a} on own log group`);
    // What the stream's event source mapping needs (CDK's grantStreamRead): ListStreams takes no resource.
    const stream = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'].map(
      (a) => `${a} on stream`,
    );
    for (const name of names) {
      const spec = specOf(name);
      const expected = [
        ...logs,
        ...spec.table.map((a) => `dynamodb:${a} on table`),
        ...(spec.indexes ?? []).map((i) => `dynamodb:Query on index ${i}`),
        ...(spec.cursorSecret ? ['secretsmanager:GetSecretValue on cursor secret'] : []),
        ...(spec.exportBucket ?? []).map((a) => `${a} on export objects`),
        ...(spec.stream ? [...stream, 'dynamodb:ListStreams on *'] : []),
        // Lambda's active tracing (X-Ray takes no resource).
        'xray:PutTraceSegments on *',
        'xray:PutTelemetryRecords on *',
        // What still fails after retries is sent to a failure queue: stream batches (the event source mapping's
        // on-failure destination) and scheduled runs (the async invocation's on-failure destination).
        ...(spec.stream ? sendTo('StreamFailures') : []),
        ...(spec.schedule ? sendTo('JobFailures') : []),
      ];
      expect(grantsOf(name).sort(), name).toEqual(expected.sort());
    }
    expect(JSON.stringify(resources(s.template, 'AWS::IAM::Policy'))).not.toContain('/index/*');
  });

  it('run on schedule and on the table stream exactly as their specs say', () => {
    const rules = Object.values(resources(s.template, 'AWS::Events::Rule'));
    const mappings = Object.values(resources(s.template, 'AWS::Lambda::EventSourceMapping'));
    for (const name of names) {
      const id = functionId(s.template, name);
      const schedules = rules.filter((r) => r.Properties.Targets.some((t: any) => t.Arn['Fn::GetAtt']?.[0] === id));
      expect(
        schedules.map((r) => r.Properties.ScheduleExpression),
        name,
      ).toEqual(specOf(name).schedule ? [specOf(name).schedule] : []);
      const streams = mappings.filter((m) => m.Properties.FunctionName.Ref === id);
      expect(
        streams.map((m) => m.Properties.EventSourceArn),
        name,
      ).toEqual(specOf(name).stream ? [{ 'Fn::GetAtt': [onlyId('AWS::DynamoDB::Table'), 'StreamArn'] }] : []);
    }
  });

  it('refuse to deploy a function folder nobody has given permissions', () => {
    expect(() => specOf('no-such-function')).toThrow(/FUNCTION_SPECS/);
    expect(Object.keys(FUNCTION_SPECS)).toEqual(expect.arrayContaining(names));
  });
});

describe('alarms', () => {
  it('watch the API 5xx count, every function throttling, and the alerts job failing when it exists', () => {
    const alarms = Object.values(resources(s.template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(alarms.filter((a) => a.Namespace === 'AWS/ApiGateway' && a.MetricName === '5xx')).toHaveLength(1);
    const throttled = alarms.filter((a) => a.MetricName === 'Throttles').map((a) => a.Dimensions[0].Value.Ref);
    expect(throttled.sort()).toEqual(names.map((n) => functionId(s.template, n)).sort());
    const alertsFailing = alarms.filter((a) => a.MetricName === 'Errors');
    expect(alertsFailing.map((a) => a.Dimensions[0].Value.Ref)).toEqual(
      names.includes('alerts') ? [functionId(s.template, 'alerts')] : [],
    );
  });
});

describe('outputs', () => {
  it('give the API URL, the user pool and its client', () => {
    const outputs = s.template.toJSON().Outputs;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'UserPoolId', 'UserPoolClientId']));
    expect(outputs.UserPoolClientId.Value).toEqual(ref(onlyId('AWS::Cognito::UserPoolClient')));
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing that is not acknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(s.app);
    expect(
      report.violations.map(
        (v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      ),
    ).toEqual([]);
  });

  it('has a written reason for every acknowledgement', () => {
    const acknowledged = s.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const [rule, reason] of acknowledged) expect(reason.length, rule).toBeGreaterThan(40);
  });
});
