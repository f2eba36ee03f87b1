// The web console on CloudFront: a private bucket read through origin access control, /v1/* passed uncached to the
// API on the same origin, console routes answered with index.html, and web/dist published only when it is built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPA_REWRITE } from '../../infra/console-hosting.ts';
import { resources, synth, type Synth } from './synth.ts';
import { entry, first } from '../support/present.ts';

/** CloudFront's managed policies (ids are fixed by AWS). */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

let dist: string;
let built: Synth;
let unbuilt: Synth;

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'wastechain-console-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>WasteChain</title>');
  writeFileSync(join(dist, 'assets/app.js'), 'console.log(1)');
  built = synth({ consoleDist: dist });
  unbuilt = synth();
}, 120_000);

afterAll(() => rmSync(dist, { recursive: true, force: true }));

const distribution = (s: Synth) =>
  first(Object.values(resources(s.template, 'AWS::CloudFront::Distribution')), 'distribution').Properties
    .DistributionConfig;

describe('the console bucket', () => {
  it('is private, TLS-only and read by CloudFront through origin access control only', () => {
    const buckets = resources(built.template, 'AWS::S3::Bucket');
    const id = Object.keys(buckets).find((k) => k.startsWith('ConsoleBucket'))!;
    expect(entry(buckets, id, 'buckets').Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(Object.keys(resources(built.template, 'AWS::CloudFront::OriginAccessControl'))).toHaveLength(1);
    const policy = Object.values(resources(built.template, 'AWS::S3::BucketPolicy')).find(
      (p) => p.Properties.Bucket.Ref === id,
    )!;
    const statements = policy.Properties.PolicyDocument.Statement;
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
        }),
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ]),
    );
    const [s3Origin] = distribution(built).Origins.filter((o: any) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
  });
});

describe('the distribution', () => {
  it('sends /v1/* to the HTTP API uncached, every method, all headers and query strings but Host', () => {
    const config = distribution(built);
    const [api] = config.CacheBehaviors.filter((b: any) => b.PathPattern === '/v1/*');
    expect(api).toMatchObject({
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      ViewerProtocolPolicy: 'https-only',
    });
    const origin = config.Origins.find((o: any) => o.Id === api.TargetOriginId);
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    const apiId = Object.keys(resources(built.template, 'AWS::ApiGatewayV2::Api'))[0];
    expect(JSON.stringify(origin.DomainName)).toContain(`"Fn::GetAtt":["${apiId}","ApiEndpoint"]`);
    expect(api.FunctionAssociations).toBeUndefined();
  });

  it('answers console routes with index.html, leaving files and the API alone (no distribution-wide error page)', () => {
    const config = distribution(built);
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      {
        EventType: 'viewer-request',
        FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^ConsoleRoutes/), 'FunctionARN'] },
      },
    ]);
    const rewrite = (uri: string) => new Function(`${SPA_REWRITE}; return handler`)()({ request: { uri } }).uri;
    expect(rewrite('/manifests/7f3c')).toBe('/index.html');
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/assets/app.js')).toBe('/assets/app.js');
    built.template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: SPA_REWRITE,
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
  });

  it('logs to a private log bucket and redirects http to https', () => {
    const config = distribution(built);
    expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });
});

describe('publishing web/dist', () => {
  it('deploys the built files and invalidates index.html when web/dist is built', () => {
    const deployments = Object.values(resources(built.template, 'Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(1);
    expect(first(deployments).Properties).toMatchObject({ Prune: true, DistributionPaths: ['/index.html'] });
    expect(Object.keys(built.template.toJSON().Outputs)).toContain('ConsoleUrl');
  });

  it('is skipped with a warning when it is not built, the distribution still made', () => {
    expect(Object.values(resources(unbuilt.template, 'Custom::CDKBucketDeployment'))).toEqual([]);
    expect(Object.keys(resources(unbuilt.template, 'AWS::CloudFront::Distribution'))).toHaveLength(1);
    const warnings = unbuilt.stack.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    expect(warnings.some((w) => w.includes('no index.html'))).toBe(true);
  });

  it('passes cdk-nag with nothing unacknowledged, built or not', () => {
    for (const s of [built, unbuilt]) {
      const report = new AwsSolutionsChecks().validateScope(s.app);
      expect(
        report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`),
      ).toEqual([]);
    }
  });
});
