"""Plans in the forms governments publish them: owner phrases, labelled owners with deadlines,
and task tables (CSV, xlsx, docx).  The plans in tests/data/plans are constructed from the tasks
of a real report (see tests/data/README.md)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reportdiff import load_document
from reportdiff.model import DocKind, FindingType

PLANS = Path(__file__).resolve().parent / "data" / "plans"
REPORT = Path(__file__).resolve().parent / "data" / "corpus" / "济南市-2024.txt"


def test_owner_phrases():
    doc = load_document(PLANS / "jinan-2024-plan-phrases.txt")
    assert doc.kind == DocKind.PLAN and doc.government == "济南市" and doc.year == 2024
    by = {it.number: it for it in doc.items}
    assert len(by) == 8
    assert by["1"].owners.lead_units == ("市投资促进局",)
    assert by["1"].owners.partner_units == ("市发展改革委", "市工业和信息化局")
    assert by["3"].owners.lead_units == ("市发展改革委", "市财政局")
    assert by["3"].owners.partner_units == ("各区县政府",)
    assert by["4"].owners.lead_units == ("市商务局",) and by["4"].owners.partner_units == ()
    assert by["6"].owners.partner_units == ("市贸促会",)
    assert by["5"].owners.empty
    assert "（" not in by["1"].text  # the owner phrase is not part of the task


def test_labelled_owners_and_deadlines():
    doc = load_document(PLANS / "jinan-2024-plan-labelled.txt")
    by = {it.number: it for it in doc.items}
    assert by["1"].deadline == "2024年12月底" and by["4"].deadline == "2024年6月底"
    assert by["3"].deadline == ""
    assert by["1"].owners.partner_units == ("市发展改革委", "市工业和信息化局")


def _table_rows():
    with open(PLANS / "jinan-2024-plan-table.csv", encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _check_table_plan(doc):
    by = {it.number: it for it in doc.items}
    assert sorted(by, key=int) == ["1", "2", "3", "4", "5"]
    assert by["1"].owners.lead_units == ("市投资促进局",) and by["1"].deadline == "2024年12月底"
    assert by["4"].owners.partner_units == () and by["4"].deadline == "2024年6月底"
    assert by["5"].owners.lead_units == () and by["5"].owners.partner_units == ("济南海关",)


def test_csv_table_plan():
    _check_table_plan(load_document(PLANS / "jinan-2024-plan-table.csv"))


def test_xlsx_table_plan(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in _table_rows():
        ws.append(row)
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    _check_table_plan(load_document(path))


def test_docx_table_plan(tmp_path):
    import docx

    rows = _table_rows()
    d = docx.Document()
    d.add_paragraph("2024年《政府工作报告》重点工作任务分工方案")
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "plan.docx"
    d.save(path)
    _check_table_plan(load_document(path))


@pytest.mark.parametrize("plan", ["jinan-2024-plan-phrases.txt", "jinan-2024-plan-labelled.txt", "jinan-2024-plan-table.csv"])
def test_findings_on_each_form(plan):
    from reportdiff.api import compare

    cmp = compare(REPORT, PLANS / plan)
    owners = {f.detail["number"]: f.detail["missing"] for f in cmp.findings if f.type == FindingType.MISSING_OWNER}
    deadlines = {f.detail["number"] for f in cmp.findings if f.type == FindingType.MISSING_DEADLINE}
    # no plan names leaders: none is asked for
    assert not any("牵头领导" in m for m in owners.values())
    if plan.endswith("phrases.txt"):
        assert owners == {"5": ["牵头单位", "责任单位"], "4": ["责任单位"]} and deadlines == set()
    elif plan.endswith("labelled.txt"):
        assert owners == {} and deadlines == {"3"}  # the only item of five without 完成时限
    else:
        assert owners == {"5": ["牵头单位"], "4": ["责任单位"]} and deadlines == set()
