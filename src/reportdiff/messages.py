"""English forms of the Chinese messages the pipeline writes (findings, warnings about the
documents, what could not be understood), for pages rendered with ``--lang en``.

The detect and structure stages write their messages in Chinese, the default language of every
output (the JSON, the sheet and the terminal keep them).  :func:`english` rewrites the fixed words of
a known message form and keeps what it quotes from the documents (clauses, figures, names of
governments and units) as written: the evidence stays in the documents' language.  A text of no
known form is returned unchanged.
"""

from __future__ import annotations

import functools
import re

__all__ = ["english"]

#: owner fields of a plan item (牵头领导 / 牵头单位 / 责任单位 / 配合单位) and deadlines
_OWNER_WORDS = {
    "牵头领导": "lead official (牵头领导)",
    "牵头单位": "lead unit (牵头单位)",
    "责任单位": "responsible unit (责任单位)",
    "配合单位": "cooperating unit (配合单位)",
}
_STATUS = {"完成": "met", "未完成": "missed", "基本完成（在“左右”幅度内）": "met within the 左右 margin"}

#: (Chinese form, English form): ``re.fullmatch`` patterns with groups the English form reuses
_FORMS: tuple[tuple[str, str], ...] = (
    (r"新增举措：上一份报告的年度任务中没有对应表述", "New initiative: the earlier report's commitments say nothing like it"),
    (r"不再提及：后一份报告的年度任务中没有对应表述", "Dropped: the later report's commitments say nothing like it"),
    (r"新增举措（所在语句延续，此分句为新内容）：(.*)", r"New initiative (its sentence continues, this clause is new): \1"),
    (r"不再提及（所在语句延续，此分句无对应）：(.*)", r"Dropped (its sentence continues, this clause has no counterpart): \1"),
    (r"新增举措（语句部分延续，此分句为新内容）：(.*)", r"New initiative (part of its sentence continues, this clause is new): \1"),
    (r"不再提及（语句部分延续，此分句无对应）：(.*)", r"Dropped (part of its sentence continues, this clause has no counterpart): \1"),
    (r"目标口径调整（计量方式改变）：(.*)", r"Target redefined (measured another way): \1"),
    (r"目标口径调整（年度 → 规划期累计）：(.*)", r"Target redefined (a year's amount → the plan period's total): \1"),
    (r"目标口径调整（规划期累计 → 年度）：(.*)", r"Target redefined (the plan period's total → a year's amount): \1"),
    (r"目标调整（(.*?)）：(.*)", r"Target changed (\1): \2"),
    (r"目标调整：(.*)", r"Target changed: \1"),
    (r"数字不一致：(.*)", r"Figures differ: \1"),
    (r"量化目标变为定性表述：(.*)", r"Quantified target now stated in words: \1"),
    (r"定性(?:表述|目标)变为量化目标：(.*)", r"Target in words now quantified: \1"),
    (r"新列出的任务目标：(.*)", r"Task target new this year: \1"),
    (r"后一年不再列出的任务目标：(.*)", r"Task target the next year no longer states: \1"),
    (r"新列出的目标：(.*)", r"Headline target new this year: \1"),
    (r"后一年不再列出的目标：(.*)", r"Headline target the next year no longer states: \1"),
    (r"牵头单位变化：(.*)", r"Lead unit changed: \1"),
    (r"报告承诺未分解到分工方案任务，没有责任单位", "Report commitment not assigned to any plan task: it has no owner"),
    (r"报告中的表述未分解到分工方案（无具体行动，可不分解）", "Report statement not in the plan (no concrete action; need not be assigned)"),
    (r"报告承诺中有 (\d+) 个分句未写入对应任务：(.*)", r"\1 clause(s) of a report commitment are not in its plan task: \2"),
    (r"分工方案任务在报告中找不到出处", "Plan task with no source in the report"),
    (r"两份文件内容相同（同一文件比对了两次）", "The two files have the same text (one file compared with itself)"),
    (r"两份文件属于不同政府：(.*)", r"The two files are of different governments: \1"),
    (r"报告与分工方案年份不同：(.*)", r"The report and the plan are of different years: \1"),
    (r"两份分工方案年份不同：(.*)", r"The two plans are of different years: \1"),
    (r"文件类型不同：(.*) / (.*)，按普通文本比对", r"Different kinds of document: \1 / \2, compared as plain text"),
    (r"两份文件属于不同政府，逐条比对没有意义：未给出覆盖率、目标调整、新增或不再提及等发现",
     "The two files are of different governments, so a line-by-line comparison means nothing: no coverage, target, new or dropped findings are given"),
    (r"未找到本年度工作部署（承诺）部分：无法核对覆盖、目标和新增/不再提及事项",
     "No part with this year's commitments found: coverage, targets and new/dropped initiatives cannot be checked"),
    (r"未找到本年度主要预期目标", "No list of this year's headline targets found"),
    (r"未识别发文政府", "The issuing government was not recognised"),
    (r"未识别年份", "The year was not recognised"),
)


@functools.cache
def _compiled() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(p, re.S), e) for p, e in _FORMS)


def english(text: str) -> str:
    """``text`` (a message of the pipeline, Chinese) in English where its form is known; a
    ``A：`` / ``B：`` side prefix and ``；``-joined lists of messages are read part by part."""
    side = re.match(r"([AB])：", text)
    if side:
        return f"{side.group(1)}: {english(text[2:])}"
    owners = re.fullmatch(r"第(.+?)项任务缺少(.+)", text)
    if owners and "完成时限" not in owners.group(2):
        words = [_OWNER_WORDS.get(w, w) for w in owners.group(2).split("、")]
        return f"Task {owners.group(1)} has no {', '.join(words)}"
    deadline = re.fullmatch(r"第(.+?)项任务缺少完成时限（其他 (\d+) 项任务写明了完成时限）", text)
    if deadline:
        return f"Task {deadline.group(1)} has no deadline ({deadline.group(2)} other tasks give one)"
    outcome = re.fullmatch(r"(\d{4})年目标“(.*)”，(\d{4})年报告回顾：(.*)（(.+)）", text, re.S)
    if outcome and outcome.group(5) in _STATUS:
        y1, target, y2, said, status = outcome.groups()
        return f"{y1} target “{target}”, {y2} report's review: {said} ({_STATUS[status]})"
    for pattern, form in _compiled():
        m = pattern.fullmatch(text)
        if m:
            return m.expand(form)
    if "；" in text:
        parts = text.split("；")
        translated = [english(p) for p in parts]
        if translated != parts:
            return "; ".join(translated)
    return text
