"""``reportdiff targets``: headline targets across years and governments, and what was achieved.

Input: files or folders of work reports (many governments and years).  Each report is read once
(in worker processes), its headline targets (:mod:`reportdiff.structure.targets`) are held against
the next year's review of the same government (:mod:`reportdiff.structure.outcomes`), and the
result is one long table (a :class:`pandas.DataFrame`), with pivots:

* metric × year per government (the target as written, and the outcome);
* government × metric for one year.

Writers: CSV with BOM (Excel and WPS open it as UTF-8), xlsx (long table and pivots), and a
self-contained HTML page (``templates/targets.html``): one small inline-SVG chart per metric and
government (targets as steps, outcomes as points, misses marked) and sortable tables that are
plain HTML (they show with JavaScript off).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from .model import Document, TargetCheck, TargetStatus
from .structure.targets import PRE_QUALIFIERS

__all__ = ("collect", "target_text", "outcome_text", "COLUMNS", "checks_table", "pivot_years", "pivot_governments", "csv_text", "xlsx_bytes", "render_page", "TargetsRun", "STATUS_LABELS")

_SUFFIXES = (".txt", ".md", ".docx", ".pdf")

STATUS_LABELS = {
    "zh": {
        "met": "完成",
        "met_with_qualifier": "基本完成（在“左右”幅度内）",
        "missed": "未完成",
        "qualitative": "定性表述",
        "not_reported": "未报告",
        "pending": "待下年报告",
    },
    "en": {
        "met": "met",
        "met_with_qualifier": "met with qualifier",
        "missed": "missed",
        "qualitative": "qualitative",
        "not_reported": "not reported",
        "pending": "no next report",
    },
}

#: columns of the long table: (key, Chinese header, English header)
COLUMNS = (
    ("government", "政府", "government"),
    ("year", "年份", "year"),
    ("metric", "指标（原文）", "metric (as written)"),
    ("canonical", "指标（统一名称）", "metric (canonical)"),
    ("target", "目标", "target"),
    ("value", "目标值", "target value"),
    ("upper", "目标上限", "upper"),
    ("unit", "单位", "unit"),
    ("qualifier", "限定词", "qualifier"),
    ("direction", "方向", "direction"),
    ("target_clause", "目标原文", "target clause"),
    ("outcome", "完成值", "outcome"),
    ("outcome_value", "完成数值", "outcome value"),
    ("outcome_unit", "完成单位", "outcome unit"),
    ("outcome_clause", "完成情况原文", "outcome clause"),
    ("status", "状态", "status"),
    ("status_label", "状态说明", "status label"),
    ("path", "目标所在文件", "target file"),
    ("outcome_path", "完成情况所在文件", "outcome file"),
)


@dataclass(frozen=True)
class TargetsRun:
    """What ``collect`` read: the checks, the reports read and the files that failed."""

    checks: tuple[TargetCheck, ...]
    reports: int  #: documents read as work reports with a government and a year
    with_targets: int  #: of those, reports with headline targets
    failed: tuple[tuple[str, str], ...]  #: (path, one-line error)
    context: dict = field(default_factory=dict, compare=False, hash=False)  #: (path, sentence id) -> sentence text

    @property
    def resolved(self) -> tuple[int, int]:
        """(targets with a next-year report whose review states a figure or a judgement on
        them, targets with a next-year report)."""
        due = [c for c in self.checks if c.status != TargetStatus.PENDING]
        return sum(c.status != TargetStatus.NOT_REPORTED for c in due), len(due)


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in _SUFFIXES)
        else:
            out.append(p)
    return out


#: how far past the line that leads in this year's targets a prefix runs (lines, characters):
#: well past the list (which may go on over paragraphs) and out of the last paragraphs, where
#: the closing appeal is looked for
_PREFIX_LINES = 12
_PREFIX_CHARS = 3000


def _prefix_end(text: str) -> int | None:
    """Where a prefix of ``text`` that holds everything the targets need may end: the review,
    which comes first, and this year's targets list, led in by ``主要预期目标是：`` (see
    :func:`reportdiff.structure.sections.is_targets_lead`).  None when there is no such line,
    or the prefix would be most of the text."""
    from .structure.sections import is_targets_lead

    start = 0
    lead = None
    for line in text.split("\n"):
        if lead is None and is_targets_lead(line):
            lead, n, chars = start, 0, 0
        elif lead is not None:
            n += 1
            chars = start - lead
            if n >= _PREFIX_LINES and chars >= _PREFIX_CHARS:
                return start if start < 0.9 * len(text) else None
        start += len(line) + 1
    return None


def _load(path: str) -> Document:
    """The report at ``path`` as :func:`reportdiff.api.load_document` reads it, but built from
    the prefix of :func:`_prefix_end` when that gives the same targets: the prefix's kind,
    government and year are known, and its targets are a list of three or more figures in the
    commitments part that ends well before the prefix does.  Then the full text, whose
    commitments come first when the targets are chosen, starts with the same list (the
    headline list is the first in the commitments with three or more figures), and the review
    before it is the same.  Otherwise (and for any other document) the whole text is read.
    The commitments after the targets are most of a report and the targets need none of them."""
    from . import api, read
    from .model import DocKind, Options, Region

    opts = Options()
    raw = read.read_path(path, encoding=opts.encoding, max_bytes=opts.max_bytes)
    end = _prefix_end(raw.text)
    if end is not None:
        try:
            doc = api._build(replace(raw, text=raw.text[:end]))
        except Exception:  # the prefix is not a document the builder understands: read it all
            doc = None
        by_id = {s.id: s for s in doc.sentences} if doc is not None else {}
        if (
            doc is not None
            and doc.kind == DocKind.REPORT
            and doc.government
            and doc.year
            and sum(t.quantitative for t in doc.targets) >= 3
            and all(t.sentence in by_id and by_id[t.sentence].region == Region.COMMITMENTS for t in doc.targets)
            and max(t.span[1] for t in doc.targets) <= end - _PREFIX_CHARS // 2
        ):
            return replace(doc, raw=raw)
    return api._build(raw)


def _slim(path: str) -> tuple[Document | None, str, tuple, list, dict[str, str]]:
    """Read one report in a worker (:func:`_load`) and send back only what the pairing and
    the page use: the document without its text, paragraphs, sections and sentences (its
    targets, kind, government and year), its review's outcomes and clauses worked out, and the
    text of each sentence those name (the page shows a clause in its sentence).  Sentences and
    sections are most of a document's size, and pickling them back cost more than the pairing."""
    from .errors import ReportdiffError
    from .structure.outcomes import review_parts

    try:
        doc = _load(path)
    except ReportdiffError as e:
        return None, str(e), (), [], {}
    except Exception as e:  # a worker must report, not die: the file is listed as failed
        return None, f"{type(e).__name__}: {e}", (), [], {}
    outcomes, clauses = review_parts(doc)
    named = {t.sentence for t in doc.targets} | {o.sentence for o in outcomes} | {c[4] for c in clauses}
    texts = {s.id: s.text for s in doc.sentences if s.id in named}
    slim = replace(doc, raw=replace(doc.raw, text=""), paragraphs=(), items=(), sentences=(), sections=())
    return slim, "", outcomes, clauses, texts


def collect(paths: list[str], workers: int = 0) -> TargetsRun:
    """Read the reports under ``paths`` (files or folders) and pair each year with the next.
    ``workers`` processes read them (0: one per core; 1: in this process); the result does
    not depend on how many."""
    from .model import DocKind
    from .structure.outcomes import pair_years

    files = _files(paths)
    n = workers or os.cpu_count() or 1
    if n > 1 and len(files) > 8:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=n) as ex:
            results = list(ex.map(_slim, [str(f) for f in files], chunksize=4))
    else:
        results = [_slim(str(f)) for f in files]
    docs = [r[0] for r in results if r[0] is not None]
    prepared = {d.raw.path: (o, c) for d, _, o, c, _ in results if d is not None}
    failed = tuple((str(f), r[1]) for f, r in zip(files, results) if r[0] is None)
    reports = [d for d in docs if d.kind == DocKind.REPORT and d.government and d.year]
    context = {(d.raw.path, sid): text for d, _, _, _, texts in results if d is not None for sid, text in texts.items()}
    return TargetsRun(pair_years(docs, prepared), len(reports), sum(bool(d.targets) for d in reports), failed, context)


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return f"{v:g}"


def target_text(c: TargetCheck) -> str:
    """The target as written short: ``6%—6.5%``, ``5.5%左右``, ``基本平衡``."""
    t = c.target
    if t.value is None:
        return t.text
    q = t.qualifier.split("+")
    pre = "".join(x for x in q if x in PRE_QUALIFIERS)
    post = "".join(x for x in q if x not in PRE_QUALIFIERS)
    if t.upper is not None:
        return f"{pre}{_num(t.value)}{t.unit}—{_num(t.upper)}{t.unit}{post}"
    return f"{pre}{_num(t.value)}{t.unit}{post}"


def outcome_text(c: TargetCheck) -> str:
    o = c.outcome
    if o is None:
        return ""
    if o.value is None:
        return o.text
    return f"{_num(o.value)}{o.unit}{o.qualifier.replace('+', '')}"


def checks_table(checks, lang: str = "zh", base: str | os.PathLike | None = None):
    """The long table: one row per target (columns :data:`COLUMNS`, Chinese or English headers)."""
    import pandas as pd

    labels = STATUS_LABELS[lang]

    def rel(p: str) -> str:
        if not p or base is None:
            return p
        try:
            return os.path.relpath(p, base)
        except ValueError:
            return p

    rows = []
    for c in checks:
        t, o = c.target, c.outcome
        rows.append(
            {
                "government": c.government,
                "year": c.year,
                "metric": t.metric,
                "canonical": t.canonical,
                "target": target_text(c),
                "value": t.value,
                "upper": t.upper,
                "unit": t.unit,
                "qualifier": t.qualifier,
                "direction": c.direction,
                "target_clause": t.text,
                "outcome": outcome_text(c),
                "outcome_value": o.value if o else None,
                "outcome_unit": o.unit if o else "",
                "outcome_clause": o.text if o else "",
                "status": c.status.value,
                "status_label": labels[c.status.value],
                "path": rel(c.path),
                "outcome_path": rel(c.outcome_path),
            }
        )
    df = pd.DataFrame(rows, columns=[k for k, _, _ in COLUMNS])
    return df.rename(columns={k: (zh if lang == "zh" else en) for k, zh, en in COLUMNS})


def _first(s):
    vals = [v for v in s if v]
    return vals[0] if vals else ""


def pivot_years(checks, government: str):
    """Metric × year of one government: cells ``target → outcome（status）``."""
    import pandas as pd

    rows = [
        {"metric": c.target.canonical, "year": c.year, "cell": target_text(c) + (f" → {outcome_text(c)}" if c.outcome and c.outcome.value is not None else "")}
        for c in checks
        if c.government == government
    ]
    if not rows:
        return pd.DataFrame()
    df = pd.DataFrame(rows)
    return df.pivot_table(index="metric", columns="year", values="cell", aggfunc=_first, fill_value="")


def pivot_governments(checks, year: int):
    """Government × metric for one year: the target as written."""
    import pandas as pd

    rows = [{"government": c.government, "metric": c.target.canonical, "cell": target_text(c)} for c in checks if c.year == year]
    if not rows:
        return pd.DataFrame()
    df = pd.DataFrame(rows)
    return df.pivot_table(index="government", columns="metric", values="cell", aggfunc=_first, fill_value="")


def csv_text(checks, lang: str = "zh", base=None) -> str:
    """The long table as CSV text (write it with a BOM)."""
    return checks_table(checks, lang, base).to_csv(index=False, lineterminator="\n")


def xlsx_bytes(checks, lang: str = "zh", base=None) -> bytes:
    """A workbook: the long table, metric × year per government, and government × metric
    for the latest year.  Written row by row (openpyxl's write-only mode, several times faster
    than a styled sheet for a corpus) with fixed times, so the same input gives the same bytes."""
    import io

    import pandas as pd
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from .tables import _fixed_zip_times

    zh = lang == "zh"
    wb = Workbook(write_only=True)
    bold = Font(bold=True)

    def sheet(title: str, frame) -> None:
        ws = wb.create_sheet(title[:31])
        header = []
        for name in frame.columns:
            cell = WriteOnlyCell(ws, value=str(name))
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in frame.itertuples(index=False, name=None):
            ws.append([None if v is None or (isinstance(v, float) and v != v) else v for v in row])

    sheet("目标与完成情况" if zh else "targets", checks_table(checks, lang, base))
    rows = [
        {"government": c.government, "metric": c.target.canonical, "year": str(c.year), "cell": target_text(c) + (f" → {outcome_text(c)}" if c.outcome and c.outcome.value is not None else "")}
        for c in checks
    ]
    if rows:
        # metric × year of every government in one sheet (one pivot, not one per government)
        pv = pd.DataFrame(rows).pivot_table(index=["government", "metric"], columns="year", values="cell", aggfunc=_first, fill_value="").reset_index()
        pv.columns = [str(c) for c in pv.columns]
        sheet("指标×年份" if zh else "metric x year", pv.rename(columns={"government": "政府" if zh else "government", "metric": "指标" if zh else "metric"}))
    years = sorted({c.year for c in checks})
    if years:
        pg = pivot_governments(checks, years[-1])
        if not pg.empty:
            sheet(f"{years[-1]}年各政府" if zh else f"governments {years[-1]}", pg.reset_index())
    if not wb.worksheets:
        wb.create_sheet("目标与完成情况" if zh else "targets")
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip_times(buf.getvalue())


def render_page(run: TargetsRun, lang: str = "zh", base=None) -> str:
    """The self-contained HTML page."""
    from .render import render_template
    from .targets_view import build_page

    return render_template("targets.html", v=build_page(run, lang, base))

