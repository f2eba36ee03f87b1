// The web console (web/, built to web/dist) on the API's own origin: a private bucket read by CloudFront through
// origin access control, with /v1/* passed to the HTTP API uncached, so the browser calls the API same-origin (no
// CORS). Paths without a file extension are console routes and get index.html (the SPA decides), while the API's own
// 404s stay problem+json (a distribution-wide error page would have replaced them).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  Annotations,
  type CfnResource,
  Duration,
  Fn,
  Stack,
  type aws_apigatewayv2 as apigw,
  aws_cloudfront as cloudfront,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { aws_s3_deployment as deployment } from 'aws-cdk-lib';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Construct } from 'constructs';
import { PROJECT_ROOT } from './function-specs.ts';
import { acknowledge } from './nag.ts';
import type { StageSettings } from './stage.ts';
import { asIBucket } from './cdk-interfaces.ts';

export const CONSOLE_DIST = join(PROJECT_ROOT, 'web/dist');

/** Viewer-request rewrite on the bucket's behaviour only: a console route (no file extension) is index.html. */
export const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/** CDK's BucketDeployment runs a provider Lambda of its own (one per stack), deployed with the console files. */
function acknowledgeDeploymentProvider(scope: Construct, bucket: s3.Bucket): void {
  const stack = Stack.of(scope);
  const provider = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!provider) throw new Error('BucketDeployment made no provider function where expected');
  const bucketArn = `<${stack.getLogicalId(bucket.node.defaultChild as CfnResource)}.Arn>/*`;
  const why =
    "CDK's BucketDeployment provider, which copies the console files from the CDK asset bucket into the console bucket and invalidates the distribution: CDK writes its policy";
  acknowledge(provider, 'AwsSolutions-L1', `${why}; its runtime is CDK's choice and moves with aws-cdk-lib`);
  acknowledge(
    provider,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    `${why}; it only writes its logs`,
  );
  for (const finding of [
    'Action::s3:GetObject*',
    'Action::s3:GetBucket*',
    'Action::s3:List*',
    'Action::s3:DeleteObject*',
    'Action::s3:Abort*',
    'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
    `Resource::${bucketArn}`,
    'Resource::*',
  ]) {
    acknowledge(
      provider,
      `AwsSolutions-IAM5[${finding}]`,
      `${why}, limited to the asset bucket, the console bucket and the invalidation`,
    );
  }
}

export interface ConsoleHosting {
  distribution: cloudfront.Distribution;
  bucket: s3.Bucket;
  deployed: boolean;
}

export function createConsoleHosting(
  scope: Construct,
  api: apigw.HttpApi,
  stage: StageSettings,
  distDir = CONSOLE_DIST,
): ConsoleHosting {
  const destroyable = stage.stage === 'dev';
  const logs = asIBucket(
    new s3.Bucket(scope, 'ConsoleLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are written with an ACL.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: stage.removalPolicy,
    }),
  );
  acknowledge(logs, 'AwsSolutions-S1', 'This is the access-log bucket itself; logging it into itself would loop');
  const bucket = new s3.Bucket(scope, 'ConsoleBucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    serverAccessLogsBucket: logs,
    serverAccessLogsPrefix: 's3/',
    // Built files only, rebuilt from web/ at every deploy: nothing here is a record.
    removalPolicy: stage.removalPolicy,
    autoDeleteObjects: destroyable,
  });

  const apiDomain = Fn.select(2, Fn.split('/', api.apiEndpoint));
  const distribution = new cloudfront.Distribution(scope, 'Console', {
    comment: `${Stack.of(scope).stackName} web console and API`,
    defaultRootObject: 'index.html',
    httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
    enableLogging: true,
    logBucket: logs,
    logFilePrefix: 'cloudfront/',
    defaultBehavior: {
      origin: S3BucketOrigin.withOriginAccessControl(asIBucket(bucket)),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      functionAssociations: [
        {
          eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
          function: new cloudfront.Function(scope, 'ConsoleRoutes', {
            code: cloudfront.FunctionCode.fromInline(SPA_REWRITE),
            runtime: cloudfront.FunctionRuntime.JS_2_0,
            comment: 'Console routes (no file extension) are served index.html',
          }),
        },
      ],
    },
    additionalBehaviors: {
      '/v1/*': {
        origin: new HttpOrigin(apiDomain, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        // Never cached; every header (Authorization, Idempotency-Key, If-Match, Accept) and query string reaches the
        // API, except Host, which must be the API's own. With caching disabled this policy forwards Authorization.
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
    },
  });
  acknowledge(
    distribution,
    'AwsSolutions-CFR1',
    'The console serves users across China; who may act is decided by the token, not the country',
  );
  acknowledge(
    distribution,
    'AwsSolutions-CFR2',
    'AWS WAF is an operator choice with its own cost; the API throttles on its stage and authorizes every /v1 route',
  );
  acknowledge(
    distribution,
    'AwsSolutions-CFR4',
    'The default *.cloudfront.net certificate allows TLS 1.0 viewers; an operator adding the console domain and its certificate sets TLSv1.2_2021',
  );

  const deployed = existsSync(join(distDir, 'index.html'));
  if (deployed) {
    new deployment.BucketDeployment(scope, 'ConsoleFiles', {
      sources: [deployment.Source.asset(distDir)],
      destinationBucket: asIBucket(bucket),
      distribution,
      distributionPaths: ['/index.html'],
      prune: true,
      memoryLimit: 512,
    });
    acknowledgeDeploymentProvider(scope, bucket);
  } else {
    Annotations.of(scope).addWarningV2(
      'wastechain:console-not-built',
      `${distDir} has no index.html: the console bucket and distribution are created empty. Build the console (web/) and deploy again to publish it.`,
    );
  }
  return { distribution, bucket, deployed };
}
