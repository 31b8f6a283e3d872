"""Precision of new / dropped findings by source and by content, on the tuning keys of ``tests/gold/yoy``.

Issue 14, session 8: where the wrong new / dropped findings come from.  Every ``new`` / ``dropped``
finding of the thirteen tuning pairs is judged as ``yoy_eval`` judges it (right when one key row
inside it is new / dropped; findings citing no key row are left out) and counted by

* source: a whole sentence the alignment leaves unpaired, a run of clauses of such a sentence
  (``语句部分延续``), or a run of clauses of a sentence the alignment links (``所在语句延续``);
* content: a figure (digits, or a Chinese numeral with a measure word), a quoted name, a named
  initiative (``initiatives.toml``: …工程, …行动, …试点, …基地), or none of these (a verb and a
  generic object: 强化要素保障, 提升服务水平).  Each finding counts once, in the first of these
  that it holds.

Then, for the wrong findings of linked sentences whose rows are continued, where the readers'
counterpart of those rows lies in the other year: inside a sentence the alignment links the
finding's sentence with, next to one (±1 sentence), within ±2–3, farther in the same section, or
elsewhere (the nearest of the rows counts).

Only keys marked ``tuning`` in ``pairs.csv`` are read; untouched keys never are.

Usage::

    .venv/bin/python benchmarks/novelty_sources.py
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

from reportdiff.api import compare
from reportdiff.export import finding_dict
from reportdiff.yoy_eval import _norm, _resolve, _rows

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "yoy"
CORPUS = Path("/work/shared/corpus")

FIGURE = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万两]+(?:个|项|家|所|座|条|批|万|亿|倍|年|大|件|场|类|支|张|户)")
QUOTED = re.compile(r"[“”「」『』《》\"]")
SOURCES = ("whole sentence", "run of an unaligned sentence", "clause run of a linked sentence")
CONTENTS = ("figure", "quoted name", "named initiative", "verb + generic object")
PLACES = ("in a linked sentence", "next to one (±1)", "within ±2–3", "same section, farther", "elsewhere", "not located")


def _initiative() -> re.Pattern:
    """``initiatives.toml`` without its quoted-name alternatives (quotes are counted apart)."""
    from reportdiff import vocab

    return re.compile(vocab.load("initiatives")["initiative"]["pattern"].split("|", 2)[2])


def source(f: dict) -> str:
    m = f["message"]
    return SOURCES[2] if "所在语句延续" in m else SOURCES[1] if "语句部分延续" in m else SOURCES[0]


def content(text: str) -> str:
    if FIGURE.search(text):
        return CONTENTS[0]
    if QUOTED.search(text):
        return CONTENTS[1]
    if _initiative().search(text):
        return CONTENTS[2]
    return CONTENTS[3]


def _place(cmp, f: dict, rows: list[dict]) -> str | None:
    """Where the counterparts of ``rows`` lie relative to the sentences linked with ``f``'s sentence."""
    side = "b" if f["type"] == "new" else "a"
    units, others = (cmp.b_units, cmp.a_units) if side == "b" else (cmp.a_units, cmp.b_units)
    uid = (f["b_ids"] if side == "b" else f["a_ids"])[0]
    pos = {u.id: k for k, u in enumerate(others)}
    partners = [pos[o] for p in cmp.pairs if uid in (p.b if side == "b" else p.a) for o in (p.a if side == "b" else p.b) if o in pos]
    texts = [_norm(u.text) for u in others]
    best = None
    for r in rows:
        cp = _norm(r.get("counterpart", ""))
        if not cp:
            continue
        js = [j for j, t in enumerate(texts) if cp in t] or [j for j, t in enumerate(texts) if cp[:8] in t or cp[-8:] in t]
        if not js:
            where = PLACES[5]
        else:
            dist = min((abs(j - p) for j in js for p in partners), default=99)
            same = any(others[j].section == others[p].section for j in js for p in partners)
            where = PLACES[0] if dist == 0 else PLACES[1] if dist == 1 else PLACES[2] if dist <= 3 else PLACES[3] if same else PLACES[4]
        best = where if best is None or PLACES.index(where) < PLACES.index(best) else best
    return best


def main() -> None:
    with open(GOLD / "pairs.csv", encoding="utf-8", newline="") as fh:
        pairs = [p for p in csv.DictReader(fh) if p["split"] == "tuning"]
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    places: Counter = Counter()
    for p in pairs:
        a, b = _resolve(p["a"], ROOT, CORPUS), _resolve(p["b"], ROOT, CORPUS)
        cmp = compare(a, b)
        keys = {"a": _rows(GOLD / p["name"] / "a_commitments.tsv"), "b": _rows(GOLD / p["name"] / "b_commitments.tsv")}
        for f in map(finding_dict, cmp.findings):
            if f["type"] not in ("new", "dropped"):
                continue
            side = "b" if f["type"] == "new" else "a"
            text = f[f"{side}_text"]
            inside = [r for r in keys[side] if _norm(r["text"]) and _norm(r["text"]) in _norm(text)]
            if not inside:
                continue
            right = any(r["status"] == f["type"] for r in inside)
            s, c = source(f), content(text)
            for cell in ((s, c), (s, "all"), ("all", c), ("all", "all")):
                table[cell][0] += right
                table[cell][1] += 1
            if s == SOURCES[2] and not right:
                continued = [r for r in inside if r["status"] == "continued"]
                places[_place(cmp, f, continued) if continued else "rhetoric rows only"] += 1
    print("| source \\ content | " + " | ".join(CONTENTS) + " | all |")
    print("|---" * (len(CONTENTS) + 2) + "|")
    for s in SOURCES + ("all",):
        cells = [f"{table[s, c][0] / table[s, c][1]:.2f} ({table[s, c][0]}/{table[s, c][1]})" if table[s, c][1] else "–" for c in CONTENTS + ("all",)]
        print(f"| {s} | " + " | ".join(cells) + " |")
    print()
    print("wrong clause runs of linked sentences, where the readers' counterpart lies:")
    for k, n in places.most_common():
        print(f"  {k}: {n}")


if __name__ == "__main__":
    main()
