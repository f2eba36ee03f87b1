// The demo's incident (domain.md rule 28): a drum of the Taiyuan plant's load leaks on the G20 in Wenshui county
// (Lüliang); the carrier reports it from the road. It stays open for the Shanxi regulator to close.
type Post = (token: string, method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

export const DEMO_INCIDENT_DIVISION = '141121';

export async function demoIncident(
  post: Post,
  carrierToken: string,
  carrierId: string,
  manifestId: string,
): Promise<string> {
  const incident = await post(carrierToken, 'POST', `/v1/manifests/${manifestId}/incidents`, {
    partyId: carrierId,
    type: 'leak',
    at: new Date().toISOString(),
    lat: 37.436,
    lon: 112.031,
    divisionCode: DEMO_INCIDENT_DIVISION,
    lines: [{ lineNo: 1, lostKg: 20 }],
    description: '青银高速文水段一只包装桶破损渗漏，约20公斤散落路面',
    measures: '已停车围堵、吸附收集，报告文水县生态环境部门',
  });
  return incident.id as string;
}
