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

describe('request bodies with a malformed field', () => {
  it('an application whose dates are not dates is refused field by field, not thrown on (found by fuzzing: a 500)', async () => {
    const { ApplicationBody } = await import('#schemas/application.ts');
    const id = '01890a5d-ac96-774b-bcce-b302099a8057';
    const body = {
      generatorId: id,
      receiverId: id,
      wasteCodes: [
        { code: '900-041-49', maxKg: 10 },
        { code: '900-041-49', maxKg: 5 },
      ],
      method: 'dispose',
      requestedFrom: ' ',
      requestedTo: '2027-01-01',
      attachments: [],
    };
    const result = ApplicationBody.safeParse(body);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    // The malformed date, and the checks that do not need it still run (the repeated code).
    expect(paths).toContain('requestedFrom');
    expect(paths).toContain('wasteCodes.1.code');
  });
});
