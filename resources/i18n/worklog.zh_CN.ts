<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>documents</name>
        <message>
            <source>Work Log</source>
            <translation>工作日志</translation>
        </message>
        <message>
            <source>Period {first} to {last}</source>
            <translation>期间 {first} 至 {last}</translation>
        </message>
        <message>
            <source>Clause 五、5.2.8: a complete work log, with a clear entry for every service item. This log lists {lines} lines: the handling steps and entries of {orders} work orders, {rounds} inspection rounds and {free} other entries. A correction never replaces an entry: it is a later line that names the entry it corrects.</source>
            <translation>依据合同五、5.2.8：建立完备的工作日志，对每项服务事项填写具体清晰的日志记载。本日志共 {lines} 行：{orders} 张工单的处理步骤及日志、{rounds} 次巡检、{free} 条其他工作记录。更正从不覆盖原记录：更正是其后的一行，并注明所更正的记录。</translation>
        </message>
        <message>
            <source>Service item</source>
            <translation>服务事项</translation>
        </message>
        <message>
            <source>Inspection round ({kind}): {checked} of {total} devices checked, {failures} with exceptions; {status}</source>
            <translation>巡检（{kind}）：已检 {checked}/{total} 台，{failures} 台异常；{status}</translation>
        </message>
    </context>
    <context>
        <name>ReportsView</name>
        <message>
            <source>Work log of a month</source>
            <translation>月度工作日志</translation>
        </message>
    </context>
    <context>
        <name>cli_help</name>
        <message>
            <source>the complete work log of a month or a period (clause 五、5.2.8)</source>
            <translation>一个月或一段期间的完整工作日志（合同五、5.2.8）</translation>
        </message>
        <message>
            <source>first day, e.g. 2026-03-01 (with --to)</source>
            <translation>起始日，例如 2026-03-01（与 --to 一起）</translation>
        </message>
        <message>
            <source>last day, included (default: the contract's end)</source>
            <translation>截止日（含当日；默认：合同到期日）</translation>
        </message>
        <message>
            <source>PDF file (default: worklog-PERIOD.pdf; the whole contract without a period)</source>
            <translation>PDF 文件（默认：worklog-期间.pdf；不指定期间则为整个合同期）</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>A work log covers at most {days} days; choose a shorter period.</source>
            <translation>工作日志最多涵盖 {days} 天，请选择更短的期间。</translation>
        </message>
    </context>
</TS>