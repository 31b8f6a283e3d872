"""The command line end to end: outputs, summary, exit codes, overwrite protection."""

from __future__ import annotations

import csv
import json

from conftest import PLAN_2024, PLAN_DCF_2022, REPORT_2022, REPORT_2024, ROOT, run_cli
from reportdiff.cli import cli


def test_compare_writes_csv_and_json(tmp_path):
    out_json = tmp_path / "r.json"
    code, out, err = run_cli(["compare", str(REPORT_2024), str(PLAN_2024), "--out-dir", str(tmp_path), "--json", str(out_json)])
    assert code == 0, err
    csv_path = tmp_path / "alignments" / "chiping-2024-report__chiping-2024-plan.csv"
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM for WPS/Excel
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert {"状态", "相似度", "A编号", "A章节", "A原文", "B编号", "B章节", "B原文", "审核"} <= set(rows[0])
    assert sum(1 for r in rows if r["B编号"] == "i69") == 1
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(data) >= {"documents", "mode", "pairs", "findings", "summary"}
    assert data["documents"]["a"]["kind"] == "report" and data["documents"]["b"]["year"] == 2024
    assert data["mode"] == "report-plan"
    p = data["pairs"][0]
    assert set(p) >= {"a", "b", "a_text", "b_text", "score"}
    f = data["findings"][0]
    assert set(f) >= {"type", "a_text", "b_text", "detail"}
    assert "覆盖率" in out and "缺少责任人" in out and str(csv_path) in out


def test_compare_is_deterministic(tmp_path):
    outs = []
    for k in range(2):
        d = tmp_path / f"run{k}"
        code, _, _ = run_cli(["compare", str(REPORT_2022), str(REPORT_2024), "--out-dir", str(d), "--json", str(d / "r.json"), "-q"])
        assert code == 0
        outs.append(((d / "alignments" / "chiping-2022-report__chiping-2024-report.csv").read_bytes(), (d / "r.json").read_bytes()))
    assert outs[0] == outs[1]


def test_mismatch_reported_in_summary(tmp_path):
    code, out, _ = run_cli(["compare", str(REPORT_2022), str(PLAN_DCF_2022), "--out-dir", str(tmp_path)])
    assert code == 0
    assert "不同政府" in out and "没有意义" in out


def test_fail_on(tmp_path):
    code, _, _ = run_cli(["compare", str(REPORT_2024), str(PLAN_2024), "--out-dir", str(tmp_path), "-q", "--fail-on", "missing_owner"])
    assert code == 1
    code, _, _ = run_cli(["compare", str(REPORT_2024), str(PLAN_2024), "--out-dir", str(tmp_path), "-q", "--fail-on", "not_in_report", "--force"])
    assert code == 0
    code, _, err = run_cli(["compare", str(REPORT_2024), str(PLAN_2024), "--out-dir", str(tmp_path), "--fail-on", "nonsense"])
    assert code == 2 and "nonsense" in err


def test_inspect_plan_and_json():
    code, out, _ = run_cli(["inspect", str(PLAN_2024)])
    assert code == 0 and "任务分工方案" in out and "茌平区" in out and "编码 utf-8" in out
    assert out.count("\n69\t") == 1
    code, out, _ = run_cli(["inspect", "--json", str(REPORT_2024)])
    data = json.loads(out)
    assert data["kind"] == "report" and data["sentences"][0]["clauses"]


def test_every_command_has_help_and_is_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, cmd in cli.commands.items():
        assert cmd.help, name
        assert f"reportdiff {name}" in readme, name


def test_too_many_sentence_pairs_is_refused_with_a_message(tmp_path):
    code, _, err = run_cli(["compare", str(REPORT_2022), str(REPORT_2024), "--out-dir", str(tmp_path), "--max-pairs", "1"])
    assert code == 0  # the seeds are far below one million pairs
    big = tmp_path / "big.txt"
    big.write_text(REPORT_2022.read_text(encoding="utf-8") * 16, encoding="utf-8")  # ~5,300 x ~260 sentences
    code, _, err = run_cli(["compare", str(big), str(REPORT_2024), "--out-dir", str(tmp_path), "--max-pairs", "1", "-q"])
    assert code == 2 and "句子太多" in err and "--max-pairs" in err and err.count("\n") == 1
    assert not (tmp_path / "reports" / "big__chiping-2024-report.html").exists()


def test_a_defect_is_one_line_and_exit_70(monkeypatch, capsys):
    """A bug of reportdiff (not of the input) is said in one line with its own exit code;
    REPORTDIFF_DEBUG=1 lets the traceback through for the developer."""
    import pytest

    from reportdiff import api
    from reportdiff.cli import main

    def broken(*args, **kwargs):
        raise NameError("name 'linked' is not defined")

    monkeypatch.setattr(api, "compare_documents", broken)
    monkeypatch.delenv("REPORTDIFF_DEBUG", raising=False)
    assert main(["compare", str(REPORT_2022), str(REPORT_2024), "-q"]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "内部错误" in err and "NameError" in err and "Traceback" not in err
    monkeypatch.setenv("REPORTDIFF_DEBUG", "1")
    with pytest.raises(NameError):
        main(["compare", str(REPORT_2022), str(REPORT_2024), "-q"])
