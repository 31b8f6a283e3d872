"""Timings of reportdiff (not a test), in one run:

* floor   whole-process time of importing only what a compare imports (numpy,
          rapidfuzz, click, jinja2, the pipeline), beside difflib.HtmlDiff;
* whole   whole-process ``reportdiff compare`` of the seed pairs and a national
          pair, beside Python's difflib.HtmlDiff at sentence level on the same
          inputs, run alternately in the same run (ratio reportdiff / difflib);
* startup ``reportdiff --help`` against a bare ``python -c pass``;
* scaling 1, 2, 4, 8, 16 corpus reports per side (one long report each: the
          commitments of all k), whole process: sentences aligned, time, fitted
          exponent, peak memory (max RSS of the child, from wait4);
* batch   the whole corpus in one ``reportdiff batch`` (every government's
          consecutive years): pairs, wall time and pairs/min, serial (-j 1),
          process pool (-j 2) and Dask LocalCluster (--scheduler local);
* recall  (not in the default run, slow) edges of candidate-based alignment
          against scoring every pair, on corpus pairs;
* targets ``reportdiff targets`` on the whole corpus (goal: under a minute).

Run: make bench   (or .venv/bin/python benchmarks/bench.py [--only floor,whole,startup,scaling,batch,recall])
The corpus parts need ../shared/corpus (skipped with a message when absent).
"""

from __future__ import annotations

import argparse
import compileall
import csv
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EX = ROOT / "examples"
CORPUS = Path(os.environ.get("REPORTDIFF_CORPUS", ROOT.parent / "shared" / "corpus"))
BIN = Path(sys.executable).parent
REPORTDIFF = str(BIN / "reportdiff")
sys.path.insert(0, str(ROOT / "src"))

#: the plain diff a user could run instead: sentence-level HtmlDiff of two files
DIFFLIB = r"""
import difflib, re, sys
def sentences(path):
    text = open(path, encoding="utf-8").read()
    return [s for s in re.split(r"(?<=[。！？；!?;])|\n", text) if s.strip()]
a, b = sentences(sys.argv[1]), sentences(sys.argv[2])
sys.stdout.write(difflib.HtmlDiff().make_file(a, b))
"""


def run(cmd: list[str]) -> tuple[float, float, float, int]:
    """Run ``cmd`` once: (wall s, CPU s of the child, max RSS MiB, exit code)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, proc.returncode


def compare_cmd(a: Path, b: Path, out: Path) -> list[str]:
    return [REPORTDIFF, "compare", str(a), str(b), "--out-dir", str(out), "-q", "--force"]


def fmt(xs: list[float]) -> str:
    return f"min {min(xs):6.3f}  median {statistics.median(xs):6.3f}"


def whole(runs: int, out: Path) -> None:
    pairs = [
        ("seed report-plan", EX / "chiping-2024-report.txt", EX / "chiping-2024-plan.txt"),
        ("seed report-report", EX / "chiping-2022-report.txt", EX / "chiping-2024-report.txt"),
    ]
    nat = CORPUS / "national" / "国务院"
    if (nat / "2023.txt").exists():
        pairs.append(("national 2022-2023", nat / "2022.txt", nat / "2023.txt"))
    else:
        print(f"  (national pair skipped: {nat} not found)")
    print(f"whole process, wall seconds over {runs} alternating runs (reportdiff writes HTML + CSV; difflib writes its HTML to /dev/null):")
    for name, a, b in pairs:
        run(compare_cmd(a, b, out))  # warm caches (file system, user cache folder)
        ours, plain = [], []
        for _ in range(runs):
            ours.append(run(compare_cmd(a, b, out))[:2])
            plain.append(run([sys.executable, "-c", DIFFLIB, str(a), str(b)])[:2])
        wo, wp = [w for w, _ in ours], [w for w, _ in plain]
        ratio = min(wo) / min(wp)
        ratio_med = statistics.median(wo) / statistics.median(wp)
        ratio_cpu = min(c for _, c in ours) / min(c for _, c in plain)
        print(f"  {name:<20} reportdiff {fmt(wo)}   difflib {fmt(wp)}   ratio {ratio:4.2f} (median {ratio_med:4.2f}, CPU {ratio_cpu:4.2f})")


#: what a whole-process ``reportdiff compare`` cannot do without: the interpreter,
#: then the imports (numpy and rapidfuzz for the scores, click for the command line,
#: jinja2 for the HTML report, the pipeline's own modules)
FLOOR = (
    ("python -c pass", "pass"),
    ("import numpy", "import numpy"),
    ("+ rapidfuzz", "import numpy, rapidfuzz.process, rapidfuzz.fuzz, rapidfuzz.distance.LCSseq"),
    ("+ click, jinja2", "import numpy, rapidfuzz.process, rapidfuzz.fuzz, rapidfuzz.distance.LCSseq, click, jinja2"),
    ("+ reportdiff modules", "import reportdiff.cli, reportdiff.api, reportdiff.align, reportdiff.detect, reportdiff.render, reportdiff.tables, reportdiff.summary, reportdiff.review, rapidfuzz.process, rapidfuzz.fuzz, rapidfuzz.distance.LCSseq, jinja2"),
)


def floor(runs: int) -> None:
    """The whole-process time of importing only what a compare must import, beside
    difflib.HtmlDiff on each pair of :func:`whole`: a compare cannot take less."""
    pairs = [("seed report-plan", EX / "chiping-2024-report.txt", EX / "chiping-2024-plan.txt"), ("seed report-report", EX / "chiping-2022-report.txt", EX / "chiping-2024-report.txt")]
    nat = CORPUS / "national" / "国务院"
    if (nat / "2023.txt").exists():
        pairs.append(("national 2022-2023", nat / "2022.txt", nat / "2023.txt"))
    times: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in FLOOR + tuple((p[0], "") for p in pairs)}
    for _ in range(runs):
        for name, code in FLOOR:
            times[name].append(run([sys.executable, "-c", code])[:2])
        for name, a, b in pairs:
            times[name].append(run([sys.executable, "-c", DIFFLIB, str(a), str(b)])[:2])
    print(f"floor: whole-process seconds of importing only what a compare imports, min over {runs} alternating runs (wall, CPU):")
    for name, _ in FLOOR:
        print(f"  {name:<22} wall {min(w for w, _ in times[name]):6.3f}  CPU {min(c for _, c in times[name]):6.3f}")
    base = min(w for w, _ in times[FLOOR[-1][0]])
    base_cpu = min(c for _, c in times[FLOOR[-1][0]])
    for name, _, _ in pairs:
        plain = min(w for w, _ in times[name])
        plain_cpu = min(c for _, c in times[name])
        print(f"  difflib {name:<20} wall {plain:6.3f}  CPU {plain_cpu:6.3f}   imports alone / difflib: wall {base / plain:4.2f}, CPU {base_cpu / plain_cpu:4.2f} (goal for the whole compare: 0.5)")


def startup(runs: int) -> None:
    bare, helps = [], []
    for _ in range(runs):
        bare.append(run([sys.executable, "-c", "pass"])[0])
        helps.append(run([REPORTDIFF, "--help"])[0])
    print(f"start-up over {runs} alternating runs: python -c pass {fmt(bare)};  reportdiff --help {fmt(helps)}")
    print(f"  --help above bare python: min {min(helps) - min(bare):.3f} s, median {statistics.median(helps) - statistics.median(bare):.3f} s")


def corpus_pairs(n: int, report_report: bool = False) -> list[tuple[Path, Path]]:
    """The first ``n`` governments (by name) with two consecutive years: (year,
    year + 1), the latest such years; with ``report_report`` only pairs that
    compare as two reports."""
    rows = list(csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8")))
    years: dict[str, dict[int, str]] = {}
    for r in rows:
        years.setdefault(r["government"], {})[int(r["year"])] = r["path"]
    out = []
    for gov in sorted(years):
        ys = years[gov]
        both = [y for y in sorted(ys) if y + 1 in ys]
        if both:
            y = both[-1]
            pair = (CORPUS / ys[y], CORPUS / ys[y + 1])
            if report_report and not _is_report_pair(*pair):
                continue
            out.append(pair)
            if len(out) == n:
                break
    return out


def _is_report_pair(a: Path, b: Path) -> bool:
    from reportdiff import api
    from reportdiff.errors import ReportdiffError
    from reportdiff.units import detect_mode

    try:
        return detect_mode(api.load_document(a), api.load_document(b)).value == "report-report"
    except ReportdiffError:
        return False


def _commitments_span(doc) -> tuple[int, int]:
    """Raw-text span of a report's commitments part as the tool reads it: from the end
    of the last paragraph before it that holds another part's sentence (so the part's
    headings come along) to the end of its last sentence's paragraph."""
    import bisect

    from reportdiff.model import Region

    starts = [p.span[0] for p in doc.paragraphs]
    para = [bisect.bisect_right(starts, s.span[0]) - 1 for s in doc.sentences]
    com = [k for k, s in zip(para, doc.sentences) if s.region == Region.COMMITMENTS]
    before = [k for k, s in zip(para, doc.sentences) if s.region != Region.COMMITMENTS and k < com[0]]
    lo = doc.paragraphs[before[-1]].span[1] if before else doc.paragraphs[com[0]].span[0]
    return lo, doc.paragraphs[com[-1]].span[1]


def scaling_side(paths: list[Path]) -> str:
    """One long report: the first report whole, with the commitments parts of the
    others inserted after its own commitments (before its closing), so the tool
    reads every report's commitments as one report's and aligns all of them."""
    from reportdiff import api

    docs = [api.load_document(p) for p in paths]
    first = docs[0].raw.text
    cut = _commitments_span(docs[0])[1]
    parts = [first[:cut]]
    for d in docs[1:]:
        lo, hi = _commitments_span(d)
        parts.append(d.raw.text[lo:hi])
    parts.append(first[cut:])
    return "\n".join(parts)


def _aligned_units(out: Path) -> tuple[int, int]:
    """Distinct sentences of A and of B in the alignment table (CSV) of the last compare."""
    (path,) = (out / "alignments").glob("*.csv")
    a, b = set(), set()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            a.update(row["A编号"].split())
            b.update(row["B编号"].split())
    return len(a), len(b)


def scaling(out: Path, sizes=(1, 2, 4, 8, 16)) -> None:
    pairs = corpus_pairs(max(sizes), report_report=True)
    print("scaling: k governments' reports per side (year N vs N+1) as one long report each (the first report with the")
    print("  commitments of the others after its own), one whole-process compare each; sentences aligned from its CSV:")
    pts = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for k in sizes:
            a, b = tmp / f"a{k}.txt", tmp / f"b{k}.txt"
            a.write_text(scaling_side([p for p, _ in pairs[:k]]), encoding="utf-8")
            b.write_text(scaling_side([q for _, q in pairs[:k]]), encoding="utf-8")
            o = tmp / f"out{k}"
            wall, cpu, rss, code = min((run(compare_cmd(a, b, o)) for _ in range(2 if k <= 4 else 1)), key=lambda r: r[0])
            chars = (len(a.read_text(encoding="utf-8")), len(b.read_text(encoding="utf-8")))
            na, nb = _aligned_units(o) if code == 0 else (0, 0)
            pts.append((k, na + nb, wall))
            print(
                f"  {k:>2} per side: {chars[0] / 1000:6.0f}k + {chars[1] / 1000:6.0f}k chars  {na:5d} x {nb:5d} sentences aligned  "
                f"wall {wall:6.2f} s  CPU {cpu:6.2f} s  max RSS {rss:6.0f} MiB  exit {code}"
            )
    ys = [math.log(t) for _, _, t in pts]
    by_k = _slope([math.log(k) for k, _, _ in pts], ys)
    by_n = _slope([math.log(max(n, 1)) for _, n, _ in pts], ys)
    print(f"  fitted exponent, log wall vs log k (1..{sizes[-1]}): {by_k:.2f};  vs log of the sentences aligned (both sides): {by_n:.2f}")


def _slope(xs: list[float], ys: list[float]) -> float:
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def batch(out: Path, governments: int = 0, modes: str = "serial,pool,dask") -> None:
    """``reportdiff batch`` of the whole corpus folder (every government's consecutive
    years, paired by the identity read from the texts), or of the files of the first
    ``governments`` governments (copied to a folder), serial, process pool and Dask."""
    with tempfile.TemporaryDirectory() as d:
        src = CORPUS
        if governments:
            rows = list(csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8")))
            keep = sorted({r["government"] for r in rows})[:governments]
            src = Path(d) / "corpus"
            for r in rows:
                if r["government"] in keep:
                    (src / r["path"]).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(CORPUS / r["path"], src / r["path"])
        n_files = sum(1 for p in src.rglob("*") if p.suffix in (".txt", ".md", ".docx", ".pdf"))
        what = f"the first {governments} governments" if governments else "the whole corpus"
        print(f"batch: `reportdiff batch FOLDER` on {what} ({n_files} files, {os.cpu_count()} cores); wall time includes start-up, reading identities and starting the pool or cluster:")
        labels = {"serial": ("serial (-j 1)", ["-j", "1"]), "pool": ("process pool (-j 2)", ["-j", "2"]), "dask": ("Dask LocalCluster (2)", ["-j", "2", "--scheduler", "local"])}
        walls = {}
        for mode in modes.split(","):
            label, extra = labels[mode]
            o = Path(d) / "out"
            shutil.rmtree(o, ignore_errors=True)
            cmd = [REPORTDIFF, "batch", str(src), "--out-dir", str(o), "--force", "-q"] + extra
            load = os.getloadavg()[0]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            with open(o / "reports" / "batch-summary.csv", encoding="utf-8-sig", newline="") as fh:
                rows = list(csv.DictReader(fh))
            ok = sum(r["状态"] == "完成" for r in rows)
            walls[mode] = wall
            print(
                f"  {label:<22} {len(rows)} pairs ({ok} done, {len(rows) - ok} failed)  wall {wall:6.1f} s  {60 * len(rows) / wall:6.1f} pairs/min  "
                f"CPU {cpu:6.1f} s (all processes)  load before {load:.1f}  exit {proc.returncode}"
            )
        if "pool" in walls and "dask" in walls:
            print(f"  Dask / pool wall: {walls['dask'] / walls['pool']:.2f} (goal <= 1.2)")
        if "serial" in walls and "pool" in walls:
            print(f"  serial / pool wall: {walls['serial'] / walls['pool']:.2f}")


def recall(n_pairs: int = 12) -> None:
    """Edges of :func:`reportdiff.align.align` (candidates only) against the same
    selection over every pair (dense score matrix), on corpus and seed pairs."""
    import numpy as np

    from reportdiff import align as A
    from reportdiff import api
    from reportdiff.units import areas_of, detect_mode, units_of

    def dense_edges(au, bu, mode, aa, ba):
        scores = A.score_matrix(au, bu)
        decide = scores + A.section_prior(au, bu, aa, ba)
        mask = None
        if mode.value == "report-report":
            ra = np.array([u.region.value for u in au])
            rb = np.array([u.region.value for u in bu])
            mask = ra[:, None] == rb[None, :]
        edges = A.select_edges(decide, A.PARAMS[mode], mask, (A._paragraph_groups(au), A._paragraph_groups(bu)))
        got = {(e.a, e.b) for e in edges}
        if mode.value == "report-report":
            c = A.tfidf_cosine(au, bu)
            c = c if mask is None else np.where(mask, c, 0.0)
            mb = (c >= c.max(axis=1, keepdims=True)) & (c >= c.max(axis=0, keepdims=True)) & (c >= A.COSINE_MUTUAL)
            got |= {(int(i), int(j)) for i, j in zip(*np.nonzero(mb))}
        return got

    pairs = [(EX / "chiping-2022-report.txt", EX / "chiping-2024-report.txt"), (EX / "chiping-2024-report.txt", EX / "chiping-2024-plan.txt")]
    nat = CORPUS / "national" / "国务院"
    pairs += [(nat / f"{y}.txt", nat / f"{y + 1}.txt") for y in (2021, 2022) if (nat / f"{y + 1}.txt").exists()]
    pairs += corpus_pairs(n_pairs)
    total = lost = gained = 0
    print(f"recall of candidate generation ({A.CANDIDATES} candidates per unit and side) against scoring every pair:")
    for pa, pb in pairs:
        a, b = api.load_document(pa), api.load_document(pb)
        mode = detect_mode(a, b)
        au, bu = units_of(a, mode), units_of(b, mode)
        aa, ba = areas_of(a, au), areas_of(b, bu)
        new = {(e.a, e.b) for e in A.align(au, bu, mode, a_areas=aa, b_areas=ba).edges}
        old = dense_edges(au, bu, mode, aa, ba)
        total, lost, gained = total + len(old), lost + len(old - new), gained + len(new - old)
    print(f"  {len(pairs)} pairs: {total} edges when every pair is scored; candidates lose {lost}, add {gained}")


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



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="floor,whole,startup,scaling,batch,targets", help="comma-separated sections (floor, whole, startup, scaling, batch, recall, targets)")
    ap.add_argument("--runs", type=int, default=5, help="runs per whole-process timing")
    ap.add_argument("--batch-governments", type=int, default=0, help="batch: only the first N governments of the corpus (default 0: the whole corpus)")
    ap.add_argument("--batch-modes", default="serial,pool,dask", help="batch: which of serial, pool, dask to run")
    args = ap.parse_args()
    sections = set(args.only.split(","))
    have_corpus = (CORPUS / "manifest.csv").exists()
    print(f"reportdiff benchmark  python {sys.version.split()[0]}  {os.cpu_count()} cores  load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as d:
        out = Path(d)
        # a stale or missing .pyc (PYTHONDONTWRITEBYTECODE, an edited module) would add
        # the compiling of the package to every run
        compileall.compile_dir(str(ROOT / "src" / "reportdiff"), quiet=1)
        if "floor" in sections:
            floor(2 * args.runs)
        if "whole" in sections:
            whole(args.runs, out)
        if "startup" in sections:
            startup(4 * args.runs)
        for name, fn in (("scaling", lambda: scaling(out)), ("batch", lambda: batch(out, args.batch_governments, args.batch_modes)), ("recall", recall), ("targets", lambda: targets_corpus(str(CORPUS)))):
            if name in sections:
                if have_corpus:
                    fn()
                else:
                    print(f"{name}: skipped, no corpus at {CORPUS}")


if __name__ == "__main__":
    main()
