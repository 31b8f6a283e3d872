"""How far two independent readers agree on a year-over-year key (tests/gold/yoy).

The goals of the year-over-year findings (new / dropped precision and recall >= 0.85) only mean
something if people who read the same two reports agree at least that well.  This script scores
a second reader's key against the first's with the same measures as ``reportdiff eval``, and the
other way round:

* new / dropped: each row of reader X is placed in the document (its excerpt, whitespace, ``*``
  and ``#`` removed, found after the previous row's place, rows being in document order); a row
  of X marked new is *right* when a row of Y that overlaps it is marked new.  Precision of X
  against Y = right / X's new rows that overlap any row of Y; recall of X against Y = Y's new
  rows overlapped by a new row of X / Y's new rows.  Readers cut clauses differently, so overlap
  (not equality) is the unit.
* target changes: a row of Y whose change is not ``unchanged`` is found by X when X has a row
  whose A and B excerpts overlap Y's (either side may be empty) and whose change is not
  ``unchanged`` either.

Usage: .venv/bin/python benchmarks/reader_agreement.py FIRST_KEY_DIR SECOND_KEY_DIR A_FILE B_FILE
"""

from __future__ import annotations

import sys
from pathlib import Path

# keys are read and excerpts normalised exactly as ``reportdiff eval`` does
from reportdiff.yoy_eval import _norm, _rows


def _spans(rows: list[dict], doc: str) -> list[tuple[int, int, str]]:
    """(start, end, status) of each row found in ``doc`` (searched from the previous row on,
    falling back to the first occurrence); rows not found are left out."""
    out, pos = [], 0
    for r in rows:
        t = _norm(r["text"])
        if not t:
            continue
        i = doc.find(t, pos)
        if i < 0:
            i = doc.find(t)
        if i < 0:
            continue
        out.append((i, i + len(t), r["status"]))
        pos = i
    return out


def _overlaps(s: tuple[int, int, str], others: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    return [o for o in others if o[0] < s[1] and s[0] < o[1]]


def novelty(x: list[tuple[int, int, str]], y: list[tuple[int, int, str]], status: str) -> tuple[float, float, int, int]:
    """Precision and recall of reader X's ``status`` rows against reader Y's."""
    judged = right = 0
    for s in (s for s in x if s[2] == status):
        ov = _overlaps(s, y)
        if not ov:
            continue
        judged += 1
        right += any(o[2] == status for o in ov)
    gold = [s for s in y if s[2] == status]
    hit = sum(any(o[2] == status for o in _overlaps(g, x)) for g in gold)
    return (right / judged if judged else 0.0, hit / len(gold) if gold else 0.0, judged, len(gold))


def _overlap_text(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return not a and not b
    return a in b or b in a or len(set(a) & set(b)) >= 0.6 * min(len(set(a)), len(set(b)))


def target_recall(x: list[dict], y: list[dict]) -> tuple[float, int]:
    changed = [r for r in y if r["change"] != "unchanged"]
    found = sum(
        any(o["change"] != "unchanged" and _overlap_text(o["a_text"], r["a_text"]) and _overlap_text(o["b_text"], r["b_text"]) for o in x)
        for r in changed
    )
    return (found / len(changed) if changed else 0.0, len(changed))


def main(first: str, second: str, a_file: str, b_file: str) -> None:
    docs = {"a": _norm(Path(a_file).read_text(encoding="utf-8")), "b": _norm(Path(b_file).read_text(encoding="utf-8"))}
    k1, k2 = Path(first), Path(second)
    print(f"readers: first {k1}  second {k2}")
    for side, status in (("b", "new"), ("a", "dropped")):
        s1 = _spans(_rows(k1 / f"{side}_commitments.tsv"), docs[side])
        s2 = _spans(_rows(k2 / f"{side}_commitments.tsv"), docs[side])
        p, r, j, g = novelty(s2, s1, status)
        print(f"  {status:8s} second against first: P={p:.3f} R={r:.3f}  (second's {status} rows placed against the first: {j}; first's {status} rows: {g})")
        p, r, j, g = novelty(s1, s2, status)
        print(f"  {status:8s} first against second: P={p:.3f} R={r:.3f}  (first's {status} rows placed against the second: {j}; second's {status} rows: {g})")
    t1, t2 = _rows(k1 / "targets.tsv"), _rows(k2 / "targets.tsv")
    r, n = target_recall(t2, t1)
    print(f"  target changes: second finds {r:.3f} of the first's {n} changed rows")
    r, n = target_recall(t1, t2)
    print(f"  target changes: first finds {r:.3f} of the second's {n} changed rows")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__.strip().splitlines()[-1])
    main(*sys.argv[1:])
