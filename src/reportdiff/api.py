"""The library API: the only module that chains the pipeline stages.

>>> from reportdiff import load_document, compare
>>> doc = load_document("examples/chiping-2024-plan.txt")
>>> doc.kind.value, doc.government, doc.year, len(doc.items)
('plan', '茌平区', 2024, 105)
"""

from __future__ import annotations

import os
from dataclasses import replace

from . import normalize, read, structure
from .errors import TooManyUnits
from .model import Comparison, DocKind, Document, Mode, Options, RawText, ReviewOutcome
from .review import Mark, Review
from .units import areas_of, detect_mode, units_of

__all__ = ("load_document", "load_bytes", "compare", "compare_documents")


def load_document(path: str | os.PathLike, options: Options | None = None) -> Document:
    """Read, normalize and structure one document (read -> normalize -> structure)."""
    opts = options or Options()
    return _build(read.read_path(path, encoding=opts.encoding, max_bytes=opts.max_bytes))


def _build(raw: RawText) -> Document:
    """normalize -> structure.  A text in traditional characters, or with OCR
    confusions of a place name it also writes correctly, is understood through a
    same-length view (simplified, folded) and then given its own characters back."""
    simple = normalize.to_simplified(raw.text)
    view, folds = normalize.ocr_fold(simple)
    if view == raw.text:
        return structure.build_document(raw, normalize.paragraphs(raw.text))
    doc = structure.build_document(replace(raw, text=view), normalize.paragraphs(view))
    notes = (["繁体字文本：按简体字识别结构，原文照录"] if simple != raw.text else []) + [f"按识别错字读：{w}" for w in folds]
    return structure.restore_original(doc, raw, tuple(notes))


def load_bytes(data: bytes, path: str, options: Options | None = None) -> Document:
    """:func:`load_document` for bytes read elsewhere (``path`` names them)."""
    opts = options or Options()
    return _build(read.read_bytes(data, path, encoding=opts.encoding, max_bytes=opts.max_bytes))


def compare(path_a: str | os.PathLike, path_b: str | os.PathLike, options: Options | None = None, review: Review | None = None) -> Comparison:
    """Compare two documents: load both, align, detect findings.  ``review``
    (see :func:`reportdiff.review.read_review`) applies a reviewer's marks."""
    opts = options or Options()
    return compare_documents(load_document(path_a, opts), load_document(path_b, opts), opts, review)


def _canonical_first(a: Document, b: Document, mode: Mode) -> bool:
    """True when A is the canonical first document of the pair (report before plan,
    earlier year before later), so that swapping the arguments gives the same alignment."""
    if mode == Mode.REPORT_PLAN:
        return a.kind == DocKind.REPORT
    ka = (a.year or 0, a.raw.text)
    kb = (b.year or 0, b.raw.text)
    return ka <= kb


def compare_documents(a: Document, b: Document, options: Options | None = None, review: Review | None = None) -> Comparison:
    """Compare two loaded documents (align -> detect), applying ``review`` if given."""
    from . import align as align_stage  # numpy, rapidfuzz: loaded by compare only, not by inspect
    from . import detect
    from . import review as review_stage

    opts = options or Options()
    mode = detect_mode(a, b)
    a_units, b_units = units_of(a, mode), units_of(b, mode)
    if len(a_units) * len(b_units) > opts.max_pairs:
        raise TooManyUnits(
            f"{a.raw.path} / {b.raw.path}", n_a=len(a_units), n_b=len(b_units), pairs=len(a_units) * len(b_units), limit=opts.max_pairs
        )
    first = _canonical_first(a, b, mode)
    # one row per unit of the finer side: the plan in report-plan mode, the later document otherwise
    group_by = "b" if first else "a"
    resolution = review_stage.resolve(review, a_units, b_units) if review is not None else None
    constraints = review_stage.constraints(resolution, group_by) if resolution else None
    x, y = (a, b) if first else (b, a)
    x_units, y_units = (a_units, b_units) if first else (b_units, a_units)
    res = align_stage.align(
        x_units,
        y_units,
        mode,
        threshold=opts.threshold,
        tokenizer=opts.tokenizer,
        a_areas=areas_of(x, x_units),
        b_areas=areas_of(y, y_units),
        constraints=(constraints if first else constraints.swapped()) if constraints else None,
    )
    cosine, edges = res.cosine, list(res.edges)
    if not first:
        cosine = cosine.T
        edges = [align_stage.Edge(e.b, e.a, e.score) for e in edges]
    edges.sort()
    pairs = align_stage.beads(edges, a_units, b_units, group_by=group_by)
    ignored = review_stage.ignored_units(resolution, a_units, b_units) if resolution else frozenset()
    findings, summary, warnings = detect.detect(a, b, mode, a_units, b_units, pairs, edges, cosine, ignored)
    outcome = None
    if resolution is not None:
        pairs, kept = review_stage.apply_to_pairs(pairs, resolution, a_units, b_units)
        outcome = ReviewOutcome(
            path=resolution.path,
            applied={m.value: len(resolution.by_mark(m)) for m in Mark},
            kept=kept,
            ignored_findings=summary.get("ignored_findings", 0),
            stale=len(resolution.stale),
        )
        summary["review"] = {"path": resolution.path, "applied": outcome.applied, "stale": outcome.stale, "ignored_findings": outcome.ignored_findings}
    unread = tuple(f"{side}：{w}" for side, doc in (("A", a), ("B", b)) for w in doc.warnings)
    return Comparison(
        a=a,
        b=b,
        unread=unread,
        mode=mode,
        a_units=a_units,
        b_units=b_units,
        pairs=pairs,
        findings=findings,
        summary=summary,
        warnings=warnings,
        review=outcome,
    )
