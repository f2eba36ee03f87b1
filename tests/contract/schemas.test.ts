// The registry's shapes as the OpenAPI document publishes them: a change to one fails here until it is reviewed
// (and the snapshot updated with `npx vitest run tests/contract/schemas.test.ts -u`).
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '#schemas/openapi.ts';

const REGISTRY_SCHEMAS = ['Party', 'PublicParty', 'Licence', 'Member', 'Me', 'Problem', 'CreateParty', 'CreateLicence'];

describe('registry component schemas', () => {
  let schemas: Record<string, unknown>;
  beforeAll(async () => {
    schemas = ((await openApiDocument()) as { components: { schemas: Record<string, unknown> } }).components.schemas;
  });

  it.each(REGISTRY_SCHEMAS)('%s keeps its published shape', (name) => {
    expect(schemas[name]).toBeDefined();
    expect(schemas[name]).toMatchSnapshot();
  });

  it('requests are strict: an unknown field is refused, not ignored', () => {
    for (const name of ['CreateParty', 'CreateLicence']) {
      expect((schemas[name] as { additionalProperties?: unknown }).additionalProperties, name).toBe(false);
    }
  });
});
