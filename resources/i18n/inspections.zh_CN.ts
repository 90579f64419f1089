<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeviceChecklistEditor</name>
    <message>
        <source>Required: what is wrong</source>
        <translation>必填：说明异常情况</translation>
    </message>
    <message>
        <source>Save and open work order (Enter)</source>
        <translation>保存并生成工单（回车）</translation>
    </message>
    <message>
        <source>{0} item(s) abnormal: describe each in its note. The finding is added to work order {1}.</source>
        <translation>{0} 项异常：请在备注中逐项说明。异常记入工单 {1}。</translation>
    </message>
    <message>
        <source>{0} item(s) abnormal: describe each in its note. Saving opens a work order for this device, and its contract deadlines run from now.</source>
        <translation>{0} 项异常：请在备注中逐项说明。保存后将为本设备生成工单，合同时限从现在起计时。</translation>
    </message>
    <message>
        <source>Note on this device (optional)</source>
        <translation>本设备备注（可不填）</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <source>Scan a device of the round to open its checklist.</source>
        <translation>请扫描本轮巡检中的设备，打开其检查项。</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>checklist v{0}</source>
        <translation>检查表第{0}版</translation>
    </message>
    <message>
        <source>work order {0}</source>
        <translation>工单 {0}</translation>
    </message>
    <message>
        <source>Check item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>All items are set to pass. Change what is wrong, then press Enter to save.</source>
        <translation>所有检查项已默认为正常。请修改异常项，然后按回车保存。</translation>
    </message>
    <message>
        <source>This round is not running: the checklist is read-only.</source>
        <translation>本轮巡检未在进行中，检查项只读。</translation>
    </message>
    <message>
        <source>limit {0}</source>
        <translation>限值 {0}</translation>
    </message>
    <message>
        <source>last time {0}</source>
        <translation>上次 {0}</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic *.bmp);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic *.bmp);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FinishRoundDialog</name>
    <message>
        <source>Finish round {0}</source>
        <translation>结束巡检 {0}</translation>
    </message>
    <message>
        <source>{0} devices are not checked: {1}. Why?</source>
        <translation>有 {0} 台设备未检查：{1}。请说明原因：</translation>
    </message>
    <message>
        <source>e.g. the room was in use; to be checked tomorrow</source>
        <translation>例如：会议室占用，次日补检</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>结束巡检</translation>
    </message>
</context>
<context>
    <name>InspectionHistoryWidget</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>巡检单号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>{0} inspections, {1} with findings; last {2}.</source>
        <translation>共巡检 {0} 次，其中 {1} 次发现异常；最近一次 {2}。</translation>
    </message>
    <message>
        <source>Never inspected.</source>
        <translation>尚未巡检。</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>InspectionModels</name>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Finished, awaiting sign-off</source>
        <translation>已结束，待签字确认</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签字确认</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Not due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>No schedule</source>
        <translation>无巡检周期</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Last inspected</source>
        <translation>上次巡检</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未巡检</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>应检日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source> ({0} days)</source>
        <translation>（{0} 天）</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>巡检单号</translation>
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
        <source>Checked</source>
        <translation>已检</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未检</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>工单</translation>
    </message>
</context>
<context>
    <name>InspectionsView</name>
    <message>
        <source>Describe each abnormal item in its note: {0}.</source>
        <translation>请在备注中说明每个异常项：{0}。</translation>
    </message>
    <message>
        <source>Start round…</source>
        <translation>开始巡检…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Finish round…</source>
        <translation>结束巡检…</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>签字确认…</translation>
    </message>
    <message>
        <source>Print record…</source>
        <translation>打印巡检记录…</translation>
    </message>
    <message>
        <source>Blank form</source>
        <translation>空白巡检表</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>巡检记录</translation>
    </message>
    <message>
        <source>Due today ({0})</source>
        <translation>今日到期（{0}）</translation>
    </message>
    <message>
        <source>No round running</source>
        <translation>当前没有进行中的巡检</translation>
    </message>
    <message>
        <source>Start a round: the devices due today are listed on the left.</source>
        <translation>请开始巡检：左侧列出了今日到期的设备。</translation>
    </message>
    <message>
        <source>Round {0} · {1} · {2}</source>
        <translation>巡检 {0} · {1} · {2}</translation>
    </message>
    <message>
        <source>Signed by {0} and {1}; locked, read-only.</source>
        <translation>已由 {0} 和 {1} 签字确认；已锁定，只读。</translation>
    </message>
    <message>
        <source>Unchecked because: {0}</source>
        <translation>未检原因：{0}</translation>
    </message>
    <message>
        <source>Left by location: {0}</source>
        <translation>各位置剩余：{0}</translation>
    </message>
    <message>
        <source>Scan a device of the round to open its checklist.</source>
        <translation>请扫描本轮巡检中的设备，打开其检查项。</translation>
    </message>
    <message>
        <source>Double-click a device to see its recorded checklist.</source>
        <translation>双击设备查看其巡检记录。</translation>
    </message>
    <message>
        <source>Double-click a device to see its checklist.</source>
        <translation>双击设备查看其检查项。</translation>
    </message>
    <message>
        <source>{0} saved with findings; work order {1} opened.</source>
        <translation>{0} 已保存，发现异常，已生成工单 {1}。</translation>
    </message>
    <message>
        <source>{0} saved: all pass.</source>
        <translation>{0} 已保存：全部正常。</translation>
    </message>
    <message>
        <source>{0}/{1} checked. Scan the next device.</source>
        <translation>已检 {0}/{1}。请扫描下一台设备。</translation>
    </message>
    <message>
        <source>Sign off round {0}</source>
        <translation>巡检 {0} 签字确认</translation>
    </message>
    <message>
        <source>Round {0}: {1} devices checked, {2} with findings. After signing the round is locked.</source>
        <translation>巡检 {0}：已检 {1} 台设备，{2} 台发现异常。签字后本轮巡检记录将被锁定。</translation>
    </message>
    <message>
        <source>Blank inspection form</source>
        <translation>空白巡检表</translation>
    </message>
</context>
<context>
    <name>StartRoundDialog</name>
    <message>
        <source>Start an inspection round</source>
        <translation>开始巡检</translation>
    </message>
    <message>
        <source>Devices due or overdue ({0})</source>
        <translation>到期及超期设备（{0} 台）</translation>
    </message>
    <message>
        <source>One location</source>
        <translation>按位置</translation>
    </message>
    <message>
        <source>One category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>All devices and systems</source>
        <translation>全部设备和系统</translation>
    </message>
    <message>
        <source>Key-period self-check of every system</source>
        <translation>重点时期自查（全部系统）</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>运维工程师</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Add an engineer first (设置 → 工程师).</source>
        <translation>请先添加运维工程师（设置 → 工程师）。</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>巡检范围</translation>
    </message>
</context>
<context>
    <name>_CheckInput</name>
    <message>
        <source>Pass</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>No contract is loaded; run 'workbench init' first.</source>
        <translation>尚未载入合同，请先运行 'workbench init'。</translation>
    </message>
    <message>
        <source>No inspection round {key}.</source>
        <translation>没有巡检记录 {key}。</translation>
    </message>
    <message>
        <source>No device with code {code}.</source>
        <translation>没有设备编号为 {code} 的设备。</translation>
    </message>
    <message>
        <source>Unknown round scope {scope}.</source>
        <translation>未知的巡检范围 {scope}。</translation>
    </message>
    <message>
        <source>{name} is no longer an active engineer.</source>
        <translation>{name} 已不是在岗工程师。</translation>
    </message>
    <message>
        <source>Choose the location or category of the round.</source>
        <translation>请选择本轮巡检的位置或类别。</translation>
    </message>
    <message>
        <source>Round {number} is still running; pause or finish it first.</source>
        <translation>巡检 {number} 仍在进行中，请先暂停或结束。</translation>
    </message>
    <message>
        <source>No devices are in this scope.</source>
        <translation>该范围内没有设备。</translation>
    </message>
    <message>
        <source>{count} devices are not checked; say why before finishing.</source>
        <translation>有 {count} 台设备未检查，结束前请说明原因。</translation>
    </message>
    <message>
        <source>{code} is not in round {number}.</source>
        <translation>{code} 不在巡检 {number} 的范围内。</translation>
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
        <source>Pass</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Found in inspection round {number}</source>
        <translation>巡检发现（{number}）</translation>
    </message>
    <message>
        <source>Unknown check items: {keys}</source>
        <translation>未知的检查项：{keys}</translation>
    </message>
    <message>
        <source>Work order {number} is not about {code}.</source>
        <translation>工单 {number} 与设备 {code} 无关。</translation>
    </message>
    <message>
        <source>Type the client representative's name.</source>
        <translation>请填写甲方代表姓名。</translation>
    </message>
    <message>
        <source>Unknown category {category}.</source>
        <translation>未知的类别 {category}。</translation>
    </message>
    <message>
        <source>Key-period self-check</source>
        <translation>重点时期自查</translation>
    </message>
    <message>
        <source>Devices due</source>
        <translation>到期设备</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>全部设备</translation>
    </message>
    <message>
        <source>All systems</source>
        <translation>全部系统</translation>
    </message>
    <message>
        <source>Round {number} is not finished yet.</source>
        <translation>巡检 {number} 尚未结束。</translation>
    </message>
    <message>
        <source>Work order {number}</source>
        <translation>工单 {number}</translation>
    </message>
    <message>
        <source>Inspection record</source>
        <translation>巡检记录表</translation>
    </message>
    <message>
        <source>There is no checklist for category {category}.</source>
        <translation>类别 {category} 没有检查表。</translation>
    </message>
    <message>
        <source>{item}: '{value}' is not pass, fail or n.a.</source>
        <translation>{item}：“{value}”不是正常、异常或不适用。</translation>
    </message>
    <message>
        <source>{item}: '{value}' is not a number</source>
        <translation>{item}：“{value}”不是数字</translation>
    </message>
    <message>
        <source>{item}: '{value}' is not one of the answers</source>
        <translation>{item}：“{value}”不是可选答案</translation>
    </message>
    <message>
        <source>The round is signed and locked; it can no longer be changed.</source>
        <translation>本轮巡检已签字确认并锁定，不能再修改。</translation>
    </message>
    <message>
        <source>A {current} round cannot become {target}.</source>
        <translation>巡检状态不能从 {current} 改为 {target}。</translation>
    </message>
    <message>
        <source>The round is not running; resume it first.</source>
        <translation>本轮巡检未在进行中，请先继续巡检。</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>not due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>unscheduled</source>
        <translation>无周期</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>巡检单号</translation>
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
        <source>Checked</source>
        <translation>已检</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Last inspected</source>
        <translation>上次巡检</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>已生成：{path}</translation>
    </message>
    <message>
        <source>The reason for the unchecked devices</source>
        <translation>未检原因</translation>
    </message>
</context>
</TS>