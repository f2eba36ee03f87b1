// A deployment in AWS China (cn-northwest-1) with the province's own OIDC issuer, from the shipped example config:
// no Cognito (China has no user pools), every ARN in the aws-cn partition, API Gateway checking the issuer's tokens
// and the functions told how to read its claims, and cdk-nag clean.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_ENV } from '#shared/http/claim-mapping.ts';
import { PROJECT_ROOT, functionNames } from '../../infra/function-specs.ts';
import { resources, synth, type Synth } from './synth.ts';

const EXAMPLE = JSON.parse(readFileSync(join(PROJECT_ROOT, 'infra/config/cn-northwest-1.example.json'), 'utf8'));
const env = { account: '123456789012', region: 'cn-northwest-1' };
let s: Synth;

beforeAll(() => {
  s = synth({ config: EXAMPLE, env });
}, 120_000);

/** Every string anywhere in the template, with where it is. */
function strings(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

describe('cn-northwest-1 with an external OIDC issuer', () => {
  it('creates no Cognito resource', () => {
    const types = Object.values(s.template.toJSON().Resources as Record<string, { Type: string }>).map((r) => r.Type);
    expect(types.filter((t) => t.startsWith('AWS::Cognito::'))).toEqual([]);
    expect(Object.keys(s.template.toJSON().Outputs)).not.toContain('UserPoolId');
  });

  it('has API Gateway accept ID tokens of that issuer for its audience', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: EXAMPLE.identity.issuerUrl, Audience: EXAMPLE.identity.audience },
    });
  });

  it("tells every function the issuer's groups and jurisdiction claims and its group map", () => {
    const fns = Object.values(resources(s.template, 'AWS::Lambda::Function'));
    expect(fns).toHaveLength(functionNames().length);
    for (const fn of fns) {
      const vars = fn.Properties.Environment.Variables;
      expect({
        [CLAIM_ENV.groupsClaim]: vars[CLAIM_ENV.groupsClaim],
        [CLAIM_ENV.jurisdictionClaim]: vars[CLAIM_ENV.jurisdictionClaim],
        map: JSON.parse(vars[CLAIM_ENV.groupMap]),
      }).toEqual({
        [CLAIM_ENV.groupsClaim]: 'roles',
        [CLAIM_ENV.jurisdictionClaim]: 'division',
        map: EXAMPLE.identity.groupMap,
      });
    }
  });

  it('names every ARN in the aws-cn partition: no literal arn:aws:, and partition-neutral ARNs take AWS::Partition', () => {
    const all = strings(s.template.toJSON());
    expect(all.filter((x) => /arn:aws:/.test(x.text))).toEqual([]);
    expect(all.filter((x) => /^arn:/.test(x.text) && !/^arn:(aws-cn)?:?/.test(x.text))).toEqual([]);
    const literalArns = all.filter((x) => /^arn:aws-cn:/.test(x.text));
    const joinedArns = JSON.stringify(s.template.toJSON()).match(/"arn:",\{"Ref":"AWS::Partition"\}/g) ?? [];
    expect(literalArns.length + joinedArns.length).toBeGreaterThan(0);
  });

  it('passes cdk-nag with nothing unacknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(s.app);
    expect(
      report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`),
    ).toEqual([]);
  });

  it('refuses the default Cognito issuer in a China region, and console hosting without an ICP-filed domain', () => {
    expect(() => synth({ config: { ...EXAMPLE, identity: { kind: 'cognito' } }, env })).toThrow(
      /no Cognito user pools/,
    );
    expect(() => synth({ config: { ...EXAMPLE, console: { enabled: true } }, env })).toThrow(/ICP-filed domain/);
  });

  it('refuses an issuer config with a mistake, naming the field', () => {
    expect(() =>
      synth({ config: { ...EXAMPLE, identity: { ...EXAMPLE.identity, issuerUrl: 'http://id.example.cn' } }, env }),
    ).toThrow(/identity\.issuerUrl/);
    expect(() =>
      synth({ config: { ...EXAMPLE, identity: { ...EXAMPLE.identity, groupMap: { x: 'root' } } }, env }),
    ).toThrow(/identity\.groupMap\.x/);
    expect(() => synth({ config: { ...EXAMPLE, backup: { retentionYears: 5 } }, env })).toThrow(
      /backup\.retentionYears/,
    );
  });
});
