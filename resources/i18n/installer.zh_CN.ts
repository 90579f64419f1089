<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>EngineerPage</name>
    <message>
        <source>Your engineer account</source>
        <translation>您的工程师账号</translation>
    </message>
    <message>
        <source>Your name goes on work orders and inspection records; the PIN confirms your signature.</source>
        <translation>您的姓名将出现在工单和巡检记录上；签字密码用于确认您的签字。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>PIN (4 to 12 digits):</source>
        <translation>签字密码（4–12 位数字）：</translation>
    </message>
    <message>
        <source>PIN again:</source>
        <translation>再次输入签字密码：</translation>
    </message>
    <message>
        <source>Accounts already here: {names}. Leave the fields empty to go on.</source>
        <translation>已有账号：{names}。如不新建，请留空并继续。</translation>
    </message>
    <message>
        <source>Enter your name, or leave all fields empty to skip.</source>
        <translation>请输入姓名；如要跳过，请将各项留空。</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>两次输入的签字密码不一致。</translation>
    </message>
    <message>
        <source>Choose a PIN: it confirms your signature.</source>
        <translation>请设置签字密码，签字时需要用它确认。</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>正在创建账号…</translation>
    </message>
    <message>
        <source>The account could not be created: {error}</source>
        <translation>账号创建失败：{error}</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <source>Welcome to the Maintenance Workbench</source>
        <translation>欢迎使用运维工作台</translation>
    </message>
    <message>
        <source>A few steps to get ready. Each can be skipped and done later in Settings.</source>
        <translation>只需几步即可开始工作。每一步都可以跳过，之后在“设置”中完成。</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>日志文件夹：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>The database, its backups and the logs stay on this computer, in your own user folder. Uninstalling the program does not delete them.</source>
        <translation>数据库、备份和日志都保存在本机您自己的用户文件夹中。卸载程序不会删除这些数据。</translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message>
        <source>Contract and devices</source>
        <translation>合同与设备</translation>
    </message>
    <message>
        <source>The devices, systems and websites the contract covers.</source>
        <translation>合同范围内的设备、系统和网站。</translation>
    </message>
    <message>
        <source>Reading the inventory…</source>
        <translation>正在读取设备清单…</translation>
    </message>
    <message>
        <source>Load the contract's list again</source>
        <translation>重新载入合同清单</translation>
    </message>
    <message>
        <source>Adds what is missing from the contract's list; changes nothing you edited.</source>
        <translation>补充合同清单中缺少的条目，不会改动您已修改的内容。</translation>
    </message>
    <message>
        <source>Contract:</source>
        <translation>合同：</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Systems:</source>
        <translation>系统：</translation>
    </message>
    <message>
        <source>Websites:</source>
        <translation>网站：</translation>
    </message>
    <message>
        <source>The database is not open yet.</source>
        <translation>数据库尚未打开。</translation>
    </message>
    <message>
        <source>{count} devices</source>
        <translation>{count} 台</translation>
    </message>
    <message>
        <source>{count} systems</source>
        <translation>{count} 个</translation>
    </message>
    <message>
        <source>{count} websites</source>
        <translation>{count} 个</translation>
    </message>
    <message>
        <source>The contract's inventory is loaded.</source>
        <translation>合同设备清单已载入。</translation>
    </message>
    <message>
        <source>No contract is loaded.</source>
        <translation>尚未载入合同。</translation>
    </message>
    <message>
        <source>The inventory could not be read: {error}</source>
        <translation>无法读取设备清单：{error}</translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message>
        <source>Device labels</source>
        <translation>设备标签</translation>
    </message>
    <message>
        <source>Each device gets a label with its asset code and barcode: scan it to open the device or its checklist.</source>
        <translation>每台设备贴一张印有设备编号和条码的标签，扫码即可打开该设备或其巡检单。</translation>
    </message>
    <message>
        <source>Print device labels…</source>
        <translation>打印设备标签…</translation>
    </message>
    <message>
        <source>You can print labels later from Devices as well.</source>
        <translation>之后也可以在“设备”中打印标签。</translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <source>Choose a port, or type one (COM3, /dev/ttyUSB0)</source>
        <translation>选择串口，或直接输入（如 COM3、/dev/ttyUSB0）</translation>
    </message>
    <message>
        <source>or type a port, e.g. COM3</source>
        <translation>或输入串口，如 COM3</translation>
    </message>
    <message>
        <source>Barcode scanner</source>
        <translation>条码扫描枪</translation>
    </message>
    <message>
        <source>Plug the scanner in. A USB scanner that types like a keyboard needs no port; a serial (COM) scanner does.</source>
        <translation>请连接扫描枪。模拟键盘输入的 USB 扫描枪无需选择端口；串口（COM）扫描枪需要选择端口。</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>The scanned code appears here</source>
        <translation>扫描到的条码显示在这里</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Test scan:</source>
        <translation>测试扫描：</translation>
    </message>
    <message>
        <source>No serial port (keyboard scanner)</source>
        <translation>不使用串口（键盘式扫描枪）</translation>
    </message>
    <message>
        <source>Find automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <source>USB-serial adapter</source>
        <translation>USB 转串口</translation>
    </message>
    <message>
        <source>{port} (configured)</source>
        <translation>{port}（已设置）</translation>
    </message>
    <message>
        <source>{ports} serial ports found, {scanners} of them known scanners.</source>
        <translation>找到 {ports} 个串口，其中 {scanners} 个为已知型号的扫描枪。</translation>
    </message>
    <message>
        <source>Scan any barcode now.</source>
        <translation>请扫描任意条码。</translation>
    </message>
    <message>
        <source>The scanner works.</source>
        <translation>扫描枪工作正常。</translation>
    </message>
</context>
<context>
    <name>WelcomeWizard</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>selftest</name>
    <message>
        <source>Self-test passed</source>
        <translation>自检通过</translation>
    </message>
</context>
</TS>