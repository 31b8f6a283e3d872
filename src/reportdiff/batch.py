"""Many comparisons at once.

A batch is a list of :class:`Job` (pairs of documents), from a manifest of
pairs (:func:`jobs_from_manifest`), or from a folder or a manifest of files
(a ``path`` column, as ``../shared/corpus/manifest.csv``) whose documents are
paired by their identity read from the text (:func:`jobs_from_folder`).
:func:`run_batch` then

1. reads every file once on the calling machine and hashes its bytes: each
   distinct content is one document, whatever its names or copies;
2. for a folder, reads each document's identity (kind, government, year) on
   the executor, in chunks of documents, and pairs them by it;
3. compares in chunks of pairs (:func:`chunk_task`): the pairs of one
   government's consecutive years go together, so that a report is parsed once
   for both pairs it belongs to.  A chunk carries the bytes of its documents
   and returns the rendered texts and the summary rows, so workers (a local
   process pool started once, or a Dask cluster when a scheduler address is
   given) need no access to the caller's disk and ship back only text;
4. writes each pair's report and alignment sheet as soon as its chunk is done
   (so an interrupted batch keeps what it finished), then the summary table and
   ``reports/index.html``.

A pair that fails (unreadable file, no structure, even a bug) becomes a failed
row of the summary; the others go on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

from .errors import BadManifest, NoPairs, ReportdiffError, SchedulerError, shown
from .model import DocKind, Document, FindingType, Options
from .normalize import fold
from .output import pair_stem, safe_name

__all__ = ("Job", "Identity", "PairResult", "BatchResult", "jobs_from_manifest", "manifest_files", "jobs_from_folder", "run_batch", "SUFFIXES", "SCHEDULER_ENV")

#: files a folder batch looks at
SUFFIXES = (".txt", ".md", ".docx", ".pdf")
#: environment variable naming a Dask scheduler (same as ``--scheduler``)
SCHEDULER_ENV = "REPORTDIFF_SCHEDULER"


@dataclass(frozen=True)
class Job:
    """One pair of documents to compare."""

    name: str  #: output stem (reports/<name>.html, alignments/<name>.csv)
    a: str  #: path of document A
    b: str  #: path of document B
    #: the stem earlier versions gave the pair when ``name`` now differs (folder pairs led by the
    #: government, :func:`reportdiff.output.pair_stem`): its reviewed sheet is still found
    old: str = ""


@dataclass(frozen=True)
class Identity:
    """What a folder batch pairs a document by, read from its text
    (:mod:`reportdiff.structure.identity`): small, cheap to ship back from a worker."""

    kind: DocKind
    government: str
    year: int | None


@dataclass(frozen=True)
class Failure:
    """A document or pair that could not be processed (picklable, never raised)."""

    message: str


@dataclass(frozen=True)
class PairResult:
    """What one comparison of the batch produced (text only: cheap to ship back from a worker)."""

    job: Job
    ok: bool
    error: str = ""
    html: str = ""
    csv: str = ""
    mode: str = ""
    coverage: float | None = None
    findings: dict = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    kinds: tuple[str, str] = ("", "")
    review: str = ""  #: one line on the review sheet applied, or ""
    stem: str = ""  #: output stem chosen (the job's name, or ``<name>-<hash>`` when that sheet belongs to other documents)
    reviewed: bool = False  #: the sheet at the chosen stem holds reviewer content and was read (merged with a backup)
    note: str = ""  #: a sheet of other documents passed over (Chinese), or ""

    @property
    def out_stem(self) -> str:
        return self.stem or self.job.name


@dataclass(frozen=True)
class BatchResult:
    """The whole batch: one result per job in job order, and what was written."""

    results: tuple[PairResult, ...]
    parsed: int  #: distinct document contents parsed
    files: int  #: distinct file paths read
    written: tuple[str, ...]  #: index, summary table(s)
    unpaired: tuple[tuple[str, str], ...] = ()  #: (path, why) of folder files that got no pair
    notes: tuple[str, ...] = ()  #: e.g. where reviewed sheets were merged

    @property
    def failed(self) -> int:
        return sum(not r.ok for r in self.results)


# --- where the pairs come from ---------------------------------------------------------


def _unique_names(jobs: list[Job]) -> list[Job]:
    seen: dict[str, int] = {}
    out = []
    for j in jobs:
        n = seen.get(j.name, 0) + 1
        seen[j.name] = n
        out.append(j if n == 1 else Job(f"{j.name}-{n}", j.a, j.b))
    return out


def _manifest_text(p: Path) -> str:
    """A manifest's text: UTF-8 (with or without BOM) or GB18030, else :class:`BadManifest`."""
    try:
        raw = p.read_bytes()
    except (OSError, ValueError) as exc:
        raise BadManifest(str(p), reason=getattr(exc, "strerror", None) or str(exc)) from None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise BadManifest(str(p), reason="无法解码")


def jobs_from_manifest(path: str | os.PathLike) -> list[Job]:
    """Jobs listed in a CSV manifest with columns ``a``, ``b`` and optional
    ``name`` (a header row is required; relative paths are taken from the
    manifest's folder).  UTF-8 (with or without BOM) or GB18030."""
    p = Path(path)
    text = _manifest_text(p)
    # a cell may be as long as the file (a huge name is cut by safe_name, not fatal)
    limit = csv.field_size_limit()
    try:
        csv.field_size_limit(max(limit, len(text) + 1))
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error as exc:
        raise BadManifest(str(p), reason=f"CSV 格式错误：{exc}") from None
    finally:
        csv.field_size_limit(limit)
    if not rows:
        raise BadManifest(str(p), reason="没有数据行")
    header = {(k or "").strip().lower(): k for k in rows[0]}
    if "a" not in header or "b" not in header:
        raise BadManifest(str(p), reason=f"缺少 a、b 列，实际为 {', '.join(k for k in rows[0] if k)}")
    base = p.parent
    jobs = []
    for r in rows:
        a, b = (r[header["a"]] or "").strip(), (r[header["b"]] or "").strip()
        if not a and not b:
            continue
        a_path = str(Path(a) if Path(a).is_absolute() else base / a)
        b_path = str(Path(b) if Path(b).is_absolute() else base / b)
        name = (r.get(header.get("name", ""), "") or "").strip() if "name" in header else ""
        # a name is an output stem: never a path (no separators, no .., bounded length)
        jobs.append(Job(safe_name(name) if name else pair_stem(a_path, b_path), a_path, b_path))
    return _unique_names(jobs)


def manifest_files(path: str | os.PathLike) -> list[str] | None:
    """The files listed by a manifest of documents (a ``path`` column and no
    ``a``/``b`` columns, as the corpus' ``manifest.csv``), relative paths taken
    from the manifest's folder; None when the manifest lists pairs.  Its other
    columns (government, year…) are not used: documents are paired by what
    their text says (:func:`jobs_from_folder`)."""
    p = Path(path)
    text = _manifest_text(p)
    try:
        reader = csv.DictReader(io.StringIO(text))
        header = {(k or "").strip().lower(): k for k in (reader.fieldnames or [])}
        if "path" not in header or "a" in header or "b" in header:
            return None
        files = [(r[header["path"]] or "").strip() for r in reader]
    except csv.Error as exc:
        raise BadManifest(str(p), reason=f"CSV 格式错误：{exc}") from None
    files = [f for f in files if f]
    if not files:
        raise BadManifest(str(p), reason="没有数据行")
    return list(dict.fromkeys(str(Path(f) if Path(f).is_absolute() else p.parent / f) for f in files))


def folder_files(folder: str | os.PathLike) -> list[str]:
    """Document files under ``folder`` (recursively), sorted; hidden and output folders skipped."""
    root = Path(folder)
    skip = {"reports", "alignments"}
    out = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).parts
        if any(part.startswith(".") or part in skip for part in rel[:-1]) or rel[-1].startswith("."):
            continue
        if p.is_file() and p.suffix.lower() in SUFFIXES:
            out.append(str(p))
    return out


def jobs_from_folder(docs: dict[str, Document | Identity | Failure]) -> tuple[list[Job], list[tuple[str, str]]]:
    """Pair documents by the identity read from their text (never their file
    names): each report with the plan(s) of the same government and year, and
    each report with the report of the latest earlier year of the same
    government.  Returns the jobs and the documents that got no pair (with why,
    in Chinese)."""
    ok = {p: d for p, d in docs.items() if not isinstance(d, Failure)}
    key = {p: (fold(d.government), d.year) for p, d in ok.items()}
    reports = [p for p, d in ok.items() if d.kind == DocKind.REPORT and d.government and d.year]
    plans = [p for p, d in ok.items() if d.kind == DocKind.PLAN and d.government and d.year]
    jobs: list[Job] = []
    for r in reports:
        for pl in plans:
            if key[pl] == key[r]:
                jobs.append(Job(pair_stem(r, pl, ok[r].government), r, pl, old=pair_stem(r, pl)))
        gov, year = key[r]
        earlier = [key[o][1] for o in reports if key[o][0] == gov and key[o][1] < year]
        if earlier:
            prev = max(earlier)
            for o in reports:
                if key[o] == (gov, prev):
                    jobs.append(Job(pair_stem(o, r, ok[r].government), o, r, old=pair_stem(o, r)))
    jobs.sort(key=lambda j: (key[j.a][0], key[j.a][1] or 0, j.a, j.b))
    paired = {j.a for j in jobs} | {j.b for j in jobs}
    unpaired = []
    for p, d in docs.items():
        if isinstance(d, Failure):
            unpaired.append((p, d.message))
        elif p not in paired:
            why = "未识别政府或年份" if not (d.government and d.year) else "不是报告或分工方案" if d.kind == DocKind.OTHER else "没有同一政府的对应文件"
            unpaired.append((p, why))
    return _unique_names(jobs), sorted(unpaired)


# --- the work, run on an executor ---------------------------------------------------


def parse_task(data: bytes | Failure, path: str, options: Options) -> Document | Failure:
    """Parse one document from its bytes; failures are returned, not raised."""
    if isinstance(data, Failure):
        return data
    from .api import load_bytes

    try:
        return load_bytes(data, path, options)
    except ReportdiffError as exc:
        return Failure(str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
        return Failure(f"{path}：内部错误 {type(exc).__name__}: {exc}")


def identity_task(items: list[tuple[str, bytes | Failure, str]], options: Options) -> list[tuple[str, Identity | Failure]]:
    """The identity of each ``(key, bytes, path)``: a chunk of documents per task,
    only their kind, government and year shipped back."""
    out: list[tuple[str, Identity | Failure]] = []
    for key, data, path in items:
        d = parse_task(data, path, options)
        out.append((key, d if isinstance(d, Failure) else Identity(d.kind, d.government, d.year)))
    return out


def chunk_task(
    jobs: list[Job], keys: list[tuple[str, str]], contents: dict[str, tuple[bytes | Failure, str]], options: Options, sheets: list, lang: str, force: bool = False
) -> list[PairResult]:
    """Compare a chunk of pairs (one result per job, in order).  ``contents`` maps
    each content key of ``keys`` to its bytes and a path; each document is parsed
    once here, however many pairs of the chunk it belongs to, and let go after
    its last pair."""
    last = {k: n for n, pair in enumerate(keys) for k in pair}
    docs: dict[str, Document | Failure] = {}
    out = []
    for n, (job, (ka, kb), sh) in enumerate(zip(jobs, keys, sheets)):
        for k in (ka, kb):
            if k not in docs:
                data, path = contents[k]
                docs[k] = parse_task(data, path, options)
        out.append(compare_task(job, docs[ka], docs[kb], options, sh, lang, force))
        for k in {ka, kb}:
            if last[k] == n:
                del docs[k]
    return out


def compare_task(job: Job, doc_a: Document | Failure, doc_b: Document | Failure, options: Options, sheets, lang: str, force: bool = False) -> PairResult:
    """Compare one pair and render its outputs; failures are returned, not raised.
    ``sheets`` are the candidate output stems with their sheets (see
    :func:`reportdiff.output.read_sheets`): the stem is chosen here, where the
    documents are known (:func:`reportdiff.review.bind`)."""
    for d in (doc_a, doc_b):
        if isinstance(d, Failure):
            return PairResult(job=job, ok=False, error=d.message)
    from . import api, render, tables
    from .review import bind
    from .summary import review_lines

    try:
        # a document parsed once serves every pair; show each pair its own path
        doc_a, doc_b = _with_path(doc_a, job.a), _with_path(doc_b, job.b)
        current, legacy = sheets
        stem, sheet, note = bind(list(current), doc_a, doc_b, force, list(legacy))
        review = sheet if sheet is not None and sheet.rows and not force else None
        cmp = api.compare_documents(doc_a, doc_b, options, review)
        return PairResult(
            job=job,
            ok=True,
            html=render.render_html(cmp, lang),
            csv=tables.alignment_csv(cmp),
            mode=cmp.mode.value,
            coverage=cmp.summary.get("coverage"),
            findings=dict(cmp.summary["findings"]),
            warnings=cmp.warnings,
            kinds=(cmp.a.kind.value, cmp.b.kind.value),
            review=" ".join(review_lines(cmp)[:1]),
            stem=stem,
            reviewed=sheet is not None and sheet.has_content and not force,
            note=note,
        )
    except ReportdiffError as exc:
        return PairResult(job=job, ok=False, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad pair must not stop a batch
        return PairResult(job=job, ok=False, error=f"内部错误 {type(exc).__name__}: {exc}")


def _with_path(doc: Document, path: str) -> Document:
    return doc if doc.raw.path == path else replace(doc, raw=replace(doc.raw, path=path))


def _outcome(future):
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a lost worker fails its pair, not the batch
        return exc


class _Inline:
    """Runs tasks at once in this process (one worker: no pool to start)."""

    def submit(self, fn, *args) -> Future:
        f: Future = Future()
        f.set_result(fn(*args))
        return f

    def results(self, futures: list) -> Iterable:
        """(future, result) as they complete; an exception of the executor
        itself (a worker that died) is given as the result, not raised."""
        return ((f, _outcome(f)) for f in futures)

    def close(self) -> None:
        pass


class WorkerLost(Exception):
    """A worker process that died (killed, out of memory) twice while running a task."""

    def __str__(self) -> str:
        return "工作进程意外退出（可能内存不足或被终止），重试一次后仍失败"


def _start_worker(parent: int) -> None:
    """Pool worker initializer, run once per worker: the kernel kills this
    worker when the batch process dies (kill -9, SIGTERM), so no worker runs on
    for minutes (Linux); then the pipeline is imported, so that every task finds
    a warm worker."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    from . import align, api, detect, render, review, summary, tables  # noqa: F401 - warm-up


class _Pool(_Inline):
    """A local process pool (``concurrent.futures``), started once per batch, that
    survives a lost worker.

    A worker that dies (the out-of-memory killer, kill -9) breaks the whole
    pool: every task not finished fails with ``BrokenProcessPool``.  Those tasks
    are run again on a fresh pool; the ones that break that pool too are run
    once more, each alone, so only a task that kills its worker every time is
    lost (and reported), not the others.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.calls: dict[Future, tuple] = {}
        self.pool = self._new(workers)

    @staticmethod
    def _new(workers: int):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(os.getpid(),))

    def _renew(self, workers: int) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._new(workers)

    def submit(self, fn, *args) -> Future:
        f = self.pool.submit(fn, *args)
        self.calls[f] = (fn, args)
        return f

    def results(self, futures: list) -> Iterable:
        from concurrent.futures import as_completed
        from concurrent.futures.process import BrokenProcessPool

        broken = []
        for f in as_completed(futures):
            try:
                yield f, f.result()
            except BrokenProcessPool:
                broken.append(f)
            except Exception as exc:  # noqa: BLE001 - reported as the pair's failure
                yield f, exc
        if not broken:
            return
        # second try: a fresh pool for every task the lost worker took down
        self._renew(self.workers)
        again = {self.pool.submit(*self._call(f)): f for f in broken}
        lost = []
        for g in as_completed(again):
            try:
                yield again[g], g.result()
            except BrokenProcessPool:
                lost.append(again[g])
            except Exception as exc:  # noqa: BLE001
                yield again[g], exc
        # broken again: each task alone, so that one task that kills its worker costs only itself
        for f in sorted(lost, key=lambda f: list(self.calls).index(f)):
            self._renew(1)
            try:
                yield f, self.pool.submit(*self._call(f)).result()
            except BrokenProcessPool:
                yield f, WorkerLost()
            except Exception as exc:  # noqa: BLE001
                yield f, exc
        if lost:
            self._renew(self.workers)

    def _call(self, f: Future) -> tuple:
        fn, args = self.calls[f]
        return (fn, *args)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


#: Dask settings of ``--scheduler local``: no statistical profiler or GIL monitor in the
#: workers, and glibc's default for returning freed memory (Dask's 64 kB threshold costs
#: system time on a batch of text comparisons).  The periodic work of every Dask process
#: (scheduler, nannies, workers) is made rarer: the event-loop tick that only detects a
#: blocked loop (20 ms by default), the system monitor that feeds the dashboard (0.5 s)
#: and the nannies' memory checks (0.1 s).  On 2 cores an idle LocalCluster of 2 workers
#: used 2.6 CPU seconds per 15 s with Dask's defaults, 0.5 with these (the whole
#: difference comes out of the comparisons' time on a busy machine).  The processes of a
#: real cluster take the same from their environment (see README, "On a Dask cluster").
LOCAL_DASK_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "10s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}


class _Dask(_Inline):
    """A Dask cluster: ``address`` of a scheduler, or ``local`` for a LocalCluster
    of ``workers`` processes on this machine.  Tasks are the same chunks as on
    the local pool: they carry the documents' bytes and return text."""

    def __init__(self, address: str, workers: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise SchedulerError(address, reason="没有安装 dask.distributed（pip install 'reportdiff[cluster]'）") from None
        self.cluster = None
        try:
            if address == "local":
                import dask

                # the workers' statistical profiler (a stack sample every 10 ms) and GIL
                # monitor cost CPU time that the comparisons need on a small machine
                with dask.config.set(LOCAL_DASK_CONFIG):
                    self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
                self.client = Client(self.cluster)
            else:
                self.client = Client(address, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise SchedulerError(address, reason=f"无法连接（{type(exc).__name__}）") from None

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)

    def results(self, futures: list) -> Iterable:
        from distributed import as_completed

        return ((f, _outcome(f)) for f in as_completed(futures))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(workers: int, scheduler: str | None):
    """The executor for a batch: Dask when a scheduler is named, else local."""
    if scheduler:
        return _Dask(scheduler, workers)
    return _Inline() if workers <= 1 else _Pool(workers)


# --- the batch ---------------------------------------------------------------------

#: most pairs per compare task (a government's consecutive years: 7 reports, 6 pairs, fit in one)
CHUNK_PAIRS = 8
#: most documents per identity task
CHUNK_DOCS = 16


def _read_all(paths: Iterable[str], max_bytes: int) -> dict[str, bytes | Failure]:
    from .read import file_bytes

    out: dict[str, bytes | Failure] = {}
    for p in paths:
        if p in out:
            continue
        try:
            out[p] = file_bytes(p, max_bytes)
        except ReportdiffError as exc:
            out[p] = Failure(str(exc))
    return out


def _content_key(path: str, data: bytes | Failure) -> str:
    # the same bytes are one document only when read the same way: a .txt
    # copy named .docx is another (failing) document, not the .txt's twin
    return hashlib.sha256(data).hexdigest() + Path(path).suffix.lower() if isinstance(data, bytes) else "failed:" + path


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def identify_all(paths: list[str], data: dict[str, bytes | Failure], keys: dict[str, str], options: Options, executor, workers: int) -> dict[str, Identity | Failure]:
    """Path -> identity, each distinct content read once, in chunks of documents."""
    first: dict[str, str] = {}
    for p in paths:
        first.setdefault(keys[p], p)
    items = [(k, data[p], p) for k, p in first.items()]
    size = max(1, min(CHUNK_DOCS, -(-len(items) // (4 * workers))))
    got: dict[str, Identity | Failure] = {}
    futures = {executor.submit(identity_task, chunk, options): chunk for chunk in _chunks(items, size)}
    for fut, res in executor.results(list(futures)):
        if isinstance(res, Exception):
            res = [(k, Failure(f"解析失败：{res}")) for k, _, _ in futures[fut]]
        got.update(res)
    return {p: got[keys[p]] for p in paths}


def pair_chunks(numbers: list[int], jobs: list[Job], keys: dict[str, str], workers: int) -> list[list[int]]:
    """Jobs (by number, in order) cut into compare tasks: consecutive jobs that
    share a document go together (a report with the year before and the year
    after), at most :data:`CHUNK_PAIRS` and few enough per chunk that every
    worker gets several; largest chunks first, so that the batch does not end
    waiting on one long chunk."""
    size = max(1, min(CHUNK_PAIRS, -(-len(numbers) // (2 * workers))))
    chunks: list[list[int]] = []
    held: set[str] = set()
    for n in numbers:
        mine = {keys[jobs[n].a], keys[jobs[n].b]}
        if chunks and len(chunks[-1]) < size and mine & held:
            chunks[-1].append(n)
            held |= mine
        else:
            chunks.append([n])
            held = set(mine)
    return sorted(chunks, key=len, reverse=True)


def run_batch(
    jobs: list[Job] | None,
    out_dir: str | os.PathLike,
    options: Options | None = None,
    *,
    folder: str | os.PathLike | None = None,
    files: list[str] | None = None,
    workers: int = 0,
    scheduler: str | None = None,
    lang: str = "zh",
    force: bool = False,
    progress: Callable[[PairResult, int, int], None] | None = None,
) -> BatchResult:
    """Run a batch and write its outputs under ``out_dir`` (reports/, alignments/).

    Give ``jobs``, or ``folder`` or ``files`` (documents paired by
    :func:`jobs_from_folder`).  ``workers`` 0 means all cores; ``scheduler`` is
    a Dask scheduler address (or ``local``), default the :data:`SCHEDULER_ENV`
    variable.  ``progress`` is called once per pair as it is done.
    """
    from . import output

    opts = options or Options()
    workers = workers or os.cpu_count() or 1
    scheduler = scheduler or os.environ.get(SCHEDULER_ENV) or None
    out = Path(out_dir)
    executor = make_executor(workers, scheduler)
    unpaired: list[tuple[str, str]] = []
    notes: list[str] = []
    results: dict[int, PairResult] = {}

    def done(n: int, res: PairResult) -> None:
        if res.ok:
            res = _write(res, out, force, notes)
        results[n] = res
        if progress:
            progress(res, len(results), len(jobs))

    try:
        if folder is not None or files is not None:
            source = str(folder) if folder is not None else "清单"
            paths = folder_files(folder) if folder is not None else list(dict.fromkeys(files or []))
            if not paths:
                raise NoPairs(source, reason=f"没有 {' '.join(SUFFIXES)} 文件")
            data = _read_all(paths, opts.max_bytes)
            keys = {p: _content_key(p, data[p]) for p in paths}
            jobs, unpaired = jobs_from_folder(identify_all(paths, data, keys, opts, executor, workers))
            if not jobs:
                raise NoPairs(source, reason="没有同一政府同一年的报告和分工方案，也没有同一政府相邻年份的报告")
        else:
            if jobs is None:
                raise ValueError("run_batch needs jobs, folder or files")
            paths = sorted({p for j in jobs for p in (j.a, j.b)})
            data = _read_all(paths, opts.max_bytes)
            keys = {p: _content_key(p, data[p]) for p in paths}
        sheets: dict[int, list] = {}
        for n, job in enumerate(jobs):
            try:
                stems = output.candidate_stems(job.name, job.a, job.b)
                old = output.legacy_stems(job.name, job.a, job.b, job.old) if job.old else ()
                sheets[n] = (output.read_sheets([(s, output.sheet_path(out, s)) for s in stems]), output.read_sheets([(s, output.sheet_path(out, s)) for s in old]))
            except ReportdiffError as exc:
                done(n, PairResult(job=job, ok=False, error=str(exc)))

        def submit(chunk: list[int]):
            contents = {keys[p]: (data[p], p) for n in chunk for p in (jobs[n].a, jobs[n].b)}
            return executor.submit(
                chunk_task, [jobs[n] for n in chunk], [(keys[jobs[n].a], keys[jobs[n].b]) for n in chunk], contents, opts, [sheets[n] for n in chunk], lang, force
            )

        futures = {submit(chunk): chunk for chunk in pair_chunks(sorted(sheets), jobs, keys, workers)}
        while futures:
            again: list[int] = []
            for fut, res in executor.results(list(futures)):
                chunk = futures[fut]
                if isinstance(res, WorkerLost) and len(chunk) > 1:
                    again.extend(chunk)  # its worker died every time: its pairs again, each alone
                    continue
                if isinstance(res, Exception):
                    error = str(res) if isinstance(res, WorkerLost) else f"执行失败：{type(res).__name__}: {res}"
                    res = [PairResult(job=jobs[n], ok=False, error=error) for n in chunk]
                for n, r in zip(chunk, res):
                    done(n, r)
            futures = {submit([n]): [n] for n in again}
    finally:
        executor.close()
    ordered = tuple(results[n] for n in range(len(jobs)))
    written = write_summary(ordered, out, unpaired, lang)
    parsed = len({keys[p] for p in paths})
    return BatchResult(results=ordered, parsed=parsed, files=len(paths), written=tuple(written), unpaired=tuple(unpaired), notes=tuple(sorted(notes)))


def _write(res: PairResult, out: Path, force: bool, notes: list[str]) -> PairResult:
    """Write one pair's report and sheet; returns the result without its texts
    (they are written: not kept in memory for the whole batch)."""
    from . import output, tables

    try:
        sheet = output.sheet_path(out, res.out_stem)
        output.atomic_write_text(output.report_path(out, res.out_stem), res.html)
        target, note = tables.table_target(sheet, sheet if res.reviewed else None, force)
        output.atomic_write_text(target, res.csv, bom=True)
        notes.extend(x for x in (note, res.note) if x)
        return replace(res, html="", csv="")
    except ReportdiffError as exc:  # e.g. the disk is full: this pair fails, the batch goes on
        return PairResult(job=res.job, ok=False, error=str(exc))


# --- summary table and index page ---------------------------------------------------------

#: short Chinese names of the comparison modes, for the summary table
MODE_SHORT = {"report-plan": "报告↔分工方案", "report-report": "报告↔报告", "plan-plan": "分工方案↔分工方案", "generic": "普通文本"}


def summary_rows(results: tuple[PairResult, ...]) -> list[dict[str, str]]:
    """One row per pair, Chinese headers: the batch summary table."""
    from .export import KIND_ZH
    from .summary import TYPE_ZH

    rows = []
    for n, r in enumerate(results, 1):
        row = {
            "序号": str(n),
            "名称": r.job.name,
            "A": shown(r.job.a),
            "B": shown(r.job.b),
            "模式": MODE_SHORT.get(r.mode, r.mode),
            "状态": "完成" if r.ok else "失败",
            "覆盖率": f"{r.coverage * 100:.1f}%" if r.coverage is not None else "",
        }
        for t in FindingType:
            row[TYPE_ZH[t]] = str(r.findings.get(t.value, 0)) if r.ok else ""
        row["提示"] = r.error if not r.ok else "；".join(r.warnings)
        row["审核"] = r.review
        row["类型"] = " / ".join(KIND_ZH.get(k, k) for k in r.kinds if k)
        row["报告"] = f"{r.out_stem}.html" if r.ok else ""
        row["链接"] = quote(row["报告"])
        rows.append(row)
    return rows


def write_summary(results: tuple[PairResult, ...], out: Path, unpaired: list[tuple[str, str]], lang: str) -> list[str]:
    """Write reports/batch-summary.csv, .xlsx and reports/index.html."""
    from . import output

    rows = summary_rows(results)
    header = [h for h in rows[0] if h != "链接"] if rows else ["序号", "名称", "A", "B", "状态"]
    from .tables import csv_text

    written = [
        str(output.atomic_write_text(out / "reports" / "index.html", index_html(results, rows, unpaired, lang))),
        str(output.atomic_write_text(out / "reports" / "batch-summary.csv", csv_text(header, rows), bom=True)),
        str(output.atomic_write_bytes(out / "reports" / "batch-summary.xlsx", _summary_xlsx(header, rows, unpaired, results))),
    ]
    return written


def _summary_xlsx(header: list[str], rows: list[dict[str, str]], unpaired: list[tuple[str, str]], results: tuple[PairResult, ...] = ()) -> bytes:
    from openpyxl.styles import Font, PatternFill

    from .tables import append_row, new_workbook, workbook_to_bytes

    wb = new_workbook()
    ws = wb.active
    ws.title = "汇总"
    append_row(ws, header)
    coverage_col = header.index("覆盖率") + 1 if "覆盖率" in header else 0
    for n, r in enumerate(rows):
        append_row(ws, [int(r[h]) if h not in ("名称", "A", "B") and r[h].isdigit() else r[h] for h in header])
        # the coverage is a number (a percentage format shows it as in the CSV)
        cov = results[n].coverage if n < len(results) else None
        if coverage_col and cov is not None:
            cell = ws.cell(row=ws.max_row, column=coverage_col, value=round(cov, 4))
            cell.number_format = "0.0%"
        if r["状态"] == "失败":
            for cell in ws[ws.max_row]:
                cell.fill = PatternFill("solid", fgColor="F8D7DA")
    ws.freeze_panes = "A2"
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col, width in (("B", 40), ("C", 36), ("D", 36)):
        ws.column_dimensions[col].width = width
    if unpaired:
        us = wb.create_sheet("未配对文件")
        append_row(us, ["文件", "原因"])
        for p, why in unpaired:
            append_row(us, [p, why])
    return workbook_to_bytes(wb)


def index_html(results: tuple[PairResult, ...], rows: list[dict[str, str]], unpaired: list[tuple[str, str]], lang: str) -> str:
    """reports/index.html: every pair with its coverage, findings and warnings, linked to its report."""
    from .render import render_template
    from .summary import TYPE_ZH

    shown = [t for t in FindingType if any(r.findings.get(t.value) for r in results)]
    totals = {
        "pairs": len(results),
        "ok": sum(r.ok for r in results),
        "failed": sum(not r.ok for r in results),
        "mismatch": sum(bool(r.warnings) for r in results),
    }
    return render_template(
        "index.html",
        rows=rows,
        results=results,
        types=[(t.value, TYPE_ZH[t]) for t in shown],
        unpaired=unpaired,
        totals=totals,
        lang=lang,
    )
