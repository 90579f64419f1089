<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>argparse</name>
        <message>
            <source>usage: </source>
            <translation>用法：</translation>
        </message>
        <message>
            <source>positional arguments</source>
            <translation>位置参数</translation>
        </message>
        <message>
            <source>options</source>
            <translation>选项</translation>
        </message>
        <message>
            <source>show this help message and exit</source>
            <translation>显示本帮助信息并退出</translation>
        </message>
        <message>
            <source>%(prog)s: error: %(message)s
</source>
            <translation>%(prog)s：错误：%(message)s
</translation>
        </message>
        <message>
            <source>the following arguments are required: %s</source>
            <translation>缺少以下必需参数：%s</translation>
        </message>
        <message>
            <source>unrecognized arguments: %s</source>
            <translation>无法识别的参数：%s</translation>
        </message>
        <message>
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>参数 %(argument_name)s：%(message)s</translation>
        </message>
        <message>
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
        </message>
        <message>
            <source>invalid %(type)s value: %(value)r</source>
            <translation>无效的 %(type)s 值：%(value)r</translation>
        </message>
        <message>
            <source>expected one argument</source>
            <translation>需要一个值</translation>
        </message>
        <message>
            <source>expected at least one argument</source>
            <translation>至少需要一个值</translation>
        </message>
        <message>
            <source>expected at most one argument</source>
            <translation>最多只能有一个值</translation>
        </message>
        <message>
            <source>expected %s argument</source>
            <translation>需要 %s 个值</translation>
        </message>
        <message>
            <source>expected %s arguments</source>
            <translation>需要 %s 个值</translation>
        </message>
        <message>
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>选项不明确：%(option)s 可能是 %(matches)s</translation>
        </message>
        <message>
            <source>not allowed with argument %s</source>
            <translation>不能与参数 %s 同时使用</translation>
        </message>
        <message>
            <source>ignored explicit argument %r</source>
            <translation>忽略了显式给出的值 %r</translation>
        </message>
        <message>
            <source>one of the arguments %s is required</source>
            <translation>必须给出参数 %s 之一</translation>
        </message>
        <message>
            <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
            <translation>未知的子命令 %(parser_name)r（可选：%(choices)s）</translation>
        </message>
        <message>
            <source>can't open '%(filename)s': %(error)s</source>
            <translation>无法打开 '%(filename)s'：%(error)s</translation>
        </message>
        <message>
            <source>unexpected option string: %s</source>
            <translation>意外的选项：%s</translation>
        </message>
    </context>
    <context>
        <name>cli_help</name>
        <message>
            <source>database: a SQLAlchemy URL, or a SQLite file path (default: the user data folder)</source>
            <translation>数据库：SQLAlchemy URL 或 SQLite 文件路径（默认：用户数据文件夹）</translation>
        </message>
        <message>
            <source>language of the interface and messages (default zh_CN)</source>
            <translation>界面和提示信息的语言（默认 zh_CN）</translation>
        </message>
        <message>
            <source>The maintenance workbench. Without a command, it starts the GUI.</source>
            <translation>运维工作台。不带命令时启动图形界面。</translation>
        </message>
        <message>
            <source>show the version number and exit</source>
            <translation>显示版本号并退出</translation>
        </message>
        <message>
            <source>check the installation and exit (0 = all passed)</source>
            <translation>检查安装情况并退出（0 表示全部通过）</translation>
        </message>
        <message>
            <source>the asset registry</source>
            <translation>设备台账</translation>
        </message>
        <message>
            <source>list assets</source>
            <translation>列出设备</translation>
        </message>
        <message>
            <source>category code, e.g. kiosk</source>
            <translation>类别代码，例如 kiosk</translation>
        </message>
        <message>
            <source>text in code, name, model, serial or location</source>
            <translation>设备编号、名称、型号、序列号或位置中包含的文字</translation>
        </message>
        <message>
            <source>write the registry to FILE.xlsx or FILE.csv</source>
            <translation>把设备台账写入 FILE.xlsx 或 FILE.csv</translation>
        </message>
        <message>
            <source>create or update assets from FILE.xlsx or FILE.csv</source>
            <translation>从 FILE.xlsx 或 FILE.csv 新增或更新设备</translation>
        </message>
        <message>
            <source>check the file and report, change nothing</source>
            <translation>只检查文件并报告结果，不做任何修改</translation>
        </message>
        <message>
            <source>back up the database (SQLite's online backup; safe while the app runs)</source>
            <translation>备份数据库（SQLite 在线备份；程序运行时也可安全进行）</translation>
        </message>
        <message>
            <source>write the backup to FILE (default: the backup folder, with rotation)</source>
            <translation>把备份写入 FILE（默认：备份文件夹，按轮换保留）</translation>
        </message>
        <message>
            <source>list the backups of the database</source>
            <translation>列出数据库的备份</translation>
        </message>
        <message>
            <source>replace the database with a backup (checked first; the old file is kept)</source>
            <translation>用备份替换数据库（先检查备份；原文件会保留）</translation>
        </message>
        <message>
            <source>the backup file to restore</source>
            <translation>要恢复的备份文件</translation>
        </message>
        <message>
            <source>restore even another database's backup, or one that fails verification</source>
            <translation>即使是其他数据库的备份或未通过核验的备份也恢复</translation>
        </message>
        <message>
            <source>work orders or inspections of a period as .xlsx</source>
            <translation>把一段时间的工单或巡检导出为 .xlsx</translation>
        </message>
        <message>
            <source>work orders reported in the period</source>
            <translation>该时间段内报修的工单</translation>
        </message>
        <message>
            <source>device inspections recorded in the period</source>
            <translation>该时间段内记录的设备巡检</translation>
        </message>
        <message>
            <source>first day</source>
            <translation>起始日期</translation>
        </message>
        <message>
            <source>last day (included)</source>
            <translation>截止日期（含当天）</translation>
        </message>
        <message>
            <source>the .xlsx file</source>
            <translation>.xlsx 文件</translation>
        </message>
        <message>
            <source>not a date like 2026-11-01: {text}</source>
            <translation>不是形如 2026-11-01 的日期：{text}</translation>
        </message>
        <message>
            <source>printable inspection forms</source>
            <translation>可打印的巡检记录表</translation>
        </message>
        <message>
            <source>a blank inspection form of one category</source>
            <translation>某一类别的空白巡检记录表</translation>
        </message>
        <message>
            <source>category code, e.g. file_cabinet</source>
            <translation>类别代码，例如 file_cabinet</translation>
        </message>
        <message>
            <source>PDF file (default: inspection-CAT.pdf)</source>
            <translation>PDF 文件（默认：inspection-CAT.pdf）</translation>
        </message>
        <message>
            <source>a finished round with its results</source>
            <translation>已结束的巡检及其结果</translation>
        </message>
        <message>
            <source>round number (XJ-2026-0001) or id</source>
            <translation>巡检单号（XJ-2026-0001）或 ID</translation>
        </message>
        <message>
            <source>PDF file (default: NUMBER.pdf)</source>
            <translation>PDF 文件（默认：NUMBER.pdf）</translation>
        </message>
        <message>
            <source>inspection rounds</source>
            <translation>巡检</translation>
        </message>
        <message>
            <source>list inspection rounds, newest first</source>
            <translation>列出巡检，最新的在前</translation>
        </message>
        <message>
            <source>leave out demo rounds</source>
            <translation>不含演示巡检</translation>
        </message>
        <message>
            <source>devices due or overdue for inspection</source>
            <translation>到期或逾期待巡检的设备</translation>
        </message>
        <message>
            <source>as of this date, YYYY-MM-DD (default today)</source>
            <translation>截至该日期，格式 YYYY-MM-DD（默认今天）</translation>
        </message>
        <message>
            <source>every device, not only those due</source>
            <translation>全部设备，不只是到期的</translation>
        </message>
        <message>
            <source>print asset labels: QR code and Code128 of each asset code</source>
            <translation>打印设备标签：每个设备编号的二维码和 Code128 条码</translation>
        </message>
        <message>
            <source>every device in service</source>
            <translation>所有在用设备</translation>
        </message>
        <message>
            <source>asset codes, e.g. XF-KIOSK-01</source>
            <translation>设备编号，例如 XF-KIOSK-01</translation>
        </message>
        <message>
            <source>label stock (default %(default)s)</source>
            <translation>标签纸规格（默认 %(default)s）</translation>
        </message>
        <message>
            <source>leave the first N positions of the first sheet empty (a sheet already used)</source>
            <translation>第一张标签纸空出前 N 个位置（用过的标签纸）</translation>
        </message>
        <message>
            <source>PDF file</source>
            <translation>PDF 文件</translation>
        </message>
        <message>
            <source>weekly and monthly reports, the year-end pack</source>
            <translation>周报、月报和年终验收材料</translation>
        </message>
        <message>
            <source>the weekly security service report of one ISO week</source>
            <translation>某一 ISO 周的安全服务周报</translation>
        </message>
        <message>
            <source>ISO week, e.g. 2026-W47</source>
            <translation>ISO 周，例如 2026-W47</translation>
        </message>
        <message>
            <source>PDF file (default: weekly-WEEK.pdf)</source>
            <translation>PDF 文件（默认：weekly-WEEK.pdf）</translation>
        </message>
        <message>
            <source>the monthly operations report of one month</source>
            <translation>某一月份的运维服务月报</translation>
        </message>
        <message>
            <source>month, e.g. 2026-11</source>
            <translation>月份，例如 2026-11</translation>
        </message>
        <message>
            <source>PDF file (default: monthly-MONTH.pdf)</source>
            <translation>PDF 文件（默认：monthly-MONTH.pdf）</translation>
        </message>
        <message>
            <source>the year-end acceptance pack (a folder of PDFs)</source>
            <translation>年终验收材料（一个 PDF 文件夹）</translation>
        </message>
        <message>
            <source>contract number (default: current)</source>
            <translation>合同编号（默认：当前合同）</translation>
        </message>
        <message>
            <source>folder to write</source>
            <translation>写入的文件夹</translation>
        </message>
        <message>
            <source>listen to a serial barcode scanner and print each scan</source>
            <translation>监听串口条码扫描枪并逐条输出扫描结果</translation>
        </message>
        <message>
            <source>Listen to a serial (or USB virtual COM) barcode scanner; print one line per scan. Options not given come from the settings.</source>
            <translation>监听串口（或 USB 虚拟串口）条码扫描枪，每次扫描输出一行。未给出的选项取自设置。</translation>
        </message>
        <message>
            <source>COM3, /dev/ttyACM0, ... or auto (the single known scanner)</source>
            <translation>COM3、/dev/ttyACM0 等，或 auto（唯一识别到的扫描枪）</translation>
        </message>
        <message>
            <source>baud rate (default 9600)</source>
            <translation>波特率（默认 9600）</translation>
        </message>
        <message>
            <source>end of each code (default cr)</source>
            <translation>每个条码的结束符（默认 cr）</translation>
        </message>
        <message>
            <source>text encoding (default utf-8)</source>
            <translation>文字编码（默认 utf-8）</translation>
        </message>
        <message>
            <source>fixed prefix the scanner adds, to strip</source>
            <translation>扫描枪附加的固定前缀，将被去掉</translation>
        </message>
        <message>
            <source>fixed suffix the scanner adds, to strip</source>
            <translation>扫描枪附加的固定后缀，将被去掉</translation>
        </message>
        <message>
            <source>inter-character timeout for a partial code (default 200)</source>
            <translation>不完整条码的字符间超时（毫秒，默认 200）</translation>
        </message>
        <message>
            <source>one JSON object a line: code, symbology, asset, name</source>
            <translation>每行一个 JSON 对象：条码、码制、设备、名称</translation>
        </message>
        <message>
            <source>create or upgrade the store and load the contract</source>
            <translation>创建或升级数据库并载入合同</translation>
        </message>
        <message>
            <source>also fill the store with a demo history of the contract so far (marked as demo)</source>
            <translation>同时填入合同至今的演示数据（标记为演示）</translation>
        </message>
        <message>
            <source>seed of the demo history (default fixed)</source>
            <translation>演示数据的随机种子（默认固定值）</translation>
        </message>
        <message>
            <source>check that no signed record was changed</source>
            <translation>检查已签字记录均未被改动</translation>
        </message>
        <message>
            <source>work orders</source>
            <translation>工单</translation>
        </message>
        <message>
            <source>list work orders</source>
            <translation>列出工单</translation>
        </message>
        <message>
            <source>only orders in this status</source>
            <translation>只列出该状态的工单</translation>
        </message>
        <message>
            <source>output format</source>
            <translation>输出格式</translation>
        </message>
        <message>
            <source>report a work order (for hotline exports and scripts)</source>
            <translation>报修一张工单（用于热线导出和脚本）</translation>
        </message>
        <message>
            <source>kind of work order</source>
            <translation>工单类型</translation>
        </message>
        <message>
            <source>device code</source>
            <translation>设备编号</translation>
        </message>
        <message>
            <source>when it was reported (Beijing time)</source>
            <translation>报修时间（北京时间）</translation>
        </message>
        <message>
            <source>who reported it</source>
            <translation>报修人</translation>
        </message>
        <message>
            <source>the problem or task</source>
            <translation>故障描述或任务</translation>
        </message>
        <message>
            <source>how it came</source>
            <translation>报修渠道</translation>
        </message>
        <message>
            <source>record the next step</source>
            <translation>记录下一处理步骤</translation>
        </message>
        <message>
            <source>work order number</source>
            <translation>工单号</translation>
        </message>
        <message>
            <source>the step done</source>
            <translation>完成的步骤</translation>
        </message>
        <message>
            <source>when (Beijing time)</source>
            <translation>时间（北京时间）</translation>
        </message>
        <message>
            <source>the engineer</source>
            <translation>运维工程师</translation>
        </message>
        <message>
            <source>the cause (to close)</source>
            <translation>故障原因（关闭工单时填写）</translation>
        </message>
        <message>
            <source>what was done (to close)</source>
            <translation>处理结果（关闭工单时填写）</translation>
        </message>
        <message>
            <source>print a work order to PDF</source>
            <translation>把工单输出为 PDF</translation>
        </message>
        <message>
            <source>work order number, e.g. WO-2026-0001</source>
            <translation>工单号，例如 WO-2026-0001</translation>
        </message>
        <message>
            <source>PDF file (default NUMBER.pdf)</source>
            <translation>PDF 文件（默认 NUMBER.pdf）</translation>
        </message>
        <message>
            <source>restore without asking, even when signed records or audit entries are given up</source>
            <translation>不再询问直接恢复，即使会舍弃已签字记录或审计记录</translation>
        </message>
        <message>
            <source>the store's head, to print or keep elsewhere</source>
            <translation>数据库的链头，供打印或另行保存</translation>
        </message>
        <message>
            <source>print the store's current head</source>
            <translation>显示数据库当前的链头</translation>
        </message>
        <message>
            <source>as JSON</source>
            <translation>以 JSON 输出</translation>
        </message>
        <message>
            <source>accept a store that is behind what this laptop saw (after a restore)</source>
            <translation>接受比本机上次所见更旧的数据库（恢复备份之后）</translation>
        </message>
        <message>
            <source>accept without asking</source>
            <translation>不再询问直接接受</translation>
        </message>
        <message>
            <source>check that no signed or recorded record was changed, removed or rolled back</source>
            <translation>校验已签字和已记录的内容未被改动、删除或回退</translation>
        </message>
        <message>
            <source>a head printed on paper (or by 'chain head'): prove the store still extends it</source>
            <translation>纸面上（或 'chain head' 给出）的链头：证明数据库仍是其延续</translation>
        </message>
        <message>
            <source>refuse (exit 2, nothing written) unless the order is still at this version (the `version` of `workorder list --format json`)</source>
            <translation>工单版本号不是此值时拒绝（退出码 2，不写入）；版本号见工单列表的 JSON 输出</translation>
        </message>
        <message>
            <source>printable forms: inspection forms (巡检记录表), engineer registration (人员备案表)</source>
            <translation>可打印的表格：巡检记录表、人员备案表</translation>
        </message>
        <message>
            <source>the engineer registration form (人员备案表) with the engineer's signing key</source>
            <translation>含工程师签字密钥的人员备案表</translation>
        </message>
        <message>
            <source>the engineer's name</source>
            <translation>工程师姓名</translation>
        </message>
        <message>
            <source>PDF file (default: engineer-NAME.pdf)</source>
            <translation>PDF 文件（默认：engineer-姓名.pdf）</translation>
        </message>
        <message>
            <source>one JSON object a line: code, symbology, kind, asset, name; for a printed record's code also record, head_state and matches (checked against the store)</source>
            <translation>每行一个 JSON 对象：条码、码制、类别、资产、名称；打印记录上的二维码另有记录、链头和是否相符（与数据库核对的结果）</translation>
        </message>
        <message>
            <source>a scanned or photographed document (PDF or image): check its QR codes</source>
            <translation>扫描或拍摄的纸质文件（PDF 或图片）：核对其中的二维码</translation>
        </message>
    </context>
</TS>