<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssetDetail</name>
    <message>
        <source>No device selected</source>
        <translation>未选择设备</translation>
    </message>
    <message>
        <source>Asset code</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Contract line item</source>
        <translation>合同清单序号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Under repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>New work order…</source>
        <translation>新建工单…</translation>
    </message>
    <message>
        <source>Print label…</source>
        <translation>打印标签…</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Return to service</source>
        <translation>恢复在用</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>维修完成</translation>
    </message>
</context>
<context>
    <name>AssetDialog</name>
    <message>
        <source>Edit asset</source>
        <translation>编辑设备</translation>
    </message>
    <message>
        <source>New asset</source>
        <translation>新增设备</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Under repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Asset code</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Contract line item</source>
        <translation>合同清单序号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>AssetTableModel</name>
    <message>
        <source>Asset code</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Line item</source>
        <translation>清单序号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Under repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>AssetsView</name>
    <message>
        <source>Search code, name, model, serial number, location (Ctrl+F)</source>
        <translation>搜索设备编号、名称、型号、序列号、位置（Ctrl+F）</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Websites</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Under repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>New device…</source>
        <translation>新增设备…</translation>
    </message>
    <message>
        <source>Add a device to the registry (Ctrl+N)</source>
        <translation>在设备台账中新增设备（Ctrl+N）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the selected devices, or the whole list when none is selected</source>
        <translation>导出所选设备；未选择时导出当前列表</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation><numerusform>共 %n 项</numerusform></translation>
    </message>
    <message>
        <source>Retire device</source>
        <translation>停用设备</translation>
    </message>
    <message>
        <source>Retire {code} {name}? It stays in the registry and its history is kept; you can return it to service later.</source>
        <translation>确定停用 {code} {name}？设备仍保留在台账中，历史记录不变，之后可恢复在用。</translation>
    </message>
    <message>
        <source>Export devices</source>
        <translation>导出设备清单</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported {count} devices to {file}</source>
        <translation>已导出 {count} 台设备到 {file}</translation>
    </message>
</context>
<context>
    <name>EngineerDialog</name>
    <message>
        <source>New PIN</source>
        <translation>设置新的签字密码</translation>
    </message>
    <message>
        <source>New engineer</source>
        <translation>新增工程师</translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation>4 至 12 位数字</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>签字密码</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再次输入签字密码</translation>
    </message>
    <message>
        <source>The engineer needs a name.</source>
        <translation>请填写工程师姓名。</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>两次输入的签字密码不一致。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>签字密码为 4 至 12 位数字。</translation>
    </message>
</context>
<context>
    <name>EngineersModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>签字密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Maintenance Workbench</source>
        <translation>运维工作台</translation>
    </message>
    <message>
        <source>Scanner: not connected</source>
        <translation>扫描枪：未连接</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Maintenance Workbench {version}

Data: {data}
Logs: {logs}
Database: {db}</source>
        <translation>运维工作台 {version}

数据：{data}
日志：{logs}
数据库：{db}</translation>
    </message>
    <message>
        <source>DEMO DATA</source>
        <translation>演示数据</translation>
    </message>
</context>
<context>
    <name>MessageBridge</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Your change was not saved. Reload shows the record as it is now; what you typed and did not save is then replaced.</source>
        <translation>您的修改没有保存。重新载入后显示此记录现在的内容，您输入而未保存的内容将被替换。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>Unrecognised code</source>
        <translation>无法识别的条码</translation>
    </message>
    <message>
        <source>The scanned code is not a device label or a printed record:
{code}</source>
        <translation>扫描内容不是设备标签，也不是打印的记录：
{code}</translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation>未登记的设备</translation>
    </message>
    <message>
        <source>No device in the registry has the code {code}.</source>
        <translation>设备台账中没有编号为 {code} 的设备。</translation>
    </message>
    <message>
        <source>Register new device…</source>
        <translation>登记新设备…</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Engineer at this laptop</source>
        <translation>本机运维工程师</translation>
    </message>
    <message>
        <source>New engineer…</source>
        <translation>新增工程师…</translation>
    </message>
    <message>
        <source>Set PIN…</source>
        <translation>设置签字密码…</translation>
    </message>
    <message>
        <source>Activate / deactivate</source>
        <translation>启用 / 停用</translation>
    </message>
    <message>
        <source>Engineer accounts</source>
        <translation>工程师账户</translation>
    </message>
    <message>
        <source>Scanner settings…</source>
        <translation>扫描枪设置…</translation>
    </message>
    <message>
        <source>Verify signed records</source>
        <translation>校验已签字记录</translation>
    </message>
    <message>
        <source>Scanner and records</source>
        <translation>扫描枪与签字记录</translation>
    </message>
    <message>
        <source>Barcode scanner</source>
        <translation>条码扫描枪</translation>
    </message>
    <message>
        <source>Signed records</source>
        <translation>已签字记录</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <source>Show the welcome again…</source>
        <translation>再次显示欢迎向导…</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>首次使用</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>Choose an engineer in the list first.</source>
        <translation>请先在列表中选择一位工程师。</translation>
    </message>
    <message>
        <source>The new language applies after a restart.</source>
        <translation>新的界面语言将在重新启动后生效。</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}</source>
        <translation>设置无法保存：{error}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>These records no longer match their signature: {records}</source>
        <translation>以下记录与签字时的内容不一致：{records}</translation>
    </message>
    <message>
        <source>Every signed record matches its signature.</source>
        <translation>每条已签字记录都与签字时一致。</translation>
    </message>
</context>
<context>
    <name>Wiring</name>
    <message>
        <source>Scanner and input method</source>
        <translation>扫描枪与输入法</translation>
    </message>
    <message>
        <source>A scanned code seems to have gone through the Chinese input method, so the workbench cannot tell it from typing. Switch the input method to English (press Shift, or Ctrl+Space) and scan again.</source>
        <translation>扫描的条码似乎经过了中文输入法，工作台无法分辨这是扫描还是键盘输入。请把输入法切换到英文（按 Shift 或 Ctrl+空格）后重新扫描。</translation>
    </message>
    <message>
        <source>Scanner: {state}</source>
        <translation>扫描枪：{state}</translation>
    </message>
    <message>
        <source>Scanner: keyboard mode</source>
        <translation>扫描枪：键盘模式</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}</source>
        <translation>设置无法保存：{error}</translation>
    </message>
    <message>
        <source>Scanner settings…</source>
        <translation>扫描枪设置…</translation>
    </message>
    <message>
        <source>Print device labels…</source>
        <translation>打印设备标签…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Maintenance Workbench</source>
        <translation>运维工作台</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>恢复最近的备份</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>The backup was restored. Start the workbench again to use it.</source>
        <translation>备份已恢复。请重新启动运维工作台以使用恢复后的数据。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>序号</translation>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>An unexpected error occurred. Your saved data is safe; the last action may not have been completed.

Details were written to the log:
{log}</source>
        <translation>发生了意外错误。已保存的数据是安全的，但最后一步操作可能没有完成。

详细信息已写入日志：
{log}</translation>
    </message>
    <message>
        <source>Maintenance Workbench</source>
        <translation>运维工作台</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>A4 sheet, 3 × 8 labels</source>
        <translation>A4 标签纸，每页 3 × 8 张</translation>
    </message>
    <message>
        <source>A4 sheet, 2 × 7 labels</source>
        <translation>A4 标签纸，每页 2 × 7 张</translation>
    </message>
    <message>
        <source>Label printer, 50 × 30 mm</source>
        <translation>标签打印机，50 × 30 毫米</translation>
    </message>
    <message>
        <source>Print labels</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <source>Label stock:</source>
        <translation>标签纸：</translation>
    </message>
    <message>
        <source>Asset labels</source>
        <translation>设备标签</translation>
    </message>
    <message>
        <source>Preparing labels…</source>
        <translation>正在生成标签…</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Store ready: {url}
Contract {contract}: added {assets} assets, {categories} categories, {locations} locations.</source>
        <translation>数据库已就绪：{url}
合同 {contract}：新增 {assets} 项资产、{categories} 个类别、{locations} 个位置。</translation>
    </message>
    <message>
        <source>Exported {count} assets to {file}.</source>
        <translation>已导出 {count} 项资产到 {file}。</translation>
    </message>
    <message>
        <source>Checked {file}: {created} would be added, {updated} updated, {unchanged} unchanged. Nothing was changed (dry run).</source>
        <translation>已检查 {file}：将新增 {created} 项，更新 {updated} 项，{unchanged} 项不变。（试运行，未做任何修改）</translation>
    </message>
    <message>
        <source>Imported {file}: {created} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>已导入 {file}：新增 {created} 项，更新 {updated} 项，{unchanged} 项不变。</translation>
    </message>
    <message>
        <source>The asset cannot be saved: {details}</source>
        <translation>设备无法保存：{details}</translation>
    </message>
    <message>
        <source>Asset code '{code}' is already in use.</source>
        <translation>设备编号“{code}”已被使用。</translation>
    </message>
    <message>
        <source>No asset with code '{code}'.</source>
        <translation>没有编号为“{code}”的设备。</translation>
    </message>
    <message>
        <source>Asset '{code}' was changed by someone else meanwhile; reload it and try again.</source>
        <translation>设备“{code}”已被他人修改，请重新载入后再试。</translation>
    </message>
    <message>
        <source>Row {row}, column {column}: {text}</source>
        <translation>第 {row} 行，“{column}”列：{text}</translation>
    </message>
    <message>
        <source>Row {row}: {text}</source>
        <translation>第 {row} 行：{text}</translation>
    </message>
    <message>
        <source>{file} was not imported ({count} problems); nothing was changed.</source>
        <translation>{file} 未导入（共 {count} 处问题），数据未作任何修改。</translation>
    </message>
    <message>
        <source>Cannot read the file: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file is too large (over {mb} MB).</source>
        <translation>文件过大（超过 {mb} MB）。</translation>
    </message>
    <message>
        <source>Unsupported file type '{suffix}': use .xlsx or .csv.</source>
        <translation>不支持的文件类型“{suffix}”，请使用 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>This is not an Excel workbook (.xlsx): {error}</source>
        <translation>这不是 Excel 工作簿（.xlsx）：{error}</translation>
    </message>
    <message>
        <source>Too many rows (over {max}).</source>
        <translation>行数过多（超过 {max} 行）。</translation>
    </message>
    <message>
        <source>This is not a text (CSV) file.</source>
        <translation>这不是文本（CSV）文件。</translation>
    </message>
    <message>
        <source>The file's text encoding is not UTF-8 or GBK.</source>
        <translation>文件编码既不是 UTF-8 也不是 GBK。</translation>
    </message>
    <message>
        <source>The CSV file is malformed: {error}</source>
        <translation>CSV 文件格式有误：{error}</translation>
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
        <source>'{value}' is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>Expected text, found '{value}'.</source>
        <translation>应为文本，实际为“{value}”。</translation>
    </message>
    <message>
        <source>Code '{code}' appears again (first in row {first}).</source>
        <translation>编号“{code}”重复（首次出现在第 {first} 行）。</translation>
    </message>
    <message>
        <source>The file has a header but no rows.</source>
        <translation>文件只有表头，没有数据行。</translation>
    </message>
    <message>
        <source>The asset code is empty.</source>
        <translation>设备编号为空。</translation>
    </message>
    <message>
        <source>Asset code '{code}' is not valid: use capital letters and digits in parts joined by '-', e.g. XF-KIOSK-01.</source>
        <translation>设备编号“{code}”无效：请用大写字母和数字，各段以“-”连接，例如 XF-KIOSK-01。</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>名称为空。</translation>
    </message>
    <message>
        <source>Unknown kind '{kind}'.</source>
        <translation>未知的类型“{kind}”。</translation>
    </message>
    <message>
        <source>Unknown category '{category}'.</source>
        <translation>未知的类别“{category}”。</translation>
    </message>
    <message>
        <source>Category '{category}' is for another kind than '{kind}'.</source>
        <translation>类别“{category}”不属于类型“{kind}”。</translation>
    </message>
    <message>
        <source>Unknown status '{status}'.</source>
        <translation>未知的状态“{status}”。</translation>
    </message>
    <message>
        <source>Only devices have a contract line item.</source>
        <translation>只有设备才有合同清单序号。</translation>
    </message>
    <message>
        <source>The line item must be a positive number.</source>
        <translation>清单序号必须是正整数。</translation>
    </message>
    <message>
        <source>Too long: at most {max} characters.</source>
        <translation>内容过长：最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>No asset with these codes: {codes}</source>
        <translation>以下编号没有对应的设备：{codes}</translation>
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
        <source>The audit trail was altered: {count} of {checked} entries.</source>
        <translation>审计记录被改动：共 {checked} 条中有 {count} 条不符。</translation>
    </message>
    <message>
        <source>{count} of {links} signed records failed.</source>
        <translation>共 {links} 条已签字记录，其中 {count} 条校验未通过。</translation>
    </message>
    <message>
        <source>All {links} signed records match.</source>
        <translation>全部 {links} 条已签字记录校验通过。</translation>
    </message>
</context>
</TS>