// Synthesizes the stack offline, through aws-cdk-lib (no CLI, no AWS account, no Docker).
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { Code } from 'aws-cdk-lib/aws-lambda';
import { WasteChainStack } from '../../infra/wastechain-stack.ts';

export interface Synth {
  app: App;
  stack: Stack;
  template: Template;
}

/**
 * Without bundling (bundles are built and checked in bundles.test.ts), unless `bundle` says otherwise. CDK's built-in
 * CloudFormation schema validation (a WASM engine, ~10x the rest of the synth) is left to `npm run synth`.
 */
export function synth(options: { outdir?: string; bundle?: boolean; codeOf?: (name: string) => Code | undefined } = {}): Synth {
  const app = new App({
    outdir: options.outdir,
    builtinCloudFormationValidation: false,
    context: options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new WasteChainStack(app, 'WasteChain', { codeOf: options.codeOf });
  return { app, stack, template: Template.fromStack(stack) };
}

type Resources = Record<string, { Type: string; Properties: any; DeletionPolicy?: string }>;

export const resources = (template: Template, type: string): Resources => template.findResources(type) as Resources;

/** The logical id of a function's Lambda (they are described as `WasteChain <name>`). */
export function functionId(template: Template, name: string): string {
  const found = Object.entries(resources(template, 'AWS::Lambda::Function')).filter(
    ([, r]) => r.Properties.Description === `WasteChain ${name}`,
  );
  if (found.length !== 1) throw new Error(`Expected one Lambda for ${name}, found ${found.length}`);
  return found[0][0];
}
