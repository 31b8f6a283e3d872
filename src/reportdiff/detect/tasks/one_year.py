"""Task targets of one year only: a figure whose object the other year's target regions
name nowhere, neither with a figure nor in words (:func:`one_year_task_targets`); and a figure
whose object one figureless clause of the other year names, reported as stated in words there
(:mod:`.counterpart`)."""

from __future__ import annotations

import math
import re

from ... import quantities as qty
from ...model import Document, Finding, FindingType, Quantity, Severity
from ...normalize import to_simplified
from ..base import _finding
from .pairing import _kinds_unnamed
from .objects import TOTAL, _counts, _fmt_task, _label, _measures, multi_year_sections, _ONLY_TAIL, target_text, TaskTarget, _THRESHOLD_BOUNDS, _vocab
from .counterpart import Clauses, counterparts, quoted_in, situation, sought_object, stated_apart
from .worded import _core, _counted_there, _in_quotes, _normalized, _syn, _worded_at_home, worded_change


#: a task-level target of one year only needs an object of this many characters or more (企业,
#: 项目 and the like name no task of their own) ...
MIN_ONLY_OBJECT = 4
#: ... or of this many that is a thing of its own (:func:`_short_object`: 主干道, 托育点, 营造林, 步行街)
MIN_SHORT_OBJECT = 3
#: ... and the other year's target regions must not spell a run of this share of its core
#: (:func:`_core`) or more, nor :data:`MIN_ONLY_RUN` characters of its head: what they name is
#: the same task stated with another figure the pairing missed, or in words
ONLY_SHARE = 0.6
MIN_ONLY_RUN = 3
#: ... but a last run of this many characters or fewer is the head noun alone (水管网 of 雨水管网,
#: 政府投资 of 中央政府投资), which the other year may write under another modifier: it names the
#: object only with the words before it; a longer last run (职业技能培训 of 今明两年职业技能培训) names it
MAX_HEAD_NOUN = 4
#: a figure just after one of these is the base a change starts from (由2300元分别提高到5000元),
#: not a target
_BASE_BEFORE = ("由", "从")


def _short_object(key: str) -> bool:
    """Whether ``key``, shorter than :data:`MIN_ONLY_OBJECT`, still names a thing of its own: at least
    :data:`MIN_SHORT_OBJECT` characters, no general ending (项目, 工程: ``generic_ends`` of
    ``data/tasks.toml``) and no measure (增加值, 投资额, 覆盖率: ``measures`` and ``redefined_measures``),
    which names a task only with the subject a clause before writes."""
    from ... import vocab

    if len(key) < MIN_SHORT_OBJECT or vocab.pattern("tasks", "key", "generic_ends").search(key):
        return False
    return not (_measures().search(key) or vocab.pattern("tasks", "key", "redefined_measures").search(key))


#: units of a size (money, power, weight, area, length): a bound on one before a noun defines the thing
_SIZE_UNITS = ("元", "瓦", "吨", "米", "亩", "公里", "公顷")


def _bound_before_noun(q: Quantity, text: str) -> bool:
    """Whether ``q`` ends in a bound (以上, 以下) written straight before a noun (盯紧50亿元以上大项目,
    30万千瓦以下煤电机组): a size that defines the thing, not a target of its own.  A count or a
    share before its noun (10场以上境外招商, 1500名以上残疾人, 50%以上政务服务事项) is the target."""
    if not any(c in q.unit for c in _SIZE_UNITS):
        return False
    rest = to_simplified(text[q.start + len(q.text) :])
    bound = next((b for b in _THRESHOLD_BOUNDS if q.text.endswith(b)), "")
    if not bound and q.qualifier in _THRESHOLD_BOUNDS and rest.startswith(q.qualifier):
        bound, rest = q.qualifier, rest[len(q.qualifier) :]
    return bool(bound) and bool(re.match(r"[\u4e00-\u9fff“]", rest))


#: characters of a project's name between a size and 项目 (30万吨铝扁锭项目)
MAX_PROJECT_NAME = 15


def _project_size(q: Quantity, text: str) -> bool:
    """Whether ``q``, in a unit of size (:data:`_SIZE_UNITS`), is written straight before a noun
    in a clause that then names a project (推动年产30万吨铝扁锭项目开工, 加快22.5万千瓦风电项目实施):
    the size of a project, not a target of the year; so is a size joined to its noun by 的 (谋划建设160
    平方公里的临空产业园区: the area of the park built, not an area to reach; not money)."""
    if not any(c in q.unit for c in _SIZE_UNITS):
        return False
    rest = re.split(r"[，,；;。、]", to_simplified(text[q.start + len(q.text) :]), maxsplit=1)[0]
    if "元" not in q.unit and re.match(r"的(?!目标|任务)[\u4e00-\u9fff“]", rest):
        # not 的目标任务 (the target itself), nor an amount of money (应纳税所得额不到100万元的部分: a
        # threshold of a tax relief, on a tuning pair)
        return True
    at = rest.find("项目")
    return bool(re.match(r"[\u4e00-\u9fff“]", rest)) and 0 < at <= MAX_PROJECT_NAME


#: verbs of aim that make a share written after 占 a target (占比提高到三成)
_AIM_BEFORE = "达到|提高|提升|力争|确保|超过|不低于"


def _worded_target(q: Quantity, text: str) -> bool:
    """Whether ``q``, a figure without digits, is still a target of the year: a share or multiple in
    words (翻一番, 八成以上, 压减一半: ``[words]`` of ``data/units.toml``), not a share its clause states
    after 占 with no verb of aim (八大传统产业占…企业总数的三成: the structure as it is). An amount in
    numerals (千亿元园区, 千家万户, 万亿级产业, and 突破千亿元 too, which on a tuning pair was then read as
    stated in words by a clause naming the thing the other year counts with a rate) is not."""
    if not qty._WORD_QTY.fullmatch(q.text):
        return False
    clause = re.split(r"[，,；;。：:]", to_simplified(text[: q.start]))[-1]
    return "占" not in clause or bool(re.search(_AIM_BEFORE, clause))


def _named_in(core: str, text: str, measure: str = "") -> bool:
    """Whether the other year's target regions ``text`` (normalized) name the object ``core``:
    the whole of it, or :data:`ONLY_SHARE` of it in one run that keeps the words before its head
    noun (雨水管网 is not named by 污水管网, nor 创新型中小企业 by 大中小企业: the head noun alone,
    under another modifier, is another thing).  ``measure``: the measure the object ends in
    (:func:`_measure`: 产值, 营业收入, 率); the other year names such an object only with that
    measure just after the words found (农业龙头企业产值 is not named by 农业龙头企业20家)."""
    core = _object_of(core)
    # a run of k characters shared with the text is one of the object's k-character pieces
    # found in it (the same test as a longest common run >= k, without a scan of the whole
    # text per object: the other year's commitments are long, the objects short); the last
    # piece, the head noun without what sets it apart, is left out
    k = math.ceil(max(MIN_ONLY_RUN, ONLY_SHARE * len(core)))
    pieces = [core] + [core[i : i + k] for i in range(len(core) - k + (k > MAX_HEAD_NOUN))]
    return any(_found(p, text, measure) for p in pieces)


def _object_of(core: str) -> str:
    """What ``core`` names, without the closing verbs (合同成交额提升 names 合同成交额: ``_ONLY_TAIL``)
    and the opening ones (新打造秀丽湖库 is named by 秀丽湖库: :func:`_without_head`)."""
    return _without_head(_ONLY_TAIL.sub("", core) or core)


def _without_head(core: str) -> str:
    """``core`` without the action verbs and time words that open it (``head`` of
    ``data/tasks.toml``), also after 新 or 再 (新打造, 再启动), when :data:`MIN_ONLY_RUN` characters or
    more are left: what the object is, not what is done to it."""
    from ... import vocab

    head = vocab.pattern("tasks", "key", "head")
    bare = core
    while True:
        nxt = head.sub("", bare)
        if nxt == bare and bare[:1] in "新再" and head.match(bare[1:]):
            nxt = head.sub("", bare[1:])  # 新打造, 再启动: 新/再 before a verb of ``head``
        if nxt == bare:
            break
        bare = nxt
    return bare if len(bare) >= MIN_ONLY_RUN else core


#: the measure of an object (产值, 率) is sought this many characters or fewer after the words
#: of the object the other year writes (农业龙头企业总产值; 规上工业和数字经济增加值)
MEASURE_GAP = 6


def _found(piece: str, text: str, measure: str) -> bool:
    """Whether ``text`` writes ``piece``, followed within :data:`MEASURE_GAP` characters by
    ``measure`` when there is one and the piece does not hold it."""
    if not measure or measure in piece:
        return piece in text
    at = text.find(piece)
    while at >= 0:
        end = at + len(piece)
        if measure in text[at : end + MEASURE_GAP + len(measure)]:  # 农业龙头企业产 + 值
            return True
        at = text.find(piece, at + 1)
    return False


def _measure(key: str) -> str:
    """The measure ``key`` ends in (``redefined_measures`` of ``data/tasks.toml``: an amount,
    rate or head count of the thing, 总产值, 营业收入, 率), read without closing verbs; '' if none."""
    from ... import vocab

    bare = _ONLY_TAIL.sub("", key) or key
    m = vocab.pattern("tasks", "key", "redefined_measures").search(bare)
    # a rate named by its own word (渗透率, 覆盖率, 达标率: ``measures``) is sought by that word, not by
    # 率 alone (新能源汽车渗透率 is not named by 新能源化改造，率先…)
    whole = _measures().search(bare)
    if whole and m and len(whole.group(0)) > len(m.group(0)) and whole.group(0).endswith(m.group(0)):
        return whole.group(0)
    return m.group(0) if m else ""


def _without_tail(metric: str) -> str:
    """``metric`` without the verbs and qualifiers that close it before a figure (``tail`` of
    ``data/tasks.toml``: 达到, 提高到, 保持在)."""
    from ... import vocab

    return vocab.pattern("tasks", "key", "tail").sub("", re.sub(r"(?:达|至|为)$", "", metric))


def _scope_of_rate(t: TaskTarget) -> bool:
    """Whether count ``t`` is the scope of a rate its clause then sets (107条纳入名录管理的河流水质
    达标率100%: the rivers counted are where the rate is read, the rate is the target): a count
    followed in its clause by a percentage whose metric, read from the count on, ends in a measure
    (``measures`` of ``data/tasks.toml``: 率, 占比)."""
    if t.quantity.unit not in _counts() or t.quantity.text not in t.clause:
        return False
    rest = t.clause[t.clause.find(t.quantity.text) + len(t.quantity.text) :]
    rate = next((q for q in qty.extract(rest) if q.unit in ("%", "％")), None)
    if rate is None or re.search(r"[、，,；;：:]", rest[: rate.start]):
        return False  # 新建5G基站2万个、千兆用户占比达到30%: items of a list
    return bool(_measures().search(_without_tail(qty.metric_key(rest[: rate.start]))))


def _with_its_object(t: TaskTarget, text: str) -> str:
    """The clause of ``t`` as cited, up to the list item that names its object when the clause
    does not (力争全年新增2家国家级、20家自治区级创新创业平台: the levels share the noun the last
    item writes); the clause itself otherwise."""
    head = t.key[-2:]
    start = text.find(t.clause)
    if start < 0 or head in t.clause:
        return t.clause
    rest = text[start + len(t.clause) :]
    m = re.match(r"[^，,；;。]*", rest)
    return t.clause + m.group(0) if m and head in m.group(0) else t.clause


def _opening_name(t: TaskTarget) -> str:
    """The quoted name (“陆上风光三峡”, 4 characters or more) the object of ``t`` opens with, or ''."""
    for name in re.findall(r"“([^”]{4,})”", t.clause):
        k = _normalized(name)
        if k and _normalized(t.key).startswith(k):
            return name
    return ""


def one_year_task_targets(a: Document, b: Document, a_units, b_units, ta, tb, pairs, worded) -> list[Finding]:
    """Task-level targets of one year only: a quantified task target left unpaired whose
    object the other year's commitments name nowhere, with a figure or in words
    (:func:`_named_in`), one ``target_removed`` (A only) or ``target_added`` (B only) finding
    each, low severity, ``detail["level"] == "task"``.  Figures a ``quant_to_qual`` /
    ``qual_to_quant`` finding already reports are left out, and nothing is said when the other
    year's commitments part was not read.  A target left unpaired whose object one figureless
    clause of the other year names (:func:`.counterpart.counterparts`: 实际利用外资增长20% / 提升利用外资
    规模和质量) is reported as a figure stated in words instead, a ``number_changed`` finding with
    ``detail["change"]`` ``quant_to_qual`` / ``qual_to_quant`` citing both clauses, whether or not
    :func:`_named_in` finds the object named (when it does and no such clause is found, nothing is
    said, as before)."""
    # the other year's sections of several years (今后五年目标任务) set no year's target: what they
    # name does not hide a target of the year (:func:`multi_year_sections`)
    years_a, years_b = multi_year_sections(a), multi_year_sections(b)
    # ... nor do its sentences of several years (全社会研发经费投入年均增长10%以上, 城镇化率年均提高1个百分点:
    # ``[structure] multi_year`` of ``data/tasks.toml``, whose figures :func:`.objects.object_key` reads as
    # no year's task either)
    several = _vocab()[3]
    texts = {
        "a": target_text([u for u in b_units if u.section not in years_b and not several.search(to_simplified(u.text))]),
        "b": target_text([u for u in a_units if u.section not in years_a and not several.search(to_simplified(u.text))]),
    }
    paired = {"a": {id(x) for x, _, _ in pairs}, "b": {id(y) for _, y, _ in pairs}}
    stated = {(f.detail.get("change"), f.detail.get("a_clause") if f.detail.get("change") == "quant_to_qual" else f.detail.get("b_clause")) for f in worded}
    from ... import vocab

    period = vocab.pattern("tasks", "structure", "multi_year_section")
    fact = vocab.pattern("tasks", "structure", "fact_before")
    out = []
    for side, mine, units, doc in (("a", ta, a_units, a), ("b", tb, b_units, b)):
        if len(texts[side]) < 2:
            continue  # the other year's commitments part was not read
        secs = {s.id: s for s in doc.sections}

        def in_period(sid) -> bool:
            while sid in secs:
                if period.search(to_simplified(secs[sid].title)):
                    return True
                sid = secs[sid].parent
            return False

        said: dict[tuple[int, str], int] = {}  # (sentence, object) -> its entry in ``found``
        extra: dict[int, list[TaskTarget]] = {}  # entry in ``found`` -> further figures of its object
        found: list[tuple[TaskTarget, str, bool]] = []  # (target, core, named by the other year)
        for t in mine:
            text = units[t.unit].text
            if id(t) in paired[side] or (len(t.key) < MIN_ONLY_OBJECT and not _short_object(t.key)):
                continue
            if not re.search(r"\d", t.quantity.text) and not _worded_target(t.quantity, text):
                continue  # a figure in words only (千家万户, 百项, 万亿级) is rarely a task target
            if to_simplified(text[: t.quantity.start]).endswith(_BASE_BEFORE) or _bound_before_noun(t.quantity, text):
                continue
            if _project_size(t.quantity, text):
                continue
            if _in_quotes(t.quantity, text) or _scope_of_rate(t):
                continue  # part of a name (强省会“35条”), or the scope a rate is read over
            if fact.search(to_simplified(text[: t.quantity.start]).rsplit("，", 1)[-1]) or in_period(units[t.unit].section):
                continue
            if (("quant_to_qual" if side == "a" else "qual_to_quant"), t.clause) in stated:
                continue
            if (t.unit, t.key) in said:
                # another figure of the object in the same clause (新开工…等3个项目307公里: the count and the
                # length of the same projects): the finding of the first states it too
                first = said[(t.unit, t.key)]
                if found[first][0].clause == t.clause and TOTAL not in found[first][0].stage | t.stage:  # not 新增… / 累计达…
                    extra.setdefault(first, []).append(t)
                continue
            said[(t.unit, t.key)] = len(found)
            core = _core(t.key)
            found.append((t, core, _named_in(core, texts[side], _measure(t.key))))
        # the other year's figureless clause naming the object: the figure is stated in words there
        other_units, theirs = (b_units, tb) if side == "a" else (a_units, ta)
        others = Clauses.of(other_units, frozenset(years_b if side == "a" else years_a))
        own_text, other_text = _syn(target_text(units)), _syn(target_text(other_units))
        bare = [_normalized(_object_of(t.key)) for t, _, _ in found]
        words = counterparts([sought_object(_normalized(_object_of(core))) for _, core, _ in found], others, other_text, own_text, bare, [_normalized(units[t.unit].text) for t, _, _ in found], [_opening_name(t) for t, _, _ in found])
        stated_alone: set = set()  # figures a finding states (with the other year's clause of a worded one)
        for n, ((t, core, named), hit) in enumerate(zip(found, words)):
            text = units[t.unit].text
            q = t.quantity
            # every figure of the object in the clause that is a target of one year (新开工…等3个项目307公里:
            # the count and the length of the same projects), as ``worded`` findings state them
            fig = "、".join(dict.fromkeys(_fmt_task(o) for o in [t, *extra.get(n, [])]))
            # the worded.py tests of a counterpart: no figure of its own, not inside a longer quoted
            # name, the kind of the object named (配售型保障性住房 / 保障性住房), its sentence counts
            # not the thing, no closer counterpart in the target's sentence; and the figure is no
            # situation a task answers (:func:`.counterpart.situation`)
            if hit is not None and (stated_apart(q, hit[1], t.clause) or quoted_in(hit[1], t.key) or situation(t, text) or _kinds_unnamed(t.key, hit[2])):
                hit = None
            if hit is not None and (_counted_there(_normalized(core), [o for o in theirs if o.unit == hit[0]]) or _worded_at_home(t.key, hit[2], units[t.unit])):
                hit = None
            if hit is not None:
                i, c, _ = hit
                if (id(q), i, c) in stated_alone:
                    continue
                stated_alone.add((id(q), i, c))
                msg, detail = worded_change(side, t, c, fig)
                la, lb = ([units[t.unit]], [other_units[i]]) if side == "a" else ([other_units[i]], [units[t.unit]])
                out.append(_finding(FindingType.NUMBER_CHANGED, Severity.MEDIUM, a, b, la, lb, msg, detail))
                continue
            if named or id(q) in stated_alone:
                continue  # one figure holding for each item of a list (均达到60%以上): one finding
            stated_alone.add(id(q))
            said_in = _with_its_object(t, text)
            if side == "a":
                msg = f"后一年不再列出的任务目标：{said_in}（{fig}）"
                detail = {"metric": _label(t), "object": t.key, "old": fig, "old_value": q.value, "level": "task", "a_clause": t.clause}
                out.append(_finding(FindingType.TARGET_REMOVED, Severity.LOW, a, b, [units[t.unit]], [], msg, detail, a_text=said_in, b_text=""))
            else:
                msg = f"新列出的任务目标：{said_in}（{fig}）"
                detail = {"metric": _label(t), "object": t.key, "new": fig, "new_value": q.value, "level": "task", "b_clause": t.clause}
                out.append(_finding(FindingType.TARGET_ADDED, Severity.LOW, a, b, [], [units[t.unit]], msg, detail, a_text="", b_text=said_in))
    return out
