"""Plan task tables: docx tables and xlsx/csv sheets with columns such as
序号 / 工作任务 / 牵头领导 / 牵头单位 / 责任单位 / 完成时限, turned into the text lines
of a plan (``1. 任务（牵头单位：…；责任单位：…；完成时限：…）``) so that one parser
reads every form a plan is published in.
"""

from __future__ import annotations

import re

__all__ = ("HEADER_ROLES", "table_lines", "sheet_rows")

#: Table header names of plan tables, mapped to the labels of running text.
HEADER_ROLES = {
    "序号": "number",
    "编号": "number",
    "工作任务": "task",
    "重点工作任务": "task",
    "重点任务": "task",
    "任务": "task",
    "任务内容": "task",
    "工作内容": "task",
    "主要任务": "task",
    "具体任务": "task",
    "牵头领导": "牵头领导",
    "责任领导": "牵头领导",
    "分管领导": "牵头领导",
    "牵头单位": "牵头单位",
    "牵头部门": "牵头单位",
    "责任单位": "责任单位",
    "责任部门": "责任单位",
    "配合单位": "配合单位",
    "配合部门": "配合单位",
    "完成时限": "完成时限",
    "完成时间": "完成时限",
    "时间节点": "完成时限",
    "时限": "完成时限",
}
_OWNER_ROLES = ("牵头领导", "牵头单位", "责任单位", "配合单位", "完成时限")


def _role(header: str) -> str | None:
    return HEADER_ROLES.get(re.sub(r"\s+", "", header or ""))


def table_lines(rows: list[list[str]]) -> list[str]:
    """A table as text lines: a plan table (a header row naming the task column) becomes
    numbered items with their owner blocks; any other table becomes tab-joined rows."""
    rows = [[(c or "").strip() for c in r] for r in rows if any((c or "").strip() for c in r)]
    if not rows:
        return []
    head = next((k for k, r in enumerate(rows[:5]) if "task" in [_role(h) for h in r]), None)
    if head is None:
        return ["\t".join(r) for r in rows]
    roles = [_role(h) for h in rows[head]]
    out = rows[:head] and ["\t".join(r) for r in rows[:head]] or []
    for row in rows[head + 1 :]:
        cells: dict[str, str] = {}
        for role, cell in zip(roles, row):
            if role and cell and role not in cells:
                cells[role] = re.sub(r"\s*\n\s*", "", cell)
        task = cells.get("task", "")
        if not task:
            if len([c for c in row if c]) == 1:
                out.append(next(c for c in row if c))  # a heading row spanning the table
            continue
        owners = "；".join(f"{role}：{cells[role]}" for role in _OWNER_ROLES if cells.get(role))
        number = cells.get("number", "").rstrip(".、．")
        line = f"{number}. {task}" if number else task
        out.append(f"{line}（{owners}）" if owners else line)
    return out


def sheet_rows(data: bytes, suffix: str, shown: str) -> list[str]:
    """Text lines of an xlsx workbook (every sheet, in order) or a CSV file."""
    if suffix == ".csv":
        import csv
        import io

        from .read import decode_bytes

        text, _ = decode_bytes(data, shown)
        return table_lines(list(csv.reader(io.StringIO(text))))
    import io

    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines: list[str] = []
    for ws in wb.worksheets:
        rows = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
        lines.extend(table_lines(rows))
    wb.close()
    return lines
