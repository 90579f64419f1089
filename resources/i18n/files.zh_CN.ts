<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>savefile</name>
    <message>
        <source>{file} could not be written: it is open in another program (WPS, Acrobat, Excel) or it is read-only. Close it there, or save under another name.</source>
        <translation>无法写入 {file}：该文件正被其他程序（WPS、Acrobat、Excel）打开，或者是只读的。请先在那个程序里关闭它，或另存为其他文件名。</translation>
    </message>
    <message>
        <source>{file} could not be written: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
        <source>Saving failed</source>
        <translation>保存失败</translation>
    </message>
</context>
</TS>