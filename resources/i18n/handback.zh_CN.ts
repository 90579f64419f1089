<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>cli_help</name>
        <message>
            <source>at the contract's end: hand everything back, destroy the copy (七、5)</source>
            <translation>合同结束时：全部移交，销毁本机副本（七、5）</translation>
        </message>
        <message>
            <source>write the hand-back pack into an empty folder</source>
            <translation>将移交资料写入一个空文件夹</translation>
        </message>
        <message>
            <source>an empty folder outside the data folder</source>
            <translation>数据文件夹以外的空文件夹</translation>
        </message>
        <message>
            <source>check the pack, destroy the laptop's copy, write the signed record</source>
            <translation>核对移交资料，销毁本机副本，写入签字的记录</translation>
        </message>
        <message>
            <source>the pack folder</source>
            <translation>移交资料文件夹</translation>
        </message>
        <message>
            <source>the engineer who signs (the PIN is asked)</source>
            <translation>签字的运维工程师（将询问签字密码）</translation>
        </message>
        <message>
            <source>the client's representative who receives the pack</source>
            <translation>接收资料的甲方代表</translation>
        </message>
        <message>
            <source>destroy without asking</source>
            <translation>不再询问，直接销毁</translation>
        </message>
        <message>
            <source>check a pack and its record</source>
            <translation>核对移交资料及其记录</translation>
        </message>
    </context>
    <context>
        <name>documents</name>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>Attachment</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Log file</source>
            <translation>日志文件</translation>
        </message>
        <message>
            <source>Witness file</source>
            <translation>见证文件</translation>
        </message>
        <message>
            <source>Record of Hand-back and Destruction</source>
            <translation>保密信息移交及销毁记录</translation>
        </message>
        <message>
            <source>Clause 七、5 · made {time}</source>
            <translation>依据合同七、5 · 形成于 {time}</translation>
        </message>
        <message>
            <source>Clause 七、5: {text}</source>
            <translation>合同七、5：{text}</translation>
        </message>
        <message>
            <source>1. Handed back</source>
            <translation>一、移交的资料</translation>
        </message>
        <message>
            <source>{count} files, {size} in all, exported {time} from store {store}. manifest.json lists each file's size and SHA-256; its own SHA-256 is {manifest}.</source>
            <translation>共 {count} 个文件，合计 {size}，于 {time} 自数据库 {store} 导出。manifest.json 列出每个文件的大小及 SHA-256；其本身的 SHA-256 为 {manifest}。</translation>
        </message>
        <message>
            <source>File or folder</source>
            <translation>文件或文件夹</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>文件数</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>SHA-256 (first 16)</source>
            <translation>SHA-256（前 16 位）</translation>
        </message>
        <message>
            <source>2. Destroyed</source>
            <translation>二、销毁的数据</translation>
        </message>
        <message>
            <source>{count} files on this laptop were overwritten with random bytes, flushed to disk and deleted: {kinds}.</source>
            <translation>本机共 {count} 个文件已用随机数据覆盖、写入磁盘并删除：{kinds}。</translation>
        </message>
        <message>
            <source>NOT destroyed: {count} files (listed below with the reason). They must be destroyed by hand.</source>
            <translation>未能销毁：{count} 个文件（原因见下表），须人工销毁。</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Destroyed</source>
            <translation>已销毁</translation>
        </message>
        <message>
            <source>Not destroyed: {error}</source>
            <translation>未销毁：{error}</translation>
        </message>
        <message>
            <source>Overwriting before deleting prevents recovery from a hard disk. On an SSD or flash drive the controller may keep copies of old blocks that no program can reach; what protects those is full-disk encryption (BitLocker) of the laptop, or destroying the drive.</source>
            <translation>删除前覆盖可防止从机械硬盘恢复数据。固态硬盘或闪存的控制器可能保留程序无法触及的旧数据块；保护这些数据的是笔记本电脑的全盘加密（BitLocker），或销毁该存储设备。</translation>
        </message>
        <message>
            <source>3. Signatures</source>
            <translation>三、签字</translation>
        </message>
        <message>
            <source>Signed with the key of {engineer} (fingerprint {fingerprint}, as on the engineer's registration form). handback-record.json holds the signed content; signature: {signature}</source>
            <translation>以 {engineer} 的签字密钥签署（指纹 {fingerprint}，与人员备案表一致）。handback-record.json 保存所签内容；签名：{signature}</translation>
        </message>
        <message>
            <source>Handed back by (Party B)</source>
            <translation>移交人（乙方）</translation>
        </message>
        <message>
            <source>Received by (Party A)</source>
            <translation>接收人（甲方）</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>Hand-back pack written: {count} files in {path}.</source>
            <translation>移交资料已写入：{path}，共 {count} 个文件。</translation>
        </message>
        <message>
            <source>Signing PIN: </source>
            <translation>签字密码：</translation>
        </message>
        <message>
            <source>The pack in {folder} is whole. This destroys {count} files ({size}) on this laptop: the database, its backups, the attachments, the logs.</source>
            <translation>{folder} 中的移交资料完整。此操作将销毁本机 {count} 个文件（{size}）：数据库、其备份、附件及日志。</translation>
        </message>
        <message>
            <source>Run again with --yes to destroy.</source>
            <translation>确认销毁请加 --yes 重新运行。</translation>
        </message>
        <message>
            <source>Destroy the laptop's copy now? [y/N] </source>
            <translation>现在销毁本机副本？[y/N] </translation>
        </message>
        <message>
            <source>Destroyed {done} files, {failed} not; the record is {path}.</source>
            <translation>已销毁 {done} 个文件，{failed} 个未能销毁；记录见 {path}。</translation>
        </message>
        <message>
            <source>Every file of the pack is as the manifest lists.</source>
            <translation>移交资料的每个文件均与清单一致。</translation>
        </message>
        <message>
            <source>The record's signature holds.</source>
            <translation>记录的签名有效。</translation>
        </message>
        <message>
            <source>The record's signature does NOT hold.</source>
            <translation>记录的签名无效。</translation>
        </message>
        <message>
            <source>The hand-back folder must be outside the data folder {data}, which is destroyed afterwards.</source>
            <translation>移交文件夹必须位于数据文件夹 {data} 之外，该文件夹随后将被销毁。</translation>
        </message>
        <message>
            <source>Choose an empty folder for the hand-back: {folder}</source>
            <translation>请为移交选择一个空文件夹：{folder}</translation>
        </message>
        <message>
            <source>This database is on a server ({url}); hand it back and destroy it on the server, not from the workbench.</source>
            <translation>该数据库位于服务器上（{url}）；请在服务器上移交和销毁，而不是在工作台中。</translation>
        </message>
        <message>
            <source>The hand-back pack in {folder} is not whole ({problems}); nothing was destroyed.</source>
            <translation>{folder} 中的移交资料不完整（{problems}）；未销毁任何数据。</translation>
        </message>
        <message>
            <source>The hand-back pack in {folder} is of another store; nothing was destroyed.</source>
            <translation>{folder} 中的移交资料属于另一个数据库；未销毁任何数据。</translation>
        </message>
        <message>
            <source>The database backup in the hand-back pack does not open; nothing was destroyed.</source>
            <translation>移交资料中的数据库备份无法打开；未销毁任何数据。</translation>
        </message>
    </context>
    <context>
        <name>HandbackDialog</name>
        <message>
            <source>Contract end: hand back and destroy</source>
            <translation>合同结束：移交与销毁</translation>
        </message>
        <message>
            <source>Clause 七、5: when the contract ends, Party A may ask for its information back and for the contractor's copies to be destroyed. Step 1 writes everything into a folder to hand over (signed records, registers, work log, attachments, a database backup). Step 2, after both sides sign, destroys this laptop's copy and writes the record of it into that folder.</source>
            <translation>合同七、5：合同解除或终止时，甲方可要求乙方返还或销毁保密信息。第一步将全部资料写入一个用于移交的文件夹（已签字记录、登记簿、工作日志、附件、数据库备份）；第二步在双方签字后销毁本机副本，并将销毁记录写入该文件夹。</translation>
        </message>
        <message>
            <source>An empty folder, e.g. on the USB drive to hand over</source>
            <translation>一个空文件夹，例如用于移交的 U 盘上</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>1. Export the hand-back pack</source>
            <translation>第一步：导出移交资料</translation>
        </message>
        <message>
            <source>Open the folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message>
            <source>2. Sign and destroy this laptop's copy…</source>
            <translation>第二步：签字并销毁本机副本…</translation>
        </message>
        <message>
            <source>Folder for the hand-back pack</source>
            <translation>移交资料文件夹</translation>
        </message>
        <message>
            <source>Choose a folder first.</source>
            <translation>请先选择文件夹。</translation>
        </message>
        <message>
            <source>Writing the pack to {folder}…</source>
            <translation>正在写入移交资料到 {folder}…</translation>
        </message>
        <message>
            <source>Pack written: {count} files, {size}, in {folder}.</source>
            <translation>移交资料已写入 {folder}：共 {count} 个文件，{size}。</translation>
        </message>
        <message>
            <source>… and {count} more</source>
            <translation>…… 另有 {count} 个</translation>
        </message>
        <message>
            <source>Destroy this laptop's copy</source>
            <translation>销毁本机副本</translation>
        </message>
        <message>
            <source>The pack in {folder} is whole. After both sides sign, these {count} files are overwritten and deleted; this cannot be undone, and the workbench then quits:</source>
            <translation>{folder} 中的移交资料完整。双方签字后，以下 {count} 个文件将被覆盖并删除；此操作无法撤销，随后工作台将退出：</translation>
        </message>
        <message>
            <source>Sign and destroy…</source>
            <translation>签字并销毁…</translation>
        </message>
        <message>
            <source>Sign the hand-back</source>
            <translation>移交签字</translation>
        </message>
        <message>
            <source>The engineer signs with PIN; Party A's representative signs for receiving the pack. The laptop's copy is destroyed right after.</source>
            <translation>运维工程师以签字密码签字；甲方代表签字确认接收资料。签字后立即销毁本机副本。</translation>
        </message>
        <message>
            <source>Destroying this laptop's copy…</source>
            <translation>正在销毁本机副本…</translation>
        </message>
        <message>
            <source>Destroyed {done} files; {failed} could not be destroyed (see the record). The record is {path}. The workbench quits now.</source>
            <translation>已销毁 {done} 个文件；{failed} 个未能销毁（见记录）。记录见 {path}。工作台现在退出。</translation>
        </message>
        <message>
            <source>Hand-back done</source>
            <translation>移交完成</translation>
        </message>
    </context>
    <context>
        <name>SettingsView</name>
        <message>
            <source>Hand back and destroy…</source>
            <translation>移交与销毁…</translation>
        </message>
        <message>
            <source>At the contract's end (clause 七、5): export everything, then destroy</source>
            <translation>合同结束时（合同七、5）：导出全部资料，然后销毁本机数据</translation>
        </message>
        <message>
            <source>Contract end</source>
            <translation>合同结束</translation>
        </message>
    </context>
</TS>