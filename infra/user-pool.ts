// Who may call the API: a Cognito user pool whose ID tokens carry the groups and the regulator's jurisdiction.
import { Duration, aws_cognito as cognito } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { GROUPS } from '../shared/domain/jurisdiction.ts';
import { acknowledge } from './nag.ts';
import type { StageSettings } from './stage.ts';

export const JURISDICTION_ATTRIBUTE = 'jurisdiction';

export interface Users {
  pool: cognito.UserPool;
  client: cognito.UserPoolClient;
}

export function createUsers(scope: Construct, stage: StageSettings): Users {
  const pool = new cognito.UserPool(scope, 'Users', {
    // Accounts are created by an administrator (a regulator's jurisdiction is granted, never chosen).
    selfSignUpEnabled: false,
    signInAliases: { email: true, username: true },
    standardAttributes: { email: { required: true, mutable: true } },
    autoVerify: { email: true },
    customAttributes: {
      // Division-code prefix a regulator covers: '14' Shanxi, '1411' Lüliang, '00' nationwide.
      [JURISDICTION_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 2, maxLen: 6, mutable: true }),
    },
    passwordPolicy: {
      minLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
      tempPasswordValidity: Duration.days(3),
    },
    mfa: cognito.Mfa.OPTIONAL,
    mfaSecondFactor: { sms: false, otp: true },
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    deletionProtection: stage.deletionProtection,
    removalPolicy: stage.removalPolicy,
  });
  acknowledge(
    pool,
    'AwsSolutions-COG2',
    'MFA (TOTP) is offered to every user; making it mandatory is left to the operator, since carriers sign pickups from shared handhelds',
  );
  acknowledge(
    pool,
    'AwsSolutions-COG8',
    'The Plus feature plan (threat protection) is a paid operator choice; self sign-up is off and every account is created by an administrator',
  );
  for (const group of GROUPS) pool.addGroup(`Group-${group}`, { groupName: group });

  const client = pool.addClient('ApiClient', {
    generateSecret: false,
    // No hosted UI or OAuth redirects: clients sign in through the Cognito API (SRP, or password for the CLI).
    disableOAuth: true,
    // SRP for applications; username/password for the CLI and scripts (README: getting a token).
    authFlows: { userSrp: true, userPassword: true },
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    idTokenValidity: Duration.hours(1),
    accessTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.days(30),
    // Users may edit their name and email, never their jurisdiction (that would widen what they see).
    writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
  });
  return { pool, client };
}
