<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>EngineerPage</name>
        <message>
            <source>PIN (6 to 12 digits):</source>
            <translation>签字密码（6–12 位数字）：</translation>
        </message>
    </context>
    <context>
        <name>EngineersModel</name>
        <message>
            <source>Key fingerprint</source>
            <translation>密钥指纹</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <source>Signing PIN of {name}</source>
            <translation>{name}的签字密码</translation>
        </message>
        <message>
            <source>Change it (the old PIN is needed)</source>
            <translation>修改（需要原签字密码）</translation>
        </message>
        <message>
            <source>Forgotten: a new key, approved by a second engineer</source>
            <translation>忘记了：换发新密钥，须另一名工程师批准</translation>
        </message>
        <message>
            <source>{name} has no signing PIN yet.</source>
            <translation>{name}尚未设置签字密码。</translation>
        </message>
        <message>
            <source>Old signing PIN</source>
            <translation>原签字密码</translation>
        </message>
        <message>
            <source>Type the old signing PIN.</source>
            <translation>请输入原签字密码。</translation>
        </message>
        <message>
            <source>No second engineer with a signing PIN: add one first, approved by you.</source>
            <translation>没有另一名设有签字密码的工程师：请先添加一名（由您批准）。</translation>
        </message>
    </context>
    <context>
        <name>_PinForm</name>
        <message>
            <source>6 to 12 digits</source>
            <translation>6 至 12 位数字</translation>
        </message>
        <message>
            <source>their PIN</source>
            <translation>其签字密码</translation>
        </message>
        <message>
            <source>Signing PIN</source>
            <translation>签字密码</translation>
        </message>
        <message>
            <source>Signing PIN again</source>
            <translation>再次输入签字密码</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>批准人</translation>
        </message>
        <message>
            <source>Their signing PIN</source>
            <translation>批准人签字密码</translation>
        </message>
        <message>
            <source>The two PINs differ.</source>
            <translation>两次输入的签字密码不一致。</translation>
        </message>
        <message>
            <source>A signing PIN is 6 to 12 digits.</source>
            <translation>签字密码须为 6 至 12 位数字。</translation>
        </message>
        <message>
            <source>A second engineer approves with their signing PIN.</source>
            <translation>须由另一名工程师输入其签字密码批准。</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>Head #{seq} at {at}: {hash}</source>
            <translation>链头 #{seq}（{at}）：{hash}</translation>
        </message>
        <message>
            <source>Signed records: {count}, last link {hash}</source>
            <translation>已签字记录：{count} 条，最后一环 {hash}</translation>
        </message>
        <message>
            <source>Check it later with: workbench verify --anchor {anchor}</source>
            <translation>日后可用以下命令核对：workbench verify --anchor {anchor}</translation>
        </message>
        <message>
            <source>The store extends what this laptop saw: nothing to accept.</source>
            <translation>数据库是本机上次所见状态的延续，无需确认。</translation>
        </message>
        <message>
            <source>Run again with --yes to accept it.</source>
            <translation>如确认接受，请加 --yes 重新运行。</translation>
        </message>
        <message>
            <source>Accept this state of the store? [y/N] </source>
            <translation>是否接受数据库的当前状态？[y/N] </translation>
        </message>
        <message>
            <source>Nothing changed.</source>
            <translation>未作任何更改。</translation>
        </message>
        <message>
            <source>Accepted; the audit trail records it.</source>
            <translation>已接受，审计记录中已记载此事。</translation>
        </message>
        <message>
            <source>{label}: the key signature does not match (re-chained without the key)</source>
            <translation>{label}：密钥签名不符（未用签字密钥重新成链）</translation>
        </message>
        <message>
            <source>{label}: signed with the key of another engineer than the one named</source>
            <translation>{label}：所用签字密钥不属于记录上署名的工程师</translation>
        </message>
        <message>
            <source>{label}: signed with a key that is not registered</source>
            <translation>{label}：所用签字密钥未登记</translation>
        </message>
        <message>
            <source>{label}: a signing key registered without a valid second engineer's approval</source>
            <translation>{label}：签字密钥登记时没有另一名工程师的有效批准</translation>
        </message>
        <message>
            <source>{label}: signed with a key that had been replaced</source>
            <translation>{label}：所用签字密钥此前已被更换</translation>
        </message>
        <message>
            <source>{label}: the link was made in another store</source>
            <translation>{label}：该环节是在另一个数据库中生成的</translation>
        </message>
        <message>
            <source>{label}: the audit trail before this signature was rewritten</source>
            <translation>{label}：此签字之前的审计记录被改写</translation>
        </message>
        <message>
            <source>{label}: an old-style link after signed links (a downgrade)</source>
            <translation>{label}：已签名环节之后出现旧式环节（降级）</translation>
        </message>
        <message>
            <source>The chain counter says {label} links, but the chain ends elsewhere.</source>
            <translation>链计数器记为 {label} 环，但记录链的末尾不符。</translation>
        </message>
        <message>
            <source>{label}: this number is missing (a deleted record)</source>
            <translation>{label}：此编号缺失（记录被删除）</translation>
        </message>
        <message>
            <source>{label}: a work log entry added after sign-off that is not a correction</source>
            <translation>{label}：签字后添加了非更正的工作日志</translation>
        </message>
        <message>
            <source>{label}: the record differs from the audit trail ({detail})</source>
            <translation>{label}：记录与审计记录不符（{detail}）</translation>
        </message>
        <message>
            <source>Head #{label}: the store does not reach it; entries {detail} are missing.</source>
            <translation>链头 #{label}：数据库未达到该位置，缺少第 {detail} 条记录。</translation>
        </message>
        <message>
            <source>Head #{label}: the history up to it differs (the entry is now {detail}).</source>
            <translation>链头 #{label}：截至该位置的历史不符（该条现为 {detail}）。</translation>
        </message>
        <message>
            <source>The store is older than this laptop last saw it (rolled back or cut short): {signed} signed records and {entries} audit entries are missing.</source>
            <translation>数据库比本机上次所见的旧（被回退或截短）：缺少 {signed} 条已签字记录和 {entries} 条审计记录。</translation>
        </message>
        <message>
            <source>The store's history differs from what this laptop last saw (head #{seq}): it was rewritten.</source>
            <translation>数据库的历史与本机上次所见（链头 #{seq}）不符：已被改写。</translation>
        </message>
        <message>
            <source>A signing key this laptop has seen is missing from the store or changed.</source>
            <translation>本机见过的某个签字密钥已从数据库中消失或被更改。</translation>
        </message>
        <message>
            <source>Signed links were turned into old-style links without key signatures.</source>
            <translation>已签名的环节被改成了无密钥签名的旧式环节。</translation>
        </message>
        <message>
            <source>If this is a restore you made on purpose, accept it with 'workbench chain accept'.</source>
            <translation>如这是您有意进行的恢复，请用 'workbench chain accept' 确认。</translation>
        </message>
        <message>
            <source>{anchor} is not a head: give SEQ:HASH (16 or more hex digits).</source>
            <translation>{anchor} 不是链头：请给出 序号:哈希（至少 16 位十六进制）。</translation>
        </message>
        <message>
            <source>The store extends every head given.</source>
            <translation>数据库是所给每个链头的延续。</translation>
        </message>
        <message>
            <source>A PIN is 6 to 12 digits.</source>
            <translation>签字密码须为 6 至 12 位数字。</translation>
        </message>
        <message>
            <source>A second engineer must approve, not {name}.</source>
            <translation>须由另一名工程师批准，不能是{name}本人。</translation>
        </message>
        <message>
            <source>A new signing key for {name} needs a second engineer's approval with their PIN.</source>
            <translation>为{name}生成新的签字密钥，须另一名工程师输入其签字密码批准。</translation>
        </message>
        <message>
            <source>{name} already has a PIN: changing it needs the old one, a forgotten one a second engineer.</source>
            <translation>{name}已有签字密码：修改须输入原签字密码，忘记时须另一名工程师批准。</translation>
        </message>
        <message>
            <source>The PIN of {name} has fewer than 6 digits: change it in Settings first.</source>
            <translation>{name}的签字密码不足 6 位：请先在“设置”中修改。</translation>
        </message>
        <message>
            <source>The signing key of {name} is damaged; a second engineer can give them a new one.</source>
            <translation>{name}的签字密钥已损坏，可由另一名工程师批准换发新密钥。</translation>
        </message>
        <message>
            <source>{name} cannot sign for another engineer.</source>
            <translation>{name}不能代其他工程师签字。</translation>
        </message>
        <message>
            <source>Restoring this backup gives up {signed} signed records and {entries} audit entries that are not in it.</source>
            <translation>恢复此备份将舍弃备份中没有的 {signed} 条已签字记录和 {entries} 条审计记录。</translation>
        </message>
        <message>
            <source>The backup's history is not the start of the current one.</source>
            <translation>该备份的历史并非当前历史的前段。</translation>
        </message>
        <message>
            <source>Run the restore again with --yes to confirm.</source>
            <translation>如确认恢复，请加 --yes 重新运行。</translation>
        </message>
        <message>
            <source>Restore it? [y/N] </source>
            <translation>是否恢复？[y/N] </translation>
        </message>
        <message>
            <source>The witness file beside the settings is damaged: this laptop cannot tell whether the store was rolled back.</source>
            <translation>设置旁的见证文件已损坏：本机无法判断数据库是否被回退。</translation>
        </message>
    </context>
    <context>
        <name>BackupsPanel</name>
        <message>
            <source>Not in this backup: {signed} signed records and {entries} audit entries. The restore is written to the audit trail.</source>
            <translation>此备份中没有的：{signed} 条已签字记录和 {entries} 条审计记录。恢复操作将记入审计记录。</translation>
        </message>
    </context>
    <context>
        <name>SettingsView</name>
        <message>
            <source>The check found:</source>
            <translation>校验发现：</translation>
        </message>
    </context>
    <context>
        <name>witness</name>
        <message>
            <source>The database is not as this laptop last saw it</source>
            <translation>数据库与本机上次所见不符</translation>
        </message>
        <message>
            <source>If you restored an older backup on purpose, accept this state: the acceptance is written to the audit trail. Otherwise keep the warning and have the database checked (workbench verify): someone may have replaced or edited the file.</source>
            <translation>如果是您有意恢复了较早的备份，请接受此状态，此事将记入审计记录。否则请保留警告并检查数据库（workbench verify）：可能有人替换或改动了数据库文件。</translation>
        </message>
        <message>
            <source>Accept this state</source>
            <translation>接受此状态</translation>
        </message>
        <message>
            <source>Keep the warning</source>
            <translation>保留警告</translation>
        </message>
        <message>
            <source>Accepted. The audit trail records that this state was accepted.</source>
            <translation>已接受。审计记录中已记载接受此状态。</translation>
        </message>
    </context>
</TS>