<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>RegistrationPrinter</name>
        <message>
            <source>Registration form…</source>
            <translation>人员备案表…</translation>
        </message>
        <message>
            <source>Preview and print…</source>
            <translation>预览并打印…</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <source>Select an engineer first.</source>
            <translation>请先选择一名工程师。</translation>
        </message>
        <message>
            <source>Engineer registration form {0}</source>
            <translation>人员备案表 {0}</translation>
        </message>
        <message>
            <source>Saved {0}</source>
            <translation>已保存：{0}</translation>
        </message>
    </context>
    <context>
        <name>ScanRouter</name>
        <message>
            <source>Scanned paper</source>
            <translation>扫描的纸质文件</translation>
        </message>
        <message>
            <source>The code looks like a printed record's but is not valid (damaged or forged):
{code}</source>
            <translation>该码形似打印记录上的码，但不是有效的码（已损坏或伪造）：
{code}</translation>
        </message>
        <message>
            <source>Engineer registration form: the key is {0}'s.</source>
            <translation>人员备案表：该密钥属于 {0}。</translation>
        </message>
        <message>
            <source>Engineer registration form: the key is NOT registered in this store.</source>
            <translation>人员备案表：该密钥未在本数据库中登记。</translation>
        </message>
        <message>
            <source>Inspection round {0}: the paper matches the signed record.</source>
            <translation>巡检记录 {0}：纸质文件与已签字记录一致。</translation>
        </message>
        <message>
            <source>Inspection round {0} is not in this store.</source>
            <translation>本数据库中没有巡检记录 {0}。</translation>
        </message>
        <message>
            <source>Inspection round {0} is not signed in this store.</source>
            <translation>巡检记录 {0} 在本数据库中尚未签字。</translation>
        </message>
        <message>
            <source>Inspection round {0}: the stored record was changed after it was signed.</source>
            <translation>巡检记录 {0}：数据库中的记录在签字后被改动过。</translation>
        </message>
        <message>
            <source>Inspection round {0}: the paper does NOT match the signed record (an older or forged paper).</source>
            <translation>巡检记录 {0}：纸质文件与已签字记录不一致（旧版或伪造的纸质文件）。</translation>
        </message>
        <message>
            <source>The paper carries no store head (printed before heads were).</source>
            <translation>该纸质文件上没有链头（打印于启用链头之前）。</translation>
        </message>
        <message>
            <source>Store head #{0} on the paper: the store extends it.</source>
            <translation>纸质文件上的链头 #{0}：数据库是它的延续。</translation>
        </message>
        <message>
            <source>Store head #{0} on the paper: this store does not reach it (rolled back or cut short).</source>
            <translation>纸质文件上的链头 #{0}：本数据库未达到该位置（被回退或截短）。</translation>
        </message>
        <message>
            <source>Store head #{0} on the paper: the history up to it was rewritten.</source>
            <translation>纸质文件上的链头 #{0}：截至该位置的历史已被改写。</translation>
        </message>
    </context>
    <context>
        <name>devices</name>
        <message>
            <source>Report, store head {head}</source>
            <translation>报表，链头 {head}</translation>
        </message>
        <message>
            <source>Engineer registration form</source>
            <translation>人员备案表</translation>
        </message>
        <message>
            <source>Not a valid workbench code (damaged or forged)</source>
            <translation>不是有效的工作台码（已损坏或伪造）</translation>
        </message>
        <message>
            <source>matches the store</source>
            <translation>与数据库一致</translation>
        </message>
        <message>
            <source>NOT IN THIS STORE</source>
            <translation>本数据库中没有该记录</translation>
        </message>
        <message>
            <source>DOES NOT MATCH the signed record</source>
            <translation>与已签字记录不一致</translation>
        </message>
        <message>
            <source>the store does not extend the printed head</source>
            <translation>数据库不是所印链头的延续</translation>
        </message>
        <message>
            <source>not checked (no store)</source>
            <translation>未核验（没有数据库）</translation>
        </message>
    </context>
    <context>
        <name>documents</name>
        <message>
            <source>Key fingerprint: {fingerprint}</source>
            <translation>密钥指纹：{fingerprint}</translation>
        </message>
        <message>
            <source>Store head {head} ({time})</source>
            <translation>链头 {head}（{time}）</translation>
        </message>
        <message>
            <source>{head}, when this paper was made; check it with 'workbench verify --anchor {anchor}'.</source>
            <translation>{head}，为本文件生成时的链头；可用“workbench verify --anchor {anchor}”核对。</translation>
        </message>
        <message>
            <source>None: the first signing key of this store (no other engineer yet)</source>
            <translation>无：本数据库的第一把签字密钥（当时尚无其他工程师）</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Key fingerprint (as printed on records)</source>
            <translation>密钥指纹（记录上所印）</translation>
        </message>
        <message>
            <source>Key fingerprint (SHA-256, full)</source>
            <translation>密钥指纹（SHA-256，完整）</translation>
        </message>
        <message>
            <source>Public key (Ed25519)</source>
            <translation>公钥（Ed25519）</translation>
        </message>
        <message>
            <source>Key registered at</source>
            <translation>密钥登记时间</translation>
        </message>
        <message>
            <source>Registration approved by</source>
            <translation>批准登记的工程师</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>数据库标识</translation>
        </message>
        <message>
            <source>Store head</source>
            <translation>链头</translation>
        </message>
        <message>
            <source>Maintenance Engineer Registration Form</source>
            <translation>运维人员备案表</translation>
        </message>
        <message>
            <source>Contract {number}, clause 5.5.2.11: engineers need Party A's consent</source>
            <translation>合同 {number}，第五.5.2.11 条：运维人员须经甲方同意</translation>
        </message>
        <message>
            <source>{n}. Engineer and signing key</source>
            <translation>{n}、人员及签字密钥</translation>
        </message>
        <message>
            <source>Every work order and inspection record this engineer signs carries the key fingerprint above beside the engineer's signature, and 'workbench verify' checks each signature against this public key. A record signed with another key was not signed by this engineer's registered key. A new key (after a forgotten PIN) needs a new form.</source>
            <translation>该工程师签字的每张工单和巡检记录，都在工程师签字旁印有上述密钥指纹；“workbench verify”用上述公钥核验每个签字。用其他密钥签字的记录，不是用该工程师备案的密钥签字的。更换密钥（如忘记签字密码后）须重新填写本表。</translation>
        </message>
        <message>
            <source>{n}. Approval</source>
            <translation>{n}、审批</translation>
        </message>
        <message>
            <source>Party A approves this engineer to work under the contract and registers the signing key above.</source>
            <translation>甲方同意该工程师在本合同下提供服务，并备案上述签字密钥。</translation>
        </message>
        <message>
            <source>Engineer signature</source>
            <translation>工程师本人签字</translation>
        </message>
        <message>
            <source>Party A representative signature and stamp</source>
            <translation>甲方代表签字（盖章）</translation>
        </message>
        <message>
            <source>Engineer registration form</source>
            <translation>人员备案表</translation>
        </message>
        <message>
            <source>By signing this report, Party A's representative confirms the store head {head} of {time}. Keep this signed page: 'workbench verify --anchor {anchor}' proves later that no record up to this head was changed or removed.</source>
            <translation>甲方代表在本报告上签字，即确认 {time} 的链头 {head}。请留存本签字页：日后运行“workbench verify --anchor {anchor}”，可证明截至该链头的记录均未被修改或删除。</translation>
        </message>
        <message>
            <source>{head}, when this report was made; check it with 'workbench verify --anchor {anchor}'.</source>
            <translation>{head}，为本报告生成时的链头；可用“workbench verify --anchor {anchor}”核对。</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>work order {number}</source>
            <translation>工单 {number}</translation>
        </message>
        <message>
            <source>inspection round {number}</source>
            <translation>巡检记录 {number}</translation>
        </message>
        <message>
            <source>report</source>
            <translation>报表</translation>
        </message>
        <message>
            <source>engineer registration form {number}</source>
            <translation>人员备案表 {number}</translation>
        </message>
        <message>
            <source>matches the signed record</source>
            <translation>与已签字记录一致</translation>
        </message>
        <message>
            <source>DIFFERS: the paper's hash is not the signed record's (changed or forged)</source>
            <translation>不一致：纸质文件上的校验码不是已签字记录的（被改动或伪造）</translation>
        </message>
        <message>
            <source>DIFFERS: the record was changed after it was signed</source>
            <translation>不一致：记录在签字后被改动过</translation>
        </message>
        <message>
            <source>DIFFERS: the store has no signature for it</source>
            <translation>不一致：数据库中没有该记录的签字</translation>
        </message>
        <message>
            <source>UNKNOWN: no such record in this store</source>
            <translation>未知：本数据库中没有该记录</translation>
        </message>
        <message>
            <source>the key is registered in this store</source>
            <translation>该密钥已在本数据库中登记</translation>
        </message>
        <message>
            <source>UNKNOWN: no such key in this store</source>
            <translation>未知：本数据库中没有该密钥</translation>
        </message>
        <message>
            <source>head #{seq}: the store extends it</source>
            <translation>链头 #{seq}：数据库是它的延续</translation>
        </message>
        <message>
            <source>head #{seq}: the store does not reach it (rolled back or cut short)</source>
            <translation>链头 #{seq}：数据库未达到该位置（被回退或截短）</translation>
        </message>
        <message>
            <source>head #{seq}: the history up to it was rewritten</source>
            <translation>链头 #{seq}：截至该位置的历史已被改写</translation>
        </message>
        <message>
            <source>no head on this paper (printed before heads were)</source>
            <translation>纸质文件上没有链头（打印于启用链头之前）</translation>
        </message>
        <message>
            <source>{file}, page {page}: {what}: {verdict}</source>
            <translation>{file} 第 {page} 页：{what}：{verdict}</translation>
        </message>
        <message>
            <source>NOT A VALID WORKBENCH CODE (damaged or forged): {text}</source>
            <translation>不是有效的工作台码（已损坏或伪造）：{text}</translation>
        </message>
        <message>
            <source>not a workbench record code, not checked: {text}</source>
            <translation>不是工作台的记录码，未核验：{text}</translation>
        </message>
        <message>
            <source>{file}: no QR code found (scan at 150 dpi or more)</source>
            <translation>{file}：未找到二维码（请以 150 dpi 或更高分辨率扫描）</translation>
        </message>
        <message>
            <source>{first}; {second}</source>
            <translation>{first}；{second}</translation>
        </message>
        <message>
            <source>Paper: all {count} codes match the store.</source>
            <translation>纸质文件：全部 {count} 个码与数据库一致。</translation>
        </message>
        <message>
            <source>Paper: {bad} of {count} codes do not match the store.</source>
            <translation>纸质文件：{count} 个码中有 {bad} 个与数据库不一致。</translation>
        </message>
        <message>
            <source>{path} is not a readable PDF.</source>
            <translation>{path} 不是可读取的 PDF。</translation>
        </message>
        <message>
            <source>{path} is neither a PDF nor an image.</source>
            <translation>{path} 既不是 PDF 也不是图片。</translation>
        </message>
        <message>
            <source>No such file: {path}</source>
            <translation>没有这个文件：{path}</translation>
        </message>
        <message>
            <source>No engineer is called {name}.</source>
            <translation>没有名为 {name} 的工程师。</translation>
        </message>
        <message>
            <source>{name} has no signing key yet: it is made when the engineer first sets a PIN.</source>
            <translation>{name} 还没有签字密钥：工程师首次设置签字密码时生成。</translation>
        </message>
    </context>
</TS>