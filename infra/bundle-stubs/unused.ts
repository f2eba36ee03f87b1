// A dependency's function that no bundled code path calls: calling it throws, naming what was left out.
export function unused(what: string): () => never {
  return () => {
    throw new Error(`${what} is left out of the Lambda bundles (infra/bundling.ts)`);
  };
}
