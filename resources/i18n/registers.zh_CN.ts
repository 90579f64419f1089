<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>MainWindow</name>
        <message>
            <source>Registers</source>
            <translation>登记簿</translation>
        </message>
    </context>
    <context>
        <name>RegistersView</name>
        <message>
            <source>No registers yet.</source>
            <translation>尚无登记簿。</translation>
        </message>
    </context>
    <context>
        <name>_DateInput</name>
        <message>
            <source>Tick to give a date; leave empty for none</source>
            <translation>勾选后填写日期；不勾选表示无</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <source>{field} is required.</source>
            <translation>{field}为必填项。</translation>
        </message>
        <message>
            <source>{field} is too long: at most {max} characters.</source>
            <translation>{field}过长：最多 {max} 个字符。</translation>
        </message>
    </context>
    <context>
        <name>RegisterPage</name>
        <message>
            <source>Search (Ctrl+F)</source>
            <translation>搜索 (Ctrl+F)</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>新增…</translation>
        </message>
        <message>
            <source>Add a record (Ctrl+N)</source>
            <translation>新增一条记录 (Ctrl+N)</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>View…</source>
            <translation>查看…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>导出 Excel…</translation>
        </message>
        <message>
            <source>{count} records</source>
            <translation>共 {count} 条</translation>
        </message>
        <message>
            <source>New: {register}</source>
            <translation>新增：{register}</translation>
        </message>
        <message>
            <source>View: {register}</source>
            <translation>查看：{register}</translation>
        </message>
        <message>
            <source>Edit: {register}</source>
            <translation>编辑：{register}</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>Delete record</source>
            <translation>删除记录</translation>
        </message>
        <message>
            <source>Delete this record of {register}? The deletion is kept in the audit trail; the record itself is gone.</source>
            <translation>删除这条{register}记录？删除操作记入审计日志，记录本身将不再保留。</translation>
        </message>
        <message>
            <source>Export {register}</source>
            <translation>导出{register}</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Exported {count} records to {file}</source>
            <translation>已导出 {count} 条记录到 {file}</translation>
        </message>
    </context>
    <context>
        <name>ExcusesPage</name>
        <message>
            <source>Attach evidence…</source>
            <translation>附证据…</translation>
        </message>
        <message>
            <source>Client confirms…</source>
            <translation>甲方确认…</translation>
        </message>
        <message>
            <source>The engineer (PIN) and the client's representative sign the excuse</source>
            <translation>工程师（签字密码）与甲方代表签字确认免责</translation>
        </message>
        <message>
            <source>Work order</source>
            <translation>工单</translation>
        </message>
        <message>
            <source>Reported</source>
            <translation>报修时间</translation>
        </message>
        <message>
            <source>Breaches</source>
            <translation>超时项</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <source>(none yet)</source>
            <translation>（尚无）</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Penalty (CNY)</source>
            <translation>违约金（元）</translation>
        </message>
        <message>
            <source>Strict reading: CNY {amount}</source>
            <translation>从严计算：{amount} 元</translation>
        </message>
        <message>
            <source>An order with a breach; the order cannot change after the claim.</source>
            <translation>须为有超时的工单；登记后不可更换工单。</translation>
        </message>
        <message>
            <source>What happened, and why the contractor could not be on time</source>
            <translation>发生了什么，乙方为何无法按时完成</translation>
        </message>
        <message>
            <source>Cause from</source>
            <translation>原因开始</translation>
        </message>
        <message>
            <source>Cause until</source>
            <translation>原因结束</translation>
        </message>
        <message>
            <source>Client notified</source>
            <translation>通知甲方时间</translation>
        </message>
        <message>
            <source>十: the other party is told at once; proof follows within 7 working days.</source>
            <translation>第十条：应立即通知对方，并在 7 个工作日内提供证明。</translation>
        </message>
        <message>
            <source>Evidence for {number}</source>
            <translation>{number} 的证据</translation>
        </message>
        <message>
            <source>Documents and photos (*.pdf *.jpg *.jpeg *.png *.docx *.doc);;All files (*)</source>
            <translation>文档与照片 (*.pdf *.jpg *.jpeg *.png *.docx *.doc);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Attach the evidence before the client confirms the excuse.</source>
            <translation>请先附上证据，再由甲方确认免责。</translation>
        </message>
        <message>
            <source>Evidence missing</source>
            <translation>缺少证据</translation>
        </message>
        <message>
            <source>Client confirms the excuse of {number}</source>
            <translation>甲方确认 {number} 免责</translation>
        </message>
        <message>
            <source>Party A's representative confirms that the delay of {number} ({kind}) was not the contractor's doing: {reason}
Once signed, the breach carries no penalty (CNY {amount} under 八、1) and the excuse cannot change.</source>
            <translation>甲方代表确认 {number} 的延误（{kind}）非乙方原因：{reason}
签字后该超时不计违约金（按八、1 为 {amount} 元），免责记录不可再修改。</translation>
        </message>
    </context>
    <context>
        <name>cli_help</name>
        <message>
            <source>the settlement statement as JSON: each payment less the liquidated damages (clauses 四、2, 八、1, 八、5, 十)</source>
            <translation>结算单（JSON）：每笔付款扣除违约金后的金额（四、2，八、1，八、5，十）</translation>
        </message>
        <message>
            <source>also the charges of one month, e.g. 2026-10</source>
            <translation>并列出某月的扣款，例如 2026-10</translation>
        </message>
    </context>
    <context>
        <name>documents</name>
        <message>
            <source>Contract total (四、1)</source>
            <translation>合同总价（四、1）</translation>
        </message>
        <message>
            <source>Settlement statement (结算单)</source>
            <translation>结算单</translation>
        </message>
        <message>
            <source>excused (十, 八、1)</source>
            <translation>已免责（十、八、1）</translation>
        </message>
        <message>
            <source>paid</source>
            <translation>已付款</translation>
        </message>
        <message>
            <source>due date</source>
            <translation>约定日期</translation>
        </message>
        <message>
            <source>contract end</source>
            <translation>合同期满</translation>
        </message>
        <message>
            <source>八、1 (contract rule)</source>
            <translation>八、1
合同口径</translation>
        </message>
        <message>
            <source>八、1 worst case</source>
            <translation>八、1
从严</translation>
        </message>
        <message>
            <source>八、5</source>
            <translation>八、5</translation>
        </message>
        <message>
            <source>Excused ({kind}): not charged {amount}</source>
            <translation>已免责（{kind}）：不计 {amount}</translation>
        </message>
        <message>
            <source>Service period extended {length} (五、5.2.3)</source>
            <translation>服务期顺延 {length}（五、5.2.3）</translation>
        </message>
        <message>
            <source>Termination right (八、1)</source>
            <translation>甲方有权解除合同（八、1）</translation>
        </message>
        <message>
            <source>Amount due</source>
            <translation>应付金额</translation>
        </message>
        <message>
            <source>Orders reported</source>
            <translation>计入期间</translation>
        </message>
        <message>
            <source>Damages (contract rule)</source>
            <translation>违约金
合同口径</translation>
        </message>
        <message>
            <source>Damages (worst case)</source>
            <translation>违约金
从严</translation>
        </message>
        <message>
            <source>Excused</source>
            <translation>已免责</translation>
        </message>
        <message>
            <source>Extension (h:mm)</source>
            <translation>顺延
时:分</translation>
        </message>
        <message>
            <source>Net payable</source>
            <translation>应付净额</translation>
        </message>
        <message>
            <source>Net (worst case)</source>
            <translation>净额
从严</translation>
        </message>
        <message>
            <source>{first} – {last} ({basis})</source>
            <translation>{first} – {last}（{basis}）</translation>
        </message>
        <message>
            <source>+ {amount} carried in</source>
            <translation>+ 结转 {amount}</translation>
        </message>
        <message>
            <source>Orders reported in {month}: {charged} charged, {excused} excused. Damages {amount} under the contract's rule, {worst} in the worst case (of which 八、5: {client}); excused, not charged: {excused_amount}; service period extension: {extension}. Set off against payment {payments}.</source>
            <translation>{month} 报修的工单：计违约金 {charged} 张，免责 {excused} 张。违约金按合同口径 {amount}，从严 {worst}（其中八、5：{client}）；已免责不计：{excused_amount}；服务期顺延：{extension}。在第 {payments} 笔付款中抵扣。</translation>
        </message>
        <message>
            <source>Excused ({kind}, {clause}): {reason}. Confirmed by Party A's representative {client} on {date}; the breach carries no penalty.</source>
            <translation>免责（{kind}，{clause}）：{reason}。甲方代表 {client} 于 {date} 签字确认；该超时不计违约金。</translation>
        </message>
        <message>
            <source>Excuse claimed ({kind}, {clause}): {reason}. Not yet confirmed by Party A.</source>
            <translation>已申请免责（{kind}，{clause}）：{reason}。甲方尚未确认。</translation>
        </message>
        <message>
            <source>Late (h:mm)</source>
            <translation>超时
时:分</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>Choose the kind of excuse.</source>
            <translation>请选择免责类别。</translation>
        </message>
        <message>
            <source>Say why the delay is excused (at least {count} characters).</source>
            <translation>请说明免责理由（至少 {count} 个字）。</translation>
        </message>
        <message>
            <source>Contract total ¥{total} (四、1), paid in {count} payments (四、2). Liquidated damages for late service (八、1): {rate} of the total per day of delay, ¥{daily} a day; days counted as {rule} ({clause}).</source>
            <translation>合同总价 ¥{total}（四、1），分 {count} 笔支付（四、2）。延期服务违约金（八、1）：每延期一日按合同总价的 {rate}，即每日 ¥{daily}；日数按{rule}计（{clause}）。</translation>
        </message>
        <message>
            <source>A rectification or a deadline set by Party A that is missed (八、5): {rate} of the total (¥{amount}).</source>
            <translation>未在甲方指定时间内整改或完成（八、5）：合同总价的 {rate}（¥{amount}）。</translation>
        </message>
        <message>
            <source>How this statement reads the contract, which does not say how damages are paid: they are set off against the payment whose period holds the order's report date; a payment's period ends on the day it was paid, else on its due date, else on the contract's last day, and what a payment cannot absorb is carried to the next. Breaches Party A confirmed as excused (十, 八、1) are listed apart and not charged. The worst case counts every begun day of delay as a day.</source>
            <translation>本结算单的口径（合同未约定违约金的支付方式）：违约金在报修日期所属付款期的付款中抵扣；付款期截止于实际付款日，未付款的截止于约定日期，无约定日期的截止于合同期满；某笔付款不足抵扣的部分结转至下一笔。经甲方确认免责的超时（十、八、1）单独列出，不计违约金。“从严”按每个开始的延期日计一日。</translation>
        </message>
        <message>
            <source>This excuse no longer exists.</source>
            <translation>该免责记录已不存在。</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>The cause cannot end before it began.</source>
            <translation>原因结束时间不能早于开始时间。</translation>
        </message>
        <message>
            <source>The client confirmed this excuse: it is signed and cannot change.</source>
            <translation>甲方已确认该免责：已签字，不可修改。</translation>
        </message>
        <message>
            <source>Work order {number} not found.</source>
            <translation>未找到工单 {number}。</translation>
        </message>
        <message>
            <source>Work order {number} has no breach: there is nothing to excuse.</source>
            <translation>工单 {number} 没有超时，无需免责。</translation>
        </message>
        <message>
            <source>Work order {number} already has an excuse.</source>
            <translation>工单 {number} 已登记免责。</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>文件名</translation>
        </message>
        <message>
            <source>Attach the evidence before the client confirms the excuse.</source>
            <translation>请先附上证据，再由甲方确认免责。</translation>
        </message>
        <message>
            <source>Client representative</source>
            <translation>甲方代表</translation>
        </message>
        <message>
            <source>The fix cannot be due before the finding.</source>
            <translation>约定修复日期不能早于发现日期。</translation>
        </message>
        <message>
            <source>The fix cannot come before the finding.</source>
            <translation>修复日期不能早于发现日期。</translation>
        </message>
        <message>
            <source>A rescan comes after the fix: give the fix's date first.</source>
            <translation>复扫在修复之后：请先填写修复日期。</translation>
        </message>
        <message>
            <source>The finding is not fixed: it cannot be closed.</source>
            <translation>该漏洞尚未修复，不能关闭。</translation>
        </message>
        <message>
            <source>A fixed finding closes only after a clean rescan before the site goes back live (一、5): record the rescan first.</source>
            <translation>已修复的漏洞须在站点重新上线前复扫通过后才能关闭（一、5）：请先登记复扫结果。</translation>
        </message>
        <message>
            <source>The finding cannot close before its rescan.</source>
            <translation>关闭日期不能早于复扫日期。</translation>
        </message>
        <message>
            <source>This finding no longer exists.</source>
            <translation>该漏洞记录已不存在。</translation>
        </message>
        <message>
            <source>Choose one of the monitored sites.</source>
            <translation>请选择一个监测站点。</translation>
        </message>
        <message>
            <source>Name the finding.</source>
            <translation>请填写漏洞名称。</translation>
        </message>
        <message>
            <source>Choose the severity.</source>
            <translation>请选择漏洞等级。</translation>
        </message>
        <message>
            <source>Give the day it was found.</source>
            <translation>请填写发现日期。</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>漏洞</translation>
        </message>
        <message>
            <source>Rescan report</source>
            <translation>复扫报告</translation>
        </message>
        <message>
            <source>The finding is closed: it is kept as it was closed.</source>
            <translation>该漏洞已关闭，记录按关闭时保留，不可修改。</translation>
        </message>
    </context>
    <context>
        <name>registers</name>
        <message>
            <source>Force majeure</source>
            <translation>不可抗力</translation>
        </message>
        <message>
            <source>Cause on the client's side</source>
            <translation>甲方原因</translation>
        </message>
        <message>
            <source>Third party's outage</source>
            <translation>第三方故障</translation>
        </message>
        <message>
            <source>Claimed, awaiting the client</source>
            <translation>已申请，待甲方确认</translation>
        </message>
        <message>
            <source>Confirmed by the client</source>
            <translation>甲方已确认</translation>
        </message>
        <message>
            <source>Work order</source>
            <translation>工单</translation>
        </message>
        <message>
            <source>Reported</source>
            <translation>报修时间</translation>
        </message>
        <message>
            <source>Breaches</source>
            <translation>超时项</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Clause</source>
            <translation>条款</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Cause from</source>
            <translation>原因开始</translation>
        </message>
        <message>
            <source>Cause until</source>
            <translation>原因结束</translation>
        </message>
        <message>
            <source>Client notified</source>
            <translation>通知甲方时间</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <source>Evidence SHA-256</source>
            <translation>证据 SHA-256</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>确认时间</translation>
        </message>
        <message>
            <source>Client representative</source>
            <translation>甲方代表</translation>
        </message>
        <message>
            <source>Penalty excused (CNY)</source>
            <translation>免除违约金（元）</translation>
        </message>
        <message>
            <source>Strict reading (CNY)</source>
            <translation>从严计算（元）</translation>
        </message>
        <message>
            <source>八、5 exposure excused (CNY)</source>
            <translation>免除八、5 违约金（元）</translation>
        </message>
        <message>
            <source>Excused delays</source>
            <translation>免责登记</translation>
        </message>
        <message>
            <source>Excused delays (十, 八、1)</source>
            <translation>免责登记（十、八、1）</translation>
        </message>
        <message>
            <source>Excused (CNY)</source>
            <translation>免除（元）</translation>
        </message>
        <message>
            <source>An excused breach stays on its order; once the client confirms the excuse with a signature it carries no penalty. Confirmed this period: {count}, CNY {amount} not charged.</source>
            <translation>免责的超时仍记在工单上；甲方签字确认后不计违约金。本期已确认 {count} 项，不计 {amount} 元。</translation>
        </message>
        <message>
            <source>No excused delay was claimed for an order of this period.</source>
            <translation>本期工单无免责登记。</translation>
        </message>
        <message>
            <source>claimed already</source>
            <translation>已登记</translation>
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
            <source>Contractor fixes</source>
            <translation>乙方修复</translation>
        </message>
        <message>
            <source>Other party fixes (we give the solution)</source>
            <translation>其他相关方修复（乙方提供解决方案）</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>未修复</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>逾期未修复</translation>
        </message>
        <message>
            <source>Fixed, awaiting the rescan</source>
            <translation>已修复，待复扫</translation>
        </message>
        <message>
            <source>Rescan found it again</source>
            <translation>复扫仍存在</translation>
        </message>
        <message>
            <source>Rescanned clean, to be closed</source>
            <translation>复扫通过，待关闭</translation>
        </message>
        <message>
            <source>Closed after a clean rescan</source>
            <translation>复扫通过已关闭</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>站点</translation>
        </message>
        <message>
            <source>Site name</source>
            <translation>站点名称</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>漏洞</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Found on</source>
            <translation>发现日期</translation>
        </message>
        <message>
            <source>Fix due</source>
            <translation>约定修复日期</translation>
        </message>
        <message>
            <source>Who fixes</source>
            <translation>修复方</translation>
        </message>
        <message>
            <source>Fixed on</source>
            <translation>修复日期</translation>
        </message>
        <message>
            <source>Rescan on</source>
            <translation>复扫日期</translation>
        </message>
        <message>
            <source>Rescan clean</source>
            <translation>复扫通过</translation>
        </message>
        <message>
            <source>Rescan report</source>
            <translation>复扫报告</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>关闭日期</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Age (days)</source>
            <translation>已存在（天）</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
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
            <source>Vulnerabilities</source>
            <translation>漏洞登记</translation>
        </message>
        <message>
            <source>Open vulnerability findings (一、5)</source>
            <translation>未关闭的漏洞（一、5）</translation>
        </message>
        <message>
            <source>Found this period: {new}; closed after a clean rescan: {closed}; open at the period's end: {open}. A fixed finding closes only after the rescan before the site goes back live (一、5).</source>
            <translation>本期发现 {new} 个；复扫通过关闭 {closed} 个；期末未关闭 {open} 个。已修复的漏洞须在站点重新上线前复扫通过后才能关闭（一、5）。</translation>
        </message>
        <message>
            <source>No vulnerability finding open at the period's end.</source>
            <translation>期末无未关闭的漏洞。</translation>
        </message>
    </context>
    <context>
        <name>VulnerabilitiesPage</name>
        <message>
            <source>Close after rescan…</source>
            <translation>复扫后关闭…</translation>
        </message>
        <message>
            <source>A fixed finding closes only after a clean rescan (一、5)</source>
            <translation>已修复的漏洞须复扫通过后才能关闭（一、5）</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>站点</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>漏洞</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Found on</source>
            <translation>发现日期</translation>
        </message>
        <message>
            <source>Fix due</source>
            <translation>约定修复日期</translation>
        </message>
        <message>
            <source>Fixed on</source>
            <translation>修复日期</translation>
        </message>
        <message>
            <source>Rescan</source>
            <translation>复扫</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Age (days)</source>
            <translation>已存在（天）</translation>
        </message>
        <message>
            <source>e.g. jQuery 1.8 cross-site scripting (CVE-2020-11022)</source>
            <translation>例如：jQuery 1.8 跨站脚本漏洞（CVE-2020-11022）</translation>
        </message>
        <message>
            <source>The date agreed with the client; the contract sets none.</source>
            <translation>与甲方约定的日期；合同未规定修复时限。</translation>
        </message>
        <message>
            <source>Who fixes</source>
            <translation>修复方</translation>
        </message>
        <message>
            <source>Rescan on</source>
            <translation>复扫日期</translation>
        </message>
        <message>
            <source>The scan before the site goes back live (一、5).</source>
            <translation>站点重新上线前的漏洞扫描（一、5）。</translation>
        </message>
        <message>
            <source>Rescan clean</source>
            <translation>复扫通过</translation>
        </message>
        <message>
            <source>Rescan report</source>
            <translation>复扫报告</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Close finding</source>
            <translation>关闭漏洞</translation>
        </message>
        <message>
            <source>Close “{title}” on {site} as fixed and rescanned clean?</source>
            <translation>确认 {site} 的“{title}”已修复且复扫通过，关闭该漏洞？</translation>
        </message>
    </context>
</TS>