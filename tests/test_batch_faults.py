"""A batch survives a lost worker (as the out-of-memory killer makes one), and
its workers end with it.  No timing: the tests wait for states (a process
exists, a process is gone), with generous deadlines only against hanging."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PLAN_2024, REPORT_2022, REPORT_2024

from reportdiff import batch
from reportdiff.batch import Job, run_batch

_real_compare_task = batch.compare_task

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="kills pool workers through Linux /proc")


def _dies(job, *args):
    """compare_task that kills its own worker: once for jobs named once*, every time for always*."""
    marker = Path(os.environ["RD_TEST_MARKERS"]) / job.name
    if job.name.startswith("always") or (job.name.startswith("once") and not marker.exists()):
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return _real_compare_task(job, *args)


def test_a_lost_worker_costs_at_most_its_own_pair(tmp_path, monkeypatch):
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched task reaches the workers by fork")
    markers = tmp_path / "markers"
    markers.mkdir()
    monkeypatch.setenv("RD_TEST_MARKERS", str(markers))
    monkeypatch.setattr(batch, "compare_task", _dies)
    names = ["p0", "once1", "p2", "p3", "always4", "p5", "p6", "p7"]
    jobs = [Job(n, str(REPORT_2024), str(PLAN_2024)) for n in names]
    res = run_batch(jobs, tmp_path / "out", workers=2)
    failed = {r.job.name: r.error for r in res.results if not r.ok}
    assert list(failed) == ["always4"] and "工作进程意外退出" in failed["always4"]
    assert (markers / "once1").exists()  # it did die once, and was run again
    assert sorted(p.stem for p in (tmp_path / "out" / "reports").glob("*.html") if p.stem != "index") == sorted(set(names) - {"always4"})


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == pid and b"resource_tracker" not in cmdline:
            out.append(int(stat.parent.name))
    return out


def _running(pid: int) -> bool:
    """Alive and not a zombie (a killed process waits as a zombie until reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killing_the_batch_ends_its_workers(tmp_path, sig):
    big = tmp_path / "big.txt"  # several seconds per pair: workers would go on long after the batch died
    big.write_text(REPORT_2022.read_text(encoding="utf-8") * 4, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("a,b,name\n" + "".join(f"{big},{REPORT_2024},p{i}\n" for i in range(8)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "reportdiff", "batch", str(manifest), "--out-dir", str(tmp_path / "out"), "-j", "2", "-q"])
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) == 2, "the pool did not start"
    proc.send_signal(sig)
    proc.wait(timeout=60)
    # the kernel kills each worker when its parent dies: wait for that state
    deadline = time.monotonic() + 10
    while any(_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = [w for w in workers if _running(w)]
    for w in alive:
        os.kill(w, signal.SIGKILL)
    assert not alive, "workers still running after the batch process was killed"
