"""Timings of reportdiff (not a test): whole-process compares and the align step at 1x/4x/16x.

Run: make bench   (or .venv/bin/python benchmarks/bench.py)
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


def main() -> None:
    print("whole process (best of 3, includes interpreter start-up and imports):")
    for a, b in (("chiping-2024-report.txt", "chiping-2024-plan.txt"), ("chiping-2022-report.txt", "chiping-2024-report.txt")):
        print(f"  reportdiff compare {a} {b}: {whole_process(a, b):.2f} s")
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
