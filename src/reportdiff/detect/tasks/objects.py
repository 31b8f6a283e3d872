"""Task targets: the object a figure of the commitments counts (:func:`object_key`), the
qualifiers of aim it states, thresholds that define a counted thing, and the units two
figures can be compared in."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from ... import quantities as qty, segment
from ...model import Document, Quantity, Region
from ...normalize import to_simplified


#: report regions whose figures are targets
TARGET_REGIONS = (Region.COMMITMENTS, Region.GOALS)


def target_text(units) -> str:
    """A report's target regions (:data:`TARGET_REGIONS`) as one text, normalized as metric
    keys are (:func:`quantities.metric_key`): where the other year's naming of an object is sought."""
    return qty.metric_key("。".join(u.text for u in units if u.region in TARGET_REGIONS))


#: a count whose noun ends in one of these shares the next count's object
CONJUNCTIONS = "和及与、"
#: objects shorter than this name nothing (个, 项): such quantities are not paired
MIN_OBJECT = 2
#: characters of the noun between an amount and a count that the amount sizes (:func:`_size_class`)
MAX_SIZED_NOUN = 6
#: the object after 等 names the counted thing only with this many characters or more, not
#: counting a general ending (推进雄商、济滨等7个高铁项目 -> 高铁项目; 新增医养结合、康复护理等机构100家
#: keeps the kinds; 开工长深高速改扩建等2个项目 keeps the examples: 项目 names nothing)
MIN_AFTER_EXAMPLES = 2
#: the denominator of a rate unit after a figure (700元/月, 100元/人), not part of the object
_RATE = re.compile(r"^/[^\d，,；;。、和及与]{1,3}")
#: what follows a number up to the next punctuation or number (20个「千万元以上技改项目」)
#: (a noun may open with a digit that a Latin letter follows: 10个5G全连接工厂)
_AFTER = re.compile(rf"^(?:{qty.SUFFIX_ALT})?((?:\d+[A-Za-z]|[^，,；;。：:、（()\d“”]){{0,12}})")


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
    from ... import vocab

    d = vocab.load("tasks")
    return re.compile(d["key"]["head"]), d["key"]["examples_end"], re.compile(d["structure"]["nouns"]), re.compile(d["structure"]["multi_year"])


def _clause_tail(text: str) -> str:
    """The part of ``text`` after its last clause mark (，；：。)."""
    return re.split(r"[，,；;：:。]", text)[-1]


def object_key(q: Quantity, text: str, prev_end: int = 0, prev_metric: str = "", prev_key: str = "") -> str | None:
    """The object ``q`` counts in ``text`` (its sentence), normalized; None when the
    number counts the report's own parts (十个方面的工作) or is the reach of an area (3公里范围内).  ``prev_end``: where the
    sentence's previous figure ends (建成38个中小学幼儿园项目、新增4.1万个学位: what
    follows 、 is the metric of 4.1万个); ``prev_metric``: that figure's metric, which a
    figure joined to it by a conjunction only shares (孤儿补贴标准分别提高到1150元/月和1600元/月);
    ``prev_key``: the object of the sentence's previous figure, which a figure of a 其中 clause
    that names only a stage counts (其中新开工110个)."""
    head, examples_end, structure, multi_year = _vocab()
    # a quoted name after the count is the counted thing (5个“平急两用”公共基础设施项目)
    after_text = _RATE.sub("", to_simplified(text[q.start + len(q.text) :])).replace("“", "").replace("”", "")
    if structure.match(after_text) or _reach().match(after_text):
        return None  # the report's own parts, or the reach of an area (3公里范围内)
    m = _AFTER.match(after_text)
    after = m.group(1) if m else ""
    # 79个项目建设: 项目 is the noun; a numeral of a word the noun opens with (一流学科, 一体化, 零碳园区,
    # 零售: 一 or 零 before a character that is neither a numeral nor a measure word) is kept
    after = re.sub(rf"^(?:(?![一零][^{qty._CN_DIGITS}元个家处项])[{qty._CN_DIGITS}元个家处]|项(?!目))+", "", after)
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
    elif "、" in _clause_tail(between) and metric and metric in between and "分别" not in metric:
        # ... within the figure's own clause: a 、 before a comma lists other things (推广“乡村主建、
        # 农民主体”模式，…，确保粮食产量达436亿斤 counts 粮食产量, not the text after that 、); not
        # the subjects of a 分别 list (大豆、油料种植面积分别达910万、850万亩: :func:`_respective_item`)
        metric = _clause_tail(between).split("、", 1)[1]
    elif between[-1:] in CONJUNCTIONS.replace("、", "") and _own_object(between[:-1]):
        metric = ""  # 18条标志性产业链和66条重点产业链: the first figure's object is not this one's
    from ... import vocab

    verb = _verbs().search(after, MIN_WORDED_OBJECT) if after else None
    if verb and len(vocab.pattern("tasks", "key", "generic_ends").sub("", after[verb.end() :])) >= MIN_VERB_OBJECT:
        after = after[: verb.start()]  # 支持55个产粮大县提升粮食生产能力: the noun ends at the next action
    item = _respective_item(q, text, metric)
    if item != metric:
        metric = item
        if not after.strip(CONJUNCTIONS):
            after = ""  # 8%和50%: the 和 joins values of the list, not counts sharing an object
    ends = vocab.pattern("tasks", "key", "generic_ends")
    if examples_end in metric and len(ends.sub("", metric.rsplit(examples_end, 1)[1] + after)) >= MIN_AFTER_EXAMPLES:
        metric = metric.rsplit(examples_end, 1)[1]
    metric = head.sub("", qty.metric_key(metric).split("#")[0])
    if metric[:1] in CONJUNCTIONS and head.match(metric[1:]):
        # 建成和开工建设未来社区110个: two actions joined, both before the object
        metric = head.sub("", metric[1:])

    metric = vocab.pattern("tasks", "key", "tail").sub("", metric)
    if not vocab.pattern("tasks", "key", "stages").sub("", metric) and not after and prev_key and re.split(r"[，,；;：:]", to_simplified(text[: q.start]))[-1].lstrip().startswith("其中"):
        # 实施重大项目700个以上，其中新开工110个以上、建成投用40个以上: parts of the previous figure's
        # object, which the stage written before each figure tells apart (:func:`stages`)
        return prev_key
    if metric in ("", "达") and not after and prev_key and cumulative(text, q):
        # 新增1000处信号灯联网、累计达8000处: the running total of the previous figure's object
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
    before = to_simplified(text[: q.start])
    if q.unit == "个百分点" and re.match(r"比(?:去年|上年|上一年)", _clause_tail(before)) and re.search(r"[%％]", before):
        return None  # 赤字率拟按2.6%安排，比去年预算低0.4个百分点: the rate before, its change restated
    if multi_year.search(to_simplified(text)):
        return None  # a target over several years (年均增长, 今后五年) is not this year's task
    if len(after) >= MIN_OBJECT and not generic(after) and re.search(r"[^，,；;：:、]" + vocab.pattern("tasks", "worded", "leads").pattern, metric):
        # 引导各地因地制宜聚力打造1-2个主导产业: a count written before its noun after a verb of
        # building (``[worded] leads``) counts that noun; the words before the verb say who builds
        # it or how (各县集中资源发展1-2个主导产业 counts the same thing)
        metric = ""
    key = qty.metric_key(metric + after).split("#")[0]
    # 产值超200亿元工业企业: the figure inside names no thing (a digit of a name, 5G, stays)
    return re.sub(r"[\d.%％]+(?![A-Za-z])", "", key)


def _scope_word() -> re.Pattern:
    """``shared_scope`` of ``data/tasks.toml`` (a level: 国家级, 省级)."""
    from ... import vocab

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
    from ... import vocab

    words = words.strip(CONJUNCTIONS)
    return len(words) >= MIN_OBJECT and not _scope_word().search(words)


#: the measure closing the last subject of a 分别 list (产量, 增加值, 营业收入: statistical
#: indicator endings of the genre)
_SUBJECT_MEASURE = re.compile(r"(?:产量|总产量|增加值|总产值|产值|营业收入|收入|播种面积|面积)$")


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
    if not tail:
        # 甘蔗、蔬菜（含食用菌）、水果产量分别达到…: the measure the next subject ends in (产量) is
        # the subject's when it names none of its own (:func:`_list_items`)
        return _list_items(parts)[n - 1] + verb
    return (item if n == count else item + tail) + verb


def _own_measure(item: str) -> str:
    """The measure ``item`` ends in that an item before it naming none may share (产量, 覆盖率, 增加值增速:
    :data:`_SUBJECT_MEASURE`, or one of two characters or more of ``[key] measures``, with the amount
    of ``[key] redefined_measures`` it closes), or ''; not a total or a head count (总额, 人数: 固定资产
    投资、社会消费品零售总额 are two indicators, the first no 总额)."""
    from ... import vocab

    found = [m.group(0) for rx in (_SUBJECT_MEASURE, vocab.pattern("tasks", "key", "measures")) if (m := rx.search(item))]
    best = max(found, key=len, default="")
    if len(best) < 2:
        return ""
    # 有色行业增加值增速: the whole measure (增加值增速, ``redefined_measures``) that the rate closes
    whole = vocab.pattern("tasks", "key", "redefined_measures").search(item)
    if whole and whole.group(0).endswith(best):
        best = whole.group(0)
    return best if len(item) > len(best) else ""


def _list_items(parts: list[str]) -> list[str]:
    """The items of a list of subjects, each with the measure it shares: an item that names no
    measure of its own takes the one the next item ends in (甘蔗、蔬菜、水果产量: 甘蔗产量;
    农村卫生户厕、生活垃圾处理设施覆盖率和生活污水治理率: 农村卫生户厕覆盖率; 制造业中长期贷款、普惠小微贷款、
    科技型中小微企业贷款增速: each 贷款增速)."""
    from ... import vocab

    rx = vocab.pattern("tasks", "key", "measures")
    whole = vocab.pattern("tasks", "key", "redefined_measures")
    out = list(parts)
    for k in range(len(out) - 2, -1, -1):
        if not rx.search(out[k]) and not _SUBJECT_MEASURE.search(out[k]) and not whole.search(out[k]):
            measure = _own_measure(out[k + 1])  # the next item's, itself perhaps borrowed
            if measure and out[k + 1][: -len(measure)] not in out[k]:
                out[k] += measure
    # 规上工业企业亩均税收、亩均增加值: an item that is a word the first writes after its subject (亩均,
    # a subject of four characters or more) and a measure (增加值) is of that subject (规上工业企业亩均增加值)
    for k in range(1, len(out)):
        for n in range(min(len(out[k]) - 1, 4), 1, -1):
            p = out[0].find(out[k][:n])
            if p >= 4 and whole.fullmatch(out[k][n:]):
                out[k] = out[0][:p] + out[k]
                break
    return out


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


def multi_year_sections(doc: Document) -> frozenset[str]:
    """Ids of the sections of the goals part under a heading of several years (二、今后五年目标任务和
    总体思路, ``[structure] multi_year`` of ``data/tasks.toml``): their figures (实现粮食产量突破110万吨) are goals of
    the term, not targets of the year, and are compared with no year's target."""
    if doc is None:
        return frozenset()
    rx = _vocab()[3]
    by_id = {s.id: s for s in doc.sections}
    out = set()
    for s in doc.sections:
        t = s
        while t is not None and s.region == Region.GOALS:
            if rx.search(to_simplified(t.title)):
                out.add(s.id)
                break
            t = by_id.get(t.parent) if t.parent else None
    return frozenset(out)


def task_targets(doc: Document, units, skip: set[str]) -> list[TaskTarget]:
    """The quantities of ``units`` in the target regions, except in sentences ``skip`` (ids)."""
    out = []
    years = multi_year_sections(doc)
    for i, u in enumerate(units):
        if u.region not in TARGET_REGIONS or u.id in skip or u.section in years:
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
            elif key and prev_key and prev_q is not None and prev_key.endswith(key) and _threshold(prev_q, u.text, qs):
                # 集体经济收入10万元以上的村达到50%以上: the share of the things the threshold
                # defines, which the threshold's object names (集体经济收入的村), not the noun alone
                key = prev_key
            elif key and prev_key and prev_q is not None and key != prev_key and prev_key.endswith(key) and _same_noun(prev_q, q, u.text, key):
                # 高速公路续建集安至桓仁等7个项目722公里: a second figure straight after the first
                # one's noun measures the same things (the length of the 7 projects)
                key = prev_key
            if key:
                key = _with_subject(key, q, u.text)
            prev_q = q
            prev_end = q.start + len(q.text)
            prev_metric = _metric_of(q, u.text, prev_metric)
            prev_key = key or prev_key
            if key is None or len(key) < MIN_OBJECT or _threshold(q, u.text, qs) or _in_examples(q, u.text) or _grade(q, u.text):
                continue
            s, e = next(((s, e) for s, e in spans if s <= q.start < e), (0, len(u.text)))
            stage = stages(q.metric)
            if out and out[-1].unit == i and out[-1].key == key and cumulative(u.text, q):
                stage = frozenset({TOTAL})
                out[-1] = dataclasses.replace(out[-1], stage=out[-1].stage | {INCREMENT})
            for k in _each(key, q.metric):
                out.append(TaskTarget(i, q, k, u.text[s:e].strip("，,；;。、 "), _sentence_qualifiers(q, u.text), stage))
    return out


def _same_noun(p: Quantity, q: Quantity, text: str, key: str) -> bool:
    """Whether only the noun ``key`` of ``p``'s object stands between figures ``p`` and ``q``
    (7个项目722公里), with no punctuation or word of its own."""
    between = to_simplified(text[p.start + len(p.text) : q.start])
    return bool(between) and between == key


def _with_subject(key: str, q: Quantity, text: str) -> str:
    """``key`` completed by the thing a short clause before names when ``key`` is a bare measure
    (做强花卉，完成种植面积38万亩 -> 花卉种植面积: ``subject_clause`` of ``data/tasks.toml``)."""
    from ... import vocab

    if not vocab.pattern("tasks", "key", "bare_measure").match(key):
        return key
    clauses = re.split(r"[，,；;：:]", to_simplified(text[: q.start]))
    if len(clauses) < 2:
        return key
    m = vocab.pattern("tasks", "key", "subject_clause").match(clauses[-2].strip())
    return m.group(1) + key if m else key


def generic(key: str) -> bool:
    """Whether the object ``key`` is a general ending only (项目, 工程: ``generic_ends`` of
    ``data/tasks.toml``; 滚动推进163个项目), which names no thing of its own."""
    from ... import vocab

    return not vocab.pattern("tasks", "key", "generic_ends").sub("", key)


#: 均 or 都 saying "each of them", not 均 of a word (平均, 人均, 年均, 亩均, 均衡, 均等)
_EACH = r"(?:(?<![平人年户亩日月县村])均(?![衡匀等值])|都)"


def _each(key: str, metric: str = "") -> list[str]:
    """The objects of ``key`` when it lists several that one figure holds for each (旅游接待人次和收入均
    增长13%以上: 旅游接待人次, 收入; 均 and 都 say it, as 分别 says one figure each), else [key].
    A list written with 、 in ``metric`` (the figure's metric as written, which the key has lost the
    marks of) is split there, each item with the measure the last one ends in (制造业中长期贷款、普惠小微
    贷款、科技型中小微企业贷款增速均达到25%以上: three 贷款增速, :func:`_list_items`)."""
    m = re.fullmatch(r"(.+?)" + _EACH, key)
    parts = re.split(f"[{CONJUNCTIONS}]", m.group(1)) if m else []
    if m and metric:
        from ... import vocab

        w = re.search(r"([^，,；;：:]+?)" + _EACH + r"[^均都]*$", to_simplified(re.sub(r"\[\d+\]$", "", metric)))
        items = [qty.metric_key(p).split("#")[0] for p in re.split(f"[{CONJUNCTIONS}]", _vocab()[0].sub("", w.group(1)))] if w else []
        items = [vocab.pattern("tasks", "key", "tail").sub("", p) for p in items]
        if len(items) > max(len(parts), 1) and all(len(p) >= MIN_OBJECT for p in items):
            return _list_items(items)
    if len(parts) < 2 or any(len(p) < MIN_OBJECT for p in parts):
        return [key]
    return parts


def _size_class(p: Quantity, q: Quantity, text: str) -> bool:
    """Whether the amount ``p`` sizes the things count ``q`` counts (产值超200亿元工业企业1家、
    60亿元企业2家): an amount of money written straight before the noun of a count, with no
    punctuation or second figure between."""
    if "元" not in p.unit or not (q.unit in _counts() or any(q.unit in f for f in _families())):
        return False
    between = to_simplified(text[p.start + len(p.text) : q.start])
    return 0 < len(between) <= MAX_SIZED_NOUN and not re.search(r"[，,；;。、：:（()\d]", between)


def cumulative(text: str, q: Quantity) -> bool:
    """Whether ``q`` is written as a running total in its clause (累计达8000处: ``cumulative`` of
    ``data/tasks.toml``)."""
    from ... import vocab

    before = re.split(r"[，,；;：:、]", to_simplified(text[: q.start]))[-1].strip()
    return bool(vocab.pattern("tasks", "key", "cumulative").search(before))


#: the stage :func:`task_targets` gives a running total (:func:`cumulative`) and the increment of
#: the same object its sentence states before it: a figure of the other year naming no stage is a
#: level reached, the total's counterpart, not the increment's (实现7000处信号灯联网 / 新增1000处…、累计达8000处)
TOTAL, INCREMENT = "累计", "新增"


def stages(metric: str) -> frozenset[str]:
    """The stages of a project that ``metric`` names (全年开工重大项目 -> 开工; ``stages`` of
    ``data/tasks.toml``): the head verbs the object is read without, which tell apart figures of
    one object at different stages (其中新开工110个 / 建成投用40个)."""
    from ... import vocab

    return frozenset(vocab.pattern("tasks", "key", "stages").findall(to_simplified(metric)))


#: qualifiers of aim that open a sentence and hold for every figure after them in it
#: (力争引进投资5000万元以上项目超200个，其中工业项目超160个: both are aims); inside a sentence
#: they qualify their clause only, as :func:`reportdiff.quantities.extract` reads them
SENTENCE_QUALIFIERS = ("力争", "确保")
#: what may come before such a qualifier at the opening of a sentence (③, 今年，)
_OPENING = re.compile(r"^[\s\d①-⑳、.．（）()]*(?:今年|全年|年内)?[，,]?")
#: a figure in a clause (an Arabic or Chinese numeral)
_FIGURE = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿]")
#: a character just before a figure that qualifies it (超160个 is 超过160个, 约23万亩)
_BEFORE = {"超": "超过", "约": "约"}


def _sentence_qualifiers(q: Quantity, text: str) -> frozenset[str]:
    """The qualifiers of aim said earlier in the sentence ``text`` (:data:`SENTENCE_QUALIFIERS`)
    and the one written just before the figure (:data:`_BEFORE`), besides ``q.qualifier``."""
    before = to_simplified(text[: q.start])
    opening = before[_OPENING.match(before).end() :]
    # ... unless it opens a clause of its own that sets no figure, before the figure's clause
    # (确保粮食和重要农产品稳产保供，实现粮食种植面积400万亩以上: 确保 qualifies 稳产保供 only)
    first = re.split(r"[，,；;]", opening)[0]
    own = first != opening and not _FIGURE.search(first)
    out = {w for w in SENTENCE_QUALIFIERS if opening.startswith(w) and not own}
    # ... and the one that opens the figure's own clause (落实…措施，力争进出口总额增长10%以上): the
    # quantity keeps one qualifier, 以上 after the figure, not 力争 before it
    clause = re.split(r"[，,；;：:]", before)[-1].lstrip()
    out |= {w for w in SENTENCE_QUALIFIERS if clause.startswith(w) and not re.search(r"[\d.]", clause)}
    if before[-1:] in _BEFORE:
        out.add(_BEFORE[before[-1]])
    return frozenset(out)


def _qualifiers(t: TaskTarget) -> frozenset[str]:
    """All qualifiers of ``t``: the quantity's own and the sentence's (compared between years
    through :func:`comparable_qualifiers`, which reads a verb of reaching the figure as none)."""
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
        if "力争" in theirs and not mine & set(SENTENCE_QUALIFIERS) and _strive().search(re.split(r"[，,；;。]", before)[-1]):
            mine.add("力争")  # 争取2个县通过…评估 / 力争2个县通过…评估: the same aim
        if "以上" in theirs and "以上" not in mine and (not q.qualifier or q.qualifier in SENTENCE_QUALIFIERS):
            rest = text[q.start + len(q.text) :]
            if re.match(r"^(?:、[^，,；;。、\d]{1,20}[\d.]+[^\d，,；;。、]{0,3}?)+?以上(?=[，,；;。]|$)", rest):
                mine.add("以上")
    return comparable_qualifiers(qx) == comparable_qualifiers(qy)


@functools.lru_cache(maxsize=1)
def _qualifier_folds() -> tuple[frozenset[str], dict[str, str]]:
    from ... import vocab

    table = vocab.load("tasks")["qualifiers"]
    return frozenset(table["neutral"]), {w: group[0] for group in table["same"] for w in group}


def comparable_qualifiers(words) -> frozenset[str]:
    """The qualifiers ``words`` as two years' targets are compared (``[qualifiers]`` of
    ``data/tasks.toml``): without the verbs that state the figure itself (达到 X is X; 稳定在,
    控制在), and each bound written two ways as one word (突破 / 超过; 不低于 / 不少于)."""
    neutral, same = _qualifier_folds()
    return frozenset(same.get(w, w) for w in words if w and w not in neutral)


@functools.lru_cache(maxsize=1)
def _keep() -> re.Pattern:
    from ... import vocab

    return vocab.pattern("tasks", "key", "keep")


@functools.lru_cache(maxsize=1)
def _reach() -> re.Pattern:
    from ... import vocab

    return vocab.pattern("tasks", "structure", "reach")


@functools.lru_cache(maxsize=1)
def _strive() -> re.Pattern:
    from ... import vocab

    return vocab.pattern("tasks", "key", "strive")


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
    # ... up to the next item of a list too (新建5个以上紧密型城市医疗集团、区级覆盖率达80%以上: the rate
    # after 、 is another target, not a count of the things 5个以上 would define)
    clause_end = min((k for k in (rest.find(c) for c in "，,；;。、") if k >= 0), default=len(rest))
    return any(end < o.start <= end + clause_end for o in qs)


def _grade(q: Quantity, text: str) -> bool:
    """Whether a size class word (``[units] size_classes`` of ``data/tasks.toml``: 级) follows the
    figure ``q`` straight away, in a clause that does not say the grade is reached before it
    (``[key] grade_reached``): the grade of a work (推进2000吨级航道建设, 30万吨级矿石码头,
    10万千瓦级储能电站), a description of the thing, not a target of the year; 实现15万吨级集装箱船
    通航 and 航道全线达到3000吨级 are targets."""
    from ... import vocab

    classes = vocab.load("tasks")["units"]["size_classes"]
    rest = to_simplified(text[q.start + len(q.text) :])
    if q.unit in classes or not any(rest.startswith(w) for w in classes):
        return False
    clause = re.split(r"[，,；;。：:]", to_simplified(text[: q.start]))[-1]
    return not vocab.pattern("tasks", "key", "grade_reached").search(clause)


def _in_examples(q: Quantity, text: str) -> bool:
    """Whether ``q`` sizes one of the examples a later count of its clause closes with 等
    (``examples_end``): 推进港区40万吨矿石码头、原油储备库等17个港口项目 (the berth's class, a
    description of a named project, not a target of the year; the count of projects after 等
    is the target)."""
    examples_end = _vocab()[1]
    if to_simplified(text[: q.start]).endswith(examples_end):
        return False  # the count of one list's examples (建设甲等3个项目、乙等5个项目)
    rest = to_simplified(text[q.start + len(q.text) :])
    clause = re.split(r"[，,；;。：:]", rest, maxsplit=1)[0]
    # ... with no other figure between (建设A等3个项目、B等5个项目: 3个 is a count of its own)
    return bool(re.match(r"[^\d]*?" + re.escape(examples_end) + r"[\d一二两三四五六七八九十]", clause))


@functools.lru_cache(maxsize=1)
def _counts() -> frozenset[str]:
    from ... import vocab

    return frozenset(vocab.load("tasks")["units"]["counts"])


@functools.lru_cache(maxsize=1)
def _families() -> tuple[frozenset[str], ...]:
    from ... import vocab

    return tuple(frozenset(f) for f in vocab.load("tasks")["units"]["families"])


@functools.lru_cache(maxsize=1)
def _conversions() -> dict[str, tuple[float, str]]:
    from ... import vocab

    return {k: (float(v[0]), v[1]) for k, v in vocab.load("units")["convert"].items()}


def common_value(q: Quantity) -> tuple[float, str]:
    """The value and unit of ``q`` in the unit its base unit converts into (``[convert]`` of
    ``data/units.toml``: 38亿斤 -> 1.9e6 吨), else its own."""
    mult, unit = _conversions().get(q.unit, (1.0, q.unit))
    return q.value * mult, unit


def _comparable(x: Quantity, y: Quantity) -> bool:
    """Same dimension, units that convert (斤 / 吨), both counts of things (个, 家, 项, 条:
    ``data/tasks.toml``), or two measure words of one family (户 / 家 of enterprises).  A rate
    (生活污水治理率达55%) and a change of it in points (均提高3个百分点) are two measures: a metric
    redefined, not a value changed."""
    if {x.unit, y.unit} == {"%", "个百分点"}:
        return False
    if qty.same_dimension(x, y) or common_value(x)[1] == common_value(y)[1] or (x.unit in _counts() and y.unit in _counts()):
        return True
    return any(x.unit in f and y.unit in f for f in _families())


def _measures() -> re.Pattern:
    from ... import vocab

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


#: an object of this many characters or more, named in a clause of the other year's
#: commitments that states no figure, is the same task stated in words
MIN_WORDED_OBJECT = 4


@functools.lru_cache(maxsize=1)
def _verbs() -> re.Pattern:
    """The action verbs of ``[key] head`` (tasks.toml), found anywhere rather than at the head."""
    head, _, _, _ = _vocab()
    return re.compile(head.pattern.lstrip("^").rstrip("+"))


#: verbs of change closing an object (技术合同成交额提升30%): read without them for
#: :func:`.one_year._named_in` and :func:`.pairing._measured`
_ONLY_TAIL = re.compile(r"(?:提升|提高|增长|增加|下降|降低|减少|保持|达到|达)+$")
