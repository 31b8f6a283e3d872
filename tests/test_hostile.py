"""Hostile and careless input (issue 17): nothing is written where it should
not be, no spreadsheet cell runs as a formula, inputs cannot expand without
limit, and every bad input gives one line and a non-zero exit."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from conftest import PLAN_2024, REPORT_2024, run_cli

from reportdiff import read


def _one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert err.startswith("错误：") and err.count("\n") == 1 and "Traceback" not in err, err
    for w in words:
        assert w in err, err


# --- spreadsheet cells ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["=2*21", "+1", "-1+2", "@SUM(A1)", "\t=1", '=HYPERLINK("http://x/","y")'])
def test_formula_like_cell_is_neutralised(text):
    from reportdiff.tables import cell_text, plain_cell

    got = cell_text(text)
    assert got.startswith("'") and plain_cell(got) == text.replace("\r", "")


def test_cell_controls_removed_numbers_kept():
    from reportdiff.tables import cell_text, cell_value, plain_cell

    assert cell_text("a\x07b\x1b[31mc\u202ed\x00") == "ab[31mcd"
    assert cell_value(0.873) == 0.873 and cell_value(3) == 3 and cell_value(True) == "True"
    assert plain_cell("'1") == "'1"  # only an apostrophe that was put in front of a formula character is taken off


@pytest.fixture()
def hostile_pair(tmp_path):
    """The 2024 pair with a plan item that starts with '=' and a BEL, ESC, NUL and U+202E in another."""
    a = tmp_path / "A.txt"
    a.write_text(REPORT_2024.read_text(encoding="utf-8"), encoding="utf-8")
    text = PLAN_2024.read_text(encoding="utf-8")
    assert "7. 外资外贸促稳提质。" in text and "2. 一般公共预算收入增长" in text
    text = text.replace("7. 外资外贸促稳提质。", "7. =2*21", 1).replace("2. 一般公共预算收入增长", "2. 一般公共预算收入\x07\x1b[31m\x00\u202e增长", 1)
    b = tmp_path / "B.txt"
    b.write_text(text, encoding="utf-8")
    return tmp_path, a, b


def test_compare_outputs_have_no_formula_and_no_control_character(hostile_pair):
    d, a, b = hostile_pair
    code, _, err = run_cli(["compare", str(a), str(b), "--out-dir", str(d), "--xlsx", str(d / "cmp.xlsx"), "--json", str(d / "cmp.json"), "-q"])
    assert code == 0, err
    sheet = (d / "alignments" / "A__B.csv").read_text(encoding="utf-8-sig")
    assert ",=2*21" not in sheet and ",'=2*21" in sheet
    with zipfile.ZipFile(d / "cmp.xlsx") as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml
    from openpyxl import load_workbook

    ws = load_workbook(d / "cmp.xlsx")["对照表"]
    scores = [r[1] for r in ws.iter_rows(min_row=2, values_only=True) if r[1] not in (None, "")]
    assert scores and all(isinstance(s, (int, float)) for s in scores)  # similarity is a number
    for path in (d / "cmp.json", d / "alignments" / "A__B.csv", d / "reports" / "A__B.html"):
        body = path.read_text(encoding="utf-8")
        assert not any(ch in body for ch in "\x00\x07\x1b\u202e"), path
    assert json.loads((d / "cmp.json").read_text(encoding="utf-8"))["documents"]["b"]["kind"] == "plan"


def test_batch_summary_name_is_not_a_formula(tmp_path):
    (tmp_path / "A.txt").write_text(REPORT_2024.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "B.txt").write_text(PLAN_2024.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "m.csv").write_text('a,b,name\nA.txt,B.txt,"=HYPERLINK(""http://evil.example/"",""click"")"\n', encoding="utf-8")
    code, _, err = run_cli(["batch", str(tmp_path / "m.csv"), "--out-dir", str(tmp_path / "out"), "-j", "1", "-q"])
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "out" / "reports" / "batch-summary.xlsx") as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    summary = (tmp_path / "out" / "reports" / "batch-summary.csv").read_text(encoding="utf-8-sig")
    assert ",=HYPERLINK" not in summary and ',"=HYPERLINK' not in summary
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "out" / "reports" / "batch-summary.xlsx")["汇总"]
    header = [c.value for c in ws[1]]
    row = [c.value for c in ws[2]]
    assert isinstance(row[header.index("覆盖率")], float) and isinstance(row[header.index("序号")], int)
    assert row[header.index("名称")].startswith("'=HYPERLINK")


# --- what inputs expand to -----------------------------------------------------------------


def _docx_with_paragraphs(n: int, text: str = "推进工作落实。") -> bytes:
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    xml = src.read("word/document.xml")
    head, rest = xml.split(b"<w:body>", 1)
    body = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode() * n
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, head + b"<w:body>" + body + rest if info.filename == "word/document.xml" else src.read(info.filename))
    return out.getvalue()


def test_docx_paragraph_bomb_is_refused_while_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_DOCX_PARAGRAPHS", 1000)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_docx_with_paragraphs(5000))
    code, _, err = run_cli(["inspect", str(bomb)])
    _one_line_error(code, err, "bomb.docx", "内容展开后过大")
    ok = tmp_path / "ok.docx"
    ok.write_bytes(_docx_with_paragraphs(50))
    code, _, err = run_cli(["inspect", str(ok)])
    assert code == 0, err


def test_docx_xml_bigger_than_its_limit_is_refused(tmp_path):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_docx_with_paragraphs(20000, "推进工作落实" * 10))  # ~4 MB of XML, a few KB zipped
    assert bomb.stat().st_size < 1024 * 1024
    code, _, err = run_cli(["inspect", str(bomb), "--max-size", "1"])
    _one_line_error(code, err, "内容展开后过大", "XML")


def _pdf(path, lines: int = 30, pages: int = 1, encrypt: bool = False) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    kw = {"encrypt": pdfencrypt.StandardEncryption("", ownerPassword="owner", canCopy=0)} if encrypt else {}
    c = canvas.Canvas(str(path), invariant=1, **kw)
    text = PLAN_2024.read_text(encoding="utf-8").split("\n")
    for _ in range(pages):
        y = 800
        for line in text[:lines]:
            c.setFont("STSong-Light", 9)
            c.drawString(40, y, line[:40])
            y -= 14
        c.showPage()
    c.save()


def test_pdf_with_more_pages_than_allowed_is_refused(tmp_path, monkeypatch):
    _pdf(tmp_path / "p.pdf", pages=3)
    monkeypatch.setattr(read, "MAX_PDF_PAGES", 2)
    code, _, err = run_cli(["inspect", str(tmp_path / "p.pdf")])
    _one_line_error(code, err, "3 页")


def test_pdf_of_cid_codes_is_refused_as_unreadable(tmp_path):
    _pdf(tmp_path / "p.pdf", lines=50, encrypt=True)
    code, out, err = run_cli(["inspect", "--json", str(tmp_path / "p.pdf")])
    _one_line_error(code, err, "(cid:N)")
    assert out == ""


def test_utf16_without_bom_is_decoded(tmp_path):
    p = tmp_path / "p16.txt"
    p.write_bytes(PLAN_2024.read_text(encoding="utf-8").encode("utf-16-le"))
    code, out, err = run_cli(["inspect", str(p)])
    assert code == 0, err
    assert "utf-16-le" in out and "茌平区" in out
    p.write_bytes(PLAN_2024.read_text(encoding="utf-8").encode("utf-16-be"))
    code, out, err = run_cli(["inspect", str(p)])
    assert code == 0 and "utf-16-be" in out, err


def test_section_path_indexes_sections_once(docs):
    """section_path used to rebuild a dict of all sections per call (quadratic on many headings)."""
    from dataclasses import replace

    class Counting(tuple):
        iterations = 0

        def __iter__(self):
            Counting.iterations += 1
            return super().__iter__()

    doc = docs["chiping-2024-report"]
    counted = replace(doc, sections=Counting(doc.sections))
    Counting.iterations = 0
    paths = [counted.section_path(s.id) for s in doc.sections]
    assert paths == [doc.section_path(s.id) for s in doc.sections]
    assert Counting.iterations <= 1


# --- paths and names -------------------------------------------------------------------------


def _pair(d):
    d.mkdir(parents=True, exist_ok=True)
    (d / "A.txt").write_text(REPORT_2024.read_text(encoding="utf-8"), encoding="utf-8")
    (d / "B.txt").write_text(PLAN_2024.read_text(encoding="utf-8"), encoding="utf-8")
    return d / "A.txt", d / "B.txt"


def _manifest(path, *rows):
    import csv

    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["a", "b", "name"])
        w.writerows(rows)


def test_manifest_name_never_leaves_the_output_folder(tmp_path):
    _pair(tmp_path)
    victim = tmp_path / "victim" / "important.html"
    victim.parent.mkdir()
    victim.write_text("ORIGINAL", encoding="utf-8")
    _manifest(tmp_path / "m.csv", ["A.txt", "B.txt", "../../victim/important"], ["A.txt", "B.txt", str(tmp_path / "abs_pwned")])
    out = tmp_path / "out"
    code, _, err = run_cli(["batch", str(tmp_path / "m.csv"), "--out-dir", str(out), "-j", "1", "-q"])
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == "ORIGINAL"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["A.txt", "B.txt", "m.csv", "out", "victim"]
    written = [p for p in out.rglob("*") if p.is_file()]
    assert all(out in p.parents for p in written) and len([p for p in written if p.suffix == ".html" and p.name != "index.html"]) == 2


@pytest.mark.parametrize("name", ["bad\x00name", "x" * 300, "a\u202eb\x1b[31mc", "y" * 200_000])
def test_bad_manifest_name_is_sanitised_not_fatal(tmp_path, name):
    _pair(tmp_path)
    _manifest(tmp_path / "m.csv", ["A.txt", "B.txt", "fine"], ["A.txt", "B.txt", name])
    code, _, err = run_cli(["batch", str(tmp_path / "m.csv"), "--out-dir", str(tmp_path / "o"), "-j", "1", "-q"])
    assert code == 0, err
    names = [p.name for p in (tmp_path / "o" / "reports").iterdir()]
    assert "index.html" in names and len(names) == 5  # 2 reports, index, summary csv + xlsx
    assert all(len(n.encode("utf-8")) < 255 and not any(c in n for c in "\x00\x1b\u202e") for n in names)


def test_bad_manifest_row_is_reported_not_fatal(tmp_path):
    _pair(tmp_path)
    _manifest(tmp_path / "m.csv", ["A.txt", "B.txt", "fine"], ["chip\x00.txt", "B.txt", "nulpath"], ["x" * 5000 + ".txt", "B.txt", "longpath"])
    code, out, err = run_cli(["batch", str(tmp_path / "m.csv"), "--out-dir", str(tmp_path / "o"), "-j", "1"])
    assert code == 3 and "Traceback" not in err, err
    assert "完成 1，失败 2" in out and "\x00" not in out
    assert (tmp_path / "o" / "reports" / "index.html").exists()
    for name in ("batch-summary.csv", "index.html"):
        assert "\x00" not in (tmp_path / "o" / "reports" / name).read_text(encoding="utf-8-sig"), name


def test_errors_survive_pickling():
    import pickle

    from reportdiff.errors import InputTooLarge, ReviewUnreadable

    for exc in (ReviewUnreadable("a.csv", reason="第 3 行"), InputTooLarge("b.txt", size=3, limit=2)):
        back = pickle.loads(pickle.dumps(exc))
        assert type(back) is type(exc) and str(back) == str(exc)


def test_dedup_keeps_a_misnamed_copy_apart(tmp_path):
    a, b = _pair(tmp_path)
    (tmp_path / "copy.docx").write_bytes(b.read_bytes())
    _manifest(tmp_path / "m.csv", ["A.txt", "B.txt", "good"], ["A.txt", "copy.docx", "misnamed"])
    code, out, _ = run_cli(["batch", str(tmp_path / "m.csv"), "--out-dir", str(tmp_path / "o"), "-j", "1"])
    assert code == 3 and "完成 1，失败 1" in out and "✗ misnamed" in out and "✗ good" not in out


@pytest.mark.parametrize("option", ["--json", "-o", "--csv", "--xlsx"])
def test_output_option_pointing_at_an_input_is_refused(tmp_path, option):
    a, b = _pair(tmp_path)
    before = b.read_bytes()
    code, _, err = run_cli(["compare", str(a), str(b), "--out-dir", str(tmp_path), option, str(b), "-q"])
    _one_line_error(code, err, "同一个文件")
    assert b.read_bytes() == before


def test_output_option_outside_the_output_folder_is_refused(tmp_path):
    a, b = _pair(tmp_path / "in")
    code, _, err = run_cli(["compare", str(a), str(b), "--out-dir", str(tmp_path / "out"), "--json", str(tmp_path / "elsewhere.json"), "-q"])
    _one_line_error(code, err, "不在输出文件夹")
    assert not (tmp_path / "elsewhere.json").exists()


def test_unwritable_output_folder_is_one_line(tmp_path):
    import os

    a, b = _pair(tmp_path / "in")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        if os.access(ro, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        code, _, err = run_cli(["compare", str(a), str(b), "--out-dir", str(ro), "-q"])
        _one_line_error(code, err, "无法写入")
    finally:
        ro.chmod(0o700)


@pytest.mark.parametrize(("err_no", "why"), [("ENOSPC", "磁盘已满"), ("EROFS", "只读"), ("EACCES", "没有写入权限"), ("EDQUOT", "磁盘配额")])
def test_environment_failure_while_writing_is_one_line(tmp_path, monkeypatch, err_no, why):
    """A full disk, a read-only file system, a folder without permission (which
    root cannot be given for real): the same one line and exit 2 as a bad input."""
    import errno
    import os

    a, b = _pair(tmp_path)

    def fail(src, dst):
        raise OSError(getattr(errno, err_no), os.strerror(getattr(errno, err_no)))

    monkeypatch.setattr(os, "replace", fail)
    code, _, err = run_cli(["compare", str(a), str(b), "--out-dir", str(tmp_path / "o"), "-q"])
    _one_line_error(code, err, why)
    assert not [p for p in (tmp_path / "o").rglob("*") if p.is_file()]  # and no temporary file is left


def test_too_long_output_name_is_one_line(tmp_path):
    a, b = _pair(tmp_path)
    code, _, err = run_cli(["compare", str(a), str(b), "--out-dir", str(tmp_path / "o"), "--json", str(tmp_path / "o" / ("长" * 200 + ".json")), "-q"])
    _one_line_error(code, err, "文件名太长")


def test_help_lists_every_exit_code():
    from reportdiff.errors import ExitStatus

    code, out, _ = run_cli(["--help"])
    assert code == 0
    for status in (*ExitStatus, 130):
        assert f"\n    {int(status)} " in out, status


def test_terminal_escapes_in_a_file_name_are_not_printed_raw(tmp_path):
    p = tmp_path / "plan\x1b[2J\u202etxt.txt"
    p.write_text(PLAN_2024.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run_cli(["inspect", str(p)])
    assert code == 0, err
    assert "\x1b" not in out and "\u202e" not in out and "\\x1b[2J" in out
    code, _, err = run_cli(["inspect", str(tmp_path / "missing\x1b]0;owned\x07.txt")])
    _one_line_error(code, err)
    assert "\x1b" not in err and "\x07" not in err


# --- review sheets ------------------------------------------------------------------------------


def _sheet_rows(path):
    import csv

    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _write_rows(path, rows):
    import csv

    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)


def test_stray_quote_refuses_the_sheet_with_its_line(tmp_path):
    a, b = _pair(tmp_path)
    args = ["compare", str(a), str(b), "--out-dir", str(tmp_path), "-q"]
    assert run_cli(args)[0] == 0
    sheet = tmp_path / "alignments" / "A__B.csv"
    rows = _sheet_rows(sheet)
    rows[1][rows[0].index("审核")] = "确认"
    rows.append(["", "", "s8.1.p1.s1", "", "", "i100", "", "", "", "确认", "补充配对"])
    _write_rows(sheet, rows)
    lines = sheet.read_text(encoding="utf-8-sig").split("\n")
    lines[10] = lines[10].replace(",", ',"', 1)  # a stray quote typed in a text editor
    sheet.write_text("\n".join(lines), encoding="utf-8-sig")
    before = sheet.read_bytes()
    code, _, err = run_cli(args)
    _one_line_error(code, err, "第 11 行")
    assert sheet.read_bytes() == before and not (tmp_path / "alignments" / "A__B.backup.csv").exists()


def test_duplicate_review_column_is_refused(tmp_path):
    a, b = _pair(tmp_path)
    args = ["compare", str(a), str(b), "--out-dir", str(tmp_path), "-q"]
    assert run_cli(args)[0] == 0
    sheet = tmp_path / "alignments" / "A__B.csv"
    rows = _sheet_rows(sheet)
    rows = [r + ([r[rows[0].index("审核")]] if i else ["审核"]) for i, r in enumerate(rows)]
    rows[1][-1] = "错误"
    _write_rows(sheet, rows)
    code, _, err = run_cli(args)
    _one_line_error(code, err, "列名重复", "审核")


def test_sheet_with_only_notes_is_backed_up_and_backups_never_overwritten(tmp_path):
    a, b = _pair(tmp_path)
    args = ["compare", str(a), str(b), "--out-dir", str(tmp_path), "-q"]
    assert run_cli(args)[0] == 0
    sheet = tmp_path / "alignments" / "A__B.csv"
    backups = []
    for note in ("需要与财政局核实", "第二轮意见"):
        rows = _sheet_rows(sheet)
        rows[1][rows[0].index("备注")] = note
        _write_rows(sheet, rows)
        kept = sheet.read_bytes()
        code, _, err = run_cli(args)
        assert code == 0, err
        backups.append(kept)
    got = sorted(p.name for p in sheet.parent.iterdir())
    assert got == ["A__B.backup.1.csv", "A__B.backup.csv", "A__B.csv"]
    assert (sheet.parent / "A__B.backup.csv").read_bytes() == backups[0]
    assert (sheet.parent / "A__B.backup.1.csv").read_bytes() == backups[1]
    # --force starts over, but still keeps the reviewer's sheet
    rows = _sheet_rows(sheet)
    rows[1][rows[0].index("审核")] = "确认"
    _write_rows(sheet, rows)
    kept = sheet.read_bytes()
    assert run_cli([*args, "--force"])[0] == 0
    assert any(p.read_bytes() == kept for p in sheet.parent.glob("A__B.backup*.csv"))


# --- output identity: the acceptance check of issue 17 -------------------------------------


def _two_cities(tmp_path):
    """Two folders that both hold 2024.txt and 2025.txt (small reports of two governments)."""
    r22 = (REPORT_2024.parent / "chiping-2022-report.txt").read_text(encoding="utf-8")
    r24 = REPORT_2024.read_text(encoding="utf-8")
    pairs = {}
    for city, (old, new) in {"甲市": (r22, r24), "乙市": (r24, r22)}.items():
        d = tmp_path / "corpus" / city
        d.mkdir(parents=True)
        (d / "2024.txt").write_text(old, encoding="utf-8")
        (d / "2025.txt").write_text(new, encoding="utf-8")
        pairs[city] = (d / "2024.txt", d / "2025.txt")
    return pairs


def test_same_file_names_in_two_folders_never_collide(tmp_path):
    pairs = _two_cities(tmp_path)
    out = tmp_path / "out"
    for a, b in pairs.values():
        code, _, err = run_cli(["compare", str(a), str(b), "--out-dir", str(out), "-q"])
        assert code == 0, err
    # both folders hold 茌平区 reports named by year only: the outputs are led by the government
    reports = sorted(p.name for p in (out / "reports").iterdir())
    sheets = sorted(p.name for p in (out / "alignments").iterdir())
    assert len(reports) == 2 and len(sheets) == 2 and "茌平区-2024__2025.html" in reports
    assert [r for r in reports if r != "茌平区-2024__2025.html"][0].startswith("茌平区-2024__2025-")
    # the first city's sheet is marked; the second city's run neither applies nor touches it
    first = out / "alignments" / "茌平区-2024__2025.csv"
    rows = _sheet_rows(first)
    rows[1][rows[0].index("审核")] = "错误"
    _write_rows(first, rows)
    marked = first.read_bytes()
    a, b = pairs["乙市"]
    code, stdout, err = run_cli(["compare", str(a), str(b), "--out-dir", str(out), "--json", str(out / "b.json")])
    assert code == 0, err
    assert json.loads((out / "b.json").read_text(encoding="utf-8"))["review"] is None
    assert "另一对文件" in stdout
    assert first.read_bytes() == marked and len(list((out / "alignments").iterdir())) == 2
    # named explicitly, it is refused with a clear message
    code, _, err = run_cli(["compare", str(a), str(b), "--out-dir", str(out), "--review", str(first), "-q"])
    _one_line_error(code, err, "另一对文件")
    # and the first city still gets its marks
    a, b = pairs["甲市"]
    code, stdout, err = run_cli(["compare", str(a), str(b), "--out-dir", str(out), "--json", str(out / "a.json")])
    assert code == 0, err
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["review"]["applied"]["错误"] == 1


def test_batch_uses_the_same_output_policy(tmp_path):
    pairs = _two_cities(tmp_path)
    out = tmp_path / "out"
    for city, (a, b) in pairs.items():
        _manifest(tmp_path / f"{city}.csv", [str(a), str(b), ""])
        code, _, err = run_cli(["batch", str(tmp_path / f"{city}.csv"), "--out-dir", str(out), "-j", "1", "-q"])
        assert code == 0, err
    assert len([p for p in (out / "reports").glob("2024__2025*.html")]) == 2
    assert len(list((out / "alignments").iterdir())) == 2


def test_two_governments_reports_named_by_year_are_named_by_each_government(tmp_path):
    # two folders laid out <government>/<year>.txt of two governments: each side is led by its own
    # government (河北省-2023__东莞市-2024), not both by B's (东莞市-2023__2024); a sheet reviewed
    # under that earlier name is still found and applied
    data = Path(__file__).parent / "data" / "corpus"
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    a, b = tmp_path / "x" / "2023.txt", tmp_path / "y" / "2024.txt"
    a.write_bytes((data / "河北省-2023.txt").read_bytes())
    b.write_bytes((data / "东莞市-2024.txt").read_bytes())
    out = tmp_path / "out"
    code, _, err = run_cli(["compare", str(a), str(b), "--out-dir", str(out), "-q"])
    assert code == 0, err
    assert sorted(p.name for p in (out / "reports").iterdir()) == ["河北省-2023__东莞市-2024.html"]
    sheet = out / "alignments" / "河北省-2023__东莞市-2024.csv"
    rows = _sheet_rows(sheet)
    head = rows[0]
    k = next(i for i, r in enumerate(rows[1:], 1) if r[head.index("A编号")] and r[head.index("B编号")])
    rows[k][head.index("审核")] = "错误"
    old = out / "alignments" / "东莞市-2023__2024.csv"
    _write_rows(old, rows)
    sheet.unlink()
    code, _, err = run_cli(["compare", str(a), str(b), "--out-dir", str(out), "--json", str(out / "r.json"), "-q"])
    assert code == 0, err
    assert json.loads((out / "r.json").read_text(encoding="utf-8"))["review"]["applied"]["错误"] == 1
