<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>messages</name>
    <message>
        <source>Too many columns: at most {max} are read.</source>
        <translation>列数过多：最多读取 {max} 列。</translation>
    </message>
    <message>
        <source>The cell is too long ({length} characters, at most {max}).</source>
        <translation>单元格内容过长（{length} 个字符，最多 {max} 个）。</translation>
    </message>
    <message>
        <source>The cell holds the control character {char}.</source>
        <translation>单元格含有控制字符 {char}。</translation>
    </message>
    <message>
        <source>The workbook has too many parts ({count}).</source>
        <translation>工作簿包含的部件过多（{count} 个）。</translation>
    </message>
    <message>
        <source>The workbook part {part} unpacks to {mb} MB from {kb} KB; a workbook may unpack to at most {max} MB, and by at most {ratio} times.</source>
        <translation>工作簿部件 {part} 由 {kb} KB 解压后为 {mb} MB；工作簿解压后最多 {max} MB，压缩比最多 {ratio} 倍。</translation>
    </message>
    <message>
        <source>The workbook part {part} declares a document type (entities); Excel never writes that, so the file is refused.</source>
        <translation>工作簿部件 {part} 声明了文档类型（实体）；Excel 从不写入此类内容，因此拒绝该文件。</translation>
    </message>
    <message>
        <source>The workbook part {part} is not well-formed XML (line {line}, column {column}): {error}</source>
        <translation>工作簿部件 {part} 不是格式正确的 XML（第 {line} 行，第 {column} 列）：{error}</translation>
    </message>
    <message>
        <source>This row cannot be read: {error}</source>
        <translation>无法读取此行：{error}</translation>
    </message>
    <message>
        <source>The control character {char} is not allowed.</source>
        <translation>不允许使用控制字符 {char}。</translation>
    </message>
    </context>
</TS>