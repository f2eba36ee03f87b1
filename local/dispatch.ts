// Routes a request to the function that owns it, as API Gateway does in AWS: from the same route table.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Hono } from 'hono';
import { routesByFunction } from '#schemas/routes/index.ts';
import { must } from '#shared/must.ts';

export type FunctionApps = Record<string, Hono<any>>;

interface CompiledRoute {
  method: string;
  pattern: RegExp;
  functionName: string;
}

function compile(): CompiledRoute[] {
  return Object.entries(routesByFunction).flatMap(([functionName, routes]) =>
    routes.map((r) => ({
      method: r.method.toUpperCase(),
      pattern: new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      functionName,
    })),
  );
}

/** The function serving the current request, set only where API Gateway would route the same (method and path):
 *  the tests refuse its ungranted DynamoDB commands as AWS would (tests/support/iam-emulation.ts). */
export const servingFunction = new AsyncLocalStorage<string>();

export function dispatcher(apps: FunctionApps, fallback: string) {
  const table = compile();
  return (method: string, path: string): Pick<Hono<any>, 'fetch'> => {
    const exact = table.find((r) => r.method === method && r.pattern.test(path));
    const anyMethod = exact ?? table.find((r) => r.pattern.test(path));
    const functionName = anyMethod?.functionName ?? fallback;
    const app = must(apps[functionName], `an app for the function ${functionName}`);
    return exact
      ? { fetch: (request, ...rest) => servingFunction.run(exact.functionName, () => app.fetch(request, ...rest)) }
      : app;
  };
}
