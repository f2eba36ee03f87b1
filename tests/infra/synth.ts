// Synthesizes the stack offline, through aws-cdk-lib (no CLI, no AWS account, no Docker).
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { Code } from 'aws-cdk-lib/aws-lambda';
import { parseDeploymentConfig } from '../../infra/deployment-config.ts';
import { WasteChainStack } from '../../infra/wastechain-stack.ts';
import { entry, first } from '../support/present.ts';

export interface Synth {
  app: App;
  stack: Stack;
  template: Template;
}

/**
 * Without bundling (bundles are built and checked in bundles.test.ts), unless `bundle` says otherwise. CDK's built-in
 * CloudFormation schema validation (a WASM engine, ~10x the rest of the synth) is left to `npm run synth`.
 */
export interface SynthOptions {
  outdir?: string;
  bundle?: boolean;
  codeOf?: (name: string) => Code | undefined;
  /** A deployment config as a file would hold it (default: {}, i.e. prod, Cognito). */
  config?: unknown;
  /** `{ region }` (and account) to synthesize for a region; default environment-agnostic. */
  env?: { account?: string; region?: string };
  /** Where the built console is; default a folder with none (the console deployment is then skipped). */
  consoleDist?: string;
}

export function synth(options: SynthOptions = {}): Synth {
  const app = new App({
    ...(options.outdir !== undefined ? { outdir: options.outdir } : {}),
    builtinCloudFormationValidation: false,
    context: options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new WasteChainStack(app, 'WasteChain', {
    codeOf: options.codeOf,
    config: parseDeploymentConfig(options.config ?? {}),
    ...(options.env !== undefined ? { env: options.env } : {}),
    consoleDist: options.consoleDist ?? '/nonexistent/web/dist',
  });
  return { app, stack, template: Template.fromStack(stack) };
}

type Resources = Record<string, { Type: string; Properties: any; DeletionPolicy?: string }>;

export const resources = (template: Template, type: string): Resources => template.findResources(type) as Resources;

/** The resource of that type under that logical id, which the template must hold. */
export const resourceOf = (template: Template, type: string, id: string) =>
  entry(resources(template, type), id, `the ${type} resources`);

/** The logical id of a function's Lambda (they are described as `WasteChain <name>`). */
export function functionId(template: Template, name: string): string {
  const found = Object.entries(resources(template, 'AWS::Lambda::Function')).filter(
    ([, r]) => r.Properties.Description === `WasteChain ${name}`,
  );
  if (found.length !== 1) throw new Error(`Expected one Lambda for ${name}, found ${found.length}`);
  return first(found)[0];
}
