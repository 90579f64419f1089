<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>MainWindow</name>
        <message>
            <source>Registers</source>
            <translation>登记簿</translation>
        </message>
    </context>
    <context>
        <name>RegistersView</name>
        <message>
            <source>No registers yet.</source>
            <translation>尚无登记簿。</translation>
        </message>
    </context>
    <context>
        <name>_DateInput</name>
        <message>
            <source>Tick to give a date; leave empty for none</source>
            <translation>勾选后填写日期；不勾选表示无</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <source>{field} is required.</source>
            <translation>{field}为必填项。</translation>
        </message>
        <message>
            <source>{field} is too long: at most {max} characters.</source>
            <translation>{field}过长：最多 {max} 个字符。</translation>
        </message>
    </context>
    <context>
        <name>RegisterPage</name>
        <message>
            <source>Search (Ctrl+F)</source>
            <translation>搜索 (Ctrl+F)</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>新增…</translation>
        </message>
        <message>
            <source>Add a record (Ctrl+N)</source>
            <translation>新增一条记录 (Ctrl+N)</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>View…</source>
            <translation>查看…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>导出 Excel…</translation>
        </message>
        <message>
            <source>{count} records</source>
            <translation>共 {count} 条</translation>
        </message>
        <message>
            <source>New: {register}</source>
            <translation>新增：{register}</translation>
        </message>
        <message>
            <source>View: {register}</source>
            <translation>查看：{register}</translation>
        </message>
        <message>
            <source>Edit: {register}</source>
            <translation>编辑：{register}</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>Delete record</source>
            <translation>删除记录</translation>
        </message>
        <message>
            <source>Delete this record of {register}? The deletion is kept in the audit trail; the record itself is gone.</source>
            <translation>删除这条{register}记录？删除操作记入审计日志，记录本身将不再保留。</translation>
        </message>
        <message>
            <source>Export {register}</source>
            <translation>导出{register}</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Exported {count} records to {file}</source>
            <translation>已导出 {count} 条记录到 {file}</translation>
        </message>
    </context>
</TS>