"""Batches: pairs from a folder or a manifest, one parse per distinct content,
failures isolated, the index page and the summary table; local pool and Dask."""

from __future__ import annotations

import csv
import shutil
from urllib.parse import quote

import pytest
from conftest import PLAN_2024, REPORT_2022, REPORT_2024, run_cli

from reportdiff.batch import Job, run_batch


def _summary(out):
    with open(out / "reports" / "batch-summary.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Seeds plus copies: re-encoded, renamed, lightly edited, and a file that is not a document."""
    d = tmp_path_factory.mktemp("docs")
    (d / "2024").mkdir()
    (d / "2022").mkdir()
    shutil.copy(REPORT_2024, d / "2024" / "report.txt")
    shutil.copy(PLAN_2024, d / "2024" / "plan.txt")
    # the same plan in GB18030: other bytes, same text
    (d / "2024" / "plan-gbk.txt").write_bytes(PLAN_2024.read_text(encoding="utf-8").encode("gb18030"))
    # lightly edited: item 69's lead unit removed
    edited = PLAN_2024.read_text(encoding="utf-8").replace("牵头单位：区住房城乡建设局", "牵头单位：", 1)
    (d / "2024" / "plan-edited.txt").write_text(edited, encoding="utf-8")
    shutil.copy(REPORT_2022, d / "2022" / "report.txt")
    shutil.copy(REPORT_2022, d / "2022" / "copy-of-report.txt")  # same bytes, another name
    (d / "notes.txt").write_text("会议纪要：下周二开会。", encoding="utf-8")
    return d


def test_folder_batch_pairs_by_government_and_year(folder, tmp_path):
    code, out, err = run_cli(["batch", str(folder), "--out-dir", str(tmp_path), "-j", "2"])
    assert code == 0, err
    rows = _summary(tmp_path)
    pairs = {(r["A"].replace(str(folder) + "/", ""), r["B"].replace(str(folder) + "/", "")) for r in rows}
    assert pairs == {
        ("2024/report.txt", "2024/plan.txt"),
        ("2024/report.txt", "2024/plan-gbk.txt"),
        ("2024/report.txt", "2024/plan-edited.txt"),
        ("2022/report.txt", "2024/report.txt"),
        ("2022/copy-of-report.txt", "2024/report.txt"),
    }
    by = {(r["A"].rsplit("/", 2)[-2:][-1], r["B"].replace(str(folder) + "/", "")): r for r in rows}
    plan, gbk, edited = by[("report.txt", "2024/plan.txt")], by[("report.txt", "2024/plan-gbk.txt")], by[("report.txt", "2024/plan-edited.txt")]
    assert plan["覆盖率"] == gbk["覆盖率"] == "88.2%"  # the encoding does not matter
    assert plan["缺少责任人"] == "5" and edited["缺少责任人"] == "6"  # the edit is seen
    assert all(r["状态"] == "完成" for r in rows)
    # 7 files read, 6 distinct contents parsed (the renamed copy is parsed once)
    assert "读取 7 个文件，去重后解析 6 份" in out
    assert "notes.txt（未识别政府或年份）" in out
    index = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    for r in rows:
        assert f'href="{quote(r["报告"])}"' in index and (tmp_path / "reports" / r["报告"]).exists()
        assert (tmp_path / "alignments" / (r["名称"] + ".csv")).exists()
    assert "notes.txt" in index and "88.2%" in index
    assert (tmp_path / "reports" / "batch-summary.xlsx").stat().st_size > 0


def test_manifest_batch_isolates_failures(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    manifest = tmp_path / "pairs.csv"
    manifest.write_text(
        "a,b,name\n"
        f"{REPORT_2024},{PLAN_2024},茌平2024\n"
        f"{REPORT_2024},missing.txt,坏文件\n"
        f"empty.txt,{PLAN_2024},空文件\n"
        f"{REPORT_2022},{REPORT_2024},\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, stdout, err = run_cli(["batch", str(manifest), "--out-dir", str(out), "-j", "1"])
    assert code == 3, err  # finished, some pairs failed
    rows = _summary(out)
    assert [r["名称"] for r in rows] == ["茌平2024", "坏文件", "空文件", "chiping-2022-report__chiping-2024-report"]
    assert [r["状态"] for r in rows] == ["完成", "失败", "失败", "完成"]
    assert "文件不存在" in rows[1]["提示"] and "文件为空" in rows[2]["提示"]
    assert (out / "reports" / "茌平2024.html").exists() and (out / "reports" / "chiping-2022-report__chiping-2024-report.html").exists()
    assert not (out / "reports" / "坏文件.html").exists()
    assert "✗ 坏文件" in stdout
    index = (out / "reports" / "index.html").read_text(encoding="utf-8")
    assert 'id="failed">2<' in index and "文件不存在" in index


def test_bad_manifest_is_one_line_error(tmp_path):
    m = tmp_path / "m.csv"
    m.write_text("left,right\nx,y\n", encoding="utf-8")
    code, _, err = run_cli(["batch", str(m), "--out-dir", str(tmp_path)])
    assert code == 2 and "缺少 a、b 列" in err and err.count("\n") == 1


def test_dask_cluster_gives_the_same_outputs_as_the_local_pool(tmp_path):
    pytest.importorskip("distributed")
    jobs = [Job("rp", str(REPORT_2024), str(PLAN_2024)), Job("rr", str(REPORT_2022), str(REPORT_2024)), Job("bad", str(REPORT_2024), str(tmp_path / "nope.txt"))]
    local = run_batch(jobs, tmp_path / "local", workers=2)
    dask = run_batch(jobs, tmp_path / "dask", workers=2, scheduler="local")
    assert [r.ok for r in dask.results] == [True, True, False]
    assert dask.parsed == local.parsed == 4  # three files, and the missing one
    for name in ("batch-summary.csv", "index.html", "rp.html", "rr.html"):
        assert (tmp_path / "dask" / "reports" / name).read_bytes() == (tmp_path / "local" / "reports" / name).read_bytes(), name
