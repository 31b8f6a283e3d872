"""Traditional characters, interrupted runs and atomic outputs."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import PLAN_2024, REPORT_2022, REPORT_2024

from reportdiff import output
from reportdiff.api import compare, load_document


@pytest.fixture(scope="module")
def traditional_report(tmp_path_factory):
    """Seed 001 converted to traditional characters with OpenCC."""
    from opencc import OpenCC

    path = tmp_path_factory.mktemp("trad") / "chiping-2024-report-traditional.txt"
    path.write_text(OpenCC("s2t.json").convert(REPORT_2024.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def test_traditional_copy_is_understood_like_the_original(traditional_report, docs):
    trad = load_document(traditional_report)
    orig = docs["chiping-2024-report"]
    assert "報告" in trad.raw.text and "报告" not in trad.raw.text.replace("工作报告", "")  # really converted
    assert (trad.kind, trad.year, trad.government) == (orig.kind, orig.year, "茌平區")
    assert [s.id for s in trad.sentences] == [s.id for s in orig.sentences]
    assert [s.region for s in trad.sentences] == [s.region for s in orig.sentences]
    # the model shows the document's own characters, not the simplified view
    first = next(s for s in trad.sentences if s.id.startswith("s8.1"))
    assert first.text.startswith("堅持把政治建設擺在首位")


def test_traditional_copy_aligns_with_the_simplified_plan(traditional_report, rp):
    got = compare(traditional_report, PLAN_2024)
    assert [(p.a, p.b) for p in got.pairs] == [(p.a, p.b) for p in rp.pairs]
    assert [(f.type, f.a_ids, f.b_ids) for f in got.findings] == [(f.type, f.a_ids, f.b_ids) for f in rp.findings]
    assert got.summary["coverage"] == rp.summary["coverage"]
    # one pair becomes "changed": OpenCC wrote 家具 as 傢俱, and 俱 is also a
    # simplified character, so no character-level fold can take it back
    changed = [(p, q) for p, q in zip(got.pairs, rp.pairs) if p.status != q.status]
    assert len(changed) <= 1 and all(p.score >= 0.95 for p, _ in changed)


def test_atomic_write_leaves_old_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        output.atomic_write_text(target, "new " * 100_000)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary file left


def _digest(*paths):
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


#: runs the real CLI in a child process, pausing at a named point until a signal
#: comes: the test waits for the marker file (a state), never for CPU or wall time
_PAUSED_RUN = """
import os, pathlib, signal, sys, time
from reportdiff import api, cli
# Ctrl-C as at a terminal, even when the tests run as a background job (which starts with SIGINT ignored)
signal.signal(signal.SIGINT, signal.default_int_handler)
marker, where, args = sys.argv[1], sys.argv[2], sys.argv[3:]

def pause():
    pathlib.Path(marker).touch()
    while True:
        time.sleep(0.01)

if where == "compare":  # the documents are read; the comparison begins
    def paused_compare(*a, **k):
        pause()
    api.compare_documents = paused_compare
else:  # the first output's temporary file is written; the rename is next
    def paused_replace(src, dst):
        pause()
    os.replace = paused_replace
sys.exit(cli.main(args))
"""


@pytest.mark.parametrize(("where", "sig"), [("compare", signal.SIGINT), ("compare", signal.SIGKILL), ("replace", signal.SIGINT)])
def test_interrupted_compare_loses_nothing(tmp_path, where, sig):
    """A compare killed midway leaves the previous outputs as they were, writes
    no half file and never touches its inputs."""
    inputs = (REPORT_2022, REPORT_2024)
    before_inputs = _digest(*inputs)
    reports = tmp_path / "reports"
    reports.mkdir()
    old = reports / "chiping-2022-report__chiping-2024-report.html"
    old.write_text("<p>上一次的报告</p>", encoding="utf-8")
    marker = tmp_path / "paused"
    args = ["compare", str(REPORT_2022), str(REPORT_2024), "--out-dir", str(tmp_path), "-q"]
    proc = subprocess.Popen([sys.executable, "-c", _PAUSED_RUN, str(marker), where, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300  # only against a hang: the wait is for the marker
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marker.exists() and proc.poll() is None, proc.communicate()[1]
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=300)  # only against a hang, as above
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "已中断" in err and "Traceback" not in err, err
    else:
        assert proc.returncode == -signal.SIGKILL
    assert old.read_text(encoding="utf-8") == "<p>上一次的报告</p>"
    assert sorted(p.name for p in reports.iterdir()) == [old.name]  # no temporary file left
    assert not (tmp_path / "alignments").exists() or not any((tmp_path / "alignments").iterdir())
    assert _digest(*inputs) == before_inputs
    # and a complete run afterwards replaces the old report with a whole one
    done = subprocess.run([sys.executable, "-m", "reportdiff", *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert old.read_text(encoding="utf-8").rstrip().endswith("</html>")
