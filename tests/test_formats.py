"""A .docx (paragraphs and a plan table) and a .pdf made from the seeds give the same items."""

from __future__ import annotations

import re

import pytest

from conftest import PLAN_2024
from reportdiff import load_document
from reportdiff.errors import NeedsOCR
from reportdiff.structure import split_item


def _items(doc):
    # the PDF font (STSong-Light) has no glyph for the middle dot: compare without it
    return [(it.number, re.sub(r"[\s·]", "", it.text), it.owners.leaders, it.owners.lead_units, it.owners.partner_units) for it in doc.items]


@pytest.fixture(scope="module")
def plan():
    return load_document(PLAN_2024)


def test_docx_paragraphs_give_same_items(tmp_path, plan):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for para in plan.paragraphs:
        d.add_paragraph(para.text)
    path = tmp_path / "plan.docx"
    d.save(path)
    doc = load_document(path)
    assert doc.raw.fmt == "docx"
    assert _items(doc) == _items(plan)


def test_docx_table_gives_same_items(tmp_path, plan):
    """Plans are often Word tables: 序号/工作任务/牵头领导/牵头单位/责任单位."""
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("区政府工作报告重点工作任务责任分工方案")
    table = d.add_table(rows=1, cols=5)
    for cell, name in zip(table.rows[0].cells, ("序号", "工作任务", "牵头领导", "牵头单位", "责任单位")):
        cell.text = name
    for it in plan.items:
        row = table.add_row().cells
        row[0].text, row[1].text = it.number, it.text
        row[2].text = "、".join(it.owners.leaders)
        row[3].text = "、".join(it.owners.lead_units)
        row[4].text = "、".join(it.owners.partner_units)
    path = tmp_path / "plan-table.docx"
    d.save(path)
    doc = load_document(path)
    assert doc.kind.value == "plan"
    got = [(n, t, l, u) for n, t, l, u, _ in _items(doc)]
    want = [(n, t, l, u) for n, t, l, u, _ in _items(plan)]
    assert got == want


def test_pdf_gives_same_items(tmp_path, plan):
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path))
    y = 800
    # hard-wrap every item at 36 characters, as PDF extraction does
    lines = ["区政府工作报告重点工作任务责任分工方案"]
    for it in plan.items:
        o = it.owners
        full = f"{it.number}.{it.text}（牵头领导：{'、'.join(o.leaders)}；牵头单位：{'、'.join(o.lead_units)}）"
        lines += [full[i : i + 36] for i in range(0, len(full), 36)]
    for line in lines:
        if y < 60:
            c.showPage()
            y = 800
        c.setFont("STSong-Light", 9)
        c.drawString(40, y, line)
        y -= 14
    c.showPage()
    c.save()
    doc = load_document(path)
    assert doc.raw.fmt == "pdf"
    got = [(n, t, l, u) for n, t, l, u, _ in _items(doc)]
    want = [(n, t, l, u) for n, t, l, u, _ in _items(plan)]
    assert got == want


def test_pdf_without_text_layer_needs_ocr(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 400, 600, fill=1)  # an image-like page with no text
    c.showPage()
    c.save()
    with pytest.raises(NeedsOCR):
        load_document(path)


def test_split_item_keeps_brackets_inside_task():
    task, block = split_item("推进（试点）工作。（牵头领导：甲；牵头单位：区财政局）")
    assert task == "推进（试点）工作。" and block.startswith("（牵头领导")
