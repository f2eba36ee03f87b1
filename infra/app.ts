// `npx cdk synth` / `npx cdk deploy` run this (cdk.json). The deployment's choices come from `-c config=<file>` or
// context keys (infra/deployment-config.ts). cdk-nag's AwsSolutions checks run on every synth: an unacknowledged
// finding stops it.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { deploymentConfigFromContext } from './deployment-config.ts';
import { WasteChainStack } from './wastechain-stack.ts';

const app = new App();
const config = deploymentConfigFromContext(app.node);
const account = config.account ?? process.env.CDK_DEFAULT_ACCOUNT;
const region = config.region ?? process.env.CDK_DEFAULT_REGION;
new WasteChainStack(app, app.node.tryGetContext('stackName') ?? 'WasteChain', {
  config,
  // Unset: an environment-agnostic stack.
  env: { ...(account !== undefined ? { account } : {}), ...(region !== undefined ? { region } : {}) },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
