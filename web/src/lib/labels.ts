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

// Every event type the API logs (tests/unit/web-console.test.ts holds it to shared/domain/hash-chain.ts).
export const EVENT: Record<string, string> = {
  created: '创建',
  updated: '修改',
  dispatched: '移出确认',
  carriers_changed: '更换承运人',
  picked_up: '提货',
  handed_over: '交接',
  delivered: '运抵',
  received: '接收',
  rejected: '拒收',
  replacement_created: '生成替代联单',
  cancelled: '作废',
  discrepancy_opened: '发现差异',
  discrepancy_explained: '说明差异',
  discrepancy_closed: '关闭差异',
  disposal_reported: '利用处置报告',
  completed: '完成',
  incident_reported: '报告事故',
  // not 关闭事故: that is the button (Close incident); the event is a fact (Incident closed)
  incident_closed: '事故已关闭',
};

/** A refusal's code in a sentence a clinic's nurse reads first (Chinese only: the API's own `detail`, in English,
 *  follows it and is all the English console shows). */
export const REFUSAL: Record<string, string> = {
  VALIDATION_FAILED: '请修改标红的字段',
  UNAUTHENTICATED: '请重新登录',
  FORBIDDEN: '无权执行此操作',
  NOT_A_MEMBER: '您不是该单位的成员',
  NOT_FOUND: '未找到，或无权查看',
  INVALID_STATE: '当前状态不允许此操作',
  VERSION_CONFLICT: '数据已被他人更新',
  PRECONDITION_FAILED: '数据已被他人更新',
  IDEMPOTENCY_KEY_REUSED: '重复提交的内容不一致',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  PARTY_EXISTS: '该统一社会信用代码已注册',
  PARTY_NOT_ACTIVE: '单位尚未启用或已停用',
  LICENCE_MISSING: '许可证不覆盖此废物或经营方式',
  CAPACITY_EXCEEDED: '超出许可证年经营规模',
  PLAN_MISSING: '本年度管理计划未备案此废物',
  INSUFFICIENT_STOCK: '库存不足',
  SOURCE_EXCEEDED: '超出来源联单的可转移量',
  APPROVAL_REQUIRED: '跨省转移需要有效的批准',
  APPROVAL_EXCEEDED: '超出跨省转移批准的数量',
  PENDING_IDENTIFICATION: '待鉴别废物不能转移',
  AMENDMENT_NOT_DOWNWARD: '批准只能向下调整',
  MEDICAL_CATEGORY_MISMATCH: '医疗废物类别与废物代码不符',
  MEDICAL_GENERATOR_REQUIRED: '医疗废物只能由医疗机构产生',
  UNKNOWN_WASTE_CODE: '废物代码不在名录中',
  UNKNOWN_DIVISION: '行政区划代码不存在',
  OVER_DISPOSAL: '超出已接收未处置的数量',
  TOO_MANY_ROWS: '记录过多，请使用大批量导出',
  LOSS_EXCEEDED: '损失量超出明细数量',
  STORE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
};
