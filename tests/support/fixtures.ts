// Builders for the parties and licences most tests need, made through the API like a user would.
import { usccCheckCharacter, USCC_CHARSET } from '#shared/domain/uscc.ts';
import { enterprise, regulator, type TestApi, type User } from './api.ts';

let counter = 0;

/** A fresh valid unified social credit code (unique within the run). */
export function newUscc(divisionCode = '140105'): string {
  counter += 1;
  let serial = '';
  let n = counter + Math.floor(Math.random() * 1e6) * 1000;
  for (let i = 0; i < 9; i++) {
    serial = USCC_CHARSET[n % 31] + serial;
    n = Math.floor(n / 31);
  }
  const first17 = `91${divisionCode}${serial}`;
  return first17 + usccCheckCharacter(first17);
}

export function partyBody(overrides: Record<string, unknown> = {}) {
  const divisionCode = (overrides.divisionCode as string) ?? '140105';
  return {
    name: `测试单位${++counter}`,
    uscc: newUscc(divisionCode),
    divisionCode,
    address: '测试路1号',
    kinds: ['generator'],
    contact: { name: '测试', phone: '0351-1234567' },
    ...overrides,
  };
}

export function licenceBody(overrides: Record<string, unknown> = {}) {
  return {
    number: `LIC-${++counter}`,
    type: 'hazardous-waste',
    operations: ['collect', 'store', 'dispose'],
    wasteCodes: [{ code: 'HW49', annualCapacityKg: 100000 }],
    validFrom: '2020-01-01',
    validTo: '2099-12-31',
    issuedBy: '山西省生态环境厅',
    ...overrides,
  };
}

export const provinceRegulator = (province: string) => regulator(`regulator-${province}`, province);

/** Registers a party as `owner` and, unless `approve` is false, approves it as a regulator of its province. */
export async function activeParty(
  t: TestApi,
  owner: User | string,
  overrides: Record<string, unknown> = {},
  approve = true,
) {
  const user = typeof owner === 'string' ? enterprise(owner) : owner;
  const body = partyBody(overrides);
  const created = await t.call(user, 'POST', '/v1/parties', body);
  if (created.status !== 201) throw new Error(`party not created: ${JSON.stringify(created.body)}`);
  if (!approve) return created.body;
  const approved = await t.call(
    provinceRegulator(body.divisionCode.slice(0, 2)),
    'POST',
    `/v1/parties/${created.body.id}/approve`,
  );
  if (approved.status !== 200) throw new Error(`party not approved: ${JSON.stringify(approved.body)}`);
  return approved.body;
}

/** Files and verifies a licence for a party. */
export async function verifiedLicence(
  t: TestApi,
  owner: User | string,
  party: { id: string; divisionCode: string },
  overrides: Record<string, unknown> = {},
) {
  const user = typeof owner === 'string' ? enterprise(owner) : owner;
  const filed = await t.call(user, 'POST', `/v1/parties/${party.id}/licences`, licenceBody(overrides));
  if (filed.status !== 201) throw new Error(`licence not filed: ${JSON.stringify(filed.body)}`);
  const verified = await t.call(
    provinceRegulator(party.divisionCode.slice(0, 2)),
    'POST',
    `/v1/parties/${party.id}/licences/${filed.body.id}/verify`,
  );
  if (verified.status !== 200) throw new Error(`licence not verified: ${JSON.stringify(verified.body)}`);
  return verified.body;
}
