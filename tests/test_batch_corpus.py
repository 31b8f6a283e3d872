"""Corpus batches: documents paired by the identity read from their text (not
their file names), a manifest of files, progress and keep-going, and the same
bytes from the Dask chunks as from the local pool."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from conftest import PLAN_2024, REPORT_2022, REPORT_2024, run_cli

from reportdiff.batch import Job, pair_chunks, run_batch

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


def _summary(out: Path) -> list[dict]:
    with open(out / "reports" / "batch-summary.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def misnamed(tmp_path_factory) -> Path:
    """Three consecutive national reports under names that say other governments
    and years, a report of a government with no other year, and a note."""
    d = tmp_path_factory.mktemp("misnamed")
    (d / "x").mkdir()
    shutil.copy(CORPUS / "national-2021.txt", d / "x" / "北京市-2024.txt")
    shutil.copy(CORPUS / "national-2022.txt", d / "济南市-2020.txt")
    shutil.copy(CORPUS / "national-2023.txt", d / "x" / "2019.txt")
    shutil.copy(CORPUS / "北京市-2023.txt", d / "国务院-2022.txt")
    (d / "notes.txt").write_text("会议纪要：下周二开会。", encoding="utf-8")
    return d


def _pairs(rows: list[dict], root: Path) -> set[tuple[str, str]]:
    return {(Path(r["A"]).relative_to(root).as_posix(), Path(r["B"]).relative_to(root).as_posix()) for r in rows}


def test_folder_pairs_by_the_identity_in_the_text_not_the_file_names(misnamed, tmp_path):
    code, out, err = run_cli(["batch", str(misnamed), "--out-dir", str(tmp_path), "-j", "2"])
    assert code == 0, err
    rows = _summary(tmp_path)
    # 2021 -> 2022 -> 2023 of the State Council, whatever the names say
    assert _pairs(rows, misnamed) == {("x/北京市-2024.txt", "济南市-2020.txt"), ("济南市-2020.txt", "x/2019.txt")}
    assert all(r["状态"] == "完成" and r["模式"] == "报告↔报告" for r in rows)
    # no file passed over silently: each unpaired one is printed with why
    assert "国务院-2022.txt（没有同一政府的对应文件）" in out
    assert "notes.txt（未识别政府或年份）" in out
    assert "读取 5 个文件，去重后解析 5 份" in out


def test_a_manifest_of_files_is_paired_like_a_folder(misnamed, tmp_path):
    manifest = tmp_path / "manifest.csv"
    # its government and year columns are wrong on purpose: they are not used
    lines = ["path,government,level,year"] + [f"{p.relative_to(misnamed).as_posix()},某市,city,2000" for p in sorted(misnamed.rglob("*.txt"))]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for p in misnamed.rglob("*.txt"):
        (tmp_path / p.relative_to(misnamed)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(p, tmp_path / p.relative_to(misnamed))
    code, out, err = run_cli(["batch", str(manifest), "--out-dir", str(tmp_path / "out"), "-j", "1"])
    assert code == 0, err
    assert _pairs(_summary(tmp_path / "out"), tmp_path) == {("x/北京市-2024.txt", "济南市-2020.txt"), ("济南市-2020.txt", "x/2019.txt")}
    assert "国务院-2022.txt（没有同一政府的对应文件）" in out


def test_pairs_sharing_a_document_go_in_one_chunk():
    keys = {"r20": "k20", "r21": "k21", "r22": "k22", "s21": "s21", "s22": "s22"}
    jobs = [Job("a", "r20", "r21"), Job("b", "r21", "r22"), Job("c", "s21", "s22")]
    assert pair_chunks([0, 1, 2], jobs, keys, 1) == [[0, 1], [2]]
    # never more than half the pairs per worker in one chunk: every worker gets work
    assert pair_chunks([0, 1, 2], jobs, keys, 2) == [[0], [1], [2]]


def test_progress_once_per_pair_and_the_batch_goes_on_past_a_bad_pair(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    jobs = [Job("p1", str(REPORT_2022), str(REPORT_2024)), Job("p2", str(REPORT_2024), str(empty)), Job("p3", str(REPORT_2024), str(PLAN_2024))]
    seen = []
    res = run_batch(jobs, tmp_path / "out", workers=1, progress=lambda r, done, total: seen.append((r.job.name, r.ok, done, total)))
    assert [(n, done, total) for n, _, done, total in seen] == [("p1", 1, 3), ("p2", 2, 3), ("p3", 3, 3)]
    assert [ok for _, ok, _, _ in seen] == [True, False, True]
    assert "文件为空" in res.results[1].error and res.parsed == 4
    assert [r["状态"] for r in _summary(tmp_path / "out")] == ["完成", "失败", "完成"]


def test_dask_chunks_write_the_same_bytes_as_the_local_pool(misnamed, tmp_path):
    pytest.importorskip("distributed")
    pool = run_batch(None, tmp_path / "pool", folder=misnamed, workers=2)
    dask = run_batch(None, tmp_path / "dask", folder=misnamed, workers=2, scheduler="local")
    assert [r.job for r in dask.results] == [r.job for r in pool.results] and len(pool.results) == 2
    assert dask.unpaired == pool.unpaired and len(pool.unpaired) == 2
    files = sorted(p.relative_to(tmp_path / "pool") for p in (tmp_path / "pool").rglob("*") if p.is_file() and p.suffix != ".xlsx")
    assert len(files) == 2 + 2 + 2  # reports, sheets, index and summary
    for f in files:
        assert (tmp_path / "dask" / f).read_bytes() == (tmp_path / "pool" / f).read_bytes(), f


def test_a_folder_of_year_named_files_gives_outputs_named_by_government(tmp_path):
    """``<government>/<year>.txt`` (the corpus layout): file names hold only the
    year, so the outputs are led by the government read from the text."""
    src = tmp_path / "in"
    for gov in ("宁波市", "山东省"):
        (src / gov).mkdir(parents=True)
        for year in ("2024", "2025"):
            shutil.copy(CORPUS / f"{gov}-{year}.txt", src / gov / f"{year}.txt")
    code, out, err = run_cli(["batch", str(src), "--out-dir", str(tmp_path / "out"), "-j", "1"])
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "out" / "reports").glob("*.html") if p.name != "index.html")
    assert names == ["宁波市-2024__2025.html", "山东省-2024__2025.html"]
    assert sorted(p.name for p in (tmp_path / "out" / "alignments").glob("*.csv")) == ["宁波市-2024__2025.csv", "山东省-2024__2025.csv"]


def test_compare_of_year_named_files_uses_the_same_names_as_batch(tmp_path):
    """``compare`` and ``batch`` share one output policy: ``宁波市/2024.txt`` against
    ``2025.txt`` is written as ``宁波市-2024__2025``."""
    src = tmp_path / "宁波市"
    src.mkdir()
    for year in ("2024", "2025"):
        shutil.copy(CORPUS / f"宁波市-{year}.txt", src / f"{year}.txt")
    code, out, err = run_cli(["compare", str(src / "2024.txt"), str(src / "2025.txt"), "--out-dir", str(tmp_path / "out")])
    assert code == 0, err
    assert (tmp_path / "out" / "reports" / "宁波市-2024__2025.html").is_file()
    assert (tmp_path / "out" / "alignments" / "宁波市-2024__2025.csv").is_file()


def _mark_first_pair(sheet):
    """Confirm the first aligned row of ``sheet`` as a reviewer would; returns its ids."""
    with open(sheet, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    row = next(r for r in rows if r["A编号"] and r["B编号"])
    row["审核"], row["备注"] = "确认", "已核对"
    with open(sheet, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return row["A编号"], row["B编号"]


def _marked(sheet):
    with open(sheet, encoding="utf-8-sig", newline="") as fh:
        return [(r["A编号"], r["B编号"]) for r in csv.DictReader(fh) if r["审核"] == "确认"]


def test_a_sheet_reviewed_under_the_old_file_name_is_still_applied(tmp_path):
    """Outputs of year-named files were once named ``2024__2025`` (no government): a
    sheet a reviewer marked under that name is found and applied by ``compare`` and
    ``batch``, its marks carried into the sheet of the new name, the old file left
    as it was."""
    src = tmp_path / "in" / "宁波市"
    src.mkdir(parents=True)
    for year in ("2024", "2025"):
        shutil.copy(CORPUS / f"宁波市-{year}.txt", src / f"{year}.txt")
    out = tmp_path / "out"
    args = ["compare", str(src / "2024.txt"), str(src / "2025.txt"), "--out-dir", str(out)]
    assert run_cli(args)[0] == 0
    new, old = out / "alignments" / "宁波市-2024__2025.csv", out / "alignments" / "2024__2025.csv"
    new.rename(old)
    ids = _mark_first_pair(old)
    before = old.read_bytes()
    code, stdout, err = run_cli(args)
    assert code == 0, err
    assert "沿用旧名比对表" in stdout
    assert _marked(new) == [ids] and old.read_bytes() == before
    # batch of the folder: the same
    new.unlink()
    code, stdout, err = run_cli(["batch", str(tmp_path / "in"), "--out-dir", str(out), "-j", "1"])
    assert code == 0, err
    assert _marked(new) == [ids] and old.read_bytes() == before
