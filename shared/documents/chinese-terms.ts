// The Chinese words printed on documents for the API's English enumerations (api.md, "Enumerations"; HJ 1276-2022).
import type { Hazard } from '#shared/reference/catalogue.ts';

export const HAZARD_NAMES: Record<Hazard, string> = { T: '毒性', C: '腐蚀性', I: '易燃性', R: '反应性', In: '感染性' };

export const PHYSICAL_FORMS: Record<string, string> = {
  solid: '固态',
  'semi-solid': '半固态',
  liquid: '液态',
  gas: '气态',
  sludge: '泥态',
};

export const PACKAGING: Record<string, string> = {
  drum: '桶',
  bag: '袋',
  box: '箱',
  tank: '罐',
  ibc: '吨桶',
  bulk: '散装',
  'sharps-container': '利器盒',
  other: '其他',
};

export const MANIFEST_STATUSES: Record<string, string> = {
  draft: '草稿',
  dispatched: '已移出',
  in_transit: '运输中',
  delivered: '已运抵',
  received: '已接收',
  completed: '已完成',
  cancelled: '已作废',
  rejected: '已拒收',
};

export const SIGNATURE_KINDS: Record<string, string> = {
  dispatch: '移出确认',
  pickup: '承运确认',
  handover: '交接',
  delivery: '运抵',
  receipt: '接收确认',
  rejection: '拒收',
};

/** The printed word for an enumeration value, or the value itself when a newer API knows a value this table does not. */
export const term = (table: Record<string, string>, value: string): string => table[value] ?? value;
