<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>messages</name>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>{label}: content no longer matches its signature</source>
        <translation>{label}：内容与签字时不一致，记录已被改动</translation>
    </message>
    <message>
        <source>{label}: the signed record is missing</source>
        <translation>{label}：已签字的记录缺失</translation>
    </message>
    <message>
        <source>{label}: the chain link is broken</source>
        <translation>{label}：签字链校验失败</translation>
    </message>
    <message>
        <source>{label}: a link before it was removed</source>
        <translation>{label}：其前面的签字记录已被删除</translation>
    </message>
    <message>
        <source>{label}: marked signed but not in the chain</source>
        <translation>{label}：标记为已签字，但不在签字链中</translation>
    </message>
    <message>
        <source>{label}: unknown kind of record</source>
        <translation>{label}：未知的记录类型</translation>
    </message>
    <message>
        <source>{count} of {links} signed records failed.</source>
        <translation>共 {links} 条已签字记录，其中 {count} 条校验未通过。</translation>
    </message>
    <message>
        <source>All {links} signed records match.</source>
        <translation>全部 {links} 条已签字记录校验通过。</translation>
    </message>
    <message>
        <source>No work order {number}.</source>
        <translation>没有工单 {number}。</translation>
    </message>
    <message>
        <source>Work order {number} is signed and can no longer be changed; record an amendment instead.</source>
        <translation>工单 {number} 已签字确认，不能再修改；如需更正，请添加更正记录。</translation>
    </message>
    <message>
        <source>Work order {number} has already missed a contract deadline: cancelling it needs a reason, and the breach stays on record.</source>
        <translation>工单 {number} 已超过合同时限：取消须填写原因，超时记录仍予保留。</translation>
    </message>
    <message>
        <source>Work order {number} is cancelled.</source>
        <translation>工单 {number} 已取消。</translation>
    </message>
    <message>
        <source>The time lies in the future.</source>
        <translation>时间不能晚于当前时间。</translation>
    </message>
    <message>
        <source>Unknown asset code: {codes}</source>
        <translation>设备编号不存在：{codes}</translation>
    </message>
    <message>
        <source>Unknown work order type {value}.</source>
        <translation>未知的工单类型 {value}。</translation>
    </message>
    <message>
        <source>Unknown channel {value}.</source>
        <translation>未知的报修渠道 {value}。</translation>
    </message>
    <message>
        <source>Unknown priority {value}.</source>
        <translation>未知的优先级 {value}。</translation>
    </message>
    <message>
        <source>Describe the problem or the task.</source>
        <translation>请填写故障现象或服务内容。</translation>
    </message>
    <message>
        <source>No contract is loaded; run 'workbench init' first.</source>
        <translation>尚未载入合同，请先运行 'workbench init'。</translation>
    </message>
    <message>
        <source>Name the device or system the fault is on.</source>
        <translation>请选择发生故障的设备或系统。</translation>
    </message>
    <message>
        <source>A work order is signed only through the sign-off.</source>
        <translation>工单只能通过签字确认完成签字。</translation>
    </message>
    <message>
        <source>Work order {number} cannot move from {current} to {target}.</source>
        <translation>工单 {number} 不能从“{current}”变更为“{target}”。</translation>
    </message>
    <message>
        <source>The time lies before the previous step of {number}.</source>
        <translation>时间早于工单 {number} 的上一环节。</translation>
    </message>
    <message>
        <source>Write the result of the work before closing {number}.</source>
        <translation>请先填写工单 {number} 的处理结果。</translation>
    </message>
    <message>
        <source>The log entry is empty.</source>
        <translation>日志内容不能为空。</translation>
    </message>
    <message>
        <source>The entry to correct does not belong here.</source>
        <translation>要更正的日志条目不属于此处。</translation>
    </message>
    <message>
        <source>Work order {number} is signed; its log takes only corrections of entries.</source>
        <translation>工单 {number} 已签字确认，其工作日志只能添加更正条目。</translation>
    </message>
    <message>
        <source>Work order {number} can be signed once service is restored.</source>
        <translation>工单 {number} 须在故障修复后才能签字确认。</translation>
    </message>
    <message>
        <source>Type the client representative's name.</source>
        <translation>请填写甲方代表姓名。</translation>
    </message>
    <message>
        <source>Work order {number} is not signed; change it directly.</source>
        <translation>工单 {number} 尚未签字，可直接修改。</translation>
    </message>
    <message>
        <source>Give the correction and its reason.</source>
        <translation>请填写更正内容和更正原因。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>签字密码须为 4 至 12 位数字。</translation>
    </message>
    <message>
        <source>The engineer needs a name.</source>
        <translation>请填写工程师姓名。</translation>
    </message>
    <message>
        <source>An engineer named {name} already exists.</source>
        <translation>已有名为 {name} 的工程师。</translation>
    </message>
    <message>
        <source>No such engineer.</source>
        <translation>该工程师不存在。</translation>
    </message>
    <message>
        <source>{name} is no longer an active engineer.</source>
        <translation>{name} 已不是在岗工程师。</translation>
    </message>
    <message>
        <source>{name} has no PIN yet; set one first.</source>
        <translation>{name} 尚未设置签字密码，请先设置。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: signing is locked for {name} until {until}.</source>
        <translation>签字密码错误次数过多：{name} 的签字功能已锁定至 {until}。</translation>
    </message>
    <message>
        <source>Wrong PIN. {left} attempts left before signing locks.</source>
        <translation>签字密码错误。再错 {left} 次将锁定签字。</translation>
    </message>
    <message>
        <source>The signature has points outside its box.</source>
        <translation>签名超出了签字区域。</translation>
    </message>
    <message>
        <source>The signature is empty; please sign.</source>
        <translation>签名为空，请签字。</translation>
    </message>
    <message>
        <source>The signature has too many points.</source>
        <translation>签名笔画过多。</translation>
    </message>
    <message>
        <source>Type the signer's name.</source>
        <translation>请填写签字人姓名。</translation>
    </message>
    <message>
        <source>This record is already signed.</source>
        <translation>此记录已签字。</translation>
    </message>
    <message>
        <source>Demo history added: {orders} work orders ({signed} signed, {breached} overdue), {log} work log entries, {amendments} amendments.
Demo engineers and their signing PINs: {engineers}</source>
        <translation>已添加演示数据：工单 {orders} 张（已签字 {signed} 张，超时 {breached} 张），工作日志 {log} 条，更正记录 {amendments} 条。
演示工程师及签字密码：{engineers}</translation>
    </message>
    <message>
        <source>The store already holds demo data.</source>
        <translation>数据库中已有演示数据。</translation>
    </message>
    <message>
        <source>The contract has not started yet.</source>
        <translation>合同尚未开始。</translation>
    </message>
    <message>
        <source>{field} is too long: at most {max} characters.</source>
        <translation>{field}过长：最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>{field} holds the control character {char}.</source>
        <translation>{field}中含有控制字符 {char}，不允许使用。</translation>
    </message>
    <message>
        <source>The reporter's name</source>
        <translation>报修人</translation>
    </message>
    <message>
        <source>The reporter's phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>The description</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <source>The cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <source>The result of the work</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The log entry</source>
        <translation>工作日志</translation>
    </message>
</context>
<context>
    <name>workorders</name>
    <message>
        <source>Fault report</source>
        <translation>报修</translation>
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
        <source>Hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <source>In person</source>
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
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
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
        <source>On site</source>
        <translation>已到场</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已完工</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>On-site arrival</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>临近超时</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>计时中</translation>
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
        <source>Engineer</source>
        <translation>运维工程师</translation>
    </message>
    <message>
        <source>Penalty (CNY)</source>
        <translation>违约金（元）</translation>
    </message>
</context>
</TS>