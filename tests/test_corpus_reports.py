"""Reading real reports of every level and layout (copies in tests/data/corpus, see its README):
identity, regions and headline targets.  Expected identities come from the corpus manifest;
expected targets were read off each report's 主要预期目标 sentence (and, for 国务院 2023, the key
in tests/gold/targets built by reading)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reportdiff import load_document
from reportdiff.model import DocKind, Region

DATA = Path(__file__).resolve().parent / "data" / "corpus"
GOLD_TARGETS = Path(__file__).resolve().parent / "gold" / "targets"
_ORDER = [Region.FRONT, Region.REVIEW, Region.GOALS, Region.COMMITMENTS, Region.CLOSING, Region.APPENDIX]

#: file -> (government, year, first headline target as (canonical metric, value, unit, qualifier))
CASES = {
    "国务院-2023.txt": ("国务院", 2023, ("地区生产总值增长", 5.0, "%", "左右")),  # ## markdown part headings
    "国务院-2020.txt": ("国务院", 2020, ("城镇新增就业", 900.0, "万人", "以上")),  # no GDP target, no list lead-in
    "河北省-2023.txt": ("河北省", 2023, ("地区生产总值增长", 6.0, "%", "左右")),  # numbered part headings, no markup
    "江西省-2022.txt": ("江西省", 2022, ("地区生产总值增长", 7.0, "%", "以上")),  # the text never names the province
    "东莞市-2024.txt": ("东莞市", 2024, ("地区生产总值增长", 5.0, "%", "")),  # unnumbered part headings, 我代表市…
    "南昌市-2024.txt": ("南昌市", 2024, ("地区生产总值增长", 5.0, "%", "左右")),  # no part headings at all
    "兰州市-2022.txt": ("兰州市", 2022, ("地区生产总值增长", 7.0, "%", "")),  # given in December 2021
    "北京市-2023.txt": ("北京市", 2023, ("地区生产总值增长", 4.5, "%", "以上")),  # date in Chinese numerals
}


@pytest.fixture(scope="module")
def corpus_docs():
    return {name: load_document(DATA / name) for name in CASES}


@pytest.mark.parametrize("name", sorted(CASES))
def test_identity(corpus_docs, name):
    doc = corpus_docs[name]
    government, year, _ = CASES[name]
    assert doc.kind == DocKind.REPORT
    assert (doc.government, doc.year) == (government, year)
    assert doc.government_evidence and doc.year_evidence
    assert not doc.warnings


@pytest.mark.parametrize("name", sorted(CASES))
def test_regions_in_order_and_commitments_found(corpus_docs, name):
    doc = corpus_docs[name]
    seen = [_ORDER.index(s.region) for s in doc.sentences]
    assert seen == sorted(seen), "regions only move forward through a report"
    sizes = doc.region_sizes()
    assert sizes.get("review", 0) >= 0.1 * len(doc.sentences)
    assert sizes.get("commitments", 0) >= 0.15 * len(doc.sentences)
    # the year's targets are read from the year's part, never from the review
    regions = {s.id: s.region for s in doc.sentences}
    assert {regions[t.sentence] for t in doc.targets} <= {Region.COMMITMENTS, Region.GOALS}


@pytest.mark.parametrize("name", sorted(CASES))
def test_headline_targets(corpus_docs, name):
    doc = corpus_docs[name]
    quantitative = [t for t in doc.targets if t.quantitative]
    first = quantitative[0]
    assert (first.canonical, first.value, first.unit, first.qualifier) == CASES[name][2]
    assert len({t.canonical for t in doc.targets}) >= 3
    for t in doc.targets:
        assert t.text and t.text in doc.raw.text.replace("\n", "") or t.text in doc.raw.text


def test_folder_or_file_name_is_said_as_evidence(corpus_docs):
    assert "文件夹/文件名" in corpus_docs["江西省-2022.txt"].government_evidence
    assert "文件夹" not in corpus_docs["河北省-2023.txt"].government_evidence


def test_december_report_plans_the_next_year(corpus_docs):
    doc = corpus_docs["兰州市-2022.txt"]
    assert doc.date == "2021-12-21" and doc.year == 2022


def test_national_2023_targets_against_the_key_built_by_reading(corpus_docs):
    from reportdiff.structure.targets import canonical_metric

    with open(GOLD_TARGETS / "国务院" / "targets.tsv", encoding="utf-8") as fh:
        key = [r for r in csv.DictReader(fh, delimiter="\t") if r["year"] == "2023"]
    got = {(t.canonical, t.value) for t in corpus_docs["国务院-2023.txt"].targets}
    wanted = {(canonical_metric(r["metric"]), float(r["value"]) if r["value"] else None) for r in key}
    assert len(got & wanted) >= 0.9 * len(wanted)


def test_split_lists_read_as_one_target_each(corpus_docs):
    doc = corpus_docs["江西省-2022.txt"]
    income = {t.canonical: t.value for t in doc.targets if "收入" in t.canonical and t.value}
    assert income.get("城镇居民人均可支配收入增长") == 7.5
    assert income.get("农村居民人均可支配收入增长") == 8.0


def test_inspect_shows_evidence_targets_and_json(corpus_docs):
    from conftest import run_cli

    code, out, _ = run_cli(["inspect", str(DATA / "江西省-2022.txt")])
    assert code == 0
    assert "按文件夹/文件名" in out and "主要预期目标：" in out and "地区生产总值增长" in out
    code, out, _ = run_cli(["inspect", "--json", str(DATA / "国务院-2023.txt")])
    import json

    data = json.loads(out)
    assert data["targets"][0]["canonical"] == "地区生产总值增长" and data["year_evidence"]
    assert data["regions"]["commitments"] > 0 and data["warnings"] == []


def test_inspect_summary_of_a_folder(tmp_path):
    from conftest import run_cli

    import shutil

    for name in ("河北省-2023.txt", "东莞市-2024.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    code, out, _ = run_cli(["inspect", "--summary", str(tmp_path)])
    assert code == 0
    assert "东莞市-2024.txt\treport\t东莞市\t2024" in out
    assert "fully understood: 2/2" in out


def test_a_report_without_its_commitments_is_said_not_understood(tmp_path):
    """The review part alone: the tool says it cannot find the year's commitments, in the
    terminal, the JSON and the HTML, and never reports 'no problems'."""
    import json

    from conftest import run_cli

    full = (DATA / "河北省-2023.txt").read_text(encoding="utf-8")
    cut = full[: full.index("二、今后五年")]
    a = tmp_path / "a.txt"
    a.write_text(cut, encoding="utf-8")
    code, out, _ = run_cli(["compare", str(a), str(DATA / "河北省-2023.txt"), "--out-dir", str(tmp_path), "--json", str(tmp_path / "c.json")])
    assert "未能读懂" in out and "未找到本年度工作部署" in out
    assert "发现：无" not in out
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert any("未找到本年度工作部署" in w for w in data["warnings"])
    html = next(tmp_path.rglob("*.html")).read_text(encoding="utf-8")
    assert "未能读懂" in html and "没有发现问题" not in html
