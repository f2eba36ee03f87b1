// Names of the oversight enumerations (zh-CN; English through the i18n dictionary).
export const ALERT_TYPE: Record<string, string> = {
  'overdue-receipt': '逾期未接收',
  'transit-overdue': '运输超时',
  'discrepancy-open': '差异未处理',
  'medical-storage-exceeded': '医疗废物暂存超时',
  'collector-holding-exceeded': '收集单位贮存超期',
  'capacity-reached': '经营规模已满',
  'over-plan': '超出管理计划',
  'declaration-overdue': '申报逾期',
  'licence-expiring': '许可证即将到期',
  'licence-expired-in-flight': '在途联单许可证到期',
  'dispatched-not-picked-up': '移出后未提货',
  'long-stop': '途中长时间停留',
  'off-corridor': '偏离运输路线',
  'track-silent': '轨迹中断',
  'incident-reported': '发生事故',
  'identification-overdue': '待鉴别超期',
  'application-review-overdue': '跨省转移审查逾期',
};
export const OPEN_CLOSED: Record<string, string> = { open: '未关闭', closed: '已关闭' };
