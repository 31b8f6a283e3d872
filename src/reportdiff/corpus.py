"""Corpus check: read every document under a folder and count what was understood.

``reportdiff inspect --summary DIR`` prints one line per document (kind, government, year,
region sizes, targets found) and totals, by level and by split.  With a ``manifest.csv``
(columns path, government, level, year) each document is checked against it; a report is
*fully understood* when its kind is report, its year and government equal the manifest's,
its commitments part is found (at least 15% of its sentences), and at least 3 headline-target metrics are extracted.
A split file (``government,split``; the default is ``benchmarks/corpus_split.csv`` of the
project when it is beside the corpus' manifest or given with ``--split``) separates the
governments developed on (dev) from those kept untouched (held-out).
"""

from __future__ import annotations

import csv
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = ("CheckRow", "check_corpus", "summary_text")

_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


@dataclass(frozen=True)
class CheckRow:
    """What was understood of one document."""

    path: str  #: path relative to the corpus folder
    level: str  #: national / province / city / … (manifest), or ""
    split: str  #: dev / held-out / ""
    kind: str  #: kind read
    government: str  #: government read
    year: int | None  #: year read
    regions: dict = field(default_factory=dict)  #: sentences per region
    metrics: int = 0  #: distinct headline-target metrics extracted
    failures: tuple[str, ...] = ()  #: what is wrong against the manifest (kind, year, government, commitments, targets, error)
    gov_from_path: bool = False  #: the government came from the folder or file name
    targets_due: int = 0  #: headline targets whose next-year report of the same government is in the corpus
    targets_resolved: int = 0  #: of those, targets whose outcome (figure or words) was found in that review

    @property
    def ok(self) -> bool:
        return not self.failures


def _same_government(read: str, expected: str) -> bool:
    return bool(read) and read == expected


def check_corpus(folder: str | os.PathLike, split_file: str | os.PathLike | None = None) -> list[CheckRow]:
    """Read every document of ``folder`` (the manifest's rows, or every file found)."""
    from .api import load_document
    from .errors import ReportdiffError
    from .model import DocKind, Region
    from .structure.outcomes import review_sentences

    root = Path(folder)
    manifest = root / "manifest.csv"
    rows: list[dict] = []
    if manifest.is_file():
        with open(manifest, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    else:
        rows = [{"path": str(p.relative_to(root))} for p in sorted(root.rglob("*")) if p.suffix.lower() in _SUFFIXES and p.is_file()]
    split: dict[str, str] = {}
    if split_file and Path(split_file).is_file():
        with open(split_file, encoding="utf-8-sig", newline="") as fh:
            split = {r["government"]: r["split"] for r in csv.DictReader(fh)}
    out: list[CheckRow] = []
    slim: dict[str, object] = {}  # path -> the document's targets and review, for pairing years
    for r in rows:
        rel = r["path"]
        level, expected_gov = r.get("level", ""), r.get("government", "")
        sp = split.get(expected_gov, "")
        try:
            doc = load_document(root / rel)
        except ReportdiffError as e:
            out.append(CheckRow(rel, level, sp, "", "", None, failures=(f"error: {e}",)))
            continue
        fails = []
        if "year" in r and doc.kind != DocKind.REPORT:
            fails.append("kind")
        if r.get("year") and doc.year != int(r["year"]):
            fails.append("year")
        if expected_gov and not _same_government(doc.government, expected_gov):
            fails.append("government")
        sizes = doc.region_sizes()
        if doc.kind == DocKind.REPORT and sizes.get(Region.COMMITMENTS.value, 0) < 0.15 * max(1, len(doc.sentences)):
            fails.append("commitments")  # none, or too small to be the year's work
        metrics = len({t.canonical for t in doc.targets})
        if doc.kind == DocKind.REPORT and metrics < 3:
            fails.append("targets")
        out.append(
            CheckRow(
                rel, level, sp, doc.kind.value, doc.government, doc.year, sizes, metrics, tuple(fails), gov_from_path="文件夹" in doc.government_evidence
            )
        )
        keep = {t.sentence for t in doc.targets}
        review = {s.id for s in review_sentences(doc)}
        slim[rel] = replace(doc, raw=replace(doc.raw, text="", path=rel), paragraphs=(), items=(), sentences=tuple(s for s in doc.sentences if s.id in review or s.id in keep))
    return _with_outcomes(out, slim)


def _with_outcomes(rows: list[CheckRow], docs: dict) -> list[CheckRow]:
    """Each report's targets held against the next year's report of its government."""
    from .model import TargetStatus
    from .structure.outcomes import pair_years

    due: Counter = Counter()
    resolved: Counter = Counter()
    for c in pair_years(list(docs.values())):
        if c.status == TargetStatus.PENDING:
            continue
        due[c.path] += 1
        resolved[c.path] += c.status != TargetStatus.NOT_REPORTED
    return [replace(r, targets_due=due[r.path], targets_resolved=resolved[r.path]) for r in rows]


def summary_text(rows: list[CheckRow], show: int = 10) -> str:
    """Per-document lines, then totals by split and level and the failures by kind."""
    lines = ["文件\t类型\t政府\t年份\t各部分句数\t目标指标数\t问题"]
    for r in rows:
        regions = " ".join(f"{k}:{v}" for k, v in r.regions.items())
        lines.append(f"{r.path}\t{r.kind}\t{r.government}\t{r.year or ''}\t{regions}\t{r.metrics}\t{','.join(r.failures) or 'ok'}")
    lines.append("")

    def share(sel: list[CheckRow]) -> str:
        ok = sum(r.ok for r in sel)
        return f"{ok}/{len(sel)} = {ok / len(sel):.3f}" if sel else "0/0"

    lines.append(f"fully understood: {share(rows)}")
    by = defaultdict(list)
    for r in rows:
        by[("split", r.split or "-")].append(r)
        by[("level", r.level or "-")].append(r)
    for key in sorted(by):
        lines.append(f"  {key[0]} {key[1]}: {share(by[key])}")
    fails = Counter(f.split(":")[0] for r in rows for f in r.failures)
    lines.append("failures by kind: " + (", ".join(f"{k} {v}" for k, v in fails.most_common()) or "none"))
    for kind in fails:
        bad = [r.path for r in rows if any(f.split(":")[0] == kind for f in r.failures)]
        lines.append(f"  {kind}: " + "; ".join(bad[:show]) + (" …" if len(bad) > show else ""))
    reports = [r for r in rows if r.kind == "report"]
    with_targets = sum(r.metrics > 0 for r in reports)
    due = sum(r.targets_due for r in rows)
    res = sum(r.targets_resolved for r in rows)
    lines.append(f"reports with headline targets extracted: {with_targets}/{len(reports)} = {with_targets / max(len(reports), 1):.3f}")
    lines.append(f"target/outcome pairs resolved (targets with a next-year report whose review states a figure or judgement): {res}/{due} = {res / max(due, 1):.3f}")
    for sp in sorted({r.split for r in rows if r.split}):
        sel = [r for r in reports if r.split == sp]
        w, d, x = sum(r.metrics > 0 for r in sel), sum(r.targets_due for r in sel), sum(r.targets_resolved for r in sel)
        lines.append(f"  split {sp}: targets extracted {w}/{len(sel)}, pairs resolved {x}/{d} = {x / max(d, 1):.3f}")
    n_path = sum(r.gov_from_path for r in rows)
    lines.append(f"government taken from a folder/file name (the text does not name it): {n_path}")
    return "\n".join(lines)
