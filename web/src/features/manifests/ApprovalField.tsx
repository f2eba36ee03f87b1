// 跨省转移批准: the cross-province approval a manifest uses (api.md: a cross-province manifest names its
// `approvalId`). Offers the generator's active approvals to the chosen receiver, with what each has left; a refusal
// of `approvalId` (APPROVAL_REQUIRED from 校验 or 移出确认) stands beside it.
import { useQuery } from '@tanstack/react-query';
import { Select } from '../../components/Field.tsx';
import { unwrap } from '../../lib/api.ts';
import { kg } from '../../lib/format.ts';
import { useT } from '../../lib/i18n.tsx';
import { useSession } from '../../lib/session.tsx';

interface Props {
  receiverId: string;
  value: string;
  onChange(approvalId: string): void;
}

export function ApprovalField({ receiverId, value, onChange }: Props) {
  const { api, partyId } = useSession();
  const t = useT();
  const approvals = useQuery({
    queryKey: ['applications', 'approvals', { generatorId: partyId }],
    queryFn: () => unwrap(api.GET('/v1/approvals', { params: { query: { generatorId: partyId, limit: 100 } } })),
  });
  const usable = (approvals.data?.items ?? []).filter(
    (a) => a.status === 'active' && (!receiverId || a.receiverId === receiverId),
  );
  const options: [string, string][] = usable.map((a) => [
    a.id,
    `${a.id} · ${a.wasteCodes.map((w) => `${w.code} ${t('剩余')} ${kg(w.remainingKg)}`).join('; ')} · ${a.validFrom} – ${a.validTo}`,
  ]);
  // A draft naming an approval no longer offered (revoked, or another receiver) still shows what it names.
  if (value && !usable.some((a) => a.id === value)) options.push([value, value]);
  return (
    <Select
      label={t('跨省转移批准')}
      path="approvalId"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={[['', t('无（省内转移）')], ...options]}
    />
  );
}
