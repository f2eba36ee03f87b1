// What each function's code can ask of AWS, read from its bundle: esbuild builds functions/<name>/index.ts with the
// deployed settings, and tree shaking leaves only code its handler can reach. The IAM tests hold FUNCTION_SPECS
// equal to this, so a grant can neither lag behind the code nor outlive it.
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { routesByFunction } from '../schemas/routes/index.ts';
import { GLOBAL_INDEXES } from '../shared/store/table-definition.ts';
import { must } from '../shared/must.ts';
import { esbuildOptions } from './bundling.ts';
import { entryOf, PROJECT_ROOT } from './function-specs.ts';
import { iamActionsOf } from './iam-actions.ts';

/** The IAM prefix of each AWS client function code may import; any other client fails the analysis by name. */
const SERVICE_OF: Record<string, string> = {
  '@aws-sdk/client-dynamodb': 'dynamodb',
  '@aws-sdk/lib-dynamodb': 'dynamodb',
  '@aws-sdk/client-secrets-manager': 'secretsmanager',
  '@aws-sdk/client-s3': 's3',
};

/** lib-dynamodb names its commands after the operation without `Item(s)`. */
const DOCUMENT_COMMANDS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
};

export interface CodeAccess {
  /** IAM actions (`dynamodb:GetItem`, `secretsmanager:GetSecretValue`), sorted. */
  actions: string[];
  /** The table's indexes the code names (only Query reads an index). */
  indexes: string[];
}

const MARKER = '@@sends:';
const STUB = 'iam-stub';
const IDEMPOTENCY = join(PROJECT_ROOT, 'shared/http/idempotency.ts');
const RESOLVING = 'idempotency-resolving';
const requireFromRoot = createRequire(join(PROJECT_ROOT, 'package.json'));

/**
 * Each AWS client becomes a stub whose command classes carry a marker: a class survives tree shaking only where
 * reachable code constructs it, so the markers left are exactly the commands the function can send.
 */
const awsClientStubs: Plugin = {
  name: 'aws-client-stubs',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/(client-|lib-)/ }, ({ path, importer }) => {
      if (!SERVICE_OF[path])
        throw new Error(`${importer} imports ${path}: add its IAM prefix to SERVICE_OF (infra/table-access.ts)`);
      return { path, namespace: STUB };
    });
    b.onLoad({ filter: /.*/, namespace: STUB }, async ({ path }) => {
      const names = Object.keys(await import(requireFromRoot.resolve(path))).filter((n) => n !== 'default');
      const contents = names
        .map((n) =>
          n.endsWith('Command')
            ? `export class ${n} { constructor() { this.sends = "${MARKER}${path}:${n}"; } }`
            : `export class ${n} { static from() {} }`,
        )
        .join('\n');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * The idempotency middleware acts on POST only, and API Gateway sends a function only its routes' methods: in a
 * function with no POST route it never runs, so its writes are left out (a POST route added later brings them back).
 */
const idempotencyPassThrough: Plugin = {
  name: 'idempotency-pass-through',
  setup(b) {
    b.onResolve({ filter: /idempotency\.ts$/ }, async ({ path, ...args }) => {
      if (args.pluginData === RESOLVING) return undefined;
      const resolved = await b.resolve(path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: RESOLVING,
      });
      return resolved.path === IDEMPOTENCY ? { path: IDEMPOTENCY, namespace: 'idempotency-pass-through' } : resolved;
    });
    b.onLoad({ filter: /.*/, namespace: 'idempotency-pass-through' }, () => ({
      contents:
        'export const idempotency = (_c, next) => next();\nexport const withIdempotency = (_state, writes) => writes;',
      loader: 'js',
    }));
  },
};

const hasPost = (name: string) => (routesByFunction[name] ?? []).some((r) => r.method.toLowerCase() === 'post');

/** Reachable source of the project's own modules: the unminified bundle labels each module `// <path>` (stubs
 *  as `// <namespace>:<package>`). */
function projectSources(bundle: string): string {
  const parts = bundle.split(/^\/\/ (\S+)\n/m);
  const own: string[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const label = parts[i] ?? '';
    if (!label.includes('node_modules/') && !label.includes(':')) own.push(parts[i + 1] ?? '');
  }
  return own.join('\n');
}

function actionOfCommand(pkg: string, command: string): string {
  const operation = command.replace(/Command$/, '');
  return `${SERVICE_OF[pkg]}:${pkg === '@aws-sdk/lib-dynamodb' ? (DOCUMENT_COMMANDS[operation] ?? operation) : operation}`;
}

/** `entry` defaults to the function's own; the tests pass a probe. */
export async function codeAccessOf(name: string, entry = entryOf(name)): Promise<CodeAccess> {
  const result = await build({
    ...esbuildOptions(entry, join(tmpdir(), 'wastechain-iam')),
    // Unminified (module labels, readable names), with the same dead-code removal as the deployed bundle.
    minify: false,
    minifySyntax: true,
    sourcemap: false,
    metafile: false,
    write: false,
    plugins: [awsClientStubs, ...(hasPost(name) ? [] : [idempotencyPassThrough])],
  });
  const bundle = must(result.outputFiles[0], 'write: false gives the bundle in memory').text;
  const own = projectSources(bundle);
  const items = [
    ...new Set(
      [...own.matchAll(/\b(Put|Update|Delete|ConditionCheck): \{/g)].map((m) =>
        must(m[1], 'the pattern captures the kind'),
      ),
    ),
  ];
  const sent = [...bundle.matchAll(new RegExp(`"${MARKER}([^:"]+):(\\w+)"`, 'g'))].map((m) =>
    actionOfCommand(must(m[1], 'the marker names the package'), must(m[2], 'the marker names the command')),
  );
  const actions = new Set(sent.flatMap((action) => iamActionsOf(action, items)));
  const queries = actions.has('dynamodb:Query');
  const indexes = GLOBAL_INDEXES.map((i) => i.indexName).filter((i) => queries && own.includes(`"${i}"`));
  return { actions: [...actions].sort(), indexes };
}
