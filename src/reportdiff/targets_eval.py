"""Score headline-target extraction against keys built by reading (``tests/gold/targets``).

Each key folder (one per government) has ``targets.tsv`` (path, government, year, metric, value,
unit, qualifier, kind, …).  A predicted target matches a key row when their canonical metrics
agree and, for a quantitative target, value (lower end of a range), unit and qualifier agree;
qualitative rows match on the canonical metric.  Each row matches at most once.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from .evaluate import Scores

__all__ = ("score_targets", "score_status", "targets_report", "read_split", "read_uses")


def _value(text: str) -> tuple[float | None, float | None]:
    t = text.strip().replace("—", "-").replace("–", "-")
    if not t:
        return None, None
    lo, _, hi = t.partition("-")
    try:
        return float(lo), (float(hi) if hi else None)
    except ValueError:
        return None, None


def _qual(q: str) -> str:
    return "+".join(sorted(x for x in q.split("+") if x))


def score_targets(gold_dir: str | Path, corpus_dir: str | Path) -> dict[str, dict]:
    """Per government: ``{"scores": Scores, "misses": [...], "extra": [...]}``."""
    from .api import load_document
    from .structure.targets import canonical_metric

    out: dict[str, dict] = {}
    for folder in sorted(p for p in Path(gold_dir).iterdir() if (p / "targets.tsv").is_file()):
        with open(folder / "targets.tsv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        by_path: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            by_path[r["path"]].append(r)
        tp = predicted = gold = 0
        misses: list[str] = []
        extra: list[str] = []
        for rel, key in sorted(by_path.items()):
            path = Path(corpus_dir) / rel
            if not path.is_file():
                continue
            doc = load_document(path)
            preds = list(doc.targets)
            predicted += len(preds)
            gold += len(key)
            used: set[int] = set()
            for r in key:
                canon = canonical_metric(r["metric"])
                lo, hi = _value(r["value"])
                hit = None
                for k, t in enumerate(preds):
                    if k in used or t.canonical != canon:
                        continue
                    if lo is None and t.value is None:
                        hit = k
                    elif lo is not None and t.value is not None and abs(t.value - lo) < 1e-9 and (hi is None or t.upper == hi):
                        if t.unit.replace("％", "%") == r["unit"] and _qual(t.qualifier) == _qual(r["qualifier"]):
                            hit = k
                    if hit is not None:
                        break
                if hit is None:
                    misses.append(f"{rel}: {r['metric']} {r['value']}{r['unit']}{r['qualifier']}")
                else:
                    used.add(hit)
                    tp += 1
            extra += [f"{rel}: {t.metric} {t.value}{t.unit}{t.qualifier}" for k, t in enumerate(preds) if k not in used]
        out[folder.name] = {"scores": Scores.of(tp, predicted, gold), "misses": misses, "extra": extra}
    return out


def score_status(gold_dir: str | Path, corpus_dir: str | Path) -> dict[str, dict]:
    """Outcome status per government against ``status.tsv``: the reports named in the key
    (targets.tsv and outcomes.tsv) are read, each report's targets are held against the next
    year's review (:func:`reportdiff.structure.outcomes.pair_years`), and a key row (year,
    metric, status) is right when a predicted check of that year and canonical metric has its
    status.  P = right / predicted checks of the key's years, R = right / key rows.
    ``{"scores": Scores, "wrong": [...]}`` per government."""
    from .api import load_document
    from .structure.outcomes import pair_years
    from .structure.targets import canonical_metric

    out: dict[str, dict] = {}
    for folder in sorted(p for p in Path(gold_dir).iterdir() if (p / "status.tsv").is_file()):
        rows: dict[str, list[dict]] = {}
        for name in ("targets", "outcomes", "status"):
            with open(folder / f"{name}.tsv", encoding="utf-8", newline="") as fh:
                rows[name] = list(csv.DictReader(fh, delimiter="\t"))
        paths = sorted({r["path"] for r in rows["targets"] + rows["outcomes"]})
        docs = [load_document(Path(corpus_dir) / rel) for rel in paths if (Path(corpus_dir) / rel).is_file()]
        if not docs:
            continue
        years = {int(r["year"]) for r in rows["status"]}
        checks = [c for c in pair_years(docs) if c.year in years and c.status.value != "pending"]
        used: set[int] = set()
        right = 0
        wrong: list[str] = []
        for r in rows["status"]:
            canon = canonical_metric(r["metric"])
            hit = next((k for k, c in enumerate(checks) if k not in used and c.year == int(r["year"]) and c.target.canonical == canon and c.status.value == r["status"]), None)
            if hit is None:
                hit = next((k for k, c in enumerate(checks) if k not in used and c.year == int(r["year"]) and c.target.canonical == canon), None)
                got = checks[hit].status.value if hit is not None else "（未抽取）"
                wrong.append(f"{r['year']} {r['metric']}: {r['status']} ≠ {got}")
            else:
                right += 1
            if hit is not None:
                used.add(hit)
        out[folder.name] = {"scores": Scores.of(right, len(checks), len(rows["status"])), "wrong": wrong}
    return out


def read_split(path: str | Path) -> dict[str, str]:
    """``government -> split`` from a split file (``government,split``), or {} when absent."""
    p = Path(path)
    if not p.is_file():
        return {}
    with open(p, encoding="utf-8-sig", newline="") as fh:
        return {r["government"]: r["split"] for r in csv.DictReader(fh)}


def read_uses(gold_dir: str | Path) -> dict[str, str]:
    """``government -> tuning | untouched`` from ``<gold_dir>/keys.csv``: whether the rules
    were tuned on a key's misses (a key's split in the corpus is another matter: a held-out
    government's key may have been used for tuning), or {} when absent."""
    p = Path(gold_dir) / "keys.csv"
    if not p.is_file():
        return {}
    with open(p, encoding="utf-8-sig", newline="") as fh:
        return {r["government"]: r["use"] for r in csv.DictReader(fh)}


_USE_NAMES = {"tuning": "调参用", "untouched": "未触碰"}


def _score_lines(label: str, results: dict[str, dict], listed: tuple[tuple[str, str], ...], split: dict[str, str] | None, show: int, uses: dict[str, str] | None = None) -> list[str]:
    """One line per government (with its corpus split and whether it was used for tuning),
    the first ``show`` of each listed problem (``(key, tag)``), then the totals over the
    tuning keys, the untouched keys and all keys."""
    uses = uses or {}
    lines = []
    totals: dict[str, list[int]] = {}
    for gov, r in results.items():
        sc = r["scores"]
        for group in (uses.get(gov, ""), "all"):
            t = totals.setdefault(group, [0, 0, 0])
            t[0], t[1], t[2] = t[0] + sc.tp, t[1] + sc.predicted, t[2] + sc.gold
        tags = [x for x in ((split or {}).get(gov, ""), _USE_NAMES.get(uses.get(gov, ""), "")) if x]
        tag = f"（{'，'.join(tags)}）" if tags else ""
        lines.append(f"   {label} {gov}{tag} P={sc.precision:.3f} R={sc.recall:.3f}  ({sc.tp}/{sc.predicted} 预测, {sc.gold} 金标准)")
        for key, said in listed:
            lines += [f"      {said}：{m}" for m in r[key][:show]]
    for group, name in (("tuning", "合计（调参用）"), ("untouched", "合计（未触碰）"), ("all", "合计")):
        if group in totals and (group == "all" or uses):
            sc = Scores.of(*totals[group])
            lines.append(f"   {label} {name} P={sc.precision:.3f} R={sc.recall:.3f}  ({sc.tp}/{sc.predicted} 预测, {sc.gold} 金标准)")
    return lines


def targets_report(gold_dir: str | Path, corpus_dir: str | Path, split: dict[str, str] | None = None, show: int = 0) -> str:
    """The printed lines of :func:`score_targets` and :func:`score_status`, with each government's split."""
    uses = read_uses(gold_dir)
    lines = _score_lines("主要预期目标", score_targets(gold_dir, corpus_dir), (("misses", "漏"), ("extra", "多")), split, show, uses)
    lines += _score_lines("完成情况判定", score_status(gold_dir, corpus_dir), (("wrong", "错"),), split, show, uses)
    return "\n".join(lines)
