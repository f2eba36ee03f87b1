// Demo cross-province applications (rule 30): a disposer in Hebei, and two applications of the Taiyuan plant to send it
// waste, one waiting at each province: one just submitted (Shanxi owes acceptance), one whose consent Shanxi has asked
// of Hebei (商请: Hebei owes its answer).
import type { Hono } from 'hono';
import { usccCheckCharacter } from '#shared/domain/uscc.ts';
import type { LocalAuth } from './keys.ts';

export const DEMO_REGULATOR_HEBEI = { sub: 'demo-regulator-hebei', groups: ['regulator' as const], jurisdiction: '13' };

const year = new Date().getFullYear();
export const DEMO_HEBEI_RECEIVER = {
  user: 'demo-hebei-disposer',
  party: {
    name: '河北示范固废处置有限公司', uscc: `91130102MA0DEM006${usccCheckCharacter('91130102MA0DEM006')}`, divisionCode: '130102', address: '石家庄市长安区处置路6号',
    kinds: ['receiver'], contact: { name: '刘经理', phone: '0311-6667777' },
  },
  licence: {
    number: '冀危废经字第130100006号', type: 'hazardous-waste', operations: ['collect', 'store', 'utilise', 'dispose'],
    wasteCodes: [{ code: 'HW49', annualCapacityKg: 2_000_000 }, { code: 'HW08', annualCapacityKg: 2_000_000 }],
    validFrom: `${year - 1}-01-01`, validTo: `${year + 2}-12-31`, issuedBy: '河北省生态环境厅',
  },
} as const;

type Call = (api: Hono, token: string, method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

const localDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const hash = (seed: string) => seed.repeat(64 / seed.length);

/** Registers the Hebei disposer (approved, licence verified by Hebei) and files the two applications. */
export async function demoApplications(api: Hono, auth: LocalAuth, call: Call, shanxiToken: string, generatorId: string): Promise<void> {
  const [hebei, owner, plant] = await Promise.all([
    auth.mint(DEMO_REGULATOR_HEBEI),
    auth.mint({ sub: DEMO_HEBEI_RECEIVER.user, groups: ['enterprise'] }),
    auth.mint({ sub: 'demo-generator', groups: ['enterprise'] }),
  ]);
  const receiver = await call(api, owner, 'POST', '/v1/parties', DEMO_HEBEI_RECEIVER.party);
  await call(api, hebei, 'POST', `/v1/parties/${receiver.id}/approve`);
  const licence = await call(api, owner, 'POST', `/v1/parties/${receiver.id}/licences`, DEMO_HEBEI_RECEIVER.licence);
  await call(api, hebei, 'POST', `/v1/parties/${receiver.id}/licences/${licence.id}/verify`);

  const apply = (code: string, name: string, maxKg: number) =>
    call(api, plant, 'POST', '/v1/approval-applications', {
      generatorId, receiverId: receiver.id, wasteCodes: [{ code, maxKg }], method: 'dispose', requestedFrom: localDay(7), requestedTo: localDay(180),
      attachments: [
        { kind: 'receiver-licence', name: `${DEMO_HEBEI_RECEIVER.licence.number}.pdf`, documentHash: hash('1a') },
        { kind: 'contract', name: `${name}委托处置合同.pdf`, documentHash: hash('2b') },
        { kind: 'method-statement', name: `${name}处置方案.pdf`, documentHash: hash('3c') },
      ],
    });
  await apply('900-041-49', '废包装桶', 20_000);
  const asking = await apply('900-039-49', '废活性炭', 8_000);
  await call(api, shanxiToken, 'POST', `/v1/approval-applications/${asking.id}/accept`);
  await call(api, shanxiToken, 'POST', `/v1/approval-applications/${asking.id}/request-consent`);
}
