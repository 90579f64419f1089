<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend {0}</source>
        <translation>更正 {0}</translation>
    </message>
    <message>
        <source>The signed work order stays as it was signed. The correction is kept as a signed amendment linked to it, and printed with it.</source>
        <translation>已签字的工单保持签字时的内容不变。更正作为一条经签字的更正记录关联到该工单，并随工单一起打印。</translation>
    </message>
    <message>
        <source>General note</source>
        <translation>一般说明</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>报修人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Caused by the contractor</source>
        <translation>乙方原因造成</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>The contractor caused the fault</source>
        <translation>故障由乙方原因造成</translation>
    </message>
    <message>
        <source>What</source>
        <translation>更正项</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现为</translation>
    </message>
    <message>
        <source>Correct to</source>
        <translation>更正为</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>运维工程师</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>签字密码</translation>
    </message>
    <message>
        <source>Sign amendment</source>
        <translation>签字更正</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Give the correction, its reason, the engineer and the PIN.</source>
        <translation>请填写更正内容、更正原因、工程师和签字密码。</translation>
    </message>
</context>
<context>
    <name>LogEntryDialog</name>
    <message>
        <source>Correct log entry</source>
        <translation>更正日志</translation>
    </message>
    <message>
        <source>Log entry</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <source>What was done, found or agreed</source>
        <translation>所做工作、发现的情况或商定事项</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>更正的条目</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>运维工程师</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>NewWorkOrderDialog</name>
    <message>
        <source>— nobody yet —</source>
        <translation>— 暂不指派 —</translation>
    </message>
    <message>
        <source>New work order</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>What is wrong, as the caller described it</source>
        <translation>按报修人所述填写故障现象</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>报修人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>报修渠道</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>运维工程师</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>建单</translation>
    </message>
    <message>
        <source>Asset code or name</source>
        <translation>设备编号或名称</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Unknown asset code: {0}</source>
        <translation>没有此设备编号：{0}</translation>
    </message>
    <message>
        <source>Describe the problem or the task.</source>
        <translation>请填写故障现象或工作内容。</translation>
    </message>
    <message>
        <source>Name the device or system the fault is on.</source>
        <translation>请选择出现故障的设备或系统。</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Print signed work orders</source>
        <translation>批量打印已签字工单</translation>
    </message>
    <message>
        <source>Signed from</source>
        <translation>签字日期自</translation>
    </message>
    <message>
        <source>to (inclusive)</source>
        <translation>至（含）</translation>
    </message>
    <message>
        <source>Every work order signed in this period, in one job.</source>
        <translation>将此期间签字的全部工单合并为一个打印任务。</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Sign-off</source>
        <translation>签字确认</translation>
    </message>
    <message>
        <source>Both sides sign: the engineer with PIN, the client representative by name.</source>
        <translation>双方签字确认：运维工程师凭签字密码签字，甲方代表填写姓名并签字。</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Your signing PIN</source>
        <translation>您的签字密码</translation>
    </message>
    <message>
        <source>Maintenance engineer</source>
        <translation>运维工程师</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>运维工程师</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>签字密码</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Name of the client representative</source>
        <translation>甲方代表姓名</translation>
    </message>
    <message>
        <source>Client representative</source>
        <translation>甲方代表</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>No engineer can sign: add an engineer with a PIN first.</source>
        <translation>没有可签字的工程师：请先在设置中添加工程师并设置签字密码。</translation>
    </message>
    <message>
        <source>the engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>the PIN</source>
        <translation>签字密码</translation>
    </message>
    <message>
        <source>the engineer&apos;s signature</source>
        <translation>工程师签名</translation>
    </message>
    <message>
        <source>the client representative&apos;s name</source>
        <translation>甲方代表姓名</translation>
    </message>
    <message>
        <source>the client representative&apos;s signature</source>
        <translation>甲方代表签名</translation>
    </message>
    <message>
        <source>Still missing: {0}.</source>
        <translation>尚未填写：{0}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Signing is unlocked again; enter the PIN.</source>
        <translation>签字已解锁，请输入签字密码。</translation>
    </message>
    <message>
        <source>Locked {0}:{1:02d}</source>
        <translation>已锁定 {0}:{1:02d}</translation>
    </message>
    <message>
        <source>Too many wrong PINs: {0} can sign again at {1}.</source>
        <translation>签字密码错误次数过多：{0} 可在 {1} 后再次签字。</translation>
    </message>
</context>
<context>
    <name>SignatureField</name>
    <message>
        <source>Clear</source>
        <translation>重签</translation>
    </message>
    <message>
        <source>Erase the signature and sign again</source>
        <translation>清除签名，重新签字</translation>
    </message>
    <message>
        <source>Undo stroke</source>
        <translation>撤销一笔</translation>
    </message>
    <message>
        <source>Take back the last stroke (Ctrl+Z)</source>
        <translation>撤销最后一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo stroke</source>
        <translation>恢复一笔</translation>
    </message>
    <message>
        <source>Put the stroke back (Ctrl+Y)</source>
        <translation>恢复撤销的一笔（Ctrl+Y）</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here</source>
        <translation>请在此处签名</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未签名</translation>
    </message>
</context>
<context>
    <name>SlaClock</name>
    <message>
        <source>No contract deadline</source>
        <translation>无合同时限</translation>
    </message>
    <message>
        <source>Done {0}
due {1}</source>
        <translation>完成 {0}
时限 {1}</translation>
    </message>
    <message>
        <source>Due {0}</source>
        <translation>时限 {0}</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Record: {0}</source>
        <translation>登记：{0}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>WorkOrderDetailPane</name>
    <message>
        <source>No work order selected</source>
        <translation>未选择工单</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>已响应</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>已到场</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭工单</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>撤销工单</translation>
    </message>
    <message>
        <source>Record this step now; right-click for another time</source>
        <translation>按当前时间登记此步骤；右键可填写其他时间</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>签字确认…</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>报修人</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Cause and result</source>
        <translation>原因与处理结果</translation>
    </message>
    <message>
        <source>Caused by the contractor (free fix; the service period extends)</source>
        <translation>乙方原因造成（免费修复，服务期相应顺延）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>处理过程</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>By</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Work log</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>运维工程师</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Add entry…</source>
        <translation>添加日志…</translation>
    </message>
    <message>
        <source>Correct entry…</source>
        <translation>更正日志…</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Maintenance engineer</source>
        <translation>运维工程师</translation>
    </message>
    <message>
        <source>Client representative</source>
        <translation>甲方代表</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <source>What</source>
        <translation>更正项</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Choose one in the list, or report a new one (Ctrl+N).</source>
        <translation>请在列表中选择工单，或新建工单（Ctrl+N）。</translation>
    </message>
    <message>
        <source>  [demo data]</source>
        <translation>  【演示数据】</translation>
    </message>
    <message>
        <source>Status: {status} · Priority: {priority} · Contract {contract}</source>
        <translation>状态：{status} · 优先级：{priority} · 合同 {contract}</translation>
    </message>
    <message>
        <source>Signed on {0}: read-only. Corrections are recorded as amendments.</source>
        <translation>已于 {0} 签字确认，内容已锁定，只读。如需更正，请添加更正记录。</translation>
    </message>
    <message>
        <source>Cancelled: read-only.</source>
        <translation>已撤销，只读。</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>尚未指派</translation>
    </message>
    <message>
        <source>Late by {days} day(s): penalty exposure ¥{amount:,.2f}</source>
        <translation>超时 {days} 天：违约金风险 ¥{amount:,.2f}</translation>
    </message>
    <message>
        <source> — more than the cap: the client may terminate</source>
        <translation> — 已超过上限，甲方有权解除合同</translation>
    </message>
    <message>
        <source>Caused by the contractor: the service period extends.</source>
        <translation>乙方原因造成：服务期相应顺延。</translation>
    </message>
    <message>
        <source>[corrects {0}] {1}</source>
        <translation>【更正 {0}】{1}</translation>
    </message>
    <message>
        <source>Corrected by a later entry</source>
        <translation>已被后续日志更正</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>尚未签字</translation>
    </message>
    <message>
        <source>Scanned paper of {0} matches the signed record.</source>
        <translation>扫描的纸质工单 {0} 与签字记录一致。</translation>
    </message>
    <message>
        <source>Scanned paper of {0} does NOT match the signed record: it is not the signed version (an old print or a changed copy).</source>
        <translation>扫描的纸质工单 {0} 与签字记录不一致：不是签字确认的版本（旧版打印件或被改动的副本）。</translation>
    </message>
    <message>
        <source>The stored record of {0} was changed after signing: it no longer matches its signature. Run &apos;workbench verify&apos;.</source>
        <translation>工单 {0} 的存档记录在签字后被改动，已与签字不符。请运行“workbench verify”检查。</translation>
    </message>
    <message>
        <source>{0} is not signed in this store; the scanned paper is not a signed record.</source>
        <translation>工单 {0} 在本数据库中尚未签字，扫描的纸质件不是签字确认的记录。</translation>
    </message>
</context>
<context>
    <name>WorkOrderFilterBar</name>
    <message>
        <source>Search number, device, description, caller…</source>
        <translation>搜索工单号、设备、故障描述、报修人…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Awaiting sign-off</source>
        <translation>待签字</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All engineers</source>
        <translation>全部工程师</translation>
    </message>
    <message>
        <source>On time and overdue</source>
        <translation>全部（含超时）</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅超时</translation>
    </message>
    <message>
        <source>On time only</source>
        <translation>仅未超时</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>New work order (Ctrl+N)</source>
        <translation>新建工单（Ctrl+N）</translation>
    </message>
    <message>
        <source>Print signed…</source>
        <translation>批量打印…</translation>
    </message>
    <message>
        <source>Print every work order signed in a period</source>
        <translation>打印某一期间内签字的全部工单</translation>
    </message>
</context>
<context>
    <name>WorkOrderPrinter</name>
    <message>
        <source>Work order {0}</source>
        <translation>工单 {0}</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Saving failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>No work order was signed in this period.</source>
        <translation>此期间内没有签字确认的工单。</translation>
    </message>
    <message>
        <source>Signed work orders {0} – {1} ({2})</source>
        <translation>已签字工单 {0} 至 {1}（{2} 张）</translation>
    </message>
</context>
<context>
    <name>WorkOrderTableModel</name>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>{m} min {s:02d} s</source>
        <translation>{m} 分 {s:02d} 秒</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} 分</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <source>Done late by {0}</source>
        <translation>超时完成 {0}</translation>
    </message>
    <message>
        <source>Overdue {0}</source>
        <translation>已超时 {0}</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>剩余 {0}</translation>
    </message>
    <message>
        <source>{name}: within {minutes} min, by {deadline}</source>
        <translation>{name}：{minutes} 分钟内，时限 {deadline}</translation>
    </message>
    <message>
        <source>Done at {0}</source>
        <translation>完成于 {0}</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Time left or overdue against the contract&apos;s deadline</source>
        <translation>距合同时限的剩余时间或超时时长</translation>
    </message>
    <message>
        <source> (demo)</source>
        <translation>（演示）</translation>
    </message>
    <message>
        <source>No contract deadline for this kind of work order</source>
        <translation>此类工单无合同时限</translation>
    </message>
</context>
<context>
    <name>WorkOrdersView</name>
    <message>
        <source>{shown} of {total} work orders</source>
        <translation>显示 {shown} / 共 {total} 张工单</translation>
    </message>
    <message>
        <source>No SLA clock running</source>
        <translation>当前无计时中的工单</translation>
    </message>
    <message>
        <source>{0} open order(s) overdue</source>
        <translation>{0} 张未完成工单已超时</translation>
    </message>
    <message>
        <source>{number} {target}: overdue {time}</source>
        <translation>{number} {target}：已超时 {time}</translation>
    </message>
    <message>
        <source>Next deadline: {number} {target} in {time} ({at})</source>
        <translation>最近时限：{number} {target}，剩余 {time}（{at}）</translation>
    </message>
    <message>
        <source>Work order {0} reported.</source>
        <translation>工单 {0} 已建立。</translation>
    </message>
    <message>
        <source>{number} cannot go to “{status}” from “{current}”.</source>
        <translation>{number} 当前为“{current}”，不能变更为“{status}”。</translation>
    </message>
    <message>
        <source>Save the cause and result before signing.</source>
        <translation>请先保存原因与处理结果，再签字。</translation>
    </message>
    <message>
        <source>Write the result of the work before signing.</source>
        <translation>请先填写处理结果，再签字。</translation>
    </message>
    <message>
        <source>Sign off {0}</source>
        <translation>签字确认 {0}</translation>
    </message>
    <message>
        <source>Work order {number}: {description}
Once signed, the order can no longer be changed; corrections become amendments.</source>
        <translation>工单 {number}：{description}
签字后工单内容锁定，不可再修改；如需更正须添加更正记录。</translation>
    </message>
    <message>
        <source>Work order {0} signed.</source>
        <translation>工单 {0} 已签字确认。</translation>
    </message>
    <message>
        <source>Amendment of {0} signed.</source>
        <translation>{0} 的更正记录已签字。</translation>
    </message>
    <message>
        <source>The scanned paper names work order {0}, which is not in this store.</source>
        <translation>扫描的纸质件为工单 {0}，但本数据库中没有该工单。</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>The printer refused a new page.</source>
        <translation>打印机未能换页。</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
</TS>
