"""The HTML report: self-contained, escaped, consistent with the JSON."""

from __future__ import annotations

import re


from conftest import PLAN_2024, REPORT_2022, REPORT_2024, run_cli
from reportdiff.api import compare
from reportdiff.render import diff_segments, render_html



def test_html_is_self_contained(rp):
    html = render_html(rp)
    assert "<style>" in html and "<script>" in html
    # no external resource of any kind
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "@import" not in html and "url(" not in html
    assert 'href="#row-' in html  # findings link into the table


def test_html_counts_equal_findings(rp):
    html = render_html(rp)
    for t, n in rp.summary["findings"].items():
        if n:
            assert f'data-count="{t}">{n}<' in html


def test_document_markup_is_escaped(tmp_path):
    hostile = REPORT_2024.read_text(encoding="utf-8").replace(
        "推进主导产业集群成势。", "推进主导产业集群成势。<script>alert(1)</script>\"><img src=x onerror=alert(1)>", 1
    )
    path = tmp_path / "hostile-report.txt"
    path.write_text(hostile, encoding="utf-8")
    html = render_html(compare(path, PLAN_2024))
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert html.count("<script>") == 1  # only our own inline script


def test_mismatch_banner_and_english():
    from conftest import PLAN_DCF_2022

    cmp = compare(REPORT_2022, PLAN_DCF_2022)
    html = render_html(cmp)
    assert 'class="banner"' in html and "东昌府区" in html
    en = render_html(compare(REPORT_2022, REPORT_2024), lang="en")
    assert "Side by side" in en and "number changed" in en


def test_diff_segments_mark_numbers():
    a, b = diff_segments("力争完成固定资产投资100亿元。", "力争完成固定资产投资110亿元。")
    assert "".join(s.text for s in a) == "力争完成固定资产投资100亿元。"
    assert "".join(s.text for s in b) == "力争完成固定资产投资110亿元。"
    assert any(s.kind == "num" for s in b)


def test_compare_writes_html_and_xlsx(tmp_path):
    code, out, err = run_cli(["compare", str(REPORT_2024), str(PLAN_2024), "--out-dir", str(tmp_path), "--xlsx", str(tmp_path / "t.xlsx"), "-q"])
    assert code == 0, err
    html = tmp_path / "reports" / "chiping-2024-report__chiping-2024-plan.html"
    assert html.exists() and html.stat().st_size > 10000
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames == ["对照表", "发现"]
    assert wb["对照表"].freeze_panes == "A2" and wb["对照表"]["A1"].value == "状态"
    assert wb["发现"].max_row == 1 + 36
    first = (tmp_path / "t.xlsx").read_bytes()
    run_cli(["compare", str(REPORT_2024), str(PLAN_2024), "--out-dir", str(tmp_path), "--xlsx", str(tmp_path / "t.xlsx"), "-q", "--force"])
    assert (tmp_path / "t.xlsx").read_bytes() == first


def test_english_messages_keep_the_quoted_evidence():
    from reportdiff.messages import english

    assert english("目标调整：新增A级物流企业8家 → 新增A级物流企业29家（8家 → 29家）") == "Target changed: 新增A级物流企业8家 → 新增A级物流企业29家（8家 → 29家）"
    assert english("第26项任务缺少责任单位") == "Task 26 has no responsible unit (责任单位)"
    assert english("第3项任务缺少牵头领导、牵头单位").startswith("Task 3 has no lead official (牵头领导), lead unit")
    assert english("2024年目标“城镇新增就业 15万人”，2025年报告回顾：15.91万人（完成）") == "2024 target “城镇新增就业 15万人”, 2025 report's review: 15.91万人 (met)"
    assert english("A：未识别年份") == "A: The year was not recognised"
    assert english("不再提及（所在语句延续，此分句无对应）：甲；乙") == "Dropped (its sentence continues, this clause has no counterpart): 甲；乙"
    assert english("一段没有固定格式的话") == "一段没有固定格式的话"  # unknown forms unchanged


def test_english_page_has_english_messages_and_labels(rp):
    """With --lang en the findings' fixed words, severities and banners are English; what they quote
    from the documents stays as written."""
    en = render_html(rp, lang="en")
    messages = re.findall(r'class="msg">([^<]*)', en)
    assert messages and not any(m.startswith(("报告", "第", "新增", "不再", "目标")) for m in messages)
    assert not re.search(r'class="sev">[高中低]<', en)
    assert "：</strong>" not in en
    zh = render_html(rp)
    assert re.search(r'class="sev">[高中低]<', zh) and "报告承诺未分解到分工方案任务" in zh


def test_new_and_dropped_show_their_confidence_tier(tmp_path):
    """Report↔report: every new / dropped finding carries detail["confidence"]; the page marks it
    (较可信 / 待核, English with --lang en), lists the confident ones first in each group, offers a
    filter, and the terminal summary and the workbook give the tier too."""
    cmp = compare(REPORT_2022, REPORT_2024)
    nd = [f for f in cmp.findings if f.type.value in ("new", "dropped")]
    assert nd and all(f.detail["confidence"] in ("high", "check") for f in nd)
    assert all("confidence" not in (f.detail or {}) for f in cmp.findings if f not in nd)
    html = render_html(cmp)
    assert 'id="onlyhigh"' in html and 'class="conf">待核<' in html
    for t in ("new", "dropped"):
        group = html.split(f'id="f-{t}"')[1].split("</details>")[0]
        tiers = re.findall(r'data-confidence="(high|check)"', group)
        assert tiers == sorted(tiers, key=lambda x: x == "check")  # confident first
        assert len(tiers) == sum(f.type.value == t for f in nd)
    high = sum(f.detail["confidence"] == "high" for f in nd)
    assert html.count('class="conf">较可信<') == high
    en = render_html(cmp, lang="en")
    assert 'class="conf">to check<' in en and "较可信" not in en and "待核" not in en
    from reportdiff.summary import compare_text

    text = compare_text(cmp, [])
    n_new = [f for f in nd if f.type.value == "new"]
    assert f"较可信 {sum(f.detail['confidence'] == 'high' for f in n_new)}，待核 {sum(f.detail['confidence'] == 'check' for f in n_new)}" in text
    code, out, err = run_cli(["compare", str(REPORT_2022), str(REPORT_2024), "--out-dir", str(tmp_path), "--xlsx", str(tmp_path / "t.xlsx"), "-q"])
    assert code == 0, err
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "t.xlsx")["发现"]
    head = [c.value for c in ws[1]]
    col = head.index("可信度")
    kinds = {(r[0].value, r[col].value or "") for r in ws.iter_rows(min_row=2)}
    assert {v for t, v in kinds if t in ("新增举措", "不再提及")} <= {"较可信", "待核"}
    assert {v for t, v in kinds if t not in ("新增举措", "不再提及")} <= {""}
