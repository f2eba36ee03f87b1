// Demo cross-province applications (rule 30): a disposer in Hebei, and two applications of the Taiyuan plant to send it
// waste, one waiting at each province: one just submitted (Shanxi owes acceptance), one whose consent Shanxi has asked
// of Hebei (商请: Hebei owes its answer).
import type { Hono } from 'hono';
import type { LocalAuth } from './keys.ts';

export const DEMO_REGULATOR_HEBEI = { sub: 'demo-regulator-hebei', groups: ['regulator' as const], jurisdiction: '13' };

type Call = (
  api: Hono,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) => Promise<Record<string, unknown>>;

const localDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const hash = (seed: string) => seed.repeat(64 / seed.length);

/** Files the two applications of the Taiyuan plant to the Hebei disposer (a demo party of demo-data.ts). */
export async function demoApplications(
  api: Hono,
  auth: LocalAuth,
  call: Call,
  shanxiToken: string,
  generatorId: string,
  receiverId: string,
): Promise<void> {
  const plant = await auth.mint({ sub: 'demo-generator', groups: ['enterprise'] });
  const receiver = { id: receiverId };
  const apply = (code: string, name: string, maxKg: number) =>
    call(api, plant, 'POST', '/v1/approval-applications', {
      generatorId,
      receiverId: receiver.id,
      wasteCodes: [{ code, maxKg }],
      method: 'dispose',
      requestedFrom: localDay(7),
      requestedTo: localDay(180),
      attachments: [
        { kind: 'receiver-licence', name: '冀危废经字第130100006号.pdf', documentHash: hash('1a') },
        { kind: 'contract', name: `${name}委托处置合同.pdf`, documentHash: hash('2b') },
        { kind: 'method-statement', name: `${name}处置方案.pdf`, documentHash: hash('3c') },
      ],
    });
  await apply('900-041-49', '废包装桶', 20_000);
  const asking = await apply('900-039-49', '废活性炭', 8_000);
  await call(api, shanxiToken, 'POST', `/v1/approval-applications/${asking.id}/accept`);
  await call(api, shanxiToken, 'POST', `/v1/approval-applications/${asking.id}/request-consent`);
}
