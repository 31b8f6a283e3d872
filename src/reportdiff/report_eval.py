"""``reportdiff eval``: run the comparisons named by gold files and score them."""

from __future__ import annotations

import time
from pathlib import Path

from . import api
from .evaluate import check_gold, difflib_baseline, predicted_pairs, read_gold, score_items, score_pairs
from .findings_eval import score_findings
from .model import Mode

__all__ = ("run_eval",)


def _find_doc(docs: Path, stem: str) -> Path:
    for ext in (".txt", ".md", ".docx", ".pdf"):
        p = docs / f"{stem}{ext}"
        if p.exists():
            return p
    return docs / f"{stem}.txt"


def run_eval(gold_dir: str, docs_dir: str, corpus_dir: str | None = None, split_file: str | None = None) -> str:
    """Evaluate every ``<A>__<B>.tsv`` alignment gold file (and findings gold
    ``findings/<A>__<B>.tsv`` when present); with ``corpus_dir``, also the headline targets
    and their outcome status against ``<gold>/targets`` (per government, with its split);
    return the printed report."""
    lines: list[str] = []
    docs = Path(docs_dir)
    for gold_path in sorted(Path(gold_dir).glob("*__*.tsv")):
        a_stem, b_stem = gold_path.stem.split("__")
        t0 = time.perf_counter()
        cmp = api.compare(_find_doc(docs, a_stem), _find_doc(docs, b_stem))
        elapsed = time.perf_counter() - t0
        gold_rows = read_gold(gold_path)
        gold = {(r[0], r[1]) for r in gold_rows}
        stale = check_gold(gold_rows, cmp)
        pred = predicted_pairs(cmp)
        base = difflib_baseline(cmp, gold)
        lines.append(f"== {a_stem} ↔ {b_stem}（{cmp.mode.value}，{len(gold)} 个金标准对，比对用时 {elapsed:.2f}s）")
        if stale:
            lines.append(f"   警告：{len(stale)} 个金标准编号已不对应原文（分句方式改变？）：{' '.join(stale[:5])}")
        if cmp.mode == Mode.REPORT_PLAN:
            ours, theirs, level = score_items(pred, gold), score_items(base, gold), "条目级"
        else:
            ours, theirs, level = score_pairs(pred, gold), score_pairs(base, gold), "句对级"
        lines.append(f"   对齐（{level}） reportdiff  P={ours.precision:.3f} R={ours.recall:.3f} F1={ours.f1:.3f}  ({ours.tp}/{ours.predicted} 预测, {ours.gold} 金标准)")
        lines.append(f"   对齐（{level}） difflib基线 P={theirs.precision:.3f} R={theirs.recall:.3f} F1={theirs.f1:.3f}  ({theirs.tp}/{theirs.predicted} 预测)")
        fgold = Path(gold_dir) / "findings" / gold_path.name
        if fgold.exists():
            for ftype, sc in score_findings(cmp, fgold).items():
                lines.append(f"   发现 {ftype:<20} P={sc.precision:.3f} R={sc.recall:.3f}  ({sc.tp}/{sc.predicted} 预测, {sc.gold} 金标准)")
    yoy = Path(gold_dir) / "yoy" / "pairs.csv"
    if yoy.is_file():
        from .yoy_eval import yoy_report

        lines.append(yoy_report(yoy.parent, Path(docs_dir).resolve().parent, Path(corpus_dir or "../shared/corpus")))
    targets_gold = Path(gold_dir) / "targets"
    if corpus_dir and targets_gold.is_dir() and Path(corpus_dir).is_dir():
        from .targets_eval import read_split, targets_report

        lines.append(f"== 主要预期目标与完成情况（{targets_gold}，语料 {corpus_dir}）")
        lines.append(targets_report(targets_gold, corpus_dir, read_split(split_file) if split_file else None))
    if not lines:
        lines.append(f"{gold_dir} 中没有金标准文件（<A>__<B>.tsv）")
    return "\n".join(lines)
