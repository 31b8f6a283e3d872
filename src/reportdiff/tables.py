"""The alignment table (``alignments/<A>__<B>.csv``): one row per bead.

The CSV is UTF-8 with a BOM so that WPS and Excel show the Chinese text, and
it is the reviewer's sheet: the ``审核`` column takes 确认 / 错误 / 忽略.  A
file holding review marks is never overwritten silently.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from .model import Comparison

__all__ = (
    "COLUMNS",
    "STATUS_ZH",
    "alignment_rows",
    "alignment_csv",
    "workbook_bytes",
    "new_workbook",
    "workbook_to_bytes",
    "table_target",
    "cell_text",
    "cell_value",
    "plain_cell",
    "csv_text",
    "append_row",
)

#: column headers of the alignment table, in order
COLUMNS = ("状态", "相似度", "A编号", "A章节", "A原文", "B编号", "B章节", "B原文", "发现", "审核", "备注")
#: status codes and their Chinese labels
STATUS_ZH = {"matched": "一致", "changed": "有改动", "only_a": "仅A有", "only_b": "仅B有", "rejected": "已否决", "stale": "未对应", "kept": "审核保留"}


# --- cells: every CSV and xlsx cell of reportdiff goes through here -------------------

#: characters removed from every cell: C0/C1 controls (but tab and newline),
#: DEL, and the bidi embedding/override/isolate controls that make a cell
#: (or a file name shown from it) read differently from what it holds
_CELL_CONTROLS = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: first characters that make a spreadsheet read a cell as a formula (OWASP
#: CSV injection: = + - @, and tab / carriage return)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: object) -> str:
    """A text cell made safe for CSV and xlsx: control and bidi characters
    removed, and a text that a spreadsheet would run as a formula prefixed
    with an apostrophe (OWASP CSV-injection guidance), so it shows as text."""
    text = _CELL_CONTROLS.sub("", "" if value is None else str(value).replace("\r\n", "\n"))
    return "'" + text if text.startswith(_FORMULA_START) else text


def cell_value(value: object) -> object:
    """A cell value: numbers stay numbers (written as numbers in xlsx), all else is :func:`cell_text`."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return cell_text(value)


def plain_cell(text: str) -> str:
    """The text a reviewer's cell stands for: the apostrophe that
    :func:`cell_text` put in front of a formula-like text is taken off."""
    if text.startswith("'") and text[1:2] and text[1:2] in "=+-@\t\r":
        return text[1:]
    return text


def _csv_cell(value: object) -> str:
    v = cell_value(value)
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def csv_text(header: list[str] | tuple[str, ...], rows: list[dict]) -> str:
    """CSV text (no BOM; the writer adds it) of ``rows`` keyed by ``header``,
    every cell through :func:`cell_value`; keys not in ``header`` are left out."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([cell_text(h) for h in header])
    for r in rows:
        w.writerow([_csv_cell(r.get(h, "")) for h in header])
    return buf.getvalue()


def append_row(ws, values) -> None:
    """Append one row to an openpyxl sheet, every cell through :func:`cell_value`
    (so no text ever becomes a formula and no control character breaks the file)."""
    ws.append([cell_value(v) for v in values])


def alignment_rows(cmp: Comparison) -> list[dict[str, str]]:
    """Rows of the alignment table as dicts keyed by :data:`COLUMNS`."""
    ua = {u.id: u for u in cmp.a_units}
    ub = {u.id: u for u in cmp.b_units}
    findings_of: dict[tuple[str, str], list[str]] = {}
    for f in cmp.findings:
        for aid in f.a_ids or ("",):
            for bid in f.b_ids or ("",):
                findings_of.setdefault((aid, bid), []).append(f.type.value)
    rows = []
    for p in cmp.pairs:
        kinds: list[str] = []
        for aid in p.a or ("",):
            for bid in p.b or ("",):
                for k in findings_of.get((aid, bid), []) + findings_of.get((aid, ""), []) + findings_of.get(("", bid), []):
                    if k not in kinds:
                        kinds.append(k)
        rows.append(
            {
                "状态": f"{p.status}（{STATUS_ZH[p.status]}）",
                "相似度": round(p.score, 3) if p.a and p.b else "",
                "A编号": " ".join(p.a),
                "A章节": cmp.a.section_path(ua[p.a[0]].section) if p.a else "",
                "A原文": "".join(ua[i].text for i in p.a),
                "B编号": " ".join(p.b),
                "B章节": cmp.b.section_path(ub[p.b[0]].section) if p.b else "",
                "B原文": "".join(ub[i].text for i in p.b),
                "发现": " ".join(kinds),
                "审核": p.reviewed,
                "备注": p.note,
            }
        )
    # review rows that no alignment row shows are written back after them, so
    # that a later run still sees them: nothing a reviewer wrote is lost
    for k in cmp.review.kept if cmp.review else ():
        note = k.note if k.status == "rejected" else k.remark
        rows.append(
            {
                "状态": f"{k.status}（{STATUS_ZH[k.status]}）",
                "相似度": "",
                "A编号": " ".join(k.a),
                "A章节": cmp.a.section_path(ua[k.a[0]].section) if k.a and k.a[0] in ua else "",
                "A原文": k.a_text,
                "B编号": " ".join(k.b),
                "B章节": cmp.b.section_path(ub[k.b[0]].section) if k.b and k.b[0] in ub else "",
                "B原文": k.b_text,
                "发现": "",
                "审核": k.mark,
                "备注": note,
            }
        )
    # the last row records which documents the sheet was made for, so that its
    # marks are applied to those documents only (see review.mismatch)
    from .review import DOCUMENTS_STATUS, documents_row_cells

    a_id, a_sec, a_name = documents_row_cells(cmp.a)
    b_id, b_sec, b_name = documents_row_cells(cmp.b)
    rows.append(
        {
            "状态": f"{DOCUMENTS_STATUS}（本表比对的文件）",
            "相似度": "",
            "A编号": a_id,
            "A章节": a_sec,
            "A原文": a_name,
            "B编号": b_id,
            "B章节": b_sec,
            "B原文": b_name,
            "发现": "",
            "审核": "",
            "备注": "",
        }
    )
    return rows


def alignment_csv(cmp: Comparison) -> str:
    """The alignment table as CSV text (without BOM; the writer adds it)."""
    return csv_text(COLUMNS, alignment_rows(cmp))


def table_target(target: str | Path, review_source: str | Path | None, force: bool) -> tuple[Path, str]:
    """Where to write an alignment table, and a note (Chinese) for the user.

    A table that holds reviewer content (marks, notes, added rows) is never
    overwritten without a kept copy: when it is the review sheet just applied
    (or ``force`` is given), the new table replaces it and the old one is kept
    as ``<name>.backup<ext>`` (``<name>.backup.1<ext>``… when an older, different
    backup is there: a backup is never overwritten either); otherwise the new
    table is written beside it as ``<name>.new<ext>``.
    """
    from .review import has_marks

    t = Path(target)
    if not has_marks(t):
        return t, ""
    if force or (review_source is not None and t.resolve() == Path(review_source).resolve()):
        backup = _keep_copy(t)
        return t, f"审核记录已合并到 {t}（合并前的文件备份为 {backup}）" if not force else f"已按 --force 重新生成 {t}（原文件含审核内容，备份为 {backup}）"
    beside = _free_name(t, "new", lambda p: not has_marks(p))
    return beside, f"{t} 含审核内容且不是本次应用的审核表，未覆盖；新比对表写在旁边：{beside}"


def _free_name(t: Path, tag: str, usable) -> Path:
    """``<name>.<tag><ext>``, or ``<name>.<tag>.<n><ext>``: the first that does not exist or is ``usable``."""
    n = 0
    while True:
        cand = t.with_name(f"{t.stem}.{tag}{'' if n == 0 else f'.{n}'}{t.suffix}")
        if not cand.exists() or usable(cand):
            return cand
        n += 1


def _keep_copy(t: Path) -> Path:
    """Copy ``t`` to a backup name that holds no other content; return it."""
    from .output import atomic_write_bytes

    data = t.read_bytes()
    backup = _free_name(t, "backup", lambda p: p.is_file() and p.read_bytes() == data)
    if not backup.exists():
        atomic_write_bytes(backup, data)
    return backup


_FINDING_COLUMNS = ("类型", "级别", "说明", "A编号", "A章节", "A原文", "B编号", "B章节", "B原文", "最接近（供核对）", "可信度")
_FILL = {"high": "F8D7DA", "medium": "FDEBD0", "low": "EAECEE"}
_WIDTHS = {"状态": 14, "相似度": 8, "A编号": 16, "A章节": 24, "A原文": 60, "B编号": 12, "B章节": 24, "B原文": 60, "发现": 18, "审核": 8, "备注": 16,
           "类型": 16, "级别": 6, "说明": 50, "最接近（供核对）": 50, "可信度": 8}


def _nearest(f) -> str:
    """A new/dropped finding's nearest text in the other document, for checking."""
    if not f.nearest:
        return ""
    side, uid, text = f.nearest
    return f"{side} {uid}（相似度 {f.detail['best_cosine']:.2f}）：{text}"


def workbook_bytes(cmp: Comparison) -> bytes:
    """The alignment and the findings as an .xlsx workbook (Chinese headers,
    frozen header row, column widths, findings coloured by severity).
    Deterministic: fixed document properties."""
    from openpyxl.styles import Alignment, Font, PatternFill

    from .summary import CONFIDENCE_ZH, SEVERITY_ZH, TYPE_ZH

    wb = new_workbook()
    ws = wb.active
    ws.title = "对照表"
    append_row(ws, COLUMNS)
    for row in alignment_rows(cmp):
        append_row(ws, [row[c] for c in COLUMNS])
    fs = wb.create_sheet("发现")
    append_row(fs, _FINDING_COLUMNS)
    for f in cmp.findings:
        append_row(fs, [TYPE_ZH[f.type], SEVERITY_ZH[f.severity.value], f.message, " ".join(f.a_ids), f.a_section, f.a_text, " ".join(f.b_ids), f.b_section, f.b_text, _nearest(f), CONFIDENCE_ZH.get((f.detail or {}).get("confidence", ""), "")])
        fill = PatternFill("solid", fgColor=_FILL[f.severity.value])
        for cell in fs[fs.max_row]:
            cell.fill = fill
    for sheet, cols in ((ws, COLUMNS), (fs, _FINDING_COLUMNS)):
        sheet.freeze_panes = "A2"
        for i, name in enumerate(cols, 1):
            letter = sheet.cell(row=1, column=i).column_letter
            sheet.column_dimensions[letter].width = _WIDTHS.get(name, 14)
            sheet.cell(row=1, column=i).font = Font(bold=True)
        for r in sheet.iter_rows(min_row=2):
            for cell in r:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    return workbook_to_bytes(wb)


def new_workbook():
    """An empty openpyxl workbook whose document properties are fixed (creator,
    creation and modification times), so the same content gives the same bytes."""
    import datetime

    from openpyxl import Workbook

    wb = Workbook()
    fixed = datetime.datetime(2000, 1, 1)
    wb.properties.creator = "reportdiff"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    return wb


def workbook_to_bytes(wb) -> bytes:
    """The .xlsx bytes of a workbook made by :func:`new_workbook`, with fixed zip times."""
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip_times(buf.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps so the same input gives the same bytes."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", body)
            dst.writestr(zi, body)
    return out.getvalue()
