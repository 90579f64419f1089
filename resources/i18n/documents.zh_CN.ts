<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>documents</name>
    <message>
        <source>{n} d</source>
        <translation>{n}天</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n}小时</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n}分钟</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n}小时</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n}分钟</translation>
    </message>
    <message>
        <source>I</source>
        <translation>一</translation>
    </message>
    <message>
        <source>II</source>
        <translation>二</translation>
    </message>
    <message>
        <source>III</source>
        <translation>三</translation>
    </message>
    <message>
        <source>IV</source>
        <translation>四</translation>
    </message>
    <message>
        <source>V</source>
        <translation>五</translation>
    </message>
    <message>
        <source>VI</source>
        <translation>六</translation>
    </message>
    <message>
        <source>VII</source>
        <translation>七</translation>
    </message>
    <message>
        <source>VIII</source>
        <translation>八</translation>
    </message>
    <message>
        <source>IX</source>
        <translation>九</translation>
    </message>
    <message>
        <source>X</source>
        <translation>十</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>姓名：{name}</translation>
    </message>
    <message>
        <source>Signed: {time}</source>
        <translation>签字时间：{time}</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：　　　年　　月　　日</translation>
    </message>
    <message>
        <source>Contract registration No.: {number}</source>
        <translation>合同登记编号：{number}</translation>
    </message>
    <message>
        <source>Client (Party A): {name}</source>
        <translation>甲方：{name}</translation>
    </message>
    <message>
        <source>Contractor (Party B): {name}</source>
        <translation>乙方：{name}</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>第 {page} 页 / 共 {total} 页</translation>
    </message>
    <message>
        <source>Printed {time} (Beijing time)</source>
        <translation>打印时间：{time}（北京时间）</translation>
    </message>
    <message>
        <source>DEMO DATA - NOT A REAL RECORD</source>
        <translation>演示数据，非真实记录</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Location: {location}</source>
        <translation>位置：{location}</translation>
    </message>
    <message>
        <source>Asset labels</source>
        <translation>设备标签</translation>
    </message>
    <message>
        <source>Fault report</source>
        <translation>故障报修</translation>
    </message>
    <message>
        <source>Inspection finding</source>
        <translation>巡检发现</translation>
    </message>
    <message>
        <source>Service request</source>
        <translation>服务请求</translation>
    </message>
    <message>
        <source>Security hardening</source>
        <translation>安全加固</translation>
    </message>
    <message>
        <source>Key-period duty</source>
        <translation>重点时期保障</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已报修</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>已响应</translation>
    </message>
    <message>
        <source>Engineer on site</source>
        <translation>已到场</translation>
    </message>
    <message>
        <source>Service restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>已签字确认</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>{n}. Fault report</source>
        <translation>{n}、报修信息</translation>
    </message>
    <message>
        <source>{n}. Devices concerned</source>
        <translation>{n}、涉及设备</translation>
    </message>
    <message>
        <source>{n}. Service timeline and contract time limits</source>
        <translation>{n}、服务时限（合同约定）</translation>
    </message>
    <message>
        <source>{n}. Cause and resolution</source>
        <translation>{n}、故障原因及处理结果</translation>
    </message>
    <message>
        <source>{n}. Work log</source>
        <translation>{n}、工作日志</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>监测</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>临近超时</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>IT Maintenance Service Work Order</source>
        <translation>运维服务工单</translation>
    </message>
    <message>
        <source>Scan to verify</source>
        <translation>扫码核验</translation>
    </message>
    <message>
        <source>NOT SIGNED</source>
        <translation>未签字确认</translation>
    </message>
    <message>
        <source>Work order No.: {number}</source>
        <translation>工单号：{number}</translation>
    </message>
    <message>
        <source>Work order No.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
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
        <source>Reported at</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>运维工程师</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Asset code</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>{model} (S/N {serial})</source>
        <translation>{model}（序列号 {serial}）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>合同时限</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Actual time</source>
        <translation>实际时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Late by</source>
        <translation>超时时长</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <source>On-site time</source>
        <translation>到场时间</translation>
    </message>
    <message>
        <source>Restoration time</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <source>Entered afterwards, at</source>
        <translation>补录，录入于</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未完成</translation>
    </message>
    <message>
        <source>Liquidated damages exposure: {amount} (contract clause 8, late service; {count} time limit(s) breached)</source>
        <translation>违约金风险：{amount}（依据合同第八条违约责任，逾期服务；{count} 项时限超时）</translation>
    </message>
    <message>
        <source>Liquidated damages exposure: {amount} (no time limit breached)</source>
        <translation>违约金风险：{amount}（各项时限均未超时）</translation>
    </message>
    <message>
        <source>Yes: the repair is free of charge and the service period is extended accordingly</source>
        <translation>是：乙方免费修复，服务期相应顺延</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Caused by contractor</source>
        <translation>是否乙方原因</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <source>{step}: {note}</source>
        <translation>{step}：{note}</translation>
    </message>
    <message>
        <source>[Corrects the entry of {time}] {text}</source>
        <translation>【更正 {time} 的记录】{text}</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>{n}. Amendments after sign-off</source>
        <translation>{n}、签字后更正记录</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>更正内容</translation>
    </message>
    <message>
        <source>{n}. Sign-off</source>
        <translation>{n}、签字确认</translation>
    </message>
    <message>
        <source>Party A confirms that the service above was performed and the record is true.</source>
        <translation>甲方确认以上服务已完成，记录内容属实。</translation>
    </message>
    <message>
        <source>Maintenance engineer signature</source>
        <translation>运维工程师签字</translation>
    </message>
    <message>
        <source>Party A representative signature</source>
        <translation>甲方代表签字</translation>
    </message>
    <message>
        <source>Record hash (SHA-256): {hash}</source>
        <translation>记录校验码（SHA-256）：{hash}</translation>
    </message>
    <message>
        <source>Not signed: this print is a draft, not a signed record.</source>
        <translation>未签字确认：本打印件为草稿，不作为签字确认的记录。</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>运维服务工单</translation>
    </message>
    <message>
        <source>Reading: ______ {unit} (limits {low}–{high})</source>
        <translation>读数：______ {unit}（范围 {low}–{high}）</translation>
    </message>
    <message>
        <source>Reading: ______ {unit} (at most {high})</source>
        <translation>读数：______ {unit}（不高于 {high}）</translation>
    </message>
    <message>
        <source>Reading: ______ {unit} (at least {low})</source>
        <translation>读数：______ {unit}（不低于 {low}）</translation>
    </message>
    <message>
        <source>Reading: ______ {unit}</source>
        <translation>读数：______ {unit}</translation>
    </message>
    <message>
        <source>Circle one: {choices}</source>
        <translation>圈选：{choices}</translation>
    </message>
    <message>
        <source>Write in the note column</source>
        <translation>在备注栏填写</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Inspection record</source>
        <translation>巡检记录表</translation>
    </message>
    <message>
        <source>{category} · checklist version {v}</source>
        <translation>{category} · 检查表第 {v} 版</translation>
    </message>
    <message>
        <source>Round No.: {number}</source>
        <translation>巡检单号：{number}</translation>
    </message>
    <message>
        <source>Device {n}</source>
        <translation>设备 {n}</translation>
    </message>
    <message>
        <source>Asset code:</source>
        <translation>设备编号：</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Check item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Inspected {time}</source>
        <translation>巡检时间 {time}</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>All normal ({n} items, {na} n/a)</source>
        <translation>全部正常（{n} 项，{na} 项不适用）</translation>
    </message>
    <message>
        <source>All normal ({n} items)</source>
        <translation>全部正常（{n} 项）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>巡检类别</translation>
    </message>
    <message>
        <source>Checklist version</source>
        <translation>检查表版本</translation>
    </message>
    <message>
        <source>Inspection date</source>
        <translation>巡检日期</translation>
    </message>
    <message>
        <source>{y} year {m} month {d} day</source>
        <translation>{y} 年 {m} 月 {d} 日</translation>
    </message>
    <message>
        <source>Tick one box per item. Describe every abnormal item in the note column; a fault is reported as a work order.</source>
        <translation>每项在相应方框内打“✓”；异常项请在备注栏写明情况，故障须报修并开具工单。</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>签字确认</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Devices in scope: {total}; inspected: {done}; abnormal: {failed}; not inspected: {unchecked}.</source>
        <translation>应检设备 {total} 台，已检 {done} 台，异常 {failed} 台，未检 {unchecked} 台。</translation>
    </message>
    <message>
        <source>{n}. Abnormal devices</source>
        <translation>{n}、异常设备</translation>
    </message>
    <message>
        <source>No abnormal device found in this round.</source>
        <translation>本次巡检未发现异常设备。</translation>
    </message>
    <message>
        <source>{n}. Normal devices</source>
        <translation>{n}、正常设备</translation>
    </message>
    <message>
        <source>Inspected at</source>
        <translation>巡检时间</translation>
    </message>
    <message>
        <source>{item}: {note}</source>
        <translation>{item}：{note}</translation>
    </message>
    <message>
        <source>{n}. Devices not inspected</source>
        <translation>{n}、未检设备</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>未检原因</translation>
    </message>
    <message>
        <source>Party A confirms that the inspection above was carried out.</source>
        <translation>甲方确认以上巡检已按要求完成。</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Give asset codes or --all, not both.</source>
        <translation>请指定设备编号或使用 --all，二者不能同时使用。</translation>
    </message>
    <message>
        <source>Name the asset codes to label, or use --all.</source>
        <translation>请指定要打印标签的设备编号，或使用 --all 打印全部设备。</translation>
    </message>
    <message>
        <source>--skip cannot be negative.</source>
        <translation>--skip 不能为负数。</translation>
    </message>
    <message>
        <source>No devices to label.</source>
        <translation>没有可打印标签的设备。</translation>
    </message>
    <message>
        <source>{count} labels ({layout}) written to {path}</source>
        <translation>已生成 {count} 张标签（{layout}）：{path}</translation>
    </message>
</context>
</TS>