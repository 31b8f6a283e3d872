"""Task-level quantified targets of two years' reports (新改建农村公路7000公里 -> 新建改造农村公路5000公里).

Every quantity of each commitments part (outside the headline-target sentences, which
:func:`.targets.headline_target_changes` compares target by target) is read as a target of
a *counted object*: the metric before the number with its action verbs and time words
stripped, and for a count written before its noun the noun after it (改造提升1万个村卫生室 ->
村卫生室).  Targets of the two years are paired by that object and a compatible unit over
the whole commitments parts, not only inside sentences the alignment paired (a task moves
between sections from one year to the next), one to one, most similar first; a pair of
sentences the alignment linked counts as more similar.  Each pair whose value or qualifier
changed is one ``number_changed`` finding, so every target of a sentence is its own finding.
Figures of the review part (last year's results) are never read.
"""

from __future__ import annotations

import functools
from collections import Counter
import math
import re
from dataclasses import dataclass

import numpy as np

from .. import quantities as qty
from .. import segment
from ..align import Edge
from ..model import Document, Finding, FindingType, Quantity, Region, Severity
from ..normalize import to_simplified
from .base import _finding

#: report regions whose figures are targets
TARGET_REGIONS = (Region.COMMITMENTS, Region.GOALS)
#: two objects are the same at or above this similarity (:func:`_similarity`, 0..100, plus
#: :data:`ALIGNED_BONUS`).  Chosen on the five tuning pairs of ``tests/gold/yoy``: 75 -> 70 adds
#: 1 target change on 茌平区 and 3 on 山东省 for 1 wrong pair, 65 adds 2 wrong pairs on 南宁市
#: and 茌平区 and nothing else
SAME_OBJECT = 70
#: second pass over the targets left unpaired: objects that end in the same head noun of
#: :data:`MIN_HEAD` characters or more and reach this similarity are the same object when the
#: alignment links their sentences (also when the value is the same: on the seven tuning pairs
#: that added 1 right pair and 2 wrong ones)
SAME_HEAD = 50
MIN_HEAD = 2
#: ... or, in two sentences the alignment links to nothing, that end in the same head noun of this
#: many characters (培育20个以上突破性新品种 / 培育优良动植物新品种20个; two characters, 项目 or 企业,
#: paired unrelated tasks on dev corpus pairs: 5 wrong of 6)
MIN_HEAD_ALONE = 3
#: what a link of the alignment between the two sentences adds to the similarity of their objects
ALIGNED_BONUS = 10
#: ... and, in the order pairs are taken, this many times as much
ALIGNED_RANK = 2.5
#: what naming the same stage of a project (:func:`stages`) adds to a pair's rank (not to its
#: similarity): it breaks ties between figures of one object (市级重大项目700个 / 其中新开工110个)
STAGE_RANK = 5
#: objects shorter than this are compared whole only (高铁 is in 高铁通车里程 but is not it)
MIN_PARTIAL = 4
#: weight of the shorter object's length in the in-order similarity (the rest: the longer's)
SHORT_WEIGHT = 0.75
#: a count whose noun ends in one of these shares the next count's object
CONJUNCTIONS = "和及与、"
#: objects shorter than this name nothing (个, 项): such quantities are not paired
MIN_OBJECT = 2
#: characters of the noun between an amount and a count that the amount sizes (:func:`_size_class`)
MAX_SIZED_NOUN = 6
#: the object after 等 names the counted thing only with this many characters or more
#: (推进雄商、济滨等7个高铁项目 -> 高铁项目; 新增医养结合、康复护理等机构100家 keeps the kinds)
MIN_AFTER_EXAMPLES = 2
#: the denominator of a rate unit after a figure (700元/月, 100元/人), not part of the object
_RATE = re.compile(r"^/[^\d，,；;。、和及与]{1,3}")
#: what follows a number up to the next punctuation or number (20个「千万元以上技改项目」)
_AFTER = re.compile(r"^(?:以上|左右|以内|以下|多|余)?([^，,；;。：:、（()\d“”]{0,12})")


@dataclass(frozen=True)
class TaskTarget:
    """One quantity of a commitments part with the object it counts."""

    unit: int  #: index of its sentence among the document's units
    quantity: Quantity
    key: str  #: the counted object, normalized (:func:`object_key`)
    clause: str  #: the clause that states it
    #: qualifiers the sentence puts on it besides the quantity's own (:func:`_sentence_qualifiers`)
    quals: frozenset[str] = frozenset()
    #: the stages of a project its metric names (开工, 建成, 投用: :func:`stages`)
    stage: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def _vocab() -> tuple[re.Pattern, str, re.Pattern, re.Pattern]:
    from .. import vocab

    d = vocab.load("tasks")
    return re.compile(d["key"]["head"]), d["key"]["examples_end"], re.compile(d["structure"]["nouns"]), re.compile(d["structure"]["multi_year"])


def object_key(q: Quantity, text: str, prev_end: int = 0, prev_metric: str = "", prev_key: str = "") -> str | None:
    """The object ``q`` counts in ``text`` (its sentence), normalized; None when the
    number counts the report's own parts (十个方面的工作).  ``prev_end``: where the
    sentence's previous figure ends (建成38个中小学幼儿园项目、新增4.1万个学位: what
    follows 、 is the metric of 4.1万个); ``prev_metric``: that figure's metric, which a
    figure joined to it by a conjunction only shares (孤儿补贴标准分别提高到1150元/月和1600元/月);
    ``prev_key``: the object of the sentence's previous figure, which a figure of a 其中 clause
    that names only a stage counts (其中新开工110个)."""
    head, examples_end, structure, multi_year = _vocab()
    # a quoted name after the count is the counted thing (5个“平急两用”公共基础设施项目)
    after_text = _RATE.sub("", to_simplified(text[q.start + len(q.text) :])).replace("“", "").replace("”", "")
    if structure.match(after_text):
        return None
    m = _AFTER.match(after_text)
    after = m.group(1) if m else ""
    after = re.sub(rf"^[{qty._CN_DIGITS}元个项家处]+", "", after)
    if m and _scope_word().search(after):
        # 新增2家国家级、20家自治区级创新创业平台: a level in a list of levels counts the noun the
        # last item writes after its own level
        nxt = re.match(r"^(?:、[\d.]+[^\d，,；;。、]{0,3}?[^\d，,；;。、]{1,4}?级)*、[\d.]+[^\d，,；;。、]{0,3}?[^\d，,；;。、]{1,4}?级([^，,；;。、\d“”]{2,12})", after_text[m.end() :])
        if nxt:
            after += nxt.group(1)
    metric = re.sub(r"\[\d+\]$", "", q.metric)
    between = to_simplified(text[prev_end : q.start]) if prev_end else ""
    if prev_metric and between and not _RATE.sub("", between).strip(CONJUNCTIONS):
        metric = prev_metric  # 1150元/月和1600元/月: the second figure of the same metric
    elif "、" in between and metric and metric in between:
        metric = between.split("、", 1)[1]
    elif between[-1:] in CONJUNCTIONS.replace("、", "") and _own_object(between[:-1]):
        metric = ""  # 18条标志性产业链和66条重点产业链: the first figure's object is not this one's
    from .. import vocab

    verb = _verbs().search(after, MIN_WORDED_OBJECT) if after else None
    if verb and len(vocab.pattern("tasks", "key", "generic_ends").sub("", after[verb.end() :])) >= MIN_VERB_OBJECT:
        after = after[: verb.start()]  # 支持55个产粮大县提升粮食生产能力: the noun ends at the next action
    item = _respective_item(q, text, metric)
    if item != metric:
        metric = item
        if not after.strip(CONJUNCTIONS):
            after = ""  # 8%和50%: the 和 joins values of the list, not counts sharing an object
    if examples_end in metric and len(metric.rsplit(examples_end, 1)[1] + after) >= MIN_AFTER_EXAMPLES:
        metric = metric.rsplit(examples_end, 1)[1]
    metric = head.sub("", qty.metric_key(metric).split("#")[0])

    metric = vocab.pattern("tasks", "key", "tail").sub("", metric)
    if not vocab.pattern("tasks", "key", "stages").sub("", metric) and not after and prev_key and re.split(r"[，,；;：:]", to_simplified(text[: q.start]))[-1].lstrip().startswith("其中"):
        # 实施重大项目700个以上，其中新开工110个以上、建成投用40个以上: parts of the previous figure's
        # object, which the stage written before each figure tells apart (:func:`stages`)
        return prev_key
    if not metric and not after and prev_key and "、" in between:
        # 新增高标准农田建设9.55万亩、改造提升3.9万亩: an item of a list that writes only what is done
        # counts the previous item's object, done another way (改造提升 + 高标准农田)
        verbs = between.rsplit("、", 1)[1].strip()
        if verbs:
            return verbs + (vocab.pattern("tasks", "key", "generic_ends").sub("", prev_key) or prev_key)
    if after and after[-1] in CONJUNCTIONS:
        if not _rate_pair(q, text) and not (re.match(r"^[\d.]", after_text[m.end() :]) and _own_object(after[:-1])):
            return None  # 10个国家级和10个省级试点: the first count shares the second's object
        after = after.rstrip(CONJUNCTIONS)
    if multi_year.search(to_simplified(text)):
        return None  # a target over several years (年均增长, 今后五年) is not this year's task
    key = qty.metric_key(metric + after).split("#")[0]
    return re.sub(r"[\d.%％]+", "", key)  # 产值超200亿元工业企业: the figure inside names no thing


def _scope_word() -> re.Pattern:
    """``shared_scope`` of ``data/tasks.toml`` (a level: 国家级, 省级)."""
    from .. import vocab

    return vocab.pattern("tasks", "key", "shared_scope")


#: the noun after a figure (of :data:`MIN_WORDED_OBJECT` characters or more: 企业 | 开展技术改造 is
#: not cut) ends at an action verb followed by this many characters or more (a
#: verb with its own object: 产粮大县 | 提升粮食生产能力; not 城中村改造项目建设, whose general
#: ending ``generic_ends`` is no object)
MIN_VERB_OBJECT = 4


def _own_object(words: str) -> bool:
    """Whether ``words`` between a figure and 和/及/与 before a next figure name the first figure's
    own object (标志性产业链), not a scope the two counts share (国家级: ``shared_scope`` of
    ``data/tasks.toml``)."""
    from .. import vocab

    words = words.strip(CONJUNCTIONS)
    return len(words) >= MIN_OBJECT and not _scope_word().search(words)


def _respective_item(q: Quantity, text: str, metric: str) -> str:
    """The subject of ``q`` in a list of subjects with one value each after 分别 (过夜游客、入境游客
    分别增长8%和50% -> 入境游客增长 for 50%): the n-th subject, when the list names as many subjects
    as it gives values; a subject of one or two characters gets the last one's extra ending
    (城镇和农村居民人均可支配收入分别增长… -> 城镇居民人均可支配收入).  Else ``metric`` as it is."""
    m = re.search(r"\[(\d+)\]$", q.metric)
    if not m or "分别" not in metric:
        return metric
    base = q.metric[: m.start()]
    count = sum(1 for o in qty.extract(text) if re.sub(r"\[\d+\]$", "", o.metric) == base)
    subject, verb = metric.split("分别", 1)
    parts = [p for p in re.split(r"[、和及与]", _vocab()[0].sub("", subject)) if p]  # without 力争, 全年
    n = int(m.group(1))
    if len(parts) != count or not 1 <= n <= count or len(parts) < 2 or min(map(len, parts)) < 2:
        return metric  # 省、市重点项目: one-character scopes, which the other year may write 省市 (no list)
    first, last = parts[0], parts[-1]
    tail = last[len(first) :] if len(first) <= 2 < len(last) and all(len(p) <= len(first) for p in parts[:-1]) else ""
    item = parts[n - 1]
    return (item if n == count else item + tail) + verb


def _rate_pair(q: Quantity, text: str) -> bool:
    """Whether ``q`` is a rate (740元/月) joined by a conjunction straight to a figure in the
    same rate (740元/月和485元/月: two standards of the metric written before the first, 城乡低保标准),
    which is then the first figure's own object, not one it shares with the second."""
    rest = to_simplified(text[q.start + len(q.text) :])
    m = re.match(r"(/[^\d，,；;。、和及与]{1,3})[和及与][\d.]+" + re.escape(q.unit), rest)
    return bool(m and q.unit and q.text.endswith(q.unit) and rest[m.end() :].startswith(m.group(1)))


def _metric_of(q: Quantity, text: str, prev_metric: str) -> str:
    """The metric :func:`object_key` reads for ``q`` before its object is normalized (what a
    next figure joined by a conjunction only shares)."""
    metric = _RATE.sub("", re.sub(r"\[\d+\]$", "", q.metric))
    if not metric.strip(CONJUNCTIONS):
        return prev_metric
    return metric.rsplit("、", 1)[1] if metric.startswith("、") else metric


def task_targets(doc: Document, units, skip: set[str]) -> list[TaskTarget]:
    """The quantities of ``units`` in the target regions, except in sentences ``skip`` (ids)."""
    out = []
    for i, u in enumerate(units):
        if u.region not in TARGET_REGIONS or u.id in skip:
            continue
        qs = qty.extract(u.text)
        if not qs:
            continue
        spans = segment.clauses(u.text)
        prev_end = 0
        prev_metric = prev_key = ""
        prev_q = None
        for q in qs:
            key = object_key(q, u.text, prev_end, prev_metric, prev_key)
            if key and prev_q is not None and _size_class(prev_q, q, u.text):
                # 产值超200亿元工业企业1家、60亿元企业2家: enterprises of a size class, told apart by it
                key = prev_q.text + key
            prev_q = q
            prev_end = q.start + len(q.text)
            prev_metric = _metric_of(q, u.text, prev_metric)
            prev_key = key or prev_key
            if key is None or len(key) < MIN_OBJECT or _threshold(q, u.text, qs):
                continue
            s, e = next(((s, e) for s, e in spans if s <= q.start < e), (0, len(u.text)))
            out.append(TaskTarget(i, q, key, u.text[s:e].strip("，,；;。、 "), _sentence_qualifiers(q, u.text), stages(q.metric)))
    return out


def _size_class(p: Quantity, q: Quantity, text: str) -> bool:
    """Whether the amount ``p`` sizes the things count ``q`` counts (产值超200亿元工业企业1家、
    60亿元企业2家): an amount of money written straight before the noun of a count, with no
    punctuation or second figure between."""
    if "元" not in p.unit or not (q.unit in _counts() or any(q.unit in f for f in _families())):
        return False
    between = to_simplified(text[p.start + len(p.text) : q.start])
    return 0 < len(between) <= MAX_SIZED_NOUN and not re.search(r"[，,；;。、：:（()\d]", between)


def stages(metric: str) -> frozenset[str]:
    """The stages of a project that ``metric`` names (全年开工重大项目 -> 开工; ``stages`` of
    ``data/tasks.toml``): the head verbs the object is read without, which tell apart figures of
    one object at different stages (其中新开工110个 / 建成投用40个)."""
    from .. import vocab

    return frozenset(vocab.pattern("tasks", "key", "stages").findall(to_simplified(metric)))


#: qualifiers of aim that open a sentence and hold for every figure after them in it
#: (力争引进投资5000万元以上项目超200个，其中工业项目超160个: both are aims); inside a sentence
#: they qualify their clause only, as :func:`reportdiff.quantities.extract` reads them
SENTENCE_QUALIFIERS = ("力争", "确保")
#: what may come before such a qualifier at the opening of a sentence (③, 今年，)
_OPENING = re.compile(r"^[\s\d①-⑳、.．（）()]*(?:今年|全年|年内)?[，,]?")
#: a character just before a figure that qualifies it (超160个 is 超过160个, 约23万亩)
_BEFORE = {"超": "超过", "约": "约"}


def _sentence_qualifiers(q: Quantity, text: str) -> frozenset[str]:
    """The qualifiers of aim said earlier in the sentence ``text`` (:data:`SENTENCE_QUALIFIERS`)
    and the one written just before the figure (:data:`_BEFORE`), besides ``q.qualifier``."""
    before = to_simplified(text[: q.start])
    opening = before[_OPENING.match(before).end() :]
    out = {w for w in SENTENCE_QUALIFIERS if opening.startswith(w)}
    if before[-1:] in _BEFORE:
        out.add(_BEFORE[before[-1]])
    return frozenset(out)


def _qualifiers(t: TaskTarget) -> frozenset[str]:
    """All qualifiers of ``t``: the quantity's own and the sentence's."""
    return t.quals | ({t.quantity.qualifier} - {""})


def _same_qualifiers(x: TaskTarget, y: TaskTarget, a_units, b_units) -> bool:
    """Whether the two years' targets have the same qualifiers (:func:`_qualifiers`), reading
    a qualifier that one has and the other's sentence writes on it less closely as the same:
    an aim word (力争/确保) earlier in the other's sentence (强化创新主体培育，力争新增…，认定…瞪羚企业
    2家以上), or 以上 that closes a list joined by 、 the other's figure opens or is in (力争新增
    “瞪羚”企业2家、…、高新技术企业10家以上). It only ever removes a difference."""
    qx, qy = set(_qualifiers(x)), set(_qualifiers(y))
    for t, mine, theirs, units in ((x, qx, qy, a_units), (y, qy, qx, b_units)):
        text = to_simplified(units[t.unit].text)
        q = t.quantity
        before = re.split(r"[；;]", text[: q.start])[-1]
        for w in SENTENCE_QUALIFIERS:
            if w in theirs and w not in mine and w in before:
                mine.add(w)
        if "确保" in theirs and not mine & set(SENTENCE_QUALIFIERS) and _keep().search(re.split(r"[，,；;。]", before)[-1]):
            mine.add("确保")  # 持续保持…“7个100%” / 确保…“7个100%”: both firm
        if "以上" in theirs and "以上" not in mine and (not q.qualifier or q.qualifier in SENTENCE_QUALIFIERS):
            rest = text[q.start + len(q.text) :]
            if re.match(r"^(?:、[^，,；;。、\d]{1,20}[\d.]+[^\d，,；;。、]{0,3}?)+?以上(?=[，,；;。]|$)", rest):
                mine.add("以上")
    return qx == qy


@functools.lru_cache(maxsize=1)
def _keep() -> re.Pattern:
    from .. import vocab

    return vocab.pattern("tasks", "key", "keep")


def _fmt_task(t: TaskTarget) -> str:
    """The figure as stated with its qualifiers (力争超160个)."""
    q = t.quantity
    suffix = q.qualifier if q.qualifier in ("以上", "左右", "以内", "以下", "多", "余") else ""
    own = [] if suffix else [q.qualifier]
    words = [w for w in SENTENCE_QUALIFIERS if w in t.quals] + own + [w for w in _BEFORE.values() if w in t.quals]
    pre = "".join(dict.fromkeys(w for w in words if w and w not in q.text))
    return pre + q.text + (suffix if suffix not in q.text else "")


#: a figure with one of these bounds (or 超 before it) written straight before a noun, and a
#: count of that noun later in its clause, is a threshold that defines the counted thing, not a
#: target (引进投资5000万元以上项目超200个, 创建年收益50万元以上集体经济强村100个, 投资超5亿元工业项目新开工220个)
_THRESHOLD_BOUNDS = ("以上", "以下")


def _threshold(q: Quantity, text: str, qs: list[Quantity]) -> bool:
    """Whether ``q`` is a threshold inside the object of a later count of its clause."""
    end = q.start + len(q.text)
    rest = to_simplified(text[end:])
    bound = next((b for b in _THRESHOLD_BOUNDS if q.text.endswith(b)), "")
    if not bound and q.qualifier in _THRESHOLD_BOUNDS and rest.startswith(q.qualifier):
        bound, end, rest = q.qualifier, end + len(q.qualifier), rest[len(q.qualifier) :]
    if not bound and to_simplified(text[: q.start])[-1:] == "超":  # 投资超5亿元工业项目新开工220个
        bound = "超"
    if not bound or not re.match(r"[\u4e00-\u9fff“]", rest):
        return False
    clause_end = min((k for k in (rest.find(c) for c in "，,；;。") if k >= 0), default=len(rest))
    return any(end < o.start <= end + clause_end for o in qs)


def _similarity(ka: list[str], kb: list[str]) -> np.ndarray:
    """Similarity of two objects (0..100): the best of the edit ratio, 0.9 x the partial ratio
    (objects of :data:`MIN_PARTIAL` characters or more) and the characters both spell in order
    over a length between the shorter's and the longer's (老旧片区综合更新 / 片区更新)."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import LCSseq

    # each distinct object once (targets repeat their objects), spread back at the end
    ua, ia = np.unique(np.array(ka, dtype=object), return_inverse=True)
    ub, ib = np.unique(np.array(kb, dtype=object), return_inverse=True)
    ka, kb = ua.tolist(), ub.tolist()
    sim = process.cdist(ka, kb, scorer=fuzz.ratio, workers=-1)
    part = process.cdist(ka, kb, scorer=fuzz.partial_ratio, workers=-1)
    la, lb = np.array([len(k) for k in ka], dtype=float), np.array([len(k) for k in kb], dtype=float)
    short, long_ = np.minimum.outer(la, lb), np.maximum.outer(la, lb)
    lcs = process.cdist(ka, kb, scorer=LCSseq.similarity, workers=-1).astype(float)
    spelled = 100.0 * lcs / (SHORT_WEIGHT * short + (1 - SHORT_WEIGHT) * long_)
    return np.maximum.reduce([sim, 0.9 * part * (short >= MIN_PARTIAL), spelled])[ia[:, None], ib[None, :]]


@functools.lru_cache(maxsize=1)
def _counts() -> frozenset[str]:
    from .. import vocab

    return frozenset(vocab.load("tasks")["units"]["counts"])


@functools.lru_cache(maxsize=1)
def _families() -> tuple[frozenset[str], ...]:
    from .. import vocab

    return tuple(frozenset(f) for f in vocab.load("tasks")["units"]["families"])


@functools.lru_cache(maxsize=1)
def _conversions() -> dict[str, tuple[float, str]]:
    from .. import vocab

    return {k: (float(v[0]), v[1]) for k, v in vocab.load("units")["convert"].items()}


def common_value(q: Quantity) -> tuple[float, str]:
    """The value and unit of ``q`` in the unit its base unit converts into (``[convert]`` of
    ``data/units.toml``: 38亿斤 -> 1.9e6 吨), else its own."""
    mult, unit = _conversions().get(q.unit, (1.0, q.unit))
    return q.value * mult, unit


def _comparable(x: Quantity, y: Quantity) -> bool:
    """Same dimension, units that convert (斤 / 吨), both counts of things (个, 家, 项, 条:
    ``data/tasks.toml``), or two measure words of one family (户 / 家 of enterprises)."""
    if qty.same_dimension(x, y) or common_value(x)[1] == common_value(y)[1] or (x.unit in _counts() and y.unit in _counts()):
        return True
    return any(x.unit in f and y.unit in f for f in _families())


def pair_task_targets(ta: list[TaskTarget], tb: list[TaskTarget], edges: list[Edge]) -> list[tuple[TaskTarget, TaskTarget, float]]:
    """One-to-one pairs of targets of the two years that count the same object in a
    compatible unit, most similar first (see :data:`SAME_OBJECT`, :data:`ALIGNED_BONUS`)."""
    if not ta or not tb:
        return []
    sim = _similarity([t.key for t in ta], [t.key for t in tb])
    # which pairs of sentences the alignment linked, and which units compare (by unit
    # name only: one small table over the distinct names), as whole matrices
    ua = np.array([x.unit for x in ta], dtype=np.int64)
    ub = np.array([y.unit for y in tb], dtype=np.int64)
    pos_a = {u: k for k, u in enumerate(np.unique(ua).tolist())}
    pos_b = {u: k for k, u in enumerate(np.unique(ub).tolist())}
    link = np.zeros((len(pos_a), len(pos_b)), dtype=bool)
    for e in edges:
        if e.a in pos_a and e.b in pos_b:
            link[pos_a[e.a], pos_b[e.b]] = True
    la = np.array([pos_a[u] for u in ua.tolist()], dtype=np.int64)
    lb = np.array([pos_b[u] for u in ub.tolist()], dtype=np.int64)
    bonus = np.where(link[la[:, None], lb[None, :]], float(ALIGNED_BONUS), 0.0)
    names_a = {x.quantity.unit: x.quantity for x in ta}
    names_b = {y.quantity.unit: y.quantity for y in tb}
    na, nb = list(names_a), list(names_b)
    table = np.array([[_comparable(names_a[p], names_b[q]) for q in nb] for p in na], dtype=bool).reshape(len(na), len(nb))
    ka = {p: k for k, p in enumerate(na)}
    kb = {q: k for k, q in enumerate(nb)}
    dim = table[np.array([ka[x.quantity.unit] for x in ta], dtype=np.int64)[:, None], np.array([kb[y.quantity.unit] for y in tb], dtype=np.int64)[None, :]]
    score = np.where(dim, sim + bonus, -1.0)
    # among eligible pairs, a pair of sentences the alignment linked goes first (34个在建项目 of
    # the motorway sentence is its 34个续建项目, not another sentence's 6个在建项目)
    # ... and, between objects alike, two that name the same stage of a project (开工, 建成)
    staged = np.array([[bool(x.stage & y.stage) for y in tb] for x in ta], dtype=bool).reshape(len(ta), len(tb))
    rank = np.where(score >= SAME_OBJECT, sim + bonus * ALIGNED_RANK + STAGE_RANK * staged, -1.0)
    out = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    count_a, count_b = Counter(k for k, _ in {(t.key, t.unit) for t in ta}), Counter(k for k, _ in {(t.key, t.unit) for t in tb})
    order = np.argsort(-rank, axis=None, kind="stable")
    for flat in order:
        i, j = divmod(int(flat), len(tb))
        if rank[i, j] < 0:
            break
        if i in used_a or j in used_b or _names_missing(ta[i], tb[j]) or _kinds_differ(ta[i].key, tb[j].key):
            continue
        if not link[la[i], lb[j]] and (count_a[ta[i].key] > 1 or count_b[tb[j].key] > 1):
            continue  # an object several sentences count (年度投资 of each sector): the alignment says which
        used_a.add(i)
        used_b.add(j)
        out.append((ta[i], tb[j], float(score[i, j])))
    # second pass: targets left over whose objects end in the same head noun (新品种, 片区,
    # 机构) and are otherwise alike, in sentences the alignment linked (新创建省级示范片区70个左右
    # -> 新增省级乡村振兴片区75个)
    linked_a, linked_b = {e.a for e in edges}, {e.b for e in edges}
    second = np.where(dim & (sim >= SAME_HEAD), sim + bonus * ALIGNED_RANK, -1.0)
    for flat in np.argsort(-second, axis=None, kind="stable"):
        i, j = divmod(int(flat), len(tb))
        if second[i, j] < 0:
            break
        if i in used_a or j in used_b or _head(ta[i].key, tb[j].key) < MIN_HEAD or _names_missing(ta[i], tb[j]) or _kinds_differ(ta[i].key, tb[j].key):
            continue
        if not link[la[i], lb[j]] and (ta[i].unit in linked_a or tb[j].unit in linked_b or _head(ta[i].key, tb[j].key) < MIN_HEAD_ALONE):
            continue  # sentences the alignment linked, or two it links to nothing sharing a longer head
        if not link[la[i], lb[j]] and (count_a[ta[i].key] > 1 or count_b[tb[j].key] > 1):
            continue

        used_a.add(i)
        used_b.add(j)
        out.append((ta[i], tb[j], float(score[i, j])))
    # an object several sentences count (年度投资 of each sector) pairs where the two sentences
    # pair another object too (the sector's projects: 7200个重大产业项目 / 5500个重大项目, which may
    # be such an object itself) or where one of them counts nothing else (完成投资3250亿元 /
    # 交通、水利分别完成投资…); parallel sentences whose sectors were regrouped (970个新基建项目 /
    # 600个医教康育服务项目, 年度投资 of each) do not
    both = Counter((x.unit, y.unit) for x, y, _ in out)
    others_a, others_b = Counter(t.unit for t in ta), Counter(t.unit for t in tb)
    out = [
        (x, y, s)
        for x, y, s in out
        if (count_a[x.key] == 1 and count_b[y.key] == 1) or both[(x.unit, y.unit)] > 1 or others_a[x.unit] == 1 or others_b[y.unit] == 1
    ]
    out.sort(key=lambda p: (p[0].unit, p[0].quantity.start))
    return out


#: a metric redefined (:func:`pair_redefined`): the two objects, read without what measures them
#: (``redefined_measures`` of ``data/tasks.toml``), are the same at or above this similarity, and
#: the thing left has this many characters or more
SAME_REDEFINED = 90
MIN_REDEFINED = 4


def _measured(key: str) -> str:
    """The thing an object measures (技术合同成交额 -> 技术合同, 农产品加工转化率 -> 农产品加工):
    ``key`` without its measure ending and general ending (项目, 工程)."""
    from .. import vocab

    rx = vocab.pattern("tasks", "key", "redefined_measures")
    ends = vocab.pattern("tasks", "key", "generic_ends")
    thing = key
    for _ in range(2):
        thing = ends.sub("", rx.sub("", _ONLY_TAIL.sub("", thing)))
    return thing


def _same_thing(x: str, y: str) -> bool:
    """Whether two things measured (:func:`_measured`) are one thing however their sentences are
    aligned: equal, or the longer one is the shorter with words before it only (巩固提升农村供水保障 /
    农村供水保障), :data:`MIN_REDEFINED` characters or more."""
    short, long_ = sorted((x, y), key=len)
    return len(short) >= MIN_REDEFINED and long_.endswith(short)


def pair_redefined(ta: list[TaskTarget], tb: list[TaskTarget], pairs, edges: list[Edge]) -> list[tuple[TaskTarget, TaskTarget, float]]:
    """Targets left unpaired by :func:`pair_task_targets` that quantify the same thing in units
    that do not compare (a growth rate one year, an amount the next: 技术合同成交额增长15%左右 ->
    技术合同成交额突破200亿元): the metric redefined.  The two sentences must be linked by the
    alignment, the things measured (:func:`_measured`) alike (:data:`SAME_REDEFINED`) and each the
    other's best such match; one to one.  Two sentences the alignment does not link are read when
    the things are one (:func:`_same_thing`)."""
    paired_a = {id(x) for x, _, _ in pairs}
    paired_b = {id(y) for _, y, _ in pairs}
    from .. import vocab

    size = set(vocab.load("tasks")["units"]["size_classes"])
    la = [x for x in ta if id(x) not in paired_a and x.quantity.unit not in size and len(_measured(x.key)) >= MIN_REDEFINED]
    lb = [y for y in tb if id(y) not in paired_b and y.quantity.unit not in size and len(_measured(y.key)) >= MIN_REDEFINED]
    if not la or not lb:
        return []
    linked = {(e.a, e.b) for e in edges}
    sim = _similarity([_measured(x.key) for x in la], [_measured(y.key) for y in lb])
    things_a, things_b = [_measured(x.key) for x in la], [_measured(y.key) for y in lb]
    ok = np.array([[((x.unit, y.unit) in linked or _same_thing(tx, ty)) and not _comparable(x.quantity, y.quantity) for y, ty in zip(lb, things_b)] for x, tx in zip(la, things_a)], dtype=bool)
    score = np.where(ok & (sim >= SAME_REDEFINED), sim, -1.0)
    out = []
    for i in range(len(la)):
        j = int(np.argmax(score[i]))
        if score[i, j] < 0 or int(np.argmax(score[:, j])) != i or _names_missing(la[i], lb[j]) or _kinds_differ(la[i].key, lb[j].key):
            continue
        if score[i, j] in np.delete(score[i], j) or score[i, j] in np.delete(score[:, j], i):
            continue  # two equally good partners: which one is meant is not said
        out.append((la[i], lb[j], float(score[i, j])))
    return out


def _quoted_names(t: TaskTarget) -> list[str]:
    """The quoted names that qualify the noun of the object of ``t`` (企业“四化”改造升级,
    “好房子”示范项目); a name that is the whole object or an item of a list (“四好农村路”,
    制造业单项冠军、“小巨人”各30家, “无废园区”“无废工厂”10个) is not one."""
    return [m.group(1) for m in re.finditer(r"“([^”]{2,})”([\u4e00-\u9fff])", t.clause) if m.group(2) not in "各等和及与" and qty.metric_key(m.group(1) + m.group(2)) in t.key]


def _names_missing(x: TaskTarget, y: TaskTarget) -> bool:
    """Whether the object of one target holds a quoted name (a programme's own name:
    企业“四化”改造升级) that the other target's clause does not write, nor :data:`MIN_HEAD_ALONE`
    characters of it in a run, and what follows the name in the object shares fewer than that
    many characters in a run with the other object: they count different things (中小企业数字化改造;
    “四首”产品 / 企业创新产品), unless the rest names the same thing (“百县千企万店”促消费重点活动 /
    促消费活动) or the other clause names part of it (“高效办成一件事”场景 / “一件事”应用场景)."""
    for s, o in ((x, y), (y, x)):
        other = qty.metric_key(o.clause.replace("“", "").replace("”", ""))
        for n in _quoted_names(s):
            k = qty.metric_key(n)
            rest = s.key[s.key.find(k) + len(k) :]
            if k not in other and _shared_run(k, other) < MIN_HEAD_ALONE and _shared_run(rest, o.key) < MIN_HEAD_ALONE:
                return True
    return False


@functools.lru_cache(maxsize=1)
def _kind_groups() -> tuple[tuple[re.Pattern, ...], ...]:
    from .. import vocab

    return tuple(tuple(re.compile(k) for k in g) for g in vocab.load("tasks")["kinds"]["groups"])


def _kinds_differ(x: str, y: str) -> bool:
    """Whether objects ``x`` and ``y`` each name a kind of one group of ``[kinds]`` of
    ``data/tasks.toml`` that the other does not name (党群服务中心 / 托育服务中心, 创新型 / 专精特新
    中小企业): different things.  One naming the other's kinds and more (专精特新企业 / 专精特新
    “小巨人”和单项冠军) is a measure narrowed, not told apart."""
    for group in _kind_groups():
        kx = {i for i, k in enumerate(group) if k.search(x)}
        ky = {i for i, k in enumerate(group) if k.search(y)}
        if kx - ky and ky - kx:
            return True
    return False


def _kinds_unnamed(key: str, clause: str) -> bool:
    """Whether the object ``key`` names a kind of ``[kinds]`` of ``data/tasks.toml`` that the
    clause ``clause`` does not name (创新型中小企业50家 / 培育铺天盖地的中小企业): the clause speaks
    of the head noun, not of that kind, and does not state the target in words."""
    return any(k.search(key) and not k.search(clause) for group in _kind_groups() for k in group)


def _head(x: str, y: str) -> int:
    """Length of the ending ``x`` and ``y`` share (their head noun: 突破性新品种 / 优良动植物新品种 -> 3);
    a measure at its end does not count (幼儿园占比 / 在园幼儿占比 -> 0: ``measures`` of ``data/tasks.toml``)."""
    n = 0
    while n < min(len(x), len(y)) and x[-1 - n] == y[-1 - n]:
        n += 1
    m = _measures().search(x[len(x) - n :]) if n else None
    return n - len(m.group(0)) if m else n


def _measures() -> re.Pattern:
    from .. import vocab

    return vocab.pattern("tasks", "key", "measures")


def _fmt(q: Quantity) -> str:
    if not q.qualifier or q.qualifier in q.text:
        return q.text
    return f"{q.text}{q.qualifier}" if q.qualifier in ("以上", "左右", "以内", "以下", "多", "余") else f"{q.qualifier}{q.text}"


def _label(t: TaskTarget) -> str:
    """The metric as the clause writes it, up to the number, and the counted noun after it."""
    q = t.quantity
    label = re.sub(r"\[\d+\]$", "", q.metric).strip("“”\"")
    if q.qualifier and label.endswith(q.qualifier):
        label = label[: -len(q.qualifier)]
    return label or t.key


def _scope_widened(x: str, y: str) -> tuple[str, str] | None:
    """The level of two objects when one writes 以上 after it and the other does not, the rest
    the same (自治区级创新创业平台 / 自治区级以上创新创业平台): a scope widened or narrowed, a change
    of qualifier even when the value is the same.  None otherwise."""
    for m in re.finditer(r"级以上", y):
        if y[: m.start() + 1] + y[m.end() :] == x:
            return y[: m.start() + 1].split("、")[-1][-4:], y[: m.end()].split("、")[-1][-6:]
    for m in re.finditer(r"级以上", x):
        if x[: m.start() + 1] + x[m.end() :] == y:
            return x[: m.end()].split("、")[-1][-6:], x[: m.start() + 1].split("、")[-1][-4:]
    return None


def task_target_changes(a: Document, b: Document, a_units, b_units, edges: list[Edge]) -> list[Finding]:
    """One ``number_changed`` finding per task-level target whose value or qualifier
    changed between the two years (each cites both sentences; ``detail`` names the
    clauses, values, units and qualifiers)."""
    from .targets import _change_detail

    both = bool(a.targets and b.targets)
    skip_a = {t.sentence for t in a.targets} if both else set()
    skip_b = {t.sentence for t in b.targets} if both else set()
    ta = task_targets(a, a_units, skip_a)
    tb = task_targets(b, b_units, skip_b)
    out = []
    pairs = pair_task_targets(ta, tb, edges)
    for x, y, sim in pairs:
        qx, qy = x.quantity, y.quantity
        kinds = []
        (vx, ux), (vy, uy) = common_value(qx), common_value(qy)
        if abs(vx - vy) > 1e-9 * max(1.0, abs(vx)):
            kinds.append("value")
        scope = _scope_widened(x.key, y.key)
        if not _same_qualifiers(x, y, a_units, b_units) or scope:
            kinds.append("qualifier")
        if not kinds:
            continue
        old, new = _fmt_task(x), _fmt_task(y)
        lx, ly = _label(x), _label(y)
        said = f"{old} → {new}" if not scope or "value" in kinds or old != new else f"{scope[0]} → {scope[1]}"
        msg = f"目标调整：{x.clause} → {y.clause}（{said}）"
        detail = _change_detail(lx, ly, old, new, qx, qy, kinds) | {"object": x.key, "new_object": y.key, "a_clause": x.clause, "b_clause": y.clause, "similarity": round(sim, 1)}
        if scope:
            detail["scope"] = list(scope)
        sev = Severity.HIGH if "value" in kinds else Severity.MEDIUM
        out.append(_finding(FindingType.NUMBER_CHANGED, sev, a, b, [a_units[x.unit]], [b_units[y.unit]], msg, detail))
    redefined = pair_redefined(ta, tb, pairs, edges)
    for x, y, sim in redefined:
        qx, qy = x.quantity, y.quantity
        old, new = _fmt_task(x), _fmt_task(y)
        msg = f"目标口径调整（计量方式改变）：{x.clause} → {y.clause}（{old} → {new}）"
        detail = _change_detail(_label(x), _label(y), old, new, qx, qy, ["unit"]) | {"object": x.key, "new_object": y.key, "a_clause": x.clause, "b_clause": y.clause, "similarity": round(sim, 1), "redefined": True}
        out.append(_finding(FindingType.NUMBER_CHANGED, Severity.MEDIUM, a, b, [a_units[x.unit]], [b_units[y.unit]], msg, detail))
    pairs = pairs + redefined
    worded = worded_task_changes(a, b, a_units, b_units, ta, tb, pairs, edges)
    out.extend(worded)
    out.extend(one_year_task_targets(a, b, a_units, b_units, ta, tb, pairs, worded))
    return out


#: an object of this many characters or more, named in a clause of the other year's
#: commitments that states no figure, is the same task stated in words
MIN_WORDED_OBJECT = 4
#: ... when the clause spells this share of the object in one run
WORDED_SHARE = 0.5
#: second search for a worded counterpart, when the first finds none: a run of this many
#: characters of the object's core (:func:`_core`) that a figureless clause of the other year
#: spells and that is not a general term of the genre (``[worded] generic`` of tasks.toml: 重大项目,
#: 基础设施 …).  In a sentence the alignment links to the target's that run is enough
#: (支持55个产粮大县提升粮食生产能力 / 支持…创建国家超级产粮大县); elsewhere in the other year's
#: commitments the run must occur once in each year's target regions (乡村中小学强校扩优覆盖率达到60%
#: / 深化强校扩优行动: the only place either year names 强校扩优)
MIN_WORDED_RUN = 4
#: ... and in a sentence the alignment links to nothing, this many (on the tuning pairs, runs of 4
#: or 5 characters shared with clauses anywhere in the other year were right about 1 time in 4:
#: 关键技术, 乡村医生, 工业用地 name different tasks)
MIN_FAR_RUN = 6
#: characters a shared run may stand from the figure it names (:func:`_names_thing`)
RUN_GAP = 1


def _worded_clauses(u) -> list[tuple[str, str]]:
    """(clause, normalized clause) of the clauses of sentence ``u`` that state no figure, if
    it is in the target regions."""
    out = []
    if u.region in TARGET_REGIONS:
        for s, e in segment.clauses(u.text):
            c = u.text[s:e].strip("，,；;。 ")
            if c and not qty.extract(c):
                out.append((c, qty.metric_key(c)))
    return out


def _names_head(key: str, clause: str) -> bool:
    """Whether ``clause`` names the head noun of the object ``key`` (its last
    :data:`MIN_HEAD` characters before a general ending such as 项目: 省级新兴产业集群 is not
    named by 培育壮大新兴产业, 水库除险加固项目 is by 实施水库除险加固)."""
    return _core(key)[-MIN_HEAD:] in clause


def _named_once(core: str, clause: str, text: str) -> bool:
    """Whether the worded ``clause`` names the whole object ``core`` (:data:`MIN_WORDED_OBJECT`
    characters or more) and the other year's target regions ``text`` name it nowhere else: in a
    sentence the alignment links to nothing, the only clause that names the object is its
    counterpart (旅游公路, 智能算力), one of several is not (龙头企业, 数字经济)."""
    return len(core) >= MIN_WORDED_OBJECT and core in clause and text.count(core) == 1


def _core(key: str) -> str:
    """The object ``key`` without a general ending (项目, 工程: ``generic_ends``) nor, when
    :data:`MIN_WORDED_OBJECT` characters are left, a measure (智能算力比例 -> 智能算力)."""
    from .. import vocab

    core = vocab.pattern("tasks", "key", "generic_ends").sub("", key) or key
    bare = _measures().sub("", core)
    return bare if len(bare) >= MIN_WORDED_OBJECT else core


#: a short form keeps this many characters or more of the start and of the end of the object
MIN_SHORT_PART = 2


def _shortened(core: str, clause: str) -> bool:
    """Whether ``clause`` writes the object ``core`` in short, as Chinese shortens a term: its
    start and its head noun, each :data:`MIN_SHORT_PART` characters or more, with words between
    left out (粮食面积 for 粮食播种面积, 精品景区 for 精品旅游景区); together at least
    :data:`MIN_WORDED_OBJECT` characters, and the whole object written nowhere in the clause."""
    if core in clause:
        return False
    for i in range(MIN_SHORT_PART, len(core) - MIN_SHORT_PART):
        for k in range(MIN_SHORT_PART, len(core) - i):
            if i + k >= MIN_WORDED_OBJECT and core[:i] + core[-k:] in clause:
                return True
    return False


def _shared_run(x: str, y: str) -> int:
    """Length of the longest run of characters ``x`` and ``y`` share."""
    import difflib

    return difflib.SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y)).size


def _longest_run(x: str, y: str) -> str:
    """The longest run of characters ``x`` and ``y`` share (the first of equal length in ``x``)."""
    import difflib

    m = difflib.SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y))
    return x[m.a : m.a + m.size]


def _generic_run(run: str) -> bool:
    """Whether a shared ``run`` names no task of its own: fewer than :data:`MIN_WORDED_RUN`
    characters are left once the genre's general terms (``[worded] generic``) are taken out."""
    from .. import vocab

    return len(vocab.pattern("tasks", "worded", "generic").sub("", run)) < MIN_WORDED_RUN


def _names_thing(run: str, core: str, t: TaskTarget, text: str) -> bool:
    """Whether a shared ``run`` names the thing the figure of ``t`` counts, not a word near it: the
    run ends the object ``core`` (its head noun: 农村生活污水治理 of 农村生活污水治理率), ends the
    words just before the figure in its sentence ``text`` (at most :data:`RUN_GAP` characters away:
    a measure, 达, 为), or ends the noun written after the figure, read up to the next action verb
    (支持55个产粮大县提升粮食生产能力: 产粮大县; not 智慧农业 of 100家智慧农业应用基地)."""
    if core.endswith(run):
        return True
    q = t.quantity
    plain = to_simplified(text)
    before = re.split(r"[，,；;。：:、（()“”]", plain[: q.start].rstrip())[-1]  # within one item of a list
    if run in before[-(len(run) + RUN_GAP) :]:
        return True
    after = re.split(r"[，,；;。：:、（()“”\d]", re.sub(r"^(?:以上|左右|以内|以下|多|余)", "", plain[q.start + len(q.text) :]), maxsplit=1)[0]
    verb = _verbs().search(after, 1)
    return after[: verb.start() if verb else len(after)].endswith(run)


@functools.lru_cache(maxsize=1)
def _verbs() -> re.Pattern:
    """The action verbs of ``[key] head`` (tasks.toml), found anywhere rather than at the head."""
    head, _, _, _ = _vocab()
    return re.compile(head.pattern.lstrip("^").rstrip("+"))


def _said_in_words(q: Quantity, clause: str) -> bool:
    """Whether the figureless ``clause`` writes a count in Chinese numerals in the figure's measure
    word (一所 for 1所): the same kind of count stated, not a target turned into words."""
    return bool(q.unit) and len(q.unit) == 1 and bool(re.search(f"[{qty._CN_DIGITS}两]{re.escape(q.unit)}", clause))


@dataclass(frozen=True)
class _Figureless:
    """The other year's figureless clauses ((sentence, clause, normalized clause)) for
    :func:`_run_counterpart`, read once: each clause's list items normalized
    (:func:`quantities.metric_key`), and where each :data:`MIN_WORDED_RUN`-character piece of
    them occurs, so that a search looks only at the clauses sharing a piece with the object
    (a shorter shared run is never a counterpart)."""

    clauses: list[tuple[int, str, str]]
    items: list[list[str]]
    grams: dict[str, list[int]]

    @classmethod
    def of(cls, clauses: list[tuple[int, str, str]]) -> "_Figureless":
        items = [[qty.metric_key(p) for p in re.split(r"[、“”]", c) if p] for _, c, _ in clauses]
        grams: dict[str, list[int]] = {}
        k = MIN_WORDED_RUN
        for n, ps in enumerate(items):
            for g in {p[j : j + k] for p in ps for j in range(len(p) - k + 1)}:
                grams.setdefault(g, []).append(n)
        return cls(clauses, items, grams)

    def sharing(self, core: str) -> list[int]:
        """Indices of the clauses with a piece of :data:`MIN_WORDED_RUN` characters of ``core``, in order."""
        k = MIN_WORDED_RUN
        return sorted({n for j in range(len(core) - k + 1) for n in self.grams.get(core[j : j + k], ())})


def _run_counterpart(core: str, linked: set[int], figureless: _Figureless, other_text: str, own_text: str, named=lambda run: True) -> tuple[int, str] | None:
    """The second search of :func:`worded_task_changes`: among the other year's figureless
    clauses (``figureless``), the one sharing the longest distinctive run
    with the object ``core`` (:data:`MIN_WORDED_RUN` characters in a sentence of ``linked``,
    :data:`MIN_FAR_RUN` elsewhere; read within one item of a list, 人才、团队 names no 人才团队, and
    not as part of a longer quoted name, “环城健身步道越野赛” is a race).  The run must occur once in
    the other year's (``other_text``) and once in the target's year's (``own_text``) target regions.
    None when there is none."""
    best: tuple[int, int, int, str] | None = None
    for m in figureless.sharing(core):
        i, c, _ = figureless.clauses[m]
        near = i in linked
        run = max((_longest_run(core, p) for p in figureless.items[m]), key=len, default="")
        if len(run) < (MIN_WORDED_RUN if near else MIN_FAR_RUN) or _generic_run(run) or not named(run):
            continue
        if any(run in n and len(n) > len(run) for n in (qty.metric_key(n) for n in re.findall(r"“([^”]+)”", c))):
            continue
        if other_text.count(run) != 1 or own_text.count(run) != 1:
            continue
        score = (int(near), len(run))
        if best is None or score > best[:2]:
            best = (score[0], score[1], i, c)
    return (best[2], best[3]) if best else None


def _in_quotes(q: Quantity, text: str) -> bool:
    """Whether ``q`` is written inside a quoted name (“千村示范、万村整治”): part of a name, no target."""
    before = text[: q.start]
    return before.count("“") > before.count("”")


def worded_task_changes(a: Document, b: Document, a_units, b_units, ta, tb, pairs, edges: list[Edge]) -> list[Finding]:
    """A task-level target of one year with no figure paired in the other year whose object
    a figureless clause of the other year's commitments names (完成省重点实验室重组 for
    重组200家省重点实验室: a shared run of :data:`MIN_WORDED_OBJECT` characters or more, and
    :data:`WORDED_SHARE` of the object or more) in a sentence the alignment links to the
    target's: quantitative -> qualitative or the reverse, one ``number_changed`` finding each
    (``detail["change"]``: ``quant_to_qual`` / ``qual_to_quant``)."""
    partners: dict[str, dict[int, list[int]]] = {"a": {}, "b": {}}
    for e in edges:
        partners["a"].setdefault(e.a, []).append(e.b)
        partners["b"].setdefault(e.b, []).append(e.a)
    # sentences of the other year the alignment links to nothing: a task may move between
    # sections from one year to the next, and its worded clause be left unaligned
    alone = {
        "a": [i for i, u in enumerate(b_units) if u.region in TARGET_REGIONS and i not in partners["b"]],
        "b": [i for i, u in enumerate(a_units) if u.region in TARGET_REGIONS and i not in partners["a"]],
    }
    # the other year's target regions, normalized as worded clauses are (see _named_once)
    texts = {
        "a": qty.metric_key("。".join(u.text for u in b_units if u.region in TARGET_REGIONS)),
        "b": qty.metric_key("。".join(u.text for u in a_units if u.region in TARGET_REGIONS)),
    }
    alone_text = {
        "a": {i: qty.metric_key(b_units[i].text) for i in alone["a"]},
        "b": {i: qty.metric_key(a_units[i].text) for i in alone["b"]},
    }
    paired_a = {id(x) for x, _, _ in pairs}
    paired_b = {id(y) for _, y, _ in pairs}
    every: dict[str, _Figureless] = {}  # all figureless clauses of the other year, read once
    out = []
    for side, mine, paired, other_units, own_units in (("a", ta, paired_a, b_units, a_units), ("b", tb, paired_b, a_units, b_units)):
        clauses: dict[int, list[tuple[str, str]]] = {}  # read only where needed
        seen: set[str] = set()
        said: set[tuple] = set()
        for t in mine:
            if id(t) in paired or len(t.key) < MIN_WORDED_OBJECT or t.key in seen or _in_quotes(t.quantity, own_units[t.unit].text):
                continue
            need = max(MIN_WORDED_OBJECT, WORDED_SHARE * len(t.key))
            linked = set(partners[side].get(t.unit, ()))
            core = _core(t.key)
            # sentences linked to nothing are read only when the other year names the object once
            once = len(core) >= MIN_WORDED_OBJECT and texts[side].count(core) == 1
            lone = [i for i in alone[side] if core in alone_text[side][i]] if once else []
            if once and not linked and any(n in core for n in re.findall(r"“([^”]{%d,})”" % MIN_WORDED_OBJECT, t.clause)):
                # a quoted name (力争新增“双百双新”项目10个以上) the other year names once, in any sentence
                lone = [i for i, u in enumerate(other_units) if u.region in TARGET_REGIONS and core in qty.metric_key(u.text)]
            where = list(partners[side].get(t.unit, ())) + lone
            for i in where:
                if i not in clauses:
                    clauses[i] = _worded_clauses(other_units[i])
            # a clause naming the object in short (粮食面积 for 粮食播种面积) names all of it
            runs = [(len(t.key) if _shortened(core, k) else _shared_run(t.key, k), i, c) for i in where for c, k in clauses[i]]
            clauses_k = {(i, c): k for i in where for c, k in clauses[i]}
            # in a sentence the alignment links to nothing, the clause must name the whole object
            near = [r for r in runs if r[0] >= need and _names_head(t.key, clauses_k[(r[1], r[2])]) and (r[1] in linked or _named_once(core, clauses_k[(r[1], r[2])], texts[side]))]
            # a general term of the genre shared (重大项目, 产业集群) names no one task
            near = [r for r in near if _shortened(core, clauses_k[(r[1], r[2])]) or not _generic_run(_longest_run(t.key, clauses_k[(r[1], r[2])]))]
            if near:
                _, i, c = max(near, key=lambda r: r[0])
            else:
                if side not in every:
                    every[side] = _Figureless.of([(j, c, k) for j, u in enumerate(other_units) for c, k in clauses.setdefault(j, _worded_clauses(u))])
                own = own_units[t.unit].text
                if not re.search(r"\d", t.quantity.text):
                    continue  # a figure in words only (千村, 百项) is rarely a task target (as one_year_task_targets)
                hit = _run_counterpart(core, linked, every[side], texts[side], texts["b" if side == "a" else "a"], lambda run: _names_thing(run, core, t, own))
                if hit is None:
                    continue
                i, c = hit
            if (t.unit, t.key, i, c) in said or _said_in_words(t.quantity, c) or _kinds_unnamed(t.key, qty.metric_key(c)):
                continue
            # every figure of a clause with its own object is its own finding (新增高标准农田建设
            # 9.55万亩、改造提升3.9万亩); figures of one object, one finding
            said.add((t.unit, t.key, i, c))
            seen.add(t.key)
            q = t.quantity
            if side == "a":
                msg = f"量化目标变为定性表述：{t.clause} → {c}"
                detail = {"metric": _label(t), "old": _fmt(q), "new": c, "old_value": q.value, "change": "quant_to_qual", "a_clause": t.clause, "b_clause": c}
                la, lb = [a_units[t.unit]], [b_units[i]]
            else:
                msg = f"定性表述变为量化目标：{c} → {t.clause}"
                detail = {"metric": _label(t), "old": c, "new": _fmt(q), "new_value": q.value, "change": "qual_to_quant", "a_clause": c, "b_clause": t.clause}
                la, lb = [a_units[i]], [b_units[t.unit]]
            out.append(_finding(FindingType.NUMBER_CHANGED, Severity.MEDIUM, a, b, la, lb, msg, detail))
    return out


def task_counterpart(t, doc: Document, units, skip: set[str]) -> TaskTarget | None:
    """The task-level target of ``doc`` (sentences ``skip`` left out) that counts what the
    headline target ``t`` of the other report measures, in a compatible unit: a headline
    target one year that the next year states among its tasks (工业投资增长10% -> the task
    part's 工业投资增长5%).  None when there is none (:data:`SAME_OBJECT`)."""
    qs = qty.extract(t.text)
    if t.value is None or not qs:
        return None
    q = qs[0]
    key = object_key(q, t.text)
    cands = [c for c in task_targets(doc, units, skip) if _comparable(q, c.quantity)]
    if not key or len(key) < MIN_OBJECT or not cands:
        return None
    sim = _similarity([key], [c.key for c in cands])[0]
    from ..structure.targets import _known, canonical_metric

    if t.canonical in _known():
        # a task written with another name of the same known metric (粮食综合生产能力 / 粮食总产:
        # both 粮食产量 in ``data/metrics.toml``)
        same = np.array([canonical_metric(re.sub(r"\[\d+\]$", "", c.quantity.metric)) == t.canonical for c in cands], dtype=bool)
        sim = np.where(same, np.maximum(sim, float(SAME_OBJECT)), sim)
    k = int(np.argmax(sim))
    return cands[k] if sim[k] >= SAME_OBJECT else None


#: a task-level target of one year only needs an object of this many characters or more (企业,
#: 项目 and the like name no task of their own)
MIN_ONLY_OBJECT = 4
#: ... and the other year's target regions must not spell a run of this share of its core
#: (:func:`_core`) or more, nor :data:`MIN_ONLY_RUN` characters of its head: what they name is
#: the same task stated with another figure the pairing missed, or in words
ONLY_SHARE = 0.6
MIN_ONLY_RUN = 3
#: verbs of change closing an object (技术合同成交额提升30%): read without them for :func:`_named_in`
_ONLY_TAIL = re.compile(r"(?:提升|提高|增长|增加|下降|降低|减少|保持|达到|达)+$")
#: a figure just after one of these is the base a change starts from (由2300元分别提高到5000元),
#: not a target
_BASE_BEFORE = ("由", "从")


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


def _named_in(core: str, text: str) -> bool:
    """Whether the other year's target regions ``text`` (normalized) name the object ``core``:
    the whole of it, :data:`ONLY_SHARE` of it in one run, or its last :data:`MIN_ONLY_RUN`
    characters (the head noun: 高标准农田 -> 农田 is too short, 标准农田 names it)."""
    core = _ONLY_TAIL.sub("", core) or core  # 合同成交额提升 names 合同成交额
    if core in text:
        return True
    # a run of k characters shared with the text is one of the object's k-character pieces
    # found in it (the same test as a longest common run >= k, without a scan of the whole
    # text per object: the other year's commitments are long, the objects short)
    k = math.ceil(max(MIN_ONLY_RUN, ONLY_SHARE * len(core)))
    if any(core[i : i + k] in text for i in range(len(core) - k + 1)):
        return True
    return len(core) >= MIN_ONLY_RUN and core[-MIN_ONLY_RUN:] in text


def _without_tail(metric: str) -> str:
    """``metric`` without the verbs and qualifiers that close it before a figure (``tail`` of
    ``data/tasks.toml``: 达到, 提高到, 保持在)."""
    from .. import vocab

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


def one_year_task_targets(a: Document, b: Document, a_units, b_units, ta, tb, pairs, worded) -> list[Finding]:
    """Task-level targets of one year only: a quantified task target left unpaired whose
    object the other year's commitments name nowhere, with a figure or in words
    (:func:`_named_in`), one ``target_removed`` (A only) or ``target_added`` (B only) finding
    each, low severity, ``detail["level"] == "task"``.  Figures a ``quant_to_qual`` /
    ``qual_to_quant`` finding already reports are left out, and nothing is said when the other
    year's commitments part was not read."""
    texts = {
        "a": qty.metric_key("。".join(u.text for u in b_units if u.region in TARGET_REGIONS)),
        "b": qty.metric_key("。".join(u.text for u in a_units if u.region in TARGET_REGIONS)),
    }
    paired = {"a": {id(x) for x, _, _ in pairs}, "b": {id(y) for _, y, _ in pairs}}
    stated = {(f.detail.get("change"), f.detail.get("a_clause") if f.detail.get("change") == "quant_to_qual" else f.detail.get("b_clause")) for f in worded}
    from .. import vocab

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

        said: set[tuple[int, str]] = set()
        for t in mine:
            if id(t) in paired[side] or len(t.key) < MIN_ONLY_OBJECT or not re.search(r"\d", t.quantity.text):
                continue  # a figure in words only (千家万户, 百项, 万亿级) is rarely a task target
            text = units[t.unit].text
            if to_simplified(text[: t.quantity.start]).endswith(_BASE_BEFORE) or _bound_before_noun(t.quantity, text):
                continue
            if _in_quotes(t.quantity, text) or _scope_of_rate(t):
                continue  # part of a name (强省会“35条”), or the scope a rate is read over
            if fact.search(to_simplified(text[: t.quantity.start]).rsplit("，", 1)[-1]) or in_period(units[t.unit].section):
                continue
            if (("quant_to_qual" if side == "a" else "qual_to_quant"), t.clause) in stated:
                continue
            core = _core(t.key)
            if _named_in(core, texts[side]) or (t.unit, t.key) in said:
                continue
            said.add((t.unit, t.key))
            q = t.quantity
            fig = _fmt_task(t)
            if side == "a":
                msg = f"后一年不再列出的任务目标：{t.clause}（{fig}）"
                detail = {"metric": _label(t), "object": t.key, "old": fig, "old_value": q.value, "level": "task", "a_clause": t.clause}
                out.append(_finding(FindingType.TARGET_REMOVED, Severity.LOW, a, b, [units[t.unit]], [], msg, detail, a_text=t.clause, b_text=""))
            else:
                msg = f"新列出的任务目标：{t.clause}（{fig}）"
                detail = {"metric": _label(t), "object": t.key, "new": fig, "new_value": q.value, "level": "task", "b_clause": t.clause}
                out.append(_finding(FindingType.TARGET_ADDED, Severity.LOW, a, b, [], [units[t.unit]], msg, detail, a_text="", b_text=t.clause))
    return out


def without_moved_twice(findings: list[Finding]) -> list[Finding]:
    """``findings`` without the task-level ones that report again a task a headline target moved
    to (工业投资增长10% among the headline targets, the next year's task 工业投资增长5%: the
    ``target_changed`` finding of the move says it; the task's figure is not also a figure stated in
    words the year before, nor a task target of one year only)."""
    moved = {"a": set(), "b": set()}
    for f in findings:
        d = f.detail or {}
        if f.type == FindingType.TARGET_CHANGED and "moved_to_tasks" in str(d.get("change", "")):
            moved["b"].add(f.b_text)
        elif f.type == FindingType.TARGET_CHANGED and "moved_to_headline" in str(d.get("change", "")):
            moved["a"].add(f.a_text)

    def again(f: Finding) -> bool:
        d = f.detail or {}
        if f.type == FindingType.NUMBER_CHANGED and d.get("change") == "qual_to_quant":
            return d.get("b_clause") in moved["b"]
        if f.type == FindingType.NUMBER_CHANGED and d.get("change") == "quant_to_qual":
            return d.get("a_clause") in moved["a"]
        if d.get("level") == "task":
            return d.get("b_clause") in moved["b"] if f.type == FindingType.TARGET_ADDED else d.get("a_clause") in moved["a"]
        return False

    return [f for f in findings if not again(f)] if moved["a"] or moved["b"] else findings
