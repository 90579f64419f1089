<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>messages</name>
    <message>
        <source>The database cannot be used: {detail}</source>
        <translation>数据库无法使用：{detail}</translation>
    </message>
    <message>
        <source>No backup of this database was found in {folder}.</source>
        <translation>在 {folder} 中没有找到此数据库的备份。</translation>
    </message>
    <message>
        <source>The latest backup is {backup}. To restore it, close the workbench and run:
  workbench restore "{backup}" --db "{db}"</source>
        <translation>最新的备份是 {backup}。如需恢复，请先关闭运维工作台，然后运行：
  workbench restore "{backup}" --db "{db}"</translation>
    </message>
    <message>
        <source>The folder of the database does not exist: {folder}. Check the path (is a drive or USB disk missing?).</source>
        <translation>数据库所在的文件夹不存在：{folder}。请检查路径（是否缺少某个磁盘或 U 盘？）。</translation>
    </message>
    <message>
        <source>The database {path} is in use by another program (another workbench window or a backup tool). Close it and try again.</source>
        <translation>数据库 {path} 正被其他程序占用（另一个运维工作台窗口或备份工具）。请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>The database {path} cannot be written: the file or its folder is read-only. Copy it to a folder you may write to, or change its permissions.</source>
        <translation>数据库 {path} 无法写入：文件或其所在文件夹是只读的。请将其复制到可写的文件夹，或修改其权限。</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({detail}). The file was left as it is.</source>
        <translation>数据库 {path} 已损坏（{detail}）。文件未作任何改动。</translation>
    </message>
    <message>
        <source>The file {path} is not a workbench database. The file was left as it is.</source>
        <translation>文件 {path} 不是运维工作台的数据库。文件未作任何改动。</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of the workbench (schema {revision}). Update this program to open it. The file was left as it is.</source>
        <translation>数据库 {path} 由更新版本的运维工作台创建（架构版本 {revision}）。请升级本程序后再打开。文件未作任何改动。</translation>
    </message>
    <message>
        <source>The disk holding the database {path} is full; the last change was not saved. Free some space and try again.</source>
        <translation>数据库 {path} 所在的磁盘已满，最近的更改没有保存。请清理磁盘空间后重试。</translation>
    </message>
    <message>
        <source>Cannot connect to the database server {url}: {detail}</source>
        <translation>无法连接数据库服务器 {url}：{detail}</translation>
    </message>
    <message>
        <source>This record has been changed by someone else. Please reload it.</source>
        <translation>此记录已被其他人修改，请重新载入</translation>
    </message>
    <message>
        <source>The database {path} does not exist.</source>
        <translation>数据库 {path} 不存在。</translation>
    </message>
    <message>
        <source>The backup file {path} does not exist.</source>
        <translation>备份文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>This database is on a server ({url}); it is backed up on the server (pg_dump), not by the workbench.</source>
        <translation>此数据库位于服务器上（{url}），应在服务器上备份（pg_dump），而不是由运维工作台备份。</translation>
    </message>
    <message>
        <source>A backup cannot overwrite the database itself.</source>
        <translation>备份不能覆盖数据库本身。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Old values</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New values</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希值</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Audit rows {first} to {last} are missing.</source>
        <translation>审计记录第 {first} 至 {last} 条缺失。</translation>
    </message>
    <message>
        <source>Audit row {seq} does not follow the row before it in the chain.</source>
        <translation>审计记录第 {seq} 条与前一条记录的哈希链不衔接。</translation>
    </message>
    <message>
        <source>Audit row {seq} ({table} {record}) was altered after it was written.</source>
        <translation>审计记录第 {seq} 条（{table} {record}）在写入后被改动过。</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>尚无备份。</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>备份已保存到 {path}</translation>
    </message>
    <message>
        <source>Only a database file can be restored by the workbench; restore a server database on the server (pg_restore).</source>
        <translation>运维工作台只能恢复数据库文件；服务器上的数据库请在服务器上恢复（pg_restore）。</translation>
    </message>
    <message>
        <source>Restored {db} from {backup}.</source>
        <translation>已从 {backup} 恢复数据库 {db}。</translation>
    </message>
    <message>
        <source>The replaced database was kept as {kept}</source>
        <translation>被替换的数据库已保留为 {kept}</translation>
    </message>
</context>
</TS>