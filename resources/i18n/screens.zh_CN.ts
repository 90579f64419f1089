<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Every change to the data is written to the audit trail, with who made it and when; the entries are chained so that an altered entry is found.</source>
        <translation>对数据的每一次修改都会记入审计记录，注明修改人和时间；各条记录前后链接，任何一条被改动都能被发现。</translation>
    </message>
    <message>
        <source>Open the audit trail…</source>
        <translation>查看审计记录…</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>(anyone)</source>
        <translation>（任何人）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>时间从</translation>
    </message>
    <message>
        <source>text in the old or new values</source>
        <translation>修改前后内容中的文字</translation>
    </message>
    <message>
        <source>record key</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Contains</source>
        <translation>包含文字</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>◀ Newer</source>
        <translation>◀ 较新</translation>
    </message>
    <message>
        <source>Older ▶</source>
        <translation>更早 ▶</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Verify audit chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Device category</source>
        <translation>设备类别</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>运维工程师</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Work order device</source>
        <translation>工单设备</translation>
    </message>
    <message>
        <source>Work order step</source>
        <translation>工单处理步骤</translation>
    </message>
    <message>
        <source>Work order amendment</source>
        <translation>工单补充记录</translation>
    </message>
    <message>
        <source>Work log</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <source>Inspection round</source>
        <translation>巡检任务</translation>
    </message>
    <message>
        <source>Inspection round device</source>
        <translation>巡检任务设备</translation>
    </message>
    <message>
        <source>Device inspection</source>
        <translation>设备巡检</translation>
    </message>
    <message>
        <source>Inspection result</source>
        <translation>巡检结果</translation>
    </message>
    <message>
        <source>Inspection attachment</source>
        <translation>巡检附件</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Signed record</source>
        <translation>已签字记录</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Payment milestone</source>
        <translation>付款节点</translation>
    </message>
    <message>
        <source>Deliverable</source>
        <translation>交付物</translation>
    </message>
    <message>
        <source>Website monitoring</source>
        <translation>网站安全监测</translation>
    </message>
    <message>
        <source>Vulnerability scan</source>
        <translation>漏洞扫描</translation>
    </message>
    <message>
        <source>Number counter</source>
        <translation>编号计数器</translation>
    </message>
    <message>
        <source>No entries.</source>
        <translation>没有记录。</translation>
    </message>
    <message>
        <source>{first}–{last} of {total} entries, newest first</source>
        <translation>第 {first}–{last} 条，共 {total} 条，最新的在前</translation>
    </message>
    <message>
        <source>No. {seq} · {time} · {user} · {action} {table} {record}</source>
        <translation>第 {seq} 条 · {time} · {user} · {action} {table} {record}</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{count} entries exported to {file}.</source>
        <translation>已导出 {count} 条记录到 {file}。</translation>
    </message>
    <message>
        <source>The file {file} could not be written: {error}</source>
        <translation>无法写入文件 {file}：{error}</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>正在校验审计链…</translation>
    </message>
    <message>
        <source>The audit chain is intact: {count} entries checked.</source>
        <translation>审计链完整：已校验 {count} 条记录。</translation>
    </message>
    <message>
        <source>… and {more} more.</source>
        <translation>…… 另有 {more} 处。</translation>
    </message>
    <message>
        <source>The audit chain is broken ({count} problems):</source>
        <translation>审计链已被破坏（{count} 处问题）：</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <source>Backups</source>
        <translation>数据备份</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore the chosen backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>Open the backup folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <source>This database is on a server ({url}). It is backed up on the server (pg_dump) by its administrator, not by the workbench; ask them to restore a backup.</source>
        <translation>此数据库位于服务器上（{url}），由服务器管理员在服务器上备份（pg_dump），不由工作台备份；如需恢复备份，请联系服务器管理员。</translation>
    </message>
    <message>
        <source>The workbench backs the database up once a day when it starts, and before each upgrade; it keeps 7 daily, 4 weekly and 12 monthly backups. Folder: {folder}</source>
        <translation>工作台每天启动时自动备份一次数据库，每次升级前也会备份；保留最近 7 天、4 周和 12 个月的备份。备份文件夹：{folder}</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Backup written: {file}</source>
        <translation>备份已完成：{file}</translation>
    </message>
    <message>
        <source>The backup failed: {error}</source>
        <translation>备份失败：{error}</translation>
    </message>
    <message>
        <source>Choose a backup in the list first.</source>
        <translation>请先在列表中选择一个备份。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the current database with the backup of {time} ({kind})?</source>
        <translation>用 {time} 的备份（{kind}）替换当前数据库？</translation>
    </message>
    <message>
        <source>Everything entered after that time will no longer be in the database. The current database is not lost: it is first kept as a backup of the kind “before restore” in the backup folder, so this step can be undone by restoring that one.

The workbench closes the database for a moment and opens the restored one; the open views reload, and anything typed into an open dialog and not saved yet is lost.</source>
        <translation>该时间之后录入的所有内容将不再在数据库中。当前数据库不会丢失：恢复前会先把它保存为备份文件夹中类型为“恢复前”的备份，如需撤销，恢复那个备份即可。

工作台会短暂关闭数据库，然后打开恢复后的数据库；已打开的页面会重新加载，打开的对话框中尚未保存的内容将丢失。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>The database was restored from {backup}.

The database as it was before is kept as {kept}.</source>
        <translation>数据库已从 {backup} 恢复。

恢复前的数据库已保存为 {kept}。</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>The backup could not be restored: {error}</source>
        <translation>备份无法恢复：{error}</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
</context>
<context>
    <name>DeliverablesPanel</name>
    <message>
        <source>All deliverables</source>
        <translation>全部交付物</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Not delivered yet</source>
        <translation>尚未交付</translation>
    </message>
    <message>
        <source>Overdue or due this week</source>
        <translation>逾期或本周到期</translation>
    </message>
    <message>
        <source>Deliverable</source>
        <translation>交付物</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>交付日期</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>File</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Record delivery…</source>
        <translation>登记交付…</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <source>Undo delivery</source>
        <translation>撤销交付</translation>
    </message>
    <message>
        <source>New staff change…</source>
        <translation>新增人员变更…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Deliverables</source>
        <translation>交付物</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>应付日期</translation>
    </message>
    <message>
        <source>Invoice issued</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Record invoice / payment…</source>
        <translation>登记开票 / 付款…</translation>
    </message>
    <message>
        <source>Payment milestones</source>
        <translation>付款节点</translation>
    </message>
    <message>
        <source>change on {date}: {what}</source>
        <translation>{date} 变更：{what}</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未付款</translation>
    </message>
    <message>
        <source>{name}: {delivered} of {due} due so far delivered</source>
        <translation>{name}：到期 {due} 项，已交付 {delivered} 项</translation>
    </message>
    <message>
        <source>, {n} overdue</source>
        <translation>，逾期 {n} 项</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Choose a deliverable in the list first.</source>
        <translation>请先在列表中选择一项交付物。</translation>
    </message>
    <message>
        <source>Choose a delivered deliverable first.</source>
        <translation>请先选择一项已交付的交付物。</translation>
    </message>
    <message>
        <source>This deliverable has no file.</source>
        <translation>这项交付物没有附件。</translation>
    </message>
    <message>
        <source>Choose a payment milestone first.</source>
        <translation>请先选择一期付款。</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Record a delivery</source>
        <translation>登记交付</translation>
    </message>
    <message>
        <source>e.g. handed to the client's representative</source>
        <translation>例如：已交甲方代表</translation>
    </message>
    <message>
        <source>kept: {name}</source>
        <translation>已有附件：{name}</translation>
    </message>
    <message>
        <source>optional: the document as handed over</source>
        <translation>可选：交付的文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Deliverable</source>
        <translation>交付物</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>交付日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>File</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>The document handed over</source>
        <translation>交付的文件</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.doc *.docx *.xls *.xlsx *.jpg *.png);;All files (*)</source>
        <translation>文档 (*.pdf *.doc *.docx *.xls *.xlsx *.jpg *.png);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file {file} does not exist.</source>
        <translation>文件 {file} 不存在。</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <source>File not imported</source>
        <translation>文件未导入</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Correct these rows in the file and import it again.</source>
        <translation>请在文件中改正以上各行后重新导入。</translation>
    </message>
</context>
<context>
    <name>MonitoringPanel</name>
    <message>
        <source>All websites</source>
        <translation>全部网站</translation>
    </message>
    <message>
        <source>Import the provider's spreadsheet…</source>
        <translation>导入安全服务商表格…</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Enter a week…</source>
        <translation>录入周监测结果…</translation>
    </message>
    <message>
        <source>Weekly monitoring findings</source>
        <translation>每周监测结果</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Scanned on</source>
        <translation>扫描日期</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高危</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中危</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低危</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未修复</translation>
    </message>
    <message>
        <source>Enter a scan…</source>
        <translation>录入扫描结果…</translation>
    </message>
    <message>
        <source>Monthly vulnerability scans</source>
        <translation>月度漏洞扫描</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>{n} site-weeks of the contract so far have no entry yet.</source>
        <translation>合同期内至今还有 {n} 个“网站·周”没有录入监测结果。</translation>
    </message>
    <message>
        <source>The security provider's spreadsheet</source>
        <translation>安全服务商的表格</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>weekly monitoring findings</source>
        <translation>条周监测结果</translation>
    </message>
    <message>
        <source>monthly scans</source>
        <translation>条月度扫描结果</translation>
    </message>
    <message>
        <source>{file}: {created} new and {updated} replaced {what}.</source>
        <translation>{file}：新增 {created}、覆盖 {updated} {what}。</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>The file {file} could not be read: {error}</source>
        <translation>无法读取文件 {file}：{error}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Invoice and payment</source>
        <translation>开票与付款</translation>
    </message>
    <message>
        <source>Invoice issued on</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>付款期次</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ReportTabs</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Deliverables and payments</source>
        <translation>交付物与付款</translation>
    </message>
    <message>
        <source>Website monitoring</source>
        <translation>网站安全监测</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <source>Vulnerability scan of a month</source>
        <translation>月度漏洞扫描结果</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Scanned on</source>
        <translation>扫描日期</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高危</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中危</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低危</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未修复</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{total} findings; fixed and open: {handled}</source>
        <translation>漏洞共 {total} 个；已修复与未修复合计 {handled} 个</translation>
    </message>
    <message>
        <source>Choose a month.</source>
        <translation>请选择月份。</translation>
    </message>
    <message>
        <source>The scan date must lie in the chosen month.</source>
        <translation>扫描日期必须在所选月份内。</translation>
    </message>
    <message>
        <source>Fixed and still open must add up to the findings.</source>
        <translation>已修复与未修复之和必须等于漏洞总数。</translation>
    </message>
</context>
<context>
    <name>StaffChangeDialog</name>
    <message>
        <source>New staff change</source>
        <translation>新增人员变更</translation>
    </message>
    <message>
        <source>e.g. Wang Lei leaves, Zhao Qiang takes over</source>
        <translation>例如：王磊调离，赵强接替</translation>
    </message>
    <message>
        <source>Change on</source>
        <translation>变更日期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Written request due</source>
        <translation>书面申请截止</translation>
    </message>
    <message>
        <source>{date} ({days} days before the change)</source>
        <translation>{date}（变更前 {days} 天）</translation>
    </message>
    <message>
        <source>already late</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Describe the staff change.</source>
        <translation>请填写人员变更内容。</translation>
    </message>
</context>
<context>
    <name>WeekDialog</name>
    <message>
        <source>Monitoring findings of a week</source>
        <translation>网站周监测结果</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Enter a week like 2026-W47.</source>
        <translation>请输入周次，格式如 2026-W47。</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
</context>
</TS>