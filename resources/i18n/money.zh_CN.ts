<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>messages</name>
        <message>
            <source>whole days of delay (24 h late = 1 day)</source>
            <translation>按整日计算延期（迟延满 24 小时为 1 日）</translation>
        </message>
        <message>
            <source>worst case: every begun day of delay counts as a day</source>
            <translation>最不利情形：延期不足一日亦按一日计</translation>
        </message>
        <message>
            <source>More than {cap} days late: {rate} of the contract total (¥{amount}) replaces the daily amount, once for the late service, and the client may terminate the contract (八、1).</source>
            <translation>超过 {cap} 日：按合同总金额的 {rate}（¥{amount}）计违约金，替代按日计算的金额，同一延期服务只计一次，且甲方有权解除合同（八、1）。</translation>
        </message>
        <message>
            <source>{at} lies outside the contract's service period ({start} to {end}, 三、服务期限): no contract clock runs for it.</source>
            <translation>{at} 不在合同服务期限内（{start} 至 {end}，三、服务期限）：不计合同时限。</translation>
        </message>
        <message>
            <source>Not a date and time: {value} (e.g. 2026-06-01T09:00)</source>
            <translation>不是有效的日期时间：{value}（例如 2026-06-01T09:00）</translation>
        </message>
        <message>
            <source>No engineer named {name}.</source>
            <translation>没有名为 {name} 的工程师。</translation>
        </message>
        <message>
            <source>补录 (entered {entered})</source>
            <translation>补录（录入于 {entered}）</translation>
        </message>
        <message>
            <source>Not repaired within the time set by the client ({deadline}): the service period extends by {length} (五、5.2.3).</source>
            <translation>未能在甲方指定时间（{deadline}）内修复：服务期相应顺延 {length}（五、5.2.3）。</translation>
        </message>
        <message>
            <source>Fault caused by the contractor: repaired free of charge, with a systematic check (五、5.2.3).</source>
            <translation>因乙方原因造成的故障：乙方无偿修复并进行系统性排查整改（五、5.2.3）。</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>已付款</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>Invoiced, payment expected</source>
            <translation>已开票，待付款</translation>
        </message>
        <message>
            <source>Not invoiced yet (四、3)</source>
            <translation>尚未交付发票（四、3）</translation>
        </message>
        <message>
            <source>Awaiting its condition</source>
            <translation>付款条件尚未满足</translation>
        </message>
        <message>
            <source>Funds not yet arrived (四、4)</source>
            <translation>财政资金尚未到位（四、4）</translation>
        </message>
        <message>
            <source>Working days of {years} counted Monday to Friday: the holiday calendar does not know that year yet.</source>
            <translation>{years} 年的工作日按周一至周五计算：节假日日历尚未收录该年度。</translation>
        </message>
        <message>
            <source>Invoice handed over (四、3)</source>
            <translation>已交付发票（四、3）</translation>
        </message>
        <message>
            <source>The time set by the client was missed: if the client holds it as not rectified in time, {rate} of the contract total (¥{amount}) is due and the client may terminate the contract ({clause}).</source>
            <translation>未在甲方指定时间内完成：如甲方认定为未在指定时间内整改，应按合同总金额的 {rate}（¥{amount}）支付违约金，且甲方有权解除合同（{clause}）。</translation>
        </message>
        <message>
            <source>The deadline set by the client must lie after the report.</source>
            <translation>甲方指定时间须晚于报修时间。</translation>
        </message>
        <message>
            <source>Work order {number} is not an inspection finding.</source>
            <translation>工单 {number} 不是巡检发现的问题。</translation>
        </message>
        <message>
            <source>The rectification date must lie after the finding.</source>
            <translation>整改日期须晚于发现时间。</translation>
        </message>
    </context>
    <context>
        <name>SettingsView</name>
        <message>
            <source>Print the liquidated damages exposure (clause 八、1) on work orders</source>
            <translation>在工单上打印违约金风险金额（合同八、1）</translation>
        </message>
        <message>
            <source>Work order paper</source>
            <translation>工单打印</translation>
        </message>
    </context>
    <context>
        <name>cli_help</name>
        <message>
            <source>print the liquidated damages exposure (clause 八、1) on the order (default: the setting, which is off)</source>
            <translation>在工单上打印违约金风险金额（合同八、1）（默认按设置，设置默认关闭）</translation>
        </message>
        <message>
            <source>a deadline the client set (Beijing time): a clock of its own (clauses 五、5.2.3, 八、5)</source>
            <translation>甲方指定的完成时间（北京时间）：单独计时（合同五、5.2.3，八、5）</translation>
        </message>
        <message>
            <source>say what an inspection finding is: a fault affecting service (the restore clock runs) or not, with the rectification date agreed with the client</source>
            <translation>认定巡检发现的问题：影响服务的故障（按恢复时限计时），或不影响服务并记录与甲方约定的整改日期</translation>
        </message>
        <message>
            <source>a fault affecting service: the restore clock runs</source>
            <translation>影响服务的故障：按恢复时限计时</translation>
        </message>
        <message>
            <source>not affecting service: rectify by this time agreed with the client</source>
            <translation>不影响服务：在与甲方约定的时间前完成整改</translation>
        </message>
    </context>
    <context>
        <name>documents</name>
        <message>
            <source>{clause} “{text}”</source>
            <translation>{clause}“{text}”</translation>
        </message>
        <message>
            <source>Time limits (contract clauses): {first}; {second}</source>
            <translation>时限依据（合同条款）：{first}；{second}</translation>
        </message>
        <message>
            <source>Late service (contract clause): {clause}</source>
            <translation>逾期违约（合同条款）：{clause}</translation>
        </message>
        <message>
            <source>Liquidated damages exposure (八、1): {amount}, no time limit breached.</source>
            <translation>违约金风险（八、1）：{amount}，未超时。</translation>
        </message>
        <message>
            <source>Liquidated damages exposure (八、1, {rule}): {amount}; {worst_label}: {worst}. {count} time limit(s) breached, counted once for this order.</source>
            <translation>违约金风险（八、1，{rule}）：{amount}；{worst_label}：{worst}。超时 {count} 项，本工单只计一次。</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>Late by (h:mm)</source>
            <translation>超时时长（时:分）</translation>
        </message>
        <message>
            <source>Deadline set by the client</source>
            <translation>甲方指定时间</translation>
        </message>
        <message>
            <source>Deadline set by the client (contract clause): {clause}</source>
            <translation>甲方指定时间（合同条款）：{clause}</translation>
        </message>
        <message>
            <source>Set by the client</source>
            <translation>甲方指定</translation>
        </message>
        <message>
            <source>Rectification date</source>
            <translation>整改日期</translation>
        </message>
        <message>
            <source>Agreed with the client</source>
            <translation>与甲方约定</translation>
        </message>
        <message>
            <source>{name} ({clause}): {done} done of at least {minimum} in the contract year; at a steady pace {pace} by the end of this period. The count is due at the year's end.</source>
            <translation>{name}（{clause}）：服务年度内至少 {minimum} 次，已完成 {done} 次；按均匀进度截至本期末应约 {pace} 次。次数按年度考核，至年度结束时到期。</translation>
        </message>
        <message>
            <source>Vulnerability scans this week</source>
            <translation>本周漏洞扫描</translation>
        </message>
    </context>
    <context>
        <name>NewWorkOrderDialog</name>
        <message>
            <source>The client set a deadline</source>
            <translation>甲方指定了完成时间</translation>
        </message>
        <message>
            <source>Client's deadline</source>
            <translation>甲方指定时间</translation>
        </message>
    </context>
    <context>
        <name>WorkOrderDetailPane</name>
        <message>
            <source>Client's deadline missed: exposure ¥{amount:,.2f} (clause 八、5)</source>
            <translation>未在甲方指定时间内完成：违约金风险 ¥{amount:,.2f}（八、5）</translation>
        </message>
        <message>
            <source>Not repaired by the client's deadline: the service period extends by {hours} h {minutes} min (clause 五、5.2.3).</source>
            <translation>未能在甲方指定时间内修复：服务期相应顺延 {hours} 小时 {minutes} 分钟（五、5.2.3）。</translation>
        </message>
        <message>
            <source>Finding: affects service?…</source>
            <translation>认定巡检问题…</translation>
        </message>
    </context>
    <context>
        <name>workorders</name>
        <message>
            <source>Client's deadline</source>
            <translation>甲方指定时间</translation>
        </message>
        <message>
            <source>Rectification date</source>
            <translation>整改日期</translation>
        </message>
    </context>
    <context>
        <name>FindingDialog</name>
        <message>
            <source>Inspection finding</source>
            <translation>巡检发现问题</translation>
        </message>
        <message>
            <source>A fault affecting service: the restore time limit runs</source>
            <translation>影响服务的故障：按恢复服务时限计时</translation>
        </message>
        <message>
            <source>Not affecting service</source>
            <translation>不影响服务</translation>
        </message>
        <message>
            <source>Rectify by (agreed with the client)</source>
            <translation>整改期限（与甲方约定）</translation>
        </message>
    </context>
    <context>
        <name>DeliverablesPanel</name>
        <message>
            <source>{name}: {delivered} of at least {minimum} this year (at a steady pace {pace} by today)</source>
            <translation>{name}：本年度至少 {minimum} 次，已完成 {delivered} 次（按均匀进度截至今日应约 {pace} 次）</translation>
        </message>
    </context>
</TS>