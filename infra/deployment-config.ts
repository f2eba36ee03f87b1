// What one deployment chooses: its stage, who issues its users' tokens, encryption, backups, the console, who hears
// the alarms. Read from a JSON file (`-c config=infra/config/<name>.json`) or from CDK context keys of the same names;
// validated here, so a mistake stops the synth with the field it concerns rather than a broken deploy.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Token } from 'aws-cdk-lib';
import type { Node } from 'constructs';
import * as z from 'zod';
import { GROUPS } from '../shared/domain/jurisdiction.ts';
import { PROJECT_ROOT } from './function-specs.ts';

const oidcIdentity = z
  .object({
    kind: z.literal('oidc'),
    /** The `iss` of its tokens; API Gateway reads `<issuerUrl>/.well-known/openid-configuration` for the keys. */
    issuerUrl: z.string().regex(/^https:\/\/[^\s]+$/, 'an https URL'),
    /** Accepted `aud` values (the client ids its ID tokens are issued to). */
    audience: z.array(z.string().min(1)).min(1),
    /** A top-level claim of its ID tokens listing the user's groups or roles. */
    groupsClaim: z.string().min(1),
    /** A top-level claim with a regulator's division-code prefix ('14', '1411'; '00' nationwide). */
    jurisdictionClaim: z.string().min(1),
    /** Its group values → the API's groups; values not listed give no group. */
    groupMap: z
      .record(z.string().min(1), z.enum(GROUPS as [string, ...string[]]))
      .refine((m) => Object.keys(m).length > 0, 'map at least one group'),
  })
  .strict();

const identity = z.discriminatedUnion('kind', [z.object({ kind: z.literal('cognito') }).strict(), oidcIdentity]);

export const deploymentConfigSchema = z
  .object({
    /** dev: everything can be destroyed with the stack; prod: the table, keys, backups and users are retained. */
    stage: z.enum(['dev', 'prod']).default('prod'),
    account: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    region: z.string().min(1).optional(),
    identity: identity.default({ kind: 'cognito' }),
    /** A customer-managed KMS key (rotated yearly) for the table, queues, topic and backup vault, instead of AWS-owned keys. */
    customerManagedKey: z.boolean().default(false),
    backup: z
      .object({
        /** Monthly recovery points kept this long: domain rule 18 keeps manifests at least 10 years. */
        retentionYears: z.number().int().min(10).default(10),
      })
      .strict()
      .default({ retentionYears: 10 }),
    console: z
      .object({
        /** Serve web/dist through CloudFront, with /v1/* sent to the API on the same origin. */
        enabled: z.boolean().default(true),
      })
      .strict()
      .default({ enabled: true }),
    /** Emails subscribed to the alarm topic (each confirms by mail); other subscribers can be added to the topic. */
    alarmEmails: z.array(z.email()).default([]),
  })
  .strict();

export type DeploymentConfig = z.infer<typeof deploymentConfigSchema>;
export type OidcIdentity = z.infer<typeof oidcIdentity>;

/** Parses a deployment's settings; throws naming every field that is wrong. */
export function parseDeploymentConfig(raw: unknown, source = 'deployment config'): DeploymentConfig {
  const result = deploymentConfigSchema.safeParse(raw ?? {});
  if (!result.success) {
    throw new Error(
      `${source}: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
  return result.data;
}

const CONTEXT_KEYS = [
  'stage',
  'account',
  'region',
  'identity',
  'customerManagedKey',
  'backup',
  'console',
  'alarmEmails',
] as const;

/** `-c config=<file>` (relative to the project), else the individual context keys (cdk.json or `-c key=value`). */
export function deploymentConfigFromContext(node: Node): DeploymentConfig {
  const file = node.tryGetContext('config');
  if (file) {
    const path = isAbsolute(file) ? file : join(PROJECT_ROOT, file);
    return parseDeploymentConfig(JSON.parse(readFileSync(path, 'utf8')), path);
  }
  const raw: Record<string, unknown> = {};
  for (const key of CONTEXT_KEYS) {
    const value = node.tryGetContext(key);
    // `-c identity='{"kind":…}'` arrives as a string.
    if (value !== undefined) raw[key] = typeof value === 'string' && /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return parseDeploymentConfig(raw, 'CDK context');
}

/** AWS's China regions (partition aws-cn) offer no Cognito user pools. */
export const isChinaRegion = (region: string | undefined) =>
  !!region && !Token.isUnresolved(region) && region.startsWith('cn-');
