"""Timings of reportdiff (not a test): whole-process compares, the align step at
1x/4x/16x, peak memory per input size, batch throughput (local processes and Dask), and
``reportdiff targets`` on the whole corpus (goal: under a minute).

Run: make bench   (or .venv/bin/python benchmarks/bench.py [--only whole,align,memory,batch,targets])
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EX = ROOT / "examples"
sys.path.insert(0, str(ROOT / "src"))


def whole_process(a: str, b: str, runs: int = 3) -> float:
    exe = Path(sys.executable).parent / "reportdiff"
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([str(exe), "compare", str(EX / a), str(EX / b), "--out-dir", "/tmp/reportdiff-bench", "-q", "--force"], check=True)
        best = min(best, time.perf_counter() - t)
    return best


def scaled_units(factor: int):
    """Units of the 2022 and 2024 reports repeated ``factor`` times (distinct ids)."""
    from reportdiff.api import load_document
    from reportdiff.model import Mode, Unit
    from reportdiff.units import units_of

    a = units_of(load_document(EX / "chiping-2022-report.txt"), Mode.REPORT_REPORT)
    b = units_of(load_document(EX / "chiping-2024-report.txt"), Mode.REPORT_REPORT)

    def rep(units):
        return tuple(Unit(id=f"{u.id}#{k}", text=u.text, key=u.key, section=u.section, region=u.region, span=u.span) for k in range(factor) for u in units)

    return rep(a), rep(b)


def batch_jobs(tmp: Path, n_pairs: int):
    """``n_pairs`` distinct pairs: lightly edited copies of the 2024 plan (a figure
    changed) against the 2024 report, and of the 2022 report against the 2024 report."""
    from reportdiff.batch import Job

    report = EX / "chiping-2024-report.txt"
    plan = (EX / "chiping-2024-plan.txt").read_text(encoding="utf-8")
    old = (EX / "chiping-2022-report.txt").read_text(encoding="utf-8")
    jobs = []
    for k in range(n_pairs):
        if k % 2 == 0:
            p = tmp / f"plan-{k:03d}.txt"
            p.write_text(plan.replace("218公里", f"{218 + k}公里", 1), encoding="utf-8")
            jobs.append(Job(f"rp-{k:03d}", str(report), str(p)))
        else:
            p = tmp / f"report2022-{k:03d}.txt"
            p.write_text(old.replace("6.5%左右", f"{6 + k / 100:.2f}%左右", 1), encoding="utf-8")
            jobs.append(Job(f"rr-{k:03d}", str(p), str(report)))
    return jobs


def batch_throughput(n_pairs: int = 52) -> None:
    import os
    import tempfile

    from reportdiff.batch import run_batch

    cores = os.cpu_count() or 1
    print(f"batch of {n_pairs} pairs (every document distinct; wall time includes starting the pool or cluster):")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        jobs = batch_jobs(tmp, n_pairs)
        runs = [(f"local, {w} worker{'s' if w > 1 else ''}", w, None) for w in sorted({1, 2, cores})]
        runs.append((f"Dask LocalCluster, {cores} workers", cores, "local"))
        for label, workers, scheduler in runs:
            t = time.perf_counter()
            res = run_batch(jobs, tmp / "out", workers=workers, scheduler=scheduler, force=True)
            el = time.perf_counter() - t
            assert res.failed == 0
            print(f"  {label:<32} {el:6.1f} s  {n_pairs / el:5.2f} pairs/s  (parsed {res.parsed} documents)")


def peak_memory(factors=(1, 16, 64)) -> None:
    """Peak RSS of a whole ``reportdiff compare`` (a fresh process) on the 2022
    and 2024 reports with their text repeated ``factor`` times."""
    import tempfile

    exe = Path(sys.executable).parent / "reportdiff"
    print("peak memory of one compare, report 2022 vs report 2024, text repeated (fresh process each):")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for f in factors:
            a, b = tmp / f"a{f}.txt", tmp / f"b{f}.txt"
            a.write_text((EX / "chiping-2022-report.txt").read_text(encoding="utf-8") * f, encoding="utf-8")
            b.write_text((EX / "chiping-2024-report.txt").read_text(encoding="utf-8") * f, encoding="utf-8")
            t = time.perf_counter()
            # a wrapper process reports the peak RSS of its one child
            wrapper = (
                "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
                "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.stderr.strip()[:150])"
            )
            cmd = [str(exe), "compare", str(a), str(b), "--out-dir", str(tmp / "out"), "-q", "--force"]
            proc = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True)
            el = time.perf_counter() - t
            code, kib, err = (proc.stdout.strip().split(" ", 2) + [""])[:3]
            rss = int(kib) / 1024
            msg = f"exit {code}" + (f": {err}" if err else "")
            print(f"  {f:>2}x: {a.stat().st_size / 2**10:6.0f} KiB + {b.stat().st_size / 2**10:6.0f} KiB  {el:7.1f} s  max RSS {rss:7.0f} MiB  {msg}")


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", default="whole,align,memory,batch,targets", help="comma-separated sections")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"), help="corpus folder for the targets section")
    args = ap.parse_args()
    sections = set(args.only.split(","))
    if "whole" in sections:
        print("whole process (best of 3, includes interpreter start-up and imports):")
        for a, b in (("chiping-2024-report.txt", "chiping-2024-plan.txt"), ("chiping-2022-report.txt", "chiping-2024-report.txt")):
            print(f"  reportdiff compare {a} {b}: {whole_process(a, b):.2f} s")
    if "memory" in sections:
        peak_memory()
    if "batch" in sections:
        batch_throughput()
    if "align" in sections:
        align_scaling()
    if "targets" in sections:
        targets_corpus(args.corpus)


def targets_corpus(corpus: str) -> None:
    """``reportdiff targets CORPUS`` as a user runs it (a new process: start-up, reading every
    report in worker processes, pairing years, writing CSV, xlsx and HTML); goal under 60 s."""
    import os

    if not Path(corpus).is_dir():
        print(f"targets: corpus {corpus} not found, skipped")
        return
    exe = Path(sys.executable).parent / "reportdiff"
    out = Path("/tmp/reportdiff-bench-targets")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run([str(exe), "targets", corpus, "--out-dir", str(out)], check=True, capture_output=True, text=True)
    el = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    n = sum(1 for _ in Path(corpus).rglob("*.txt"))
    load = os.getloadavg()[0]
    print(f"reportdiff targets on the whole corpus ({n} files, {os.cpu_count()} cores): {el:.1f} s wall (goal < 60 s), {cpu:.1f} s CPU in all processes; load average {load:.1f} (other users' work slows the wall time)")
    print("  " + proc.stdout.strip().splitlines()[0])


def align_scaling() -> None:
    from reportdiff.align import align
    from reportdiff.model import Mode

    print("align step alone on report-report units (2022 x 2024 seeds repeated):")
    for factor in (1, 4, 16):
        a, b = scaled_units(factor)
        tracemalloc.start()
        t = time.perf_counter()
        res = align(a, b, Mode.REPORT_REPORT)
        el = time.perf_counter() - t
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  {factor:>2}x: {len(a):>5} x {len(b):>5} units  {el:7.2f} s  edges {len(res.edges):>6}  peak traced {peak / 2**20:7.1f} MiB")
    print(f"max RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
