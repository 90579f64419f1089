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
</context>
</TS>