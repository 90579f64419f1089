<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardView</name>
    <message>
        <source>Where the contract stands</source>
        <translation>合同执行总览</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open work orders</source>
        <translation>未完成工单</translation>
    </message>
    <message>
        <source>Breaches this month</source>
        <translation>本月超时工单</translation>
    </message>
    <message>
        <source>Breaches this contract year</source>
        <translation>本合同年度超时工单</translation>
    </message>
    <message>
        <source>Inspections overdue</source>
        <translation>逾期未巡检设备</translation>
    </message>
    <message>
        <source>Deliverables this week</source>
        <translation>本周到期交付物</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Click a bar to list its work orders.</source>
        <translation>点击图表中的柱形，列出对应工单。</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>超时项</translation>
    </message>
    <message>
        <source>As of {time}</source>
        <translation>数据截至 {time}</translation>
    </message>
    <message>
        <source>Next deadline: {number} {what} at {time}</source>
        <translation>下一个时限：{number} {what} {time}</translation>
    </message>
    <message>
        <source>No deadline running.</source>
        <translation>当前没有计时中的时限。</translation>
    </message>
    <message>
        <source>{n} open orders past a deadline</source>
        <translation>{n} 张未完成工单已超时</translation>
    </message>
    <message>
        <source>Exposure {amount} · SLA {rate}
{period}</source>
        <translation>违约金风险 {amount} · 达标率 {rate}
{period}</translation>
    </message>
    <message>
        <source>{n} more devices due now</source>
        <translation>另有 {n} 台设备已到巡检期</translation>
    </message>
    <message>
        <source>{n} past due</source>
        <translation>{n} 项逾期</translation>
    </message>
    <message>
        <source>overdue since {date}</source>
        <translation>{date} 起逾期</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 另有 {n} 项</translation>
    </message>
    <message>
        <source>faults and findings</source>
        <translation>故障及巡检发现</translation>
    </message>
    <message>
        <source>{month}: {name} — {n} work orders (double-click to open)</source>
        <translation>{month}：{name} — {n} 张工单（双击打开）</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Weekly security service report</source>
        <translation>安全服务周报</translation>
    </message>
    <message>
        <source>Monthly operations report</source>
        <translation>运维服务月报</translation>
    </message>
    <message>
        <source>Year-end acceptance pack</source>
        <translation>年度验收材料</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Choose a report and a period, then Generate.</source>
        <translation>选择报表和期间，然后点击“生成”。</translation>
    </message>
    <message>
        <source>Folder for the acceptance pack</source>
        <translation>验收材料保存文件夹</translation>
    </message>
    <message>
        <source>Writing the pack to {folder}…</source>
        <translation>正在生成验收材料到 {folder}…</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>{done} of {total}: {name}</source>
        <translation>{done}/{total}：{name}</translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>报表生成失败。</translation>
    </message>
    <message>
        <source>{n} pages.</source>
        <translation>共 {n} 页。</translation>
    </message>
    <message>
        <source>Acceptance pack written: {count} files in {folder}.</source>
        <translation>验收材料已生成：{folder} 中共 {count} 个文件。</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
</context>
<context>
    <name>deliverables</name>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>M{month}</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <source>Faults per month by category</source>
        <translation>每月故障数（按设备类别）</translation>
    </message>
    <message>
        <source>No device</source>
        <translation>无设备</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>工单数</translation>
    </message>
    <message>
        <source>SLA compliance per month</source>
        <translation>每月 SLA 达标率</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} 张超时</translation>
    </message>
    <message>
        <source>Time to restore (minutes)</source>
        <translation>故障恢复时长（分钟）</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90% 分位</translation>
    </message>
    <message>
        <source>Contract limit {n} min</source>
        <translation>合同时限 {n} 分钟</translation>
    </message>
    <message>
        <source>Inspections done against schedule</source>
        <translation>巡检完成情况（对照计划）</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Defacement</source>
        <translation>网页篡改</translation>
    </message>
    <message>
        <source>Malicious code</source>
        <translation>恶意代码</translation>
    </message>
    <message>
        <source>Sensitive content</source>
        <translation>敏感内容</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>可用性事件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>No record</source>
        <translation>无监测记录</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>See notes</source>
        <translation>见备注</translation>
    </message>
    <message>
        <source>Weekly Security Service Report</source>
        <translation>安全服务周报</translation>
    </message>
    <message>
        <source>Week {week} · {first} to {last}</source>
        <translation>{week} · {first} 至 {last}</translation>
    </message>
    <message>
        <source>Websites monitored</source>
        <translation>已监测网站</translation>
    </message>
    <message>
        <source>Website monitoring findings</source>
        <translation>网站监测发现问题</translation>
    </message>
    <message>
        <source>Overdue work orders</source>
        <translation>超时工单</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>SLA 达标率</translation>
    </message>
    <message>
        <source>Penalty exposure (period)</source>
        <translation>违约金风险（本期）</translation>
    </message>
    <message>
        <source>Inspections done / scheduled</source>
        <translation>巡检完成 / 计划</translation>
    </message>
    <message>
        <source>Inspection rounds</source>
        <translation>巡检次数</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Figures as of {time}.</source>
        <translation>数据截至 {time}。</translation>
    </message>
    <message>
        <source>Website security monitoring (7×24)</source>
        <translation>网站安全监测（7×24）</translation>
    </message>
    <message>
        <source>Vulnerability scans this month</source>
        <translation>本月漏洞扫描</translation>
    </message>
    <message>
        <source>Maintenance work this week</source>
        <translation>本周运维工作</translation>
    </message>
    <message>
        <source>No work orders.</source>
        <translation>无工单。</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>No inspection rounds.</source>
        <translation>无巡检记录。</translation>
    </message>
    <message>
        <source>Deliverables this week and next</source>
        <translation>本周及下周到期交付物</translation>
    </message>
    <message>
        <source>Nothing due.</source>
        <translation>无到期事项。</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未修复</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>日常巡检</translation>
    </message>
    <message>
        <source>Not yet paid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <source>Key period</source>
        <translation>重点时期</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>Overdue: {items}</source>
        <translation>超时：{items}</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Work order no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Response (min)</source>
        <translation>响应（分钟）</translation>
    </message>
    <message>
        <source>Restored (min)</source>
        <translation>恢复（分钟）</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA 结果</translation>
    </message>
    <message>
        <source>Overdue targets</source>
        <translation>超时项</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>超时天数</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>违约金</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>扫描日期</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>高危</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>中危</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>低危</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Not scanned</source>
        <translation>未扫描</translation>
    </message>
    <message>
        <source>Deliverable</source>
        <translation>交付物</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source> ({n} d late)</source>
        <translation>（迟交 {n} 天）</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款节点</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Invoice issued</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Faults under the SLA clock</source>
        <translation>计时故障工单</translation>
    </message>
    <message>
        <source>Time to restore, median</source>
        <translation>恢复时长中位数</translation>
    </message>
    <message>
        <source>Time to restore, 90th percentile</source>
        <translation>恢复时长 90% 分位</translation>
    </message>
    <message>
        <source>Penalty exposure (contract year)</source>
        <translation>违约金风险（合同年度累计）</translation>
    </message>
    <message>
        <source>Vulnerabilities found / still open</source>
        <translation>发现漏洞 / 未修复</translation>
    </message>
    <message>
        <source>Deliverables delivered</source>
        <translation>已交付交付物</translation>
    </message>
    <message>
        <source>Deliverables overdue</source>
        <translation>逾期交付物</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>巡检单号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>运维工程师</translation>
    </message>
    <message>
        <source>Devices checked</source>
        <translation>已检设备</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Prepared by (Party B)</source>
        <translation>编制人（乙方）</translation>
    </message>
    <message>
        <source>Confirmed by (Party A)</source>
        <translation>确认人（甲方）</translation>
    </message>
    <message>
        <source>Monthly Operations Report</source>
        <translation>运维服务月报</translation>
    </message>
    <message>
        <source>{year}-{month:02d} · period {first} to {last}</source>
        <translation>{year}年{month:02d}月 · 报告期 {first} 至 {last}</translation>
    </message>
    <message>
        <source>SLA compliance counts faults and inspection findings whose outcome is known (restored, or past a deadline). Penalty exposure follows clause 8.1: {rate} of the contract total per day late, per work order. Figures as of {time}.</source>
        <translation>SLA 达标率按已有结果（已恢复或已超过时限）的故障及巡检发现工单计算；违约金风险按合同第八条第1款计算：每张工单每迟延一日按合同总额的 {rate} 计。数据截至 {time}。</translation>
    </message>
    <message>
        <source>{done} of {expected} scheduled device inspections were done ({rate}).</source>
        <translation>按巡检计划应检 {expected} 台次，已完成 {done} 台次（{rate}）。</translation>
    </message>
    <message>
        <source>Work orders and SLA results</source>
        <translation>工单及 SLA 执行情况</translation>
    </message>
    <message>
        <source>Breaches and penalty exposure</source>
        <translation>超时及违约金风险</translation>
    </message>
    <message>
        <source>No SLA target was missed.</source>
        <translation>本期无超时。</translation>
    </message>
    <message>
        <source>Contract year so far: {breached} overdue work orders, exposure {amount}.</source>
        <translation>本合同年度累计：超时工单 {breached} 张，违约金风险 {amount}。</translation>
    </message>
    <message>
        <source>Website security monitoring and vulnerability scans</source>
        <translation>网站安全监测及漏洞扫描</translation>
    </message>
    <message>
        <source>No monitoring records.</source>
        <translation>无监测记录。</translation>
    </message>
    <message>
        <source>Deliverables and payments</source>
        <translation>交付物及付款</translation>
    </message>
    <message>
        <source>Charts (contract year)</source>
        <translation>统计图表（合同年度）</translation>
    </message>
    <message>
        <source>Other work</source>
        <translation>其他工作</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>合同条款</translation>
    </message>
    <message>
        <source>In all</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Due so far</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Of which late</source>
        <translation>其中迟交</translation>
    </message>
    <message>
        <source>Year-end Acceptance Pack</source>
        <translation>年度验收材料</translation>
    </message>
    <message>
        <source>Contract {number} · service period {first} to {last}</source>
        <translation>合同 {number} · 服务期 {first} 至 {last}</translation>
    </message>
    <message>
        <source>Signed work orders</source>
        <translation>已签字工单</translation>
    </message>
    <message>
        <source>Signed inspection rounds</source>
        <translation>已签字巡检单</translation>
    </message>
    <message>
        <source>Deliverables</source>
        <translation>交付物</translation>
    </message>
    <message>
        <source>SLA record</source>
        <translation>SLA 执行记录</translation>
    </message>
    <message>
        <source>Signed records in this pack</source>
        <translation>本材料包含的签字记录</translation>
    </message>
    <message>
        <source>Folder workorders: {orders} signed work orders. Folder inspections: {rounds} signed inspection rounds. Each record carries its QR code and hash; 'workbench verify' checks them against the store.</source>
        <translation>workorders 文件夹：已签字工单 {orders} 张；inspections 文件夹：已签字巡检单 {rounds} 份。每份记录均印有二维码及哈希值，可用“workbench verify”与数据库核验。</translation>
    </message>
    <message>
        <source>Every deliverable</source>
        <translation>全部交付物明细</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>No contract is loaded; run 'workbench init' first.</source>
        <translation>尚未载入合同，请先运行 'workbench init'。</translation>
    </message>
    <message>
        <source>{name} is larger than 50 MB.</source>
        <translation>{name} 超过 50 MB。</translation>
    </message>
    <message>
        <source>Cannot read {name}: {error}</source>
        <translation>无法读取 {name}：{error}</translation>
    </message>
    <message>
        <source>No such deliverable.</source>
        <translation>没有这项交付物。</translation>
    </message>
    <message>
        <source>The delivery date {date} lies in the future.</source>
        <translation>交付日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>The contract asks for no staff-change notice.</source>
        <translation>合同未要求人员变更书面申请。</translation>
    </message>
    <message>
        <source>Describe the staff change.</source>
        <translation>请填写人员变更内容。</translation>
    </message>
    <message>
        <source>The description of the staff change</source>
        <translation>人员变更内容</translation>
    </message>
    <message>
        <source>No such payment milestone.</source>
        <translation>没有这个付款节点。</translation>
    </message>
    <message>
        <source>The date {date} lies in the future.</source>
        <translation>日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>'{site}' is not one of the monitored websites.</source>
        <translation>“{site}”不是监测范围内的网站。</translation>
    </message>
    <message>
        <source>{field} cannot be negative.</source>
        <translation>{field} 不能为负数。</translation>
    </message>
    <message>
        <source>'{week}' is not a week like 2026-W47.</source>
        <translation>“{week}”不是有效的周次（如 2026-W47）。</translation>
    </message>
    <message>
        <source>'{month}' is not a month like 2026-11.</source>
        <translation>“{month}”不是有效的月份（如 2026-11）。</translation>
    </message>
    <message>
        <source>The scan date {date} is not in {month}.</source>
        <translation>扫描日期 {date} 不在 {month} 内。</translation>
    </message>
    <message>
        <source>Fixed ({fixed}) and open ({open}) must add up to the findings ({total}).</source>
        <translation>已修复（{fixed}）与未修复（{open}）之和应等于漏洞总数（{total}）。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>Unknown column '{column}'.</source>
        <translation>未知的列“{column}”。</translation>
    </message>
    <message>
        <source>Required column '{column}' is missing.</source>
        <translation>缺少必需的列“{column}”。</translation>
    </message>
    <message>
        <source>The website is missing.</source>
        <translation>缺少网站。</translation>
    </message>
    <message>
        <source>'{value}' is not a count (0, 1, 2, …).</source>
        <translation>“{value}”不是有效的数量（0、1、2……）。</translation>
    </message>
    <message>
        <source>'{value}' is not a month like 2026-11.</source>
        <translation>“{value}”不是有效的月份（如 2026-11）。</translation>
    </message>
    <message>
        <source>'{value}' is not a date like 2026-11-25.</source>
        <translation>“{value}”不是有效的日期（如 2026-11-25）。</translation>
    </message>
    <message>
        <source>'{value}' is not a week like 2026-W47.</source>
        <translation>“{value}”不是有效的周次（如 2026-W47）。</translation>
    </message>
    <message>
        <source>Week {week} lies outside the contract period.</source>
        <translation>周次 {week} 不在合同服务期内。</translation>
    </message>
    <message>
        <source>Week {week} has not begun yet.</source>
        <translation>周次 {week} 尚未开始。</translation>
    </message>
    <message>
        <source>{site} {period} appears again (first in row {first}).</source>
        <translation>{site} {period} 重复出现（首次在第 {first} 行）。</translation>
    </message>
    <message>
        <source>The file has a header but no rows.</source>
        <translation>文件只有表头，没有数据行。</translation>
    </message>
    <message>
        <source>No contract {number} in the store.</source>
        <translation>数据库中没有合同 {number}。</translation>
    </message>
    <message>
        <source>The period ends ({last}) before it begins ({first}).</source>
        <translation>结束日期（{last}）早于开始日期（{first}）。</translation>
    </message>
    <message>
        <source>Unsupported file type '{suffix}': use .xlsx.</source>
        <translation>不支持的文件类型“{suffix}”：请使用 .xlsx。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>已生成：{path}</translation>
    </message>
    <message>
        <source>Acceptance pack written: {count} files in {path} ({s} s).</source>
        <translation>验收材料已生成：{path} 中共 {count} 个文件（用时 {s} 秒）。</translation>
    </message>
    <message>
        <source>{count} rows written to {path}.</source>
        <translation>已导出 {count} 行到 {path}。</translation>
    </message>
</context>
<context>
    <name>monitoring</name>
    <message>
        <source>Defacement</source>
        <translation>网页篡改</translation>
    </message>
    <message>
        <source>Malicious code</source>
        <translation>恶意代码</translation>
    </message>
    <message>
        <source>Sensitive content</source>
        <translation>敏感内容</translation>
    </message>
    <message>
        <source>Availability incidents</source>
        <translation>可用性事件</translation>
    </message>
</context>
</TS>