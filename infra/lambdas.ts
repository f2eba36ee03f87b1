// One Lambda per functions/<name>/ folder, each granted only what its entry in FUNCTION_SPECS says.
import { join } from 'node:path';
import {
  type CfnElement,
  Duration,
  Stack,
  type aws_dynamodb as dynamodb,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_lambda_nodejs as nodejs,
} from 'aws-cdk-lib';
import type { aws_s3 as s3, aws_secretsmanager as secrets } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { addSchedule, addStreamSource, type FailureQueues } from './faults.ts';
import { cdkBundling, RUNTIME_FILES_ENV } from './bundling.ts';
import {
  CURSOR_SECRET_ACTION,
  entryOf,
  functionNames,
  PROJECT_ROOT,
  specOf,
  type FunctionSpec,
} from './function-specs.ts';
import { logGroup } from './logging.ts';
import { acknowledge } from './nag.ts';
import type { StageSettings } from './stage.ts';
import { asITable } from './cdk-interfaces.ts';

export interface LambdaOptions {
  table: dynamodb.Table;
  cursorSecret: secrets.Secret;
  /** Tests pass prebuilt code to skip bundling; a deploy always bundles. */
  codeOf?: ((name: string) => lambda.Code | undefined) | undefined;
  stage: StageSettings;
  /** How the functions read groups and jurisdiction from the issuer's claims (infra/identity.ts). */
  claimEnv: Record<string, string>;
  failures: FailureQueues;
  /** Where background exports are written (infra/exports-bucket.ts), for the functions whose spec names it. */
  exportBucket: s3.Bucket;
}

/** What a caller of a table encrypted with a customer-managed key needs of the key (DynamoDB uses it on their behalf). */
const KEY_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'];

const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The spec's actions on the table's items, and Query on the indexes it names (no `index/*` wildcard). */
function tableStatements(table: dynamodb.Table, spec: FunctionSpec): iam.PolicyStatement[] {
  if (!spec.table.length) return [];
  const items = new iam.PolicyStatement({
    actions: spec.table.map((a) => `dynamodb:${a}`),
    resources: [table.tableArn],
  });
  if (!spec.indexes?.length) return [items];
  return [
    items,
    new iam.PolicyStatement({
      actions: ['dynamodb:Query'],
      resources: spec.indexes.map((i) => `${table.tableArn}/index/${i}`),
    }),
  ];
}

/** A role that may write its own log group and nothing else until the function's grants are added. */
function roleFor(scope: Construct, id: string, logs: ReturnType<typeof logGroup>): iam.Role {
  const role = new iam.Role(scope, `${id}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  logs.grantWrite(role);
  return role;
}

export function createLambdas(scope: Construct, options: LambdaOptions): Map<string, lambda.Function> {
  const { table, cursorSecret, stage, failures, exportBucket } = options;
  const functions = new Map<string, lambda.Function>();
  for (const name of functionNames()) {
    const spec = specOf(name);
    const id = `${capitalized(name)}Function`;
    const code = options.codeOf?.(name);
    const logs = logGroup(scope, `${id}Logs`, stage.removalPolicy);
    const role = roleFor(scope, id, logs);
    const fn = new nodejs.NodejsFunction(scope, id, {
      entry: entryOf(name),
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      ...(code ? { code, handler: 'index.handler' } : { bundling: cdkBundling() }),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(spec.timeoutSeconds ?? 10),
      logGroup: logs,
      // Platform lines (START, REPORT) and any console call become JSON with the request id; the project's own lines
      // are JSON already (shared/observability/log.ts).
      loggingFormat: lambda.LoggingFormat.JSON,
      // Lambda's own segments (init, invocation); SDK subsegments would need the X-Ray SDK in every bundle.
      tracing: lambda.Tracing.ACTIVE,
      role,
      description: `WasteChain ${name}`,
      environment: {
        TABLE_NAME: table.tableName,
        TIME_ZONE: 'Asia/Shanghai',
        NODE_OPTIONS: '--enable-source-maps',
        SERVICE_NAME: name,
        // The metrics' dimension (shared/observability/metrics.ts): one account may hold several deployments.
        DEPLOYMENT: Stack.of(scope).stackName,
        ...options.claimEnv,
        ...RUNTIME_FILES_ENV,
        ...(spec.cursorSecret ? { CURSOR_SECRET_ARN: cursorSecret.secretArn } : {}),
        ...(spec.exportBucket ? { EXPORT_BUCKET: exportBucket.bucketName } : {}),
      },
    });
    for (const statement of tableStatements(table, spec)) role.addToPrincipalPolicy(statement);
    // Its value only (grantRead would add DescribeSecret, which the code never calls).
    if (spec.cursorSecret)
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: [CURSOR_SECRET_ACTION], resources: [cursorSecret.secretArn] }),
      );
    if (spec.exportBucket) {
      // Exactly the spec's object actions (grantReadWrite would add List, Delete and Abort, which the code never sends).
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: spec.exportBucket, resources: [exportBucket.arnForObjects('*')] }),
      );
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::<${Stack.of(scope).getLogicalId(exportBucket.node.defaultChild as CfnElement)}.Arn>/*]`,
        'Each export is a new object under a key the function chooses; the statement is limited to the exports bucket',
      );
    }
    // Data encrypted with the deployment's own key: whoever reads or writes the table, its stream or the exports uses it.
    // (Named actions: the grant helpers' ReEncrypt*/GenerateDataKey* wildcards are more than DynamoDB asks for.)
    if (stage.key && (spec.table.length || spec.stream || spec.exportBucket)) {
      role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: KEY_ACTIONS, resources: [stage.key.keyArn] }));
    }
    if (spec.stream) {
      addStreamSource(fn, name, asITable(table), failures);
      acknowledge(
        role,
        'AwsSolutions-IAM5[Resource::*]',
        'dynamodb:ListStreams, which the stream event source needs, and X-Ray trace writes cannot be limited to a resource',
      );
    } else {
      acknowledge(
        role,
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray (xray:PutTraceSegments, PutTelemetryRecords) takes no resource',
      );
    }
    if (spec.schedule) addSchedule(scope, id, fn, spec.schedule, failures);
    if (stage.key && (spec.stream || spec.schedule)) {
      for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
        acknowledge(
          role,
          `AwsSolutions-IAM5[Action::${action}]`,
          "CDK's grant to send to a failure queue encrypted with the deployment key; the statement names that one key only",
        );
      }
    }
    acknowledge(
      fn,
      'AwsSolutions-L1',
      'Node.js 22 is the runtime this project pins and tests (the local tooling runs Node 20+); newer runtimes are adopted deliberately, not by lint',
    );
    functions.set(name, fn);
  }
  return functions;
}
