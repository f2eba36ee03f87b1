// The published document, linted by tools no one here wrote: what an integrator's SDK generator or API gateway sees.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import spectralCore from '@stoplight/spectral-core';
import owasp from '@stoplight/spectral-owasp-ruleset';
import parsers from '@stoplight/spectral-parsers';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '#schemas/openapi.ts';

let doc: any;
let source: string;
beforeAll(async () => {
  doc = await openApiDocument();
  source = JSON.stringify(doc);
});

/** Component schemas a request can carry (bodies and parameters), found by following $refs. */
function requestSchemas(): Set<string> {
  const reached = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: string }).$ref;
    if (ref) {
      const name = ref.split('/').pop()!;
      if (!reached.has(name)) {
        reached.add(name);
        walk(doc.components.schemas[name]);
      }
    }
    for (const value of Object.values(node)) walk(value);
  };
  for (const item of Object.values<any>(doc.paths))
    for (const op of Object.values<any>(item)) walk([op.requestBody, op.parameters]);
  return reached;
}

describe('GET /openapi.json, linted', () => {
  it("passes Redocly's recommended rules with no error and no operationId warning", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const findings = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const failing = findings
      .filter((f) => f.severity === 'error' || f.ruleId.startsWith('operation-operationId'))
      .map((f) => `${f.ruleId}: ${f.message} at ${f.location[0]?.pointer}`);
    expect(failing).toEqual([]);
  });

  it('has no string-, array- or integer-limit finding of the OWASP API Security ruleset on any request', async () => {
    const spectral = new spectralCore.Spectral();
    spectral.setRuleset((owasp as any).default ?? owasp);
    const results = await spectral.run(new spectralCore.Document(source, parsers.Json, 'openapi.json'));
    const inRequests = requestSchemas();
    const onRequest = (path: (string | number)[]) =>
      (path[0] === 'paths' && (path.includes('requestBody') || path.includes('parameters'))) ||
      (path[0] === 'components' && inRequests.has(String(path[2])));
    const limits = results
      .filter((r) => /api4:2023-(string|array|integer)-limit$/.test(String(r.code)) && onRequest(r.path))
      .map((r) => `${r.code} at ${r.path.join('.')}`);
    expect(limits).toEqual([]);
    // The check sees requests at all: bodies and parameters reach many component schemas.
    expect(inRequests.size).toBeGreaterThan(10);
  });
});
