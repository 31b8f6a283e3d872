"""Chinese terminal text: ``inspect`` output and the summary of a comparison."""

from __future__ import annotations

from .export import KIND_ZH, REGION_ZH
from .model import DocKind, Document, Region

__all__ = ("inspect_text",)


def _cut(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def inspect_text(doc: Document) -> str:
    """What ``reportdiff inspect`` prints."""
    lines = [
        f"文件：{doc.raw.path}（{doc.raw.fmt}，编码 {doc.raw.encoding}）",
        f"类型：{KIND_ZH[doc.kind.value]}（依据：{'；'.join(doc.kind_evidence)}）",
        f"政府：{doc.government or '未识别'}    年份：{doc.year or '未识别'}    日期：{doc.date or '未识别'}",
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
    if doc.items:
        lines += ["", "任务条目：", "序号\t任务\t牵头领导\t牵头单位\t责任/配合单位"]
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
                    )
                )
            )
    return "\n".join(lines)
