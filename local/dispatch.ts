// Routes a request to the function that owns it, as API Gateway does in AWS: from the same route table.
import type { Hono } from 'hono';
import { routesByFunction } from '#schemas/routes/index.ts';

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

export function dispatcher(apps: FunctionApps, fallback: string) {
  const table = compile();
  return (method: string, path: string): Hono<any> => {
    const exact = table.find((r) => r.method === method && r.pattern.test(path));
    const anyMethod = exact ?? table.find((r) => r.pattern.test(path));
    return apps[anyMethod?.functionName ?? fallback];
  };
}
