// Display names of the API's enumerations (Chinese; i18n-en.ts has the English).
export const STATUS: Record<string, string> = {
  draft: '草稿',
  dispatched: '已移出',
  in_transit: '运输中',
  delivered: '已运抵',
  received: '已接收',
  completed: '已完成',
  cancelled: '已作废',
  rejected: '已拒收',
  lost: '已灭失',
};

/** console.md's button names of the manifest actions. */
export const ACTION: Record<string, string> = {
  dispatch: '移出确认',
  'change-carriers': '更换承运人',
  pickup: '确认提货',
  deliver: '确认运抵',
  receive: '确认接收',
  reject: '拒收',
  cancel: '作废',
  'explain-discrepancy': '说明差异',
  'close-discrepancy': '关闭差异',
  update: '编辑草稿',
  'report-incident': '报告事故',
  'close-incident': '关闭事故',
};

/** Kinds of node in a chain (api.md "chain"; pending-identification: the 待鉴别 entry an identified batch came from). */
export const NODE_TYPE: Record<string, string> = {
  'pending-identification': '待鉴别',
  batch: '批次',
  manifest: '联单',
  disposal: '利用处置',
  residue: '残渣',
  incident: '事故',
};

export const PACKAGING: [string, string][] = [
  ['drum', '桶'],
  ['bag', '袋'],
  ['box', '箱'],
  ['tank', '罐'],
  ['ibc', '吨桶(IBC)'],
  ['bulk', '散装'],
  ['sharps-container', '利器盒'],
  ['other', '其他'],
];
export const PHYSICAL_FORM: [string, string][] = [
  ['solid', '固态'],
  ['semi-solid', '半固态'],
  ['liquid', '液态'],
  ['gas', '气态'],
  ['sludge', '污泥'],
];
export const MEDICAL_CATEGORY: [string, string][] = [
  ['infectious', '感染性废物'],
  ['sharps', '损伤性废物'],
  ['pathological', '病理性废物'],
  ['chemical', '化学性废物'],
  ['pharmaceutical', '药物性废物'],
];
export const HAZARDS: [string, string][] = [
  ['T', '毒性 T'],
  ['C', '腐蚀性 C'],
  ['I', '易燃性 I'],
  ['R', '反应性 R'],
  ['In', '感染性 In'],
];

export const EVENT: Record<string, string> = {
  created: '创建',
  updated: '修改',
  dispatched: '移出确认',
  carriers_changed: '更换承运人',
  picked_up: '提货',
  delivered: '运抵',
  received: '接收',
  rejected: '拒收',
  cancelled: '作废',
  completed: '完成',
  disposal_reported: '利用处置报告',
  discrepancy_explained: '说明差异',
  discrepancy_closed: '关闭差异',
  incident_reported: '报告事故',
  incident_closed: '关闭事故',
};
