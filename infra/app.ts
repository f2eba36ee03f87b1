// `npx cdk synth` / `npx cdk deploy` run this (cdk.json). cdk-nag's AwsSolutions checks run on every synth:
// an unacknowledged finding stops it.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { WasteChainStack } from './wastechain-stack.ts';

const app = new App();
new WasteChainStack(app, app.node.tryGetContext('stackName') ?? 'WasteChain', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
