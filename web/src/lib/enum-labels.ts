// Chinese names of the API's enumerations that the console once showed raw (English through i18n-en.ts). Each table is
// keyed by the generated client's type of the zod enum, so a value added to the schema fails `tsc -p web` until named.
import type { Manifest, Schemas } from './api.ts';
import { STATUS } from './labels.ts';

export const INCIDENT_TYPE: Record<Schemas['Incident']['type'], string> = {
  spill: '泄漏',
  leak: '渗漏',
  loss: '丢失',
  theft: '被盗',
  collision: '交通事故',
  fire: '火灾',
  other: '其他',
};

export const DISCREPANCY_STATUS: Record<NonNullable<Manifest['discrepancy']>['status'], string> = {
  open: '待说明',
  explained: '已说明',
  closed: '已关闭',
};

type Party = Schemas['Party'];
export const PARTY_KIND: Record<Party['kinds'][number], string> = {
  generator: '产生单位',
  transporter: '运输单位',
  receiver: '接受单位',
  collector: '收集单位',
  medical: '医疗机构',
};
export const PARTY_STATUS: Record<Party['status'], string> = {
  pending: '待审核',
  active: '已启用',
  refused: '未通过审核',
  suspended: '已停用',
};

/** A chain node's `state` by its type (the schema's `state` is a string; shared/domain/chain.ts NODE_STATES lists
 *  them, and tests/unit/web-labels.test.ts holds this table to it). A batch's `open` is stock left, an incident's is
 *  not yet closed: hence one table per type. */
const STOCK: Record<string, string> = { open: '有余量', drawn: '已转出', voided: '已作废' };
export const CHAIN_STATE: Record<Schemas['ChainNode']['type'], Record<string, string>> = {
  batch: STOCK,
  residue: STOCK,
  'pending-identification': { pending: '待鉴别', identified: '已鉴别', voided: '已作废' },
  manifest: STATUS,
  disposal: { reported: '已报告' },
  incident: { open: '未关闭', closed: '已关闭' },
};
export const chainState = (type: Schemas['ChainNode']['type'], state: string): string =>
  CHAIN_STATE[type][state] ?? state;
