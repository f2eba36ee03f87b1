// Cross-province applications (api.md "Cross-province transfer approvals", domain.md rule 30) as the console uses
// them, and the names of their actions' buttons (console.md).
import type { Schemas } from '../../lib/api.ts';

// The shapes are the API's own (client/schema.d.ts, generated from schemas/application.ts): one source of shapes.
/** An attachment as submitted: the file's kind, name and SHA-256 (the file itself is never uploaded). */
export type Attachment = Schemas['ApplicationAttachment'];
export type Application = Schemas['ApprovalApplication'];
export type AppAction = Schemas['ApplicationActions'][number]['action'];

export const APP_ACTION: Record<AppAction, string> = {
  accept: '受理',
  incomplete: '补正',
  'request-consent': '商请接受地',
  consent: '同意接受',
  decline: '不同意',
  approve: '批准',
  refuse: '不予批准',
  resubmit: '重新提交',
};

export const APP_STATUS: Record<Application['status'], string> = {
  submitted: '已提交',
  accepted: '已受理',
  incomplete: '待补正',
  'consent-requested': '已商请接受地',
  consented: '接受地同意',
  declined: '接受地不同意',
  approved: '已批准',
  // not 不予批准: that is the button (refuse), whose English differs
  refused: '未获批准',
};

/** The step the application waits for (`due.step`), as a regulator's queue names what it owes. */
export const APP_STEP: Record<NonNullable<Application['due']>['step'], string> = {
  acceptance: '待受理',
  'preliminary-view': '待初审',
  consent: '待接受地意见',
  decision: '待审批决定',
};

export const METHOD: Record<Application['method'], string> = {
  store: '贮存',
  utilise: '利用',
  dispose: '处置',
};
export const ATTACHMENT_KIND: Record<Attachment['kind'], string> = {
  'receiver-licence': '接受单位许可证',
  'method-statement': '利用处置方式说明',
  contract: '合同',
  other: '其他',
};

/** `…/actions` answers the actions the caller may take; read both `[{action}]` and `['accept']`. */
export const actionNames = (answer: unknown): AppAction[] =>
  (Array.isArray(answer) ? answer : ((answer as { items?: unknown[] } | null)?.items ?? []))
    .map((a) => (typeof a === 'string' ? a : (a as { action: string }).action) as AppAction)
    .filter((a) => a in APP_ACTION);

/** SHA-256 of a chosen file, lowercase hex, computed in the browser: the file itself is never uploaded. */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
