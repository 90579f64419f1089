<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>DashboardView</name>
        <message>
            <source>{as_of} · records kept from {date}</source>
            <translation>{as_of} · 记录自 {date} 起</translation>
        </message>
        <message>
            <source>… and {n} more under Reports → Deliverables</source>
            <translation>… 另有 {n} 项，见 报表 → 交付物</translation>
        </message>
    </context>
    <context>
        <name>RecordsPage</name>
        <message>
            <source>From when you keep the records</source>
            <translation>从哪天开始记录</translation>
        </message>
        <message>
            <source>If your team takes over a contract that is already running, choose the day your records begin.</source>
            <translation>如果您的团队接手一个已在执行中的合同，请选择本团队开始记录的日期。</translation>
        </message>
        <message>
            <source>Reports and inspections due before this day are shown as “before the records began”, not as overdue. You can change the day later in Settings.</source>
            <translation>在此日期之前到期的报告和巡检显示为“记录开始之前”，不算逾期。以后可以在设置中更改此日期。</translation>
        </message>
        <message>
            <source>Records kept from:</source>
            <translation>记录开始日期：</translation>
        </message>
    </context>
    <context>
        <name>RecordsStartEditor</name>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>What fell due before this day is “before the records began”.</source>
            <translation>此日期之前到期的事项为“记录开始之前”。</translation>
        </message>
        <message>
            <source>The records begin with the contract.</source>
            <translation>记录从合同开始之日起。</translation>
        </message>
    </context>
    <context>
        <name>SettingsView</name>
        <message>
            <source>Records kept from</source>
            <translation>记录开始日期</translation>
        </message>
    </context>
    <context>
        <name>deliverables</name>
        <message>
            <source>Before the records began</source>
            <translation>记录开始之前</translation>
        </message>
    </context>
    <context>
        <name>documents</name>
        <message>
            <source>Before the records began</source>
            <translation>记录开始之前</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>The records must begin within the contract, {start} to {end}.</source>
            <translation>记录开始日期须在合同期内（{start} 至 {end}）。</translation>
        </message>
    </context>
    <context>
        <name>ClockTray</name>
        <message>
            <source>No deadline running.</source>
            <translation>当前没有计时中的时限。</translation>
        </message>
        <message>
            <source>Next deadline: {number} {clock} at {time} ({minutes} min left)</source>
            <translation>最近时限：{number} {clock} {time}（剩余 {minutes} 分钟）</translation>
        </message>
        <message>
            <source>{number}: {clock} deadline passed at {time}</source>
            <translation>{number}：{clock}时限 {time} 已过，已超时</translation>
        </message>
        <message>
            <source>{number}: {clock} due at {time}, {minutes} min left</source>
            <translation>{number}：{clock}时限 {time}，剩余 {minutes} 分钟</translation>
        </message>
        <message>
            <source>Deadline passed</source>
            <translation>已超时</translation>
        </message>
        <message>
            <source>Deadline in 10 minutes</source>
            <translation>10 分钟后到时限</translation>
        </message>
    </context>
</TS>