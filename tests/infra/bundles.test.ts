// The Lambda bundles: within budget, importable, free of the local server, shipped with their data files, and built
// by CDK exactly as measured here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_BUDGET_BYTES,
  buildBundles,
  bundleText,
  IMPORT_TARGET_MS,
  importOnce,
  type BuiltBundle,
} from '../../infra/bundles.ts';
import { FONTS_FOLDER, REFERENCE_DATA_FOLDER, SWAGGER_UI_FOLDER } from '../../infra/bundling.ts';
import { PROJECT_ROOT, specOf } from '../../infra/function-specs.ts';
import { openApiDocument } from '#schemas/openapi.ts';
import { enterprise, testApi, type User } from '../support/api.ts';
import { activeParty } from '../support/fixtures.ts';
import { decodeQr, pageTexts } from '../support/pdf-reader.ts';
import { functionId, synth } from './synth.ts';
import { first } from '../support/present.ts';

let outRoot: string;
let bundles: BuiltBundle[];

beforeAll(async () => {
  outRoot = mkdtempSync(join(tmpdir(), 'wastechain-bundles-'));
  bundles = await buildBundles(outRoot);
}, 60_000);

afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

/** Project source files that put code into the bundle (tree-shaken files contribute 0 bytes). */
const sourcesOf = (b: BuiltBundle) =>
  Object.values(b.metafile.outputs)
    .flatMap((o) => Object.entries(o.inputs))
    .filter(([file, info]) => info.bytesInOutput > 0 && !file.includes('node_modules/'))
    .map(([file]) => file);

describe('each function bundle', () => {
  it(`is at most ${BUNDLE_BUDGET_BYTES / 1024 / 1024} MB minified, with the AWS SDK inside`, () => {
    const sizes = Object.fromEntries(bundles.map((b) => [b.name, b.bytes]));
    console.log('bundle sizes (bytes):', sizes);
    for (const b of bundles) {
      expect(b.bytes, b.name).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
      expect(
        Object.keys(b.metafile.inputs).some((f) => f.includes('node_modules/@aws-sdk/')),
        `${b.name} bundles the SDK`,
      ).toBe(true);
    }
  });

  it(`imports in a fresh Node process and exports a handler (import time reported; target ${IMPORT_TARGET_MS} ms)`, () => {
    const times = Object.fromEntries(bundles.map((b) => [b.name, Math.round(importOnce(b))]));
    console.log('import times (ms, one run each; npm run bundle:check gives medians):', times);
    expect(Object.keys(times)).toHaveLength(bundles.length);
  }, 60_000);

  it('contains no local server code: no token minting, no local keys, no jose', () => {
    for (const b of bundles) {
      const text = bundleText(b);
      for (const needle of ['local-keys', '/local/token', 'jose'])
        expect(text.includes(needle), `${b.name} contains ${needle}`).toBe(false);
      const inputs = Object.keys(b.metafile.inputs);
      expect(
        inputs.filter((f) => f.startsWith('local/') || f.includes('node_modules/jose/')),
        b.name,
      ).toEqual([]);
    }
  });

  it('reads the cursor secret at cold start when its spec says it answers lists', () => {
    for (const b of bundles) {
      expect(sourcesOf(b).includes('shared/http/secrets-loader.ts'), b.name).toBe(Boolean(specOf(b.name).cursorSecret));
    }
  });

  it('builds its schemas on schemas/zod.ts, never on the `z` of @hono/zod-openapi (a bundle leaves that one only ZodType)', () => {
    for (const b of bundles) {
      for (const file of sourcesOf(b)) {
        expect(readFileSync(join(PROJECT_ROOT, file), 'utf8'), file).not.toMatch(
          /import \{[^}]*\bz\b[^}]*\} from '@hono\/zod-openapi'/,
        );
      }
    }
  });

  it('ships the reference data beside it, and the CJK font only if it renders documents', () => {
    const data = readdirSync(join(PROJECT_ROOT, 'shared/reference/data')).sort();
    for (const b of bundles) {
      expect(readdirSync(join(b.dir, REFERENCE_DATA_FOLDER)).sort(), b.name).toEqual(data);
      const rendersDocuments = sourcesOf(b).includes('shared/documents/fonts.ts');
      expect(readdirSync(b.dir).includes(FONTS_FOLDER), b.name).toBe(rendersDocuments);
    }
  });
});

interface Invocation {
  /** The claims API Gateway's JWT authorizer would pass (none: the request arrived without a token). */
  user?: User;
  /** Extra environment, e.g. the test's DynamoDB Local. */
  env?: Record<string, string>;
}

/** Calls the bundle's handler in a fresh Node with an API Gateway (HTTP API, payload 2.0) event, as Lambda would. */
function invoke(
  b: BuiltBundle,
  method: string,
  path: string,
  { user, env = {} }: Invocation = {},
): { statusCode: number; body: string; isBase64Encoded?: boolean } {
  const authorizer = user ? { jwt: { claims: { sub: user.sub, 'cognito:groups': user.groups } } } : undefined;
  const event = {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example' },
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'r1',
      stage: '$default',
      authorizer,
    },
    isBase64Encoded: false,
  };
  const script =
    'const {handler}=await import(process.env.BUNDLE);' +
    'process.stdout.write(JSON.stringify(await handler(JSON.parse(process.env.EVENT),{})))';
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      BUNDLE: b.file,
      EVENT: JSON.stringify(event),
      AWS_REGION: 'cn-north-1',
      CURSOR_SECRET: 'x',
      REFERENCE_DATA_DIR: join(b.dir, REFERENCE_DATA_FOLDER),
      ...env,
    },
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout);
}

describe('a bundle invoked as Lambda', () => {
  const bundle = (name: string) => bundles.find((b) => b.name === name)!;

  it('answers GET /v1/health from the public function', () => {
    const reply = invoke(bundle('public'), 'GET', '/v1/health');
    expect(reply.statusCode).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ status: 'ok' });
  });

  it('serves the OpenAPI document the source generates (schemas/zod.ts is the same zod in a bundle)', async () => {
    const reply = invoke(bundle('public'), 'GET', '/openapi.json');
    expect(reply.statusCode).toBe(200);
    expect(JSON.parse(reply.body)).toEqual(await openApiDocument());
  });

  it('serves Swagger UI’s files from the package, shipped beside the public bundle only (outside its code budget)', () => {
    const pub = bundle('public');
    const dir = join(pub.dir, SWAGGER_UI_FOLDER);
    for (const b of bundles) expect(readdirSync(b.dir).includes(SWAGGER_UI_FOLDER), b.name).toBe(b.name === 'public');
    const reply = invoke(pub, 'GET', '/docs/swagger-ui.css', { env: { SWAGGER_UI_DIR: dir } });
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toBe(readFileSync(join(dir, 'swagger-ui.css'), 'utf8'));
    expect(invoke(pub, 'GET', '/docs').body).toContain('/docs/swagger-ui-bundle.js');
  });

  it('prints a container label from the documents function with the text and QR code the source prints', async () => {
    const t = await testApi();
    const owner = enterprise('bundle-label-owner');
    const party = await activeParty(t, owner);
    const entry = await t.call(owner, 'POST', `/v1/parties/${party.id}/ledger`, {
      wasteCode: '900-041-49',
      quantityKg: 300,
      at: '2026-03-15T09:00:00+08:00',
      mainComponents: '废活性炭、有机溶剂',
      containers: [{ labelCode: 'LBL-0001', count: 1, volumeL: 200 }],
    });
    const path = `/v1/parties/${party.id}/ledger/${entry.body.id}/label.pdf`;
    const documents = bundle('documents');
    const reply = invoke(documents, 'GET', path, {
      user: owner,
      env: {
        DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT!,
        TABLE_NAME: process.env.TABLE_NAME!,
        FONT_PATH: join(
          documents.dir,
          FONTS_FOLDER,
          first(readdirSync(join(documents.dir, FONTS_FOLDER)), 'bundled font'),
        ),
      },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.isBase64Encoded).toBe(true);
    const bundled = new Uint8Array(Buffer.from(reply.body, 'base64'));
    const source = await t.api.request(path, { headers: { authorization: `Bearer ${await t.token(owner)}` } });
    const texts = await pageTexts(bundled);
    expect(texts.join(' ')).toContain('LBL-0001');
    expect(texts).toEqual(await pageTexts(new Uint8Array(await source.arrayBuffer())));
    expect(await decodeQr(bundled)).toBe('LBL-0001');
  }, 60_000);

  it('refuses a protected route that arrives without authorizer claims (401 problem+json, no local verifier)', () => {
    const reply = invoke(bundle('registry'), 'GET', '/v1/parties/p1');
    expect(reply.statusCode).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('CDK bundling', () => {
  it('produces the bundle measured here, with the data folder, using local esbuild (no Docker)', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'wastechain-cdk-'));
    try {
      // Bundle one function through CDK; the others get placeholder code to keep the synth fast.
      const { template } = synth({
        outdir,
        bundle: true,
        codeOf: (name) => (name === 'public' ? undefined : Code.fromInline('export {}')),
      });
      const key: string = template.toJSON().Resources[functionId(template, 'public')].Properties.Code.S3Key;
      const asset = join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
      const measured = bundles.find((b) => b.name === 'public')!;
      expect(readFileSync(join(asset, 'index.mjs')).equals(readFileSync(measured.file))).toBe(true);
      expect(readdirSync(join(asset, REFERENCE_DATA_FOLDER)).length).toBeGreaterThan(0);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 60_000);
});
