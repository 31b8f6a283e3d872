"""Hostile and careless input (issue 17): nothing is written where it should
not be, no spreadsheet cell runs as a formula, inputs cannot expand without
limit, and every bad input gives one line and a non-zero exit."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from conftest import PLAN_2024, REPORT_2024, run_cli

from reportdiff import read
from reportdiff.tables import cell_text, cell_value, plain_cell


def _one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert err.startswith("错误：") and err.count("\n") == 1 and "Traceback" not in err, err
    for w in words:
        assert w in err, err


# --- spreadsheet cells ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["=2*21", "+1", "-1+2", "@SUM(A1)", "\t=1", '=HYPERLINK("http://x/","y")'])
def test_formula_like_cell_is_neutralised(text):
    got = cell_text(text)
    assert got.startswith("'") and plain_cell(got) == text.replace("\r", "")


def test_cell_controls_removed_numbers_kept():
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
