// Who issues the tokens API Gateway accepts: the stack's own Cognito user pool (the default), or an existing OIDC
// issuer named in the deployment config, whose claim names and group values the functions map (env vars below,
// read by shared/http/claim-mapping.ts).
import { Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { CLAIM_ENV } from '../shared/http/claim-mapping.ts';
import { isChinaRegion, type DeploymentConfig } from './deployment-config.ts';
import type { StageSettings } from './stage.ts';
import { createUsers, type Users } from './user-pool.ts';

export interface Identity {
  /** The `iss` API Gateway's JWT authorizer accepts. */
  issuerUrl: string;
  /** The `aud` values it accepts. */
  audience: string[];
  /** Environment every function gets: how to read groups and jurisdiction from the claims. */
  claimEnv: Record<string, string>;
  /** Present when the stack made the user pool. */
  users?: Users;
}

export function createIdentity(scope: Construct, config: DeploymentConfig, stage: StageSettings): Identity {
  const identity = config.identity;
  if (identity.kind === 'cognito') {
    if (isChinaRegion(Stack.of(scope).region)) {
      throw new Error(
        `${Stack.of(scope).region} has no Cognito user pools: name an OIDC issuer in the deployment config (identity.kind "oidc"; README, "China regions")`,
      );
    }
    const users = createUsers(scope, stage);
    // ID tokens: they carry cognito:groups and custom:jurisdiction, and their `aud` is the app client.
    return {
      issuerUrl: users.pool.userPoolProviderUrl,
      audience: [users.client.userPoolClientId],
      claimEnv: {},
      users,
    };
  }
  return {
    issuerUrl: identity.issuerUrl,
    audience: identity.audience,
    claimEnv: {
      [CLAIM_ENV.groupsClaim]: identity.groupsClaim,
      [CLAIM_ENV.jurisdictionClaim]: identity.jurisdictionClaim,
      [CLAIM_ENV.groupMap]: JSON.stringify(identity.groupMap),
    },
  };
}
