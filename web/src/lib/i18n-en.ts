// English for the console's Chinese text (the key). A missing key shows the Chinese; tests/unit/web-i18n.test.ts
// checks that every text of web/src passed through t() has an entry here.
export const EN: Record<string, string> = {
  // navigation and screens
  登录: 'Sign in', 工作台: 'Home', 台账: 'Ledger', 管理计划: 'Plans', 转移联单: 'Manifests', 司机: 'Driver', 接收: 'Receiving', 申报: 'Declarations',
  联单详情: 'Manifest', 链条: 'Chain', 导航: 'Navigation', 单位: 'Party', 退出: 'Sign out', 页面不存在: 'Page not found',
  '您尚未加入任何单位。监管部门的页面在第二部分提供。': 'You are not a member of any party. The regulators’ screens come in part 2.',
  // sign-in
  示范用户: 'Demo users', '其他用户（本地）': 'Any user (local)', 用户: 'User', 用户组: 'Group', 辖区: 'Jurisdiction',
  企业: 'Enterprise', 监管部门: 'Regulator', 管理员: 'Admin', '使用本单位的统一身份认证登录。': 'Sign in with your organisation’s identity provider.',
  // refusals
  '数据已被他人更新。': 'Someone else changed this meanwhile.', '状态可能已变化。': 'Its state may have changed.', 重新加载: 'Reload',
  // manifests
  新建联单: 'New manifest', 添加明细: 'Add line', 删除明细: 'Remove line', 校验: 'Check', 保存草稿: 'Save draft', 移出确认: 'Dispatch',
  作废: 'Cancel manifest', 作废原因: 'Reason for cancelling', 取消: 'Close', 接受单位: 'Receiver', 承运单位: 'Carriers', 计划提货时间: 'Planned pickup',
  候选: ' (choices)', 输入名称搜索: 'Search by name', 无匹配单位: 'No matching party', 明细: 'Line', 废物代码: 'Waste code', 废物名称: 'Waste name',
  '数量(kg)': 'Quantity (kg)', 包装方式: 'Packaging', 容器数量: 'Containers', 物理形态: 'Physical form', 医疗废物类别: 'Medical waste category',
  危险特性: 'Hazards', 请选择: 'Choose…', 来源联单: 'Source manifest line', 本单位台账批次: 'Our ledger batches',
  '移出确认将被拒绝：': 'Dispatch would be refused: ', ' 项': ' problem(s)', '校验通过：移出确认不会被拒绝。': 'Check passed: dispatch would not be refused.',
  '草稿已保存，联单编号': 'Draft saved, manifest number', 联单: 'Manifest', 联单编号: 'Manifest number', 状态: 'Status', 移出人: 'Generator',
  承运人: 'Carrier', 接受人: 'Receiver', 数量: 'Quantity', 创建时间: 'Created', 角色: 'Role', 全部: 'All', 筛选: 'Filters',
  创建日期自: 'Created from', 创建日期至: 'Created to', '没有联单。': 'No manifests.',
  // detail
  概况: 'Summary', 操作: 'Actions', 事件: 'Events', 下载联单PDF: 'Download PDF', 查看链条: 'View chain', 提货: 'Pickup', 差异: 'Discrepancy',
  完整性校验通过: 'Integrity verified', 完整性校验失败: 'Integrity check FAILED', 个事件: 'events', 说明: 'Note', 提交: 'Submit',
  '当前没有您可执行的操作。': 'Nothing for you to do on it now.', 类型: 'Type', 编号: 'Number', 流入: 'In', 流出: 'Out', 处置: 'Disposed', 在库: 'On hand',
  批次: 'Batch', 利用处置: 'Disposal', 残渣: 'Residue',
  // actions and statuses (lib/labels.ts)
  更换承运人: 'Change carriers', 确认提货: 'Confirm pickup', 确认交接: 'Confirm hand-over', 确认运抵: 'Confirm arrival', 确认接收: 'Confirm receipt',
  拒收: 'Reject', 说明差异: 'Explain discrepancy', 关闭差异: 'Close discrepancy', 编辑草稿: 'Edit draft', 报告事故: 'Report incident',
  草稿: 'Draft', 已移出: 'Dispatched', 运输中: 'In transit', 已运抵: 'Delivered', 已接收: 'Received', 已完成: 'Completed', 已作废: 'Cancelled',
  已拒收: 'Rejected', 已灭失: 'Lost', 创建: 'Created', 修改: 'Updated', 运抵: 'Delivered', 完成: 'Completed', 利用处置报告: 'Disposal report',
  关闭事故: 'Incident closed',
  桶: 'Drum', 袋: 'Bag', 箱: 'Box', 罐: 'Tank', '吨桶(IBC)': 'IBC', 散装: 'Bulk', 利器盒: 'Sharps container', 其他: 'Other',
  固态: 'Solid', 半固态: 'Semi-solid', 液态: 'Liquid', 气态: 'Gas', 污泥: 'Sludge',
  感染性废物: 'Infectious', 损伤性废物: 'Sharps', 病理性废物: 'Pathological', 化学性废物: 'Chemical', 药物性废物: 'Pharmaceutical',
  '毒性 T': 'Toxic T', '腐蚀性 C': 'Corrosive C', '易燃性 I': 'Ignitable I', '反应性 R': 'Reactive R', '感染性 In': 'Infectious In',
  // driver
  打开: 'Open', 扫码: 'Scan', 打开联单: 'Open a manifest', 车牌号: 'Vehicle plate', 驾驶员: 'Driver', 件: 'containers',
  '当前没有需要您签署的操作。': 'Nothing for you to sign on it now.', 无法使用摄像头: 'Camera unavailable', 摄像头画面: 'Camera view', 关闭摄像头: 'Close camera',
  // receiving
  待接收: 'Arriving', 待提交利用处置报告: 'Awaiting the disposal report', '没有待接收的联单。': 'Nothing arriving.', 等待自: 'Waiting since',
  接收时间: 'Received at', '接收量(kg)': 'Received (kg)', '拒收量(kg)': 'Rejected (kg)', 拒收原因: 'Rejection reason', 拒收废物去向: 'Rejected waste goes',
  退回移出人: 'Back to the generator', 转至其他接受单位: 'To another receiver', 其他接受单位: 'Other receiver', 整车拒收: 'Reject the whole load',
  整车拒收原因: 'Reason for rejecting the load', 提交利用处置报告: 'Submit disposal report', 利用处置方式: 'Operation', 完成时间: 'Completed at',
  添加残渣: 'Add residue', '利用处置已完成。': 'Disposal complete.',
  // ledger, plans, declarations, home
  新增台账: 'Add entry', 产生时间: 'Generated at', 打印标签: 'Print label', 已记录批次: 'Recorded batch', 已转移: 'Dispatched', 标签: 'Label',
  产生: 'Generated', 自行利用: 'Self-utilised', 自行处置: 'Self-disposed', 登记鉴别结果: 'Record identification',
  待鉴别: 'Pending identification', 产生工序: 'Process', 鉴别结果: 'Result', 危险废物: 'Hazardous waste', 不属于危险废物: 'Not hazardous',
  鉴别报告编号: 'Report number', 出具单位: 'Issued by', 已鉴别: 'Identified', '待鉴别（按危险废物管理）': 'Pending identification (managed as hazardous)',
  提交备案: 'File plan', 年度: 'Year', 计划项: 'Item', '预计产生量(kg)': 'Expected (kg)', 添加计划项: 'Add item', 以当前版本为底稿: 'Start from the current version',
  '本年度尚未备案。': 'No plan filed for this year.', 版本: 'Version', 当前: 'current',
  申报期: 'Period', 申报表: 'Declaration', 提交申报: 'Submit declaration', 已提交: 'Submitted', 截止: 'due', 已逾期: 'overdue', 期初: 'Opening',
  期末: 'Closing', 转移: 'Dispatched', 第: 'Version', 版已提交: 'submitted', 重点监管单位: 'Key supervised unit', 简化管理单位: 'Simplified management',
  登记管理单位: 'Registered unit',
  待办联单: 'Waiting for you', 下一步: 'Next action', 库存: 'Stock', '没有等待您处理的联单。': 'Nothing waiting for you.', 场地坐标: 'Site coordinates',
  // regulator screens, applications, chain, tracks
  暂无轨迹和场地坐标: 'No track or site coordinates yet', '■ 场地 ● 停留 ▲ 事故（无底图，WGS-84 坐标）': '■ site ● stop ▲ incident (no base map, WGS-84 coordinates)',
  申请: 'Application', 本步期限: 'Due for this step', 批准编号: 'Approval number', 需补正: 'Needs correction', 办理记录: 'History', 期限: 'Due',
  需补正的材料: 'Material to correct', 理由: 'Reason', 有效期自: 'Valid from', 有效期至: 'Valid until', 确定: 'OK', 新申请: 'New application',
  '最大数量(kg)': 'Maximum quantity (kg)', 添加废物: 'Add waste', 申请起始日: 'Requested from', 申请截止日: 'Requested until', 提交申请: 'Submit application',
  申请已提交: 'Application submitted', 跨省转移: 'Inter-provincial transfer', 待办队列: 'Queue', 本省相关申请: 'Applications concerning this province',
  我的申请: 'My applications', 没有记录: 'No records', 批准: 'Approve', 已撤销: 'Revoked', 撤销批准: 'Revoke approval', 附件: 'Attachments', 移除: 'Remove',
  跨省转移批准: 'Cross-province approval', '无（省内转移）': 'None (within the province)', 剩余: 'left',
  附件类型: 'Attachment type', 选择文件: 'Choose file', 经过联单: 'Via manifests', 下载证据包: 'Download evidence bundle', 个节点: ' nodes',
  处置合计: 'Disposed in total', '节点超过500，仅显示第一页': 'More than 500 nodes; showing the first page only', 链条图: 'Chain graph', 已脱敏: 'Redacted',
  预警: 'Alerts', 到期: 'Due', 查看联单: 'View manifest', 关闭说明: 'Closing note', 备注: 'Note', 关闭预警: 'Close alert', 区划: 'Division', 全国: 'Nationwide',
  下级区划: 'Subdivisions', 事故: 'Incident', 损失: 'Lost', 统一社会信用代码: 'Unified social credit code', 大批量导出: 'Bulk export',
  加载更多: 'Load more', 下载导出文件: 'Download export', 行: ' rows', 导出失败: 'Export failed', 导出中: 'Exporting', 导出进度: 'Export progress', 导出CSV: 'Export CSV', 停留: 'Stop',
  监管视图: 'Oversight view', 轨迹: 'Track', '关闭差异见上方操作（需填写说明）。': 'Close discrepancies with the actions above (a note is required).',
  更新时间: 'Updated', 监管: 'Oversight', 监管内容: 'Oversight', 利用处置率: 'Utilisation and disposal rate', 利用: 'Utilised',
  // driver: location sharing, incidents; home: alerts, site
  同意共享位置: 'I agree to share my phone’s location for this trip', 共享位置: 'Share location', 停止共享位置: 'Stop sharing location',
  正在共享位置: 'Sharing location', 已发送: 'sent', 位置被拒绝: 'Positions refused', 事故类型: 'Incident type',
  泄漏: 'Spill', 渗漏: 'Leak', 丢失: 'Loss', 被盗: 'Theft', 交通事故: 'Collision', 火灾: 'Fire', 事故经过: 'What happened',
  处置措施: 'Measures taken', 事故地点: 'Where it happened', 提交事故报告: 'Submit incident report', '没有未关闭的预警。': 'No open alerts.',
  纬度: 'Latitude', 经度: 'Longitude', 保存: 'Save', 已保存: 'Saved',
};
