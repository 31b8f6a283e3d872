"""Chinese terminal text: ``inspect`` output and the summary of a comparison."""

from __future__ import annotations

from .export import KIND_ZH, REGION_ZH
from .model import Comparison, DocKind, Document, FindingType, Mode, Region

__all__ = ("inspect_text", "compare_text", "review_lines", "TYPE_ZH", "MODE_ZH", "SEVERITY_ZH")

#: Chinese names of finding types
TYPE_ZH = {
    FindingType.DOCUMENTS_MISMATCH: "文件不匹配",
    FindingType.MISSING_OWNER: "缺少责任人",
    FindingType.UNCOVERED: "承诺未分解",
    FindingType.UNCOVERED_RHETORIC: "表述未分解（无具体行动）",
    FindingType.NOT_IN_REPORT: "任务无出处",
    FindingType.NUMBER_CHANGED: "数字变化",
    FindingType.NEW: "新增举措",
    FindingType.DROPPED: "不再提及",
    FindingType.OWNER_CHANGED: "牵头单位变化",
    FindingType.MISSING_DEADLINE: "缺少完成时限",
    FindingType.TARGET_MISSED: "上年目标未完成",
    FindingType.TARGET_MET: "上年目标已完成",
    FindingType.TARGET_CHANGED: "目标调整",
    FindingType.TARGET_ADDED: "新列目标",
    FindingType.TARGET_REMOVED: "不再列出的目标",
}
MODE_ZH = {
    Mode.REPORT_PLAN: "报告 ↔ 分工方案（核对本年度承诺的分解）",
    Mode.REPORT_REPORT: "报告 ↔ 报告（比较年度目标与举措）",
    Mode.PLAN_PLAN: "分工方案 ↔ 分工方案",
    Mode.GENERIC: "普通文本比对",
}
SEVERITY_ZH = {"high": "高", "medium": "中", "low": "低"}
#: the confidence tier of a new / dropped finding (``detail["confidence"]``, detect/novelty.py confidence)
CONFIDENCE_ZH = {"high": "较可信", "check": "待核"}


def _doc_line(label: str, doc: Document) -> str:
    return f"{label}：{doc.raw.path}  {doc.government or '？'} {doc.year or '？'} {KIND_ZH[doc.kind.value]}"


def review_lines(cmp: Comparison) -> list[str]:
    """What applying a review sheet did, for the terminal (Chinese)."""
    r = cmp.review
    if r is None:
        return []
    done = "、".join(f"{k} {v}" for k, v in r.applied.items())
    lines = [f"审核：已应用 {r.path} 中 {sum(r.applied.values())} 条审核记录（{done}）" + (f"；因“忽略”去掉 {r.ignored_findings} 条发现" if r.ignored_findings else "")]
    if "accepted_gaps" in cmp.summary and cmp.summary["accepted_gaps"]:
        lines.append(f"  已接受的未分解承诺 {cmp.summary['accepted_gaps']} 句，不计入覆盖率")
    stale = [k for k in r.kept if k.status == "stale"]
    if stale:
        lines.append(f"⚠ 有 {len(stale)} 条审核记录在当前文件中找不到对应内容（已保留在比对表末尾，状态“未对应”）：")
        for k in stale[:10]:
            lines.append(f"  - 第 {k.line} 行 [{k.mark}] {' '.join(k.a + k.b)}：{k.reason}")
        if len(stale) > 10:
            lines.append(f"  ……另有 {len(stale) - 10} 条")
    return lines


def compare_text(cmp: Comparison, outputs: list[str], notes: list[str] | None = None) -> str:
    """The terminal summary of a comparison (Chinese); ``notes`` are extra lines
    about the outputs (e.g. where a reviewed sheet was merged)."""
    s = cmp.summary
    lines = [_doc_line("A", cmp.a), _doc_line("B", cmp.b), f"模式：{MODE_ZH[cmp.mode]}"]
    for w in cmp.warnings:
        lines.append(f"⚠ 注意：{w}")
    for w in cmp.unread:
        lines.append(f"⚠ 未能读懂：{w}")
    rows = s["rows"]
    lines.append(
        f"对齐：{s['aligned_pairs']} 对（一致 {rows['matched']} 行，有改动 {rows['changed']} 行），仅 A 有 {rows['only_a']}，仅 B 有 {rows['only_b']}"
    )
    if s.get("coverage") is not None:
        cov = f"覆盖率：{s['coverage'] * 100:.1f}%（{s['commitment_clauses']} 个承诺分句中 {s['covered_clauses']} 个已分解到任务）"
        if cmp.warnings:
            cov += "——两份文件不匹配，此数字没有意义"
        lines.append(cov)
    counts = {t: 0 for t in FindingType}
    sev: dict = {}
    for f in cmp.findings:
        counts[f.type] += 1
        sev.setdefault(f.type, {"high": 0, "medium": 0, "low": 0})[f.severity.value] += 1
    shown = [t for t in FindingType if counts[t]]
    if shown:
        lines.append("发现：")
    elif cmp.unread:
        lines.append("发现：未发现问题，但有文件未能读懂（见上），不能据此认为没有问题")
    else:
        lines.append("发现：无")
    for t in shown:
        by = "，".join(f"{SEVERITY_ZH[k]} {v}" for k, v in sev[t].items() if v)
        tiers = [(f.detail or {}).get("confidence") for f in cmp.findings if f.type == t]
        if any(tiers):  # new / dropped: the confidence tier (detect/novelty.py confidence)
            by += "；" + "，".join(f"{CONFIDENCE_ZH[k]} {tiers.count(k)}" for k in ("high", "check"))
        lines.append(f"  {TYPE_ZH[t]:<12}{counts[t]:>5}  （{by}）  [{t.value}]")
    top = [f for f in cmp.findings if f.severity.value == "high" and f.type != FindingType.DOCUMENTS_MISMATCH][:5]
    if top:
        lines.append("要点：")
        for f in top:
            where = " ".join(f.a_ids + f.b_ids)
            text = f.message if f.type in (FindingType.NUMBER_CHANGED, FindingType.TARGET_CHANGED, FindingType.TARGET_MISSED) else f"{f.message}：{f.a_text or f.b_text}"
            lines.append(f"  - [{where}] {_cut(text, 80)}")
    lines.extend(review_lines(cmp))
    if outputs:
        lines.append("输出：" + "  ".join(outputs))
    lines.extend(notes or [])
    return "\n".join(lines)


def _cut(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def inspect_text(doc: Document) -> str:
    """What ``reportdiff inspect`` prints."""
    lines = [
        f"文件：{doc.raw.path}（{doc.raw.fmt}，编码 {doc.raw.encoding}）",
        f"类型：{KIND_ZH[doc.kind.value]}（依据：{'；'.join(doc.kind_evidence)}）",
        f"政府：{doc.government or '未识别'}（依据：{doc.government_evidence or '无'}）",
        f"年份：{doc.year or '未识别'}（依据：{doc.year_evidence or '无'}）    日期：{doc.date or '未识别'}",
        f"标题：{doc.title or '未识别'}",
        f"统计：段落 {len(doc.paragraphs)}，章节 {len(doc.sections)}，句子 {len(doc.sentences)}，"
        f"分句 {sum(len(s.clauses) for s in doc.sentences)}，任务条目 {len(doc.items)}"
        + (f"（含子项 {len(doc.all_items()) - len(doc.items)}）" if len(doc.all_items()) > len(doc.items) else ""),
        "",
        "章节结构：",
    ]
    for sec in doc.sections:
        indent = "  " * (sec.level + 1)
        region = f"  [{REGION_ZH[sec.region]}]" if doc.kind == DocKind.REPORT else ""
        lines.append(f"{indent}{sec.id} {sec.number}{_cut(sec.title, 40)}{region}")
    if doc.kind == DocKind.REPORT:
        commit = [s for s in doc.sentences if s.region == Region.COMMITMENTS]
        lines.append("")
        if commit:
            first = commit[0]
            lines.append(f"本年度承诺部分：{len(commit)} 句，自 {first.id} 起：{_cut(first.text, 50)}")
        else:
            lines.append("本年度承诺部分：未找到")
        counts = {}
        for s in doc.sentences:
            counts[s.region] = counts.get(s.region, 0) + 1
        lines.append("各部分句数：" + "，".join(f"{REGION_ZH[r]} {n}" for r, n in counts.items()))
        lines.append("")
        if doc.targets:
            lines.append(f"主要预期目标：{len(doc.targets)} 项")
            lines.append("指标\t规范名\t数值\t单位\t限定\t原文")
            for t in doc.targets:
                value = "" if t.value is None else f"{t.value:g}" + (f"—{t.upper:g}" if t.upper is not None else "")
                lines.append("\t".join((t.metric, t.canonical, value or "（定性）", t.unit, t.qualifier, _cut(t.text, 40))))
        else:
            lines.append("主要预期目标：未找到")
    for w in doc.warnings:
        lines.append(f"⚠ {w}")
    if doc.items:
        lines += ["", "任务条目：", "序号\t任务\t牵头领导\t牵头单位\t责任/配合单位\t完成时限"]
        for it in doc.all_items():
            o = it.effective_owners() if not it.parent else it.owners
            lines.append(
                "\t".join(
                    (
                        it.number,
                        _cut(it.text, 30),
                        "、".join(o.leaders) or "（缺）",
                        "、".join(o.lead_units) or "（缺）",
                        _cut("、".join(o.partner_units), 30) or "（缺）",
                        it.deadline or "—",
                    )
                )
            )
    return "\n".join(lines)
