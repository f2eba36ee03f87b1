// Routes a request to the function that owns it, as API Gateway does in AWS: from the same route table.
import { AsyncLocalStorage } from 'node:async_hooks';
import { routesByFunction } from '#schemas/routes/index.ts';
import { must } from '#shared/must.ts';

/** What the dispatcher needs of a function's app: to answer a request, given the local server's bindings
 *  (a method, so that each app's own bindings type is accepted). */
export interface FunctionApp {
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
}
export type FunctionApps = Record<string, FunctionApp>;

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
  return (method: string, path: string): FunctionApp => {
    const exact = table.find((r) => r.method === method && r.pattern.test(path));
    const anyMethod = exact ?? table.find((r) => r.pattern.test(path));
    const functionName = anyMethod?.functionName ?? fallback;
    const app = must(apps[functionName], `an app for the function ${functionName}`);
    return exact
      ? { fetch: (request, ...rest) => servingFunction.run(exact.functionName, () => app.fetch(request, ...rest)) }
      : app;
  };
}
