<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ScannerSettingsDialog</name>
    <message>
        <source>Scanner settings</source>
        <translation>扫描枪设置</translation>
    </message>
    <message>
        <source>Choose a port, or type one (COM3, /dev/ttyACM0). Automatic picks the single known scanner that is plugged in.</source>
        <translation>选择端口，或直接输入（如 COM3、/dev/ttyACM0）。“自动”选用当前接入的唯一一台已知扫描枪。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无校验</translation>
    </message>
    <message>
        <source>Even</source>
        <translation>偶校验</translation>
    </message>
    <message>
        <source>Odd</source>
        <translation>奇校验</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>标志校验</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格校验</translation>
    </message>
    <message>
        <source>CR (carriage return)</source>
        <translation>CR（回车）</translation>
    </message>
    <message>
        <source>LF (line feed)</source>
        <translation>LF（换行）</translation>
    </message>
    <message>
        <source>CR LF</source>
        <translation>CR LF（回车换行）</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab（制表符）</translation>
    </message>
    <message>
        <source>STX … ETX</source>
        <translation>STX … ETX（帧头帧尾）</translation>
    </message>
    <message>
        <source>GBK (Chinese scanners)</source>
        <translation>GBK（国产扫描枪常用）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Take it as a complete scan</source>
        <translation>作为完整条码</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>Data bits</source>
        <translation>数据位</translation>
    </message>
    <message>
        <source>Parity</source>
        <translation>校验位</translation>
    </message>
    <message>
        <source>Stop bits</source>
        <translation>停止位</translation>
    </message>
    <message>
        <source>Terminator</source>
        <translation>结束符</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Prefix to strip</source>
        <translation>去除前缀</translation>
    </message>
    <message>
        <source>Suffix to strip</source>
        <translation>去除后缀</translation>
    </message>
    <message>
        <source>Character timeout</source>
        <translation>字符间超时</translation>
    </message>
    <message>
        <source>Incomplete code after timeout</source>
        <translation>超时的不完整条码</translation>
    </message>
    <message>
        <source>Serial scanner (COM port)</source>
        <translation>串口扫描枪（COM 口）</translation>
    </message>
    <message>
        <source>Keyboard-mode scanner</source>
        <translation>键盘模式扫描枪</translation>
    </message>
    <message>
        <source>Longest gap between keys</source>
        <translation>按键最大间隔</translation>
    </message>
    <message>
        <source>Shortest code</source>
        <translation>最短条码长度</translation>
    </message>
    <message>
        <source>Switch the input method to English when scanning in keyboard mode.</source>
        <translation>键盘模式扫码时，请把输入法切换到英文状态。</translation>
    </message>
    <message>
        <source>Start test</source>
        <translation>开始测试</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Not testing</source>
        <translation>未在测试</translation>
    </message>
    <message>
        <source>Bytes received, in hexadecimal</source>
        <translation>收到的原始字节（十六进制）</translation>
    </message>
    <message>
        <source>Scan a label: the decoded codes appear here</source>
        <translation>请扫描标签，解码结果显示在这里</translation>
    </message>
    <message>
        <source>Raw bytes</source>
        <translation>原始数据</translation>
    </message>
    <message>
        <source>Decoded scans</source>
        <translation>解码结果</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Not used</source>
        <translation>不使用</translation>
    </message>
    <message>
        <source>Automatic (the single known scanner)</source>
        <translation>自动（唯一接入的已知扫描枪）</translation>
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
        <source>The baud rate must be a positive whole number.</source>
        <translation>波特率必须是正整数。</translation>
    </message>
    <message>
        <source>Stop test</source>
        <translation>停止测试</translation>
    </message>
    <message>
        <source>✗ not a scan: {reason}</source>
        <translation>✗ 无效数据：{reason}</translation>
    </message>
</context>
<context>
    <name>devices</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <source>Asset code not registered</source>
        <translation>设备编号未登记</translation>
    </message>
    <message>
        <source>Work order {number}</source>
        <translation>工单 {number}</translation>
    </message>
    <message>
        <source>Inspection round {number}</source>
        <translation>巡检轮次 {number}</translation>
    </message>
    <message>
        <source>Not an asset code</source>
        <translation>不是设备编号</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>incomplete code timed out</source>
        <translation>条码不完整，已超时</translation>
    </message>
    <message>
        <source>frame not closed before the next STX</source>
        <translation>数据帧未结束就收到下一个 STX</translation>
    </message>
    <message>
        <source>bytes outside an STX...ETX frame</source>
        <translation>STX…ETX 数据帧之外的字节</translation>
    </message>
    <message>
        <source>longer than {limit} bytes</source>
        <translation>超过 {limit} 字节</translation>
    </message>
    <message>
        <source>not valid {encoding}</source>
        <translation>不是有效的 {encoding} 编码</translation>
    </message>
    <message>
        <source>control or invalid character {char}</source>
        <translation>含控制字符或无效字符 {char}</translation>
    </message>
    <message>
        <source>empty code</source>
        <translation>空条码</translation>
    </message>
    <message>
        <source>No single known scanner found; waiting for one</source>
        <translation>未找到唯一的已知扫描枪，等待接入</translation>
    </message>
    <message>
        <source>Connected to {port}</source>
        <translation>已连接到 {port}</translation>
    </message>
    <message>
        <source>Scanner port {port} lost; waiting for it to return</source>
        <translation>扫描枪端口 {port} 已断开，等待重新接入</translation>
    </message>
    <message>
        <source>Scanner reader failed; see the log</source>
        <translation>扫描枪读取出错，请查看日志</translation>
    </message>
    <message>
        <source>Connecting to {port}</source>
        <translation>正在连接 {port}</translation>
    </message>
    <message>
        <source>Invalid settings for scanner port {port}</source>
        <translation>扫描枪端口 {port} 的参数无效</translation>
    </message>
    <message>
        <source>No permission to open scanner port {port}</source>
        <translation>没有权限打开扫描枪端口 {port}</translation>
    </message>
    <message>
        <source>Scanner port {port} is in use by another program</source>
        <translation>扫描枪端口 {port} 正被其他程序占用</translation>
    </message>
    <message>
        <source>Cannot open scanner port {port} (in use, or not a serial port)</source>
        <translation>无法打开扫描枪端口 {port}（被占用或不是串口）</translation>
    </message>
    <message>
        <source>Scanner port {port} not present; waiting for it</source>
        <translation>扫描枪端口 {port} 不存在，等待接入</translation>
    </message>
    <message>
        <source>Invalid scanner settings: {details}</source>
        <translation>扫描枪设置无效：{details}</translation>
    </message>
</context>
</TS>