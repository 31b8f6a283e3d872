"""Reviewer corrections: marks in the alignment sheet change later runs, survive
edits of the documents, and are never lost."""

from __future__ import annotations

import csv
import json

import pytest
from conftest import PLAN_2024, REPORT_2024, run_cli

from reportdiff.model import KeptRow
from reportdiff.review import KEPT_REASON, STALE_REASONS, Mark, own_note, parse_mark, read_review

STEM = "chiping-2024-report__chiping-2024-plan"
#: the report sentence that plan items 69, 70 and 71 are cut from
HEATING = "s7.6.3.p1.s3"
#: 政府自身建设 sentences that no plan item covers
SELF_1, SELF_2 = "s8.1.p1.s1", "s8.2.p1.s1"


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def _compare(tmp_path, report=REPORT_2024, *extra):
    out = tmp_path / "r.json"
    code, stdout, err = run_cli(["compare", str(report), str(PLAN_2024), "--out-dir", str(tmp_path), "--json", str(out), *extra])
    assert code == 0, err
    return json.loads(out.read_text(encoding="utf-8")), stdout


def _findings(data, ftype):
    return [f for f in data["findings"] if f["type"] == ftype]


def _review(path):
    """Mark the sheet as a reviewer would: one pair wrong, one confirmed, one
    gap accepted, and one missed pair added as a new row with ids only."""
    rows = _rows(path)
    for r in rows:
        if r["B编号"] == "i69":
            r["审核"], r["备注"] = "错误", "集中供暖与四好农村路无关"
        elif r["B编号"] == "i70":
            r["审核"] = "确认"
        elif r["A编号"] == SELF_1 and not r["B编号"]:
            r["审核"], r["备注"] = "忽略", "政府自身建设，不单列任务"
    rows.append({k: "" for k in rows[0]} | {"A编号": SELF_2, "B编号": "i100", "审核": "新增", "备注": "补充配对"})
    _write(path, rows)


@pytest.fixture()
def reviewed(tmp_path):
    before, _ = _compare(tmp_path)
    sheet = tmp_path / "alignments" / f"{STEM}.csv"
    _review(sheet)
    return tmp_path, before, sheet


def test_marks_change_findings_and_coverage(reviewed):
    tmp_path, before, sheet = reviewed
    after, stdout = _compare(tmp_path)  # the sheet exists with marks: applied automatically

    # the rejected pair is gone and never proposed again: item 69 now has no source
    assert not any("i69" in p["b"] and HEATING in p["a"] for p in after["pairs"])
    assert [f["b_ids"] for f in _findings(after, "not_in_report")] == [["i69"]]
    assert not _findings(before, "not_in_report")
    # ... and the clause it carried is now an uncovered part of the heating sentence
    part = [f for f in _findings(after, "uncovered") if f["a_ids"] == [HEATING]]
    assert part and "四好农村路" in part[0]["message"]

    # the confirmed pair is kept and marked
    (p70,) = [p for p in after["pairs"] if p["b"] == ["i70"]]
    assert p70["a"] == [HEATING] and p70["reviewed"] == "确认"

    # the accepted gap leaves the findings and the coverage denominator
    uncovered_before = {tuple(f["a_ids"]) for f in _findings(before, "uncovered")}
    uncovered_after = {tuple(f["a_ids"]) for f in _findings(after, "uncovered") if not f["b_ids"]}
    assert (SELF_1,) in uncovered_before and (SELF_1,) not in uncovered_after
    # the added pair is used: the sentence is no longer an unowned commitment
    assert (SELF_2,) in uncovered_before and (SELF_2,) not in uncovered_after
    (added,) = [p for p in after["pairs"] if p["b"] == ["i100"]]
    assert added["a"] == [SELF_2] and added["reviewed"] == "确认" and added["note"] == "补充配对"
    # "item 100 comes from that sentence": its automatic source (the 安全生产 sentence) lost it
    assert ("s7.9.1.p1.s2",) not in uncovered_before and ("s7.9.1.p1.s2",) in uncovered_after

    sb, sa = before["summary"], after["summary"]
    assert sa["commitment_clauses"] < sb["commitment_clauses"]  # SELF_1's clauses no longer counted
    assert sa["coverage"] != sb["coverage"]
    assert sa["accepted_gaps"] == 1 and sa["ignored_findings"] >= 1
    assert after["review"]["applied"] == {"确认": 2, "错误": 1, "忽略": 1}
    assert "已应用" in stdout and "审核记录已合并" in stdout


def test_merged_sheet_keeps_every_review_and_is_stable(reviewed):
    tmp_path, _, sheet = reviewed
    original = sheet.read_bytes()
    _compare(tmp_path)
    backup = sheet.with_name(f"{STEM}.backup.csv")
    assert backup.read_bytes() == original  # the reviewer's file is kept as it was
    rows = _rows(sheet)
    marks = {(r["A编号"], r["B编号"], r["审核"]) for r in rows if r["审核"]}
    assert (HEATING, "i69", "错误") in marks  # the rejection is written back so it persists
    assert (HEATING, "i70", "确认") in marks
    assert (SELF_1, "", "忽略") in marks
    assert (SELF_2, "i100", "确认") in marks
    added = next(r for r in rows if r["B编号"] == "i100")
    assert added["A原文"] and added["B原文"]  # the added row now carries its texts: keyed by content from here on
    rejected = next(r for r in rows if r["审核"] == "错误")
    assert rejected["状态"].startswith("rejected") and rejected["备注"] == "集中供暖与四好农村路无关"
    # a second run on the merged sheet gives the same sheet
    first = sheet.read_bytes()
    _compare(tmp_path)
    assert sheet.read_bytes() == first


def test_review_survives_an_edited_document(reviewed, tmp_path_factory):
    tmp_path, _, sheet = reviewed
    _compare(tmp_path)  # merge once so every row is keyed by its text
    text = REPORT_2024.read_text(encoding="utf-8")
    # a paragraph at the top, and one at the start of the heating section: the
    # heating sentence's id changes from ...p1.s3 to ...p2.s3
    lead = "建好和美乡村。"
    assert text.count(lead) == 1
    edited = "（根据会议记录整理，个别文字有改动）\n" + text.replace(lead, lead + "\n全面推进农村人居环境整治提升。\n", 1)
    edited_path = tmp_path / "chiping-2024-report.txt"
    edited_path.write_text(edited, encoding="utf-8")
    data, stdout = _compare(tmp_path, edited_path, "--review", str(sheet))
    heating = next(p["a"][0] for p in data["pairs"] if p["b"] == ["i70"])
    assert heating != HEATING  # the id moved ...
    assert next(p for p in data["pairs"] if p["b"] == ["i70"])["reviewed"] == "确认"  # ... the review followed the text
    assert [f["b_ids"] for f in _findings(data, "not_in_report")] == [["i69"]]
    assert data["review"]["applied"] == {"确认": 2, "错误": 1, "忽略": 1}
    assert "找不到对应内容" not in stdout


def test_stale_row_is_reported_and_kept(reviewed):
    tmp_path, _, sheet = reviewed
    rows = _rows(sheet)
    rows.append({k: "" for k in rows[0]} | {"A编号": "s9.9.p1.s1", "A原文": "这句话从未出现在报告里，审核记录已经过期。", "B编号": "i5", "B原文": "社会消费品零售总额增长7%左右。", "审核": "确认"})
    rows.append({k: "" for k in rows[0]} | {"A编号": SELF_1, "审核": "待定"})
    _write(sheet, rows)
    data, stdout = _compare(tmp_path)
    assert "2 条审核记录在当前文件中找不到对应内容" in stdout
    assert "A侧内容在当前文件中找不到" in stdout and "无法识别的审核标记“待定”" in stdout
    stale = [k for k in data["review"]["kept"] if k["status"] == "stale"]
    assert [k["line"] for k in stale] == [len(rows), len(rows) + 1]
    written = [r for r in _rows(sheet) if r["状态"].startswith("stale")]
    assert [r["审核"] for r in written] == ["确认", "待定"]
    assert "这句话从未出现" in written[0]["A原文"]
    # nothing else of the review was affected
    assert data["review"]["applied"] == {"确认": 2, "错误": 1, "忽略": 1}


def test_row_that_comes_back_loses_its_stale_reason(reviewed):
    """A row goes stale while its sentence is missing, then applies again when
    the sentence is back: its 备注 is the reviewer's note, without the reason."""
    tmp_path, before, sheet = reviewed
    self_1 = next(p["a_text"] for p in before["pairs"] if p["a"] == [SELF_1])
    text = REPORT_2024.read_text(encoding="utf-8")
    assert text.count(self_1) == 1
    edited = tmp_path / REPORT_2024.name  # same name, so the same sheet is merged
    edited.write_text(text.replace(self_1, ""), encoding="utf-8")
    _compare(tmp_path, edited)
    row = next(r for r in _rows(sheet) if r["审核"] == "忽略")
    assert row["状态"].startswith("stale") and row["备注"] == "A侧内容在当前文件中找不到（文件可能已修改）；政府自身建设，不单列任务"
    _compare(tmp_path, edited)  # still stale: the reason is not repeated
    assert next(r for r in _rows(sheet) if r["审核"] == "忽略")["备注"] == row["备注"]
    edited.write_text(text, encoding="utf-8")
    data, _ = _compare(tmp_path, edited)
    row = next(r for r in _rows(sheet) if r["审核"] == "忽略")
    assert row["A编号"] == SELF_1 and not row["状态"].startswith("stale")
    assert row["备注"] == "政府自身建设，不单列任务"
    assert data["review"]["applied"] == {"确认": 2, "错误": 1, "忽略": 1}


@pytest.mark.parametrize(
    "status, reason",
    [
        ("stale（未对应）", STALE_REASONS["mark"].format(cell="待定")),
        ("stale（未对应）", STALE_REASONS["missing"].format(side="B")),
        ("stale（未对应）", STALE_REASONS["empty"]),
        ("kept（审核保留）", KEPT_REASON),
    ],
)
def test_reason_written_back_is_read_back_off(status, reason):
    for note in ("已与科室核对", ""):
        row = KeptRow(status.split("（")[0], "确认", ("s1",), ("i1",), "甲", "乙", note, reason, 5)
        assert own_note(status, row.remark) == note
    # a reviewer's note on an ordinary row is never cut, whatever it starts with
    assert own_note("changed（有改动）", f"{reason}；已核对") == f"{reason}；已核对"


def test_sheet_from_another_source_is_written_beside(reviewed):
    tmp_path, _, sheet = reviewed
    elsewhere = tmp_path / "mine.csv"
    elsewhere.write_bytes(sheet.read_bytes())
    before = sheet.read_bytes()
    _, stdout = _compare(tmp_path, REPORT_2024, "--review", str(elsewhere))
    assert sheet.read_bytes() == before  # not the sheet applied: left alone
    beside = sheet.with_name(f"{STEM}.new.csv")
    assert beside.exists() and "写在旁边" in stdout
    assert elsewhere.read_bytes() != b""


def test_force_ignores_the_review(reviewed):
    tmp_path, before, sheet = reviewed
    data, _ = _compare(tmp_path, REPORT_2024, "--force")
    assert data["review"] is None and data["summary"]["coverage"] == before["summary"]["coverage"]
    assert not any(r["审核"] for r in _rows(sheet))


def test_xlsx_review_sheet(tmp_path):
    from openpyxl import load_workbook

    xlsx = tmp_path / "review.xlsx"
    _compare(tmp_path, REPORT_2024, "--xlsx", str(xlsx))
    wb = load_workbook(xlsx)
    ws = wb["对照表"]
    header = [c.value for c in ws[1]]
    col_b, col_mark = header.index("B编号"), header.index("审核")
    for row in ws.iter_rows(min_row=2):
        if row[col_b].value == "i69":
            row[col_mark].value = "错误"
    wb.save(xlsx)
    assert [r.mark for r in read_review(xlsx).rows] == [Mark.REJECT]
    data, stdout = _compare(tmp_path, REPORT_2024, "--review", str(xlsx), "--xlsx", str(xlsx))
    assert [f["b_ids"] for f in _findings(data, "not_in_report")] == [["i69"]]
    assert "审核记录已合并到" in stdout and xlsx.with_name("review.backup.xlsx").exists()


def test_unreadable_review_sheet_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    code, _, err = run_cli(["compare", str(REPORT_2024), str(PLAN_2024), "--out-dir", str(tmp_path), "--review", str(bad), "-q"])
    assert code == 2 and "审核表" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("cell", "mark"),
    [("确认", Mark.CONFIRM), (" 正确 ", Mark.CONFIRM), ("新增", Mark.CONFIRM), ("√", Mark.CONFIRM), ("错误", Mark.REJECT), ("不正确", Mark.REJECT),
     ("×", Mark.REJECT), ("忽略", Mark.IGNORE), ("接受", Mark.IGNORE), ("待定", None), ("", None)],
)
def test_parse_mark(cell, mark):
    assert parse_mark(cell) == mark


def test_review_in_report_report_mode_either_order(rr):
    """The library API: a rejected pair of two reports stays rejected whichever
    document is given first (the aligner works in a canonical order)."""
    from conftest import REPORT_2022

    from reportdiff.api import compare
    from reportdiff.review import Review, ReviewRow

    ua = {u.id: u for u in rr.a_units}
    ub = {u.id: u for u in rr.b_units}
    pair = next(p for p in rr.pairs if p.a and p.b and p.status == "changed" and len(p.a) == 1 and len(p.b) == 1)
    row = ReviewRow(line=2, cell="错误", mark=Mark.REJECT, a_ids=pair.a, b_ids=pair.b, a_text=ua[pair.a[0]].text, b_text=ub[pair.b[0]].text, note="")
    fwd = compare(REPORT_2022, REPORT_2024, review=Review("x.csv", (row,)))
    assert not any(set(pair.a) <= set(p.a) and set(pair.b) <= set(p.b) for p in fwd.pairs)
    assert fwd.review.applied["错误"] == 1 and fwd.review.kept[0].status == "rejected"
    swapped = ReviewRow(line=2, cell="错误", mark=Mark.REJECT, a_ids=pair.b, b_ids=pair.a, a_text=row.b_text, b_text=row.a_text, note="")
    back = compare(REPORT_2024, REPORT_2022, review=Review("x.csv", (swapped,)))
    assert not any(set(pair.b) <= set(p.a) and set(pair.a) <= set(p.b) for p in back.pairs)


def test_sheet_saved_by_wps_in_gb18030_is_applied(reviewed):
    """WPS may save a CSV in the local code page: the review still applies."""
    tmp_path, _, sheet = reviewed
    sheet.write_bytes(sheet.read_text(encoding="utf-8-sig").encode("gb18030"))
    data, stdout = _compare(tmp_path)
    assert data["review"]["applied"] == {"确认": 2, "错误": 1, "忽略": 1}
    assert [f["b_ids"] for f in _findings(data, "not_in_report")] == [["i69"]]


def test_batch_applies_a_reviewed_sheet(tmp_path):
    from reportdiff.batch import Job, run_batch

    jobs = [Job(STEM, str(REPORT_2024), str(PLAN_2024))]
    run_batch(jobs, tmp_path, workers=1)
    sheet = tmp_path / "alignments" / f"{STEM}.csv"
    rows = _rows(sheet)
    for r in rows:
        if r["B编号"] == "i69":
            r["审核"] = "错误"
    _write(sheet, rows)
    res = run_batch(jobs, tmp_path, workers=1)
    (r,) = res.results
    assert r.ok and r.findings["not_in_report"] == 1 and "已应用" in r.review
    assert any("审核记录已合并" in n for n in res.notes)
    summary = (tmp_path / "reports" / "batch-summary.csv").read_text(encoding="utf-8-sig")
    assert "已应用" in summary
