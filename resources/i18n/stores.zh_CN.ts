<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>messages</name>
        <message>
            <source>The database cannot be used: {detail}</source>
            <translation>数据库无法使用：{detail}</translation>
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
            <source>The database {url} holds tables of another program ({detail}) and no workbench store. It was left as it is: give an empty database or a workbench one.</source>
            <translation>数据库 {url} 中是其他程序的数据表（{detail}），不是运维工作台的数据库。该数据库未作任何改动：请指定一个空数据库或运维工作台的数据库。</translation>
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
            <source>The database path {path} is a folder, not a file. Give the path of the database file itself.</source>
            <translation>数据库路径 {path} 是一个文件夹，不是文件。请给出数据库文件本身的路径。</translation>
        </message>
        <message>
            <source>There is no workbench database at {path}. Check the path; a new database is created only by: workbench init --db "{path}"</source>
            <translation>{path} 处没有运维工作台的数据库。请检查路径；新数据库只能这样创建：workbench init --db "{path}"</translation>
        </message>
        <message>
            <source>There is no workbench database in {url}: it is empty. Check the URL; a new database is created only by: workbench init --db URL</source>
            <translation>{url} 中没有运维工作台的数据库：该数据库是空的。请检查地址；新数据库只能这样创建：workbench init --db URL</translation>
        </message>
        <message>
            <source>The database {url} needs the driver {driver}, which is not installed with this workbench ({detail}). Use a database file, or install the driver.</source>
            <translation>数据库 {url} 需要驱动程序 {driver}，本运维工作台未安装该驱动程序（{detail}）。请使用数据库文件，或安装该驱动程序。</translation>
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
            <source>The database {path} does not exist.</source>
            <translation>数据库 {path} 不存在。</translation>
        </message>
        <message>
            <source>The backup file {path} does not exist.</source>
            <translation>备份文件 {path} 不存在。</translation>
        </message>
        <message>
            <source>{path} is the database itself: a database cannot be restored from itself. Choose a backup file.</source>
            <translation>{path} 就是数据库本身：数据库不能从它自己恢复。请选择一个备份文件。</translation>
        </message>
        <message>
            <source>The backup {backup} is of another database, not of {db}. Restoring it replaces every record of {db} with the other database's (the current file is kept as a backup). To do that anyway, run the restore again with --force.</source>
            <translation>备份 {backup} 属于另一个数据库，不是 {db} 的备份。恢复它会用另一个数据库的记录替换 {db} 的全部记录（当前文件会保留为备份）。如确要这样做，请加上 --force 重新运行恢复命令。</translation>
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
            <source>The backup {backup} fails verification: {count} signed records or audit entries in it no longer match what was signed or recorded. Restoring it brings those altered records back. To restore it anyway, run the restore again with --force.</source>
            <translation>备份 {backup} 未通过校验：其中有 {count} 条已签字记录或审计记录与签字或记录时的内容不再一致。恢复它会把这些被改动的记录带回来。如仍要恢复，请加上 --force 重新运行恢复命令。</translation>
        </message>
        <message>
            <source>The name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>The phone number</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>The correction</source>
            <translation>更正内容</translation>
        </message>
        <message>
            <source>The reason</source>
            <translation>原因</translation>
        </message>
    </context>
</TS>