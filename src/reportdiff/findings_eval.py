"""Score findings against a hand-checked gold list.

Gold file (TSV, header ``type a_ids b_ids key expected note``): one finding
per row.  ``key`` tells apart several findings on the same units (for
``number_changed`` the change as ``old→new``; for ``missing_owner`` the item
number).  ``expected`` is ``yes`` for a finding that must be reported and
``no`` for one checked by hand and found wrong.  A type whose rows are all
``yes`` is a complete list: precision counts every reported finding of that
type.  A type with ``no`` rows was labelled on a sample: precision counts
only the reported findings that were labelled.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .evaluate import Scores
from .model import Comparison, Finding, FindingType

__all__ = ("finding_key", "read_findings_gold", "score_findings")


def finding_key(f: Finding) -> tuple[str, str, str, str]:
    """(type, a_ids, b_ids, key) identifying a finding in a gold file."""
    key = ""
    if f.type == FindingType.NUMBER_CHANGED:
        key = f"{f.detail.get('old', '')}→{f.detail.get('new', '')}"
    elif f.type == FindingType.MISSING_OWNER:
        key = str(f.detail.get("number", ""))
    return (f.type.value, " ".join(f.a_ids), " ".join(f.b_ids), key)


def read_findings_gold(path: str | Path) -> list[dict[str, str]]:
    """Rows of a findings gold file."""
    with open(path, encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh, delimiter="\t") if row.get("type")]


def score_findings(cmp: Comparison, path: str | Path) -> dict[str, Scores]:
    """Precision and recall per finding type present in the gold file."""
    rows = read_findings_gold(path)
    predicted = {finding_key(f) for f in cmp.findings}
    out: dict[str, Scores] = {}
    for ftype in sorted({r["type"] for r in rows}):
        mine = [r for r in rows if r["type"] == ftype]
        yes = {(r["type"], r["a_ids"], r["b_ids"], r["key"]) for r in mine if r["expected"] == "yes"}
        no = {(r["type"], r["a_ids"], r["b_ids"], r["key"]) for r in mine if r["expected"] == "no"}
        pred = {k for k in predicted if k[0] == ftype}
        considered = pred & (yes | no) if no else pred
        out[ftype] = Scores.of(len(considered & yes), len(considered), len(yes))
    return out
