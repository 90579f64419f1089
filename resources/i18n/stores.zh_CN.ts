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
</context>
</TS>