"""Headline targets (主要预期目标) of a work report as :class:`~reportdiff.model.Target` records.

The list follows a lead-in such as ``今年经济社会发展的主要预期目标是：`` and runs to the end of
that sentence (targets are separated by ；，).  Each target is one record, with its metric as
written, a canonical metric name (``data/metrics.toml``), value and unit as written, and its
qualifier (左右 / 以上 / 以内 / 力争 …).  A target without a number (``国际收支基本平衡``) is
qualitative (value None).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from .. import quantities, vocab
from ..model import Region, Section, Sentence, Target
from ..normalize import fold
from .sections import is_targets_lead

__all__ = ("headline_targets", "canonical_metric", "targets_in", "bare_persons", "trim_metric", "respectively", "part_of", "shared_subjects", "rate_unit", "shown_metric", "PRE_QUALIFIERS", "POST_QUALIFIERS")

_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*%?\s*[—–\-－~～至到]{1,2}\s*(\d+(?:\.\d+)?)\s*%")
_HEAD_WORDS = re.compile(r"^(其中|全年|今年|全[国省市区县](?!部)|地方|力争|确保|努力|实现|保持|继续|经济社会发展的?|全面完成|完成|(国家|上级|省|市)?下达的?)+")
_TAIL_WORDS = re.compile(r"(分别|保持在|控制在|稳定在|达到|达|突破|超过|增长到|提高到|提升到|降至|为|在|至|约|左右|以上|以内|以下|年均)+$")
#: clauses that qualify the previous target instead of setting one (在实际工作中努力争取更好结果)
_ASPIRATION = re.compile(r"^(在实际|实际工作中|工作中|努力|力争|争取|并|确保)")
#: an aspiration clause that still sets a target of its own: the completion of a plan's targets
#: (努力完成“十三五”规划目标任务, in the last year of a five-year plan)
_PLAN_TARGETS = re.compile(r"(完成|实现)[^，；。]{0,12}规划[^，；。]{0,6}目标")
#: how a target is counted, not a target: 新增可再生能源和原料用能不纳入能源消费总量控制
_ACCOUNTING = re.compile(r"不(纳入|计入)")
#: a target on a metric stated as "<metric>目标…" (能耗强度目标在“十四五”规划期内统筹考核)
_METRIC_TARGET = re.compile(r"^(.{2,12}?)(?:目标|指标)")
#: words that make a clause without a number a (qualitative) target
#: (防范: a risk target, 有效防范经济金融风险; 高于/快于/一致: a target relative to another measure,
#: 居民收入增速高于经济增速, 居民消费价格涨幅与全国一致)
_QUALITATIVE = re.compile(r"同步|平衡|质升|稳定|下降|降低|改善|提高|提升|增长|完成|达到|控制|优化|合理|保持|提质|稳升|减少|脱贫|摘帽|防控|防范|高于|快于|一致|约束性指标|不低于|不少于")
#: the predicate of a qualitative target (基本平衡, 继续下降): what follows its metric
#: (…均完成省下达的目标任务, 减排完成省定指标: a target set by the level above, to be completed)
_PREDICATE = re.compile(r"(基本|保持|继续|稳中|稳定|持续|进一步|不断|有所|明显|合理|有效|全部|量稳质升|促稳|保稳|稳步|与经济|和经济|同经济|只增不减|不低于|不少于|(?:均|全面|确保|坚决|超额|统筹|不折不扣)?完成[^，；。]*(?:任务|目标|指标)$).*$")
#: a target relative to another measure: what follows its metric (项目投资增速高于全部投资增速)
_RELATIVE = re.compile(r"(略|明显)?(高于|快于|低于|慢于|与全国|同全国).*$")
#: qualifiers written after a target's figure (10%以上) and before it (力争10%以上), as a target's
#: ``qualifier`` records them and its text shows them
POST_QUALIFIERS = ("左右", "以上", "以内", "以下")
PRE_QUALIFIERS = ("力争", "不低于", "不少于", "不超过", "高于", "低于", "超过", "约")
_QUALIFIERS = ("左右", "以上", "以内", "以下", "不低于", "不少于", "不超过", "高于", "低于", "超过", "力争", "约")


@functools.lru_cache(maxsize=1)
def _metric_rules() -> tuple[tuple[str, tuple[re.Pattern, ...]], ...]:
    return tuple((m["name"], tuple(re.compile(p) for p in m["patterns"])) for m in vocab.load("metrics")["metric"])


@functools.lru_cache(maxsize=1)
def _any_metric() -> tuple[re.Pattern, tuple[str, ...]]:
    """All metric patterns as one alternation in file order, each in a group of its own, and
    the metric name of each group.  A search finds the leftmost position where any pattern
    matches and, there, the first pattern in file order: the rule of :func:`canonical_metric`."""
    names: list[str] = []
    alts: list[str] = []
    for name, patterns in _metric_rules():
        for p in patterns:
            alts.append(f"({p.pattern})")
            names.append(name)
    return re.compile("|".join(alts)), tuple(names)


_NOT_KEY = re.compile(r"[^\w%&]")


@functools.lru_cache(maxsize=65536)
def canonical_metric(metric: str) -> str:
    """Canonical name of a metric as written (synonyms folded), or the metric trimmed."""
    k = _NOT_KEY.sub("", fold(metric))
    # the metric named first wins (城乡居民收入与GDP增长同步 is about income); rules in file order break ties
    rx, names = _any_metric()
    m = rx.search(k)
    if m is not None:
        return names[_outer_group(m)]
    # an unknown metric: without a bracketed note (项目（不含房地产开发）投资增速) and without its
    # predicate, in words or relative to another measure (…高于全部投资增速)
    trimmed = trim_metric(re.sub(r"（[^（）]*）|\([^()]*\)", "", metric))
    return _RELATIVE.sub("", _PREDICATE.sub("", trimmed)) or _PREDICATE.sub("", trimmed) or trimmed


def _outer_group(m: re.Match) -> int:
    """Index of the alternative of :func:`_any_metric` that matched (patterns may hold groups)."""
    rx, _ = _any_metric()
    starts = _outer_starts()
    for k, g in enumerate(starts):
        if m.group(g) is not None:
            return k
    raise AssertionError(rx.pattern)


@functools.lru_cache(maxsize=1)
def _outer_starts() -> tuple[int, ...]:
    """Group number of each alternative's outer group in :func:`_any_metric`."""
    out, g = [], 1
    for name, patterns in _metric_rules():
        for p in patterns:
            out.append(g)
            g += 1 + p.groups
    return tuple(out)


def trim_metric(metric: str) -> str:
    """The metric without leading scope words (全市, 其中) and trailing verbs (保持在, 达到)."""
    m = re.sub(r"\s+", "", metric).strip("、，,：:；; ")
    m = _HEAD_WORDS.sub("", m)
    return _TAIL_WORDS.sub("", m)


def _qualifier(clause: str, q_start: int, q_end: int, suffix: str) -> str:
    found = [w for w in _QUALIFIERS if w in clause[:q_start]]
    pre = "+".join(found[:1]) if found and found[0] in PRE_QUALIFIERS else ""
    post = next((w for w in POST_QUALIFIERS if clause[q_end : q_end + len(w)] == w), "")
    return "+".join(x for x in (pre, post or suffix) if x)


def targets_in(text: str, sentence: str, span: tuple[int, int], offset_map=None) -> list[Target]:
    """Targets stated in one clause (several when it lists several metrics)."""
    out: list[Target] = []
    clause = text.strip()
    if not clause or _ACCOUNTING.search(clause):
        return out
    if _ASPIRATION.match(clause) and not re.search(r"\d", clause):
        if _PLAN_TARGETS.search(clause) and len(clause) <= 30:
            metric = trim_metric(clause)
            out.append(Target(metric=metric, canonical=canonical_metric(metric), value=None, unit="", qualifier="", text=clause, sentence=sentence, span=span))
        return out
    rng = _RANGE.search(clause)
    qs = quantities.extract(clause)
    if rng:
        metric = trim_metric(clause[: rng.start()])
        if metric:
            out.append(
                Target(
                    metric=metric,
                    canonical=canonical_metric(metric),
                    value=float(rng.group(1)),
                    unit="%",
                    qualifier=_qualifier(clause, rng.start(), rng.end(), ""),
                    text=clause,
                    sentence=sentence,
                    span=span,
                    upper=float(rng.group(2)),
                )
            )
        return out
    if not qs:
        persons = bare_persons(clause)
        if persons is not None:
            metric, value, post = persons
            out.append(Target(metric=metric, canonical=canonical_metric(metric), value=value, unit="万人", qualifier=post, text=clause, sentence=sentence, span=span))
            return out
        if _QUALITATIVE.search(clause) and len(clause) <= 60 and not _ASPIRATION.match(clause):
            for part in _qualitative_parts(clause):
                whole = trim_metric(part) or part
                metric = _RELATIVE.sub("", _PREDICATE.sub("", whole)) or whole
                canonical = canonical_metric(part)
                if canonical in _known() and canonical_metric(metric) != canonical:
                    metric = whole  # 按照国家要求坚决完成节能减排降碳任务: the metric is not before the predicate
                elif canonical not in _known():
                    canonical = canonical_metric(metric)
                out.append(Target(metric=metric, canonical=canonical, value=None, unit="", qualifier="", text=clause, sentence=sentence, span=span))
        elif (m := _METRIC_TARGET.match(clause)) and canonical_metric(m.group(1)) in _known():
            metric = trim_metric(m.group(1))
            out.append(Target(metric=metric, canonical=canonical_metric(metric), value=None, unit="", qualifier="", text=clause, sentence=sentence, span=span))
        return out
    last_metric = ""
    split_names = respectively(qs)
    # 分别增长6%、10%以上、7.5%左右: when values of a list carry their own qualifiers, a value
    # without one has none (the list's last qualifier is not shared)
    own_suffixes = bool(split_names) and any(q.text.endswith(w) for q in qs[:-1] for w in POST_QUALIFIERS)
    # ... and when none does, the list's last qualifier is every value's, also of a value the
    # clause puts a verb of aim before (分别控制在3%和5%以内: 3% is 3%以内 too)
    last_suffix = next((w for w in POST_QUALIFIERS if qs[-1].text.endswith(w)), "") if split_names and not own_suffixes else ""
    for n, q in enumerate(qs):
        raw_metric = split_names[n] if split_names else re.sub(r"\[\d+\]$", "", q.metric)
        shared = [] if split_names else shared_subjects(raw_metric)
        if shared:
            # 地区生产总值、固定资产投资、社会消费品零售总额增长5%左右: one target per subject
            number, unit = q.written
            unit, end = rate_unit(clause, q.start + len(q.text), unit)
            qual = _qualifier(clause, q.start, end, q.qualifier if q.qualifier in POST_QUALIFIERS else "")
            out.extend(Target(metric=name, canonical=canonical_metric(name), value=float(number), unit=unit.replace("％", "%"), qualifier=qual, text=clause, sentence=sentence, span=span) for name in shared)
            last_metric = shared[-1]
            continue
        metric = trim_metric(raw_metric)
        if not metric:
            if _ASPIRATION.match(clause) or not last_metric:
                continue  # 争取达到6%: a stretch goal of the previous target
            metric = last_metric
        elif re.fullmatch(r"增长|增速|提高|下降|降低", metric) and last_metric:
            # 地区生产总值突破2万亿元、增长7%左右: the growth of the subject before
            metric = re.sub(r"(增长|增速|提高|下降|降低)$", "", last_metric) + metric
            raw_metric = metric
        last_metric = metric
        number, unit = q.written
        unit, end = rate_unit(clause, q.start + len(q.text), unit)
        out.append(
            Target(
                metric=metric,
                canonical=canonical_metric(raw_metric if raw_metric.strip() else metric),
                value=float(number),
                unit=unit.replace("％", "%"),
                qualifier=_qualifier(clause, q.start, end, next((w for w in POST_QUALIFIERS if q.text.endswith(w)), "") if own_suffixes else q.qualifier if q.qualifier in POST_QUALIFIERS else last_suffix),
                text=clause,
                sentence=sentence,
                span=span,
            )
        )
    return out


#: the denominator of a rate unit right after a figure (全员劳动生产率16.8万元/人左右, 1150元/月): part of
#: the unit, the qualifier after it still the figure's
_RATE = re.compile(r"^/([^\d，,；;。、和及与（()]{1,3}?)(?=左右|以上|以内|以下|力争|[\d，,；;。、和及与（()）]|$)")


def rate_unit(text: str, end: int, unit: str) -> tuple[str, int]:
    """``unit`` with the denominator of a rate that follows the figure ending at ``end`` in
    ``text`` (万元 -> 万元/人), and where the figure with it ends."""
    m = _RATE.match(text[end:])
    return (f"{unit}/{m.group(1)}", end + m.end()) if m and unit else (unit, end)


_SHARED_VERB = re.compile(r"(分别)?(增长|增速|提高|下降|降低)$")


def shared_subjects(metric: str) -> list[str]:
    """``地区生产总值、固定资产投资、社会消费品零售总额增长`` (one value after it, or ``…分别增长5%``):
    subjects listed with 、 that share one predicate and one value, each with the predicate, when
    every one of them makes a known and distinct metric; else []."""
    m = _SHARED_VERB.search(metric)
    if m is None or "、" not in metric:
        return []
    head, verb = trim_metric(metric[: m.start()]), m.group(2)
    parts = [p for p in head.split("、") if p]
    if len(parts) < 2:
        return []
    names = [p + verb for p in parts]
    canons = [canonical_metric(n) for n in names]
    known = _known()
    if all(c in known for c in canons) and len(set(canons)) == len(canons):
        return names
    return []


_BARE_WAN = re.compile(r"(\d+(?:\.\d+)?)万(以上|左右|以内|以下)?(?![\u4e00-\u9fff]*[元亩吨斤户个家辆套平千米公里])")
_PERSONS = re.compile(r"(人口|人数|人员|就业|劳动力|人次)")


def bare_persons(clause: str) -> tuple[str, float, str] | None:
    """``农村贫困人口减少1000万以上``: a number with a bare 万 after a metric that counts people
    is in 万人 (the genre leaves 人 out).  (metric, value, qualifier after it) or None."""
    m = _BARE_WAN.search(clause)
    if m is None:
        return None
    metric = trim_metric(clause[: m.start()])
    if not metric or not _PERSONS.search(metric):
        return None
    return metric, float(m.group(1)), m.group(2) or ""


def _qualitative_parts(clause: str) -> list[str]:
    """A clause in words that sets several targets: ``A全部脱贫、B全部摘帽`` (parts joined by 、,
    each with its own predicate) or ``A和B继续下降`` (two subjects sharing one predicate)."""
    parts = [p for p in clause.split("、") if p]
    if len(parts) > 1 and all(_QUALITATIVE.search(p) and _PREDICATE.search(p) for p in parts):
        return parts
    m = _PREDICATE.search(clause)
    if m and m.start() > 0 and not re.search(r"同步|一致|高于|快于|与", clause):
        listed = _listed(clause[: m.start()])
        if listed:
            return [n + clause[m.start() :] for n in listed]
    # A与B同步 relates two things: one target; A和B完成…任务 is one task unless 均 (both) says two
    if m and m.start() > 0 and not re.search(r"同步|一致|高于|快于|与", clause) and not re.match(r"(全面|确保|坚决|超额|统筹|不折不扣)?完成", clause[m.start() :]):
        subject, predicate = clause[: m.start()], clause[m.start() :]
        names = [n for n in re.split(r"和|及|、", subject) if n]
        if len(names) == 2 and all(len(n) >= 4 for n in names):
            return [n + predicate for n in _shared_tail(_shared_head(names))]
    return [clause]


def _listed(subject: str) -> list[str]:
    """``城镇新增就业、粮食产量、节能减排和碳排放强度下降`` (before 完成省定任务): a list of three or
    more subjects written with 、 (和/及 joining the last, or two inside one item: 粮食产量和粮食播种
    面积、能耗降低及生态环境质量指标) that share one predicate in words: each subject, when those of
    every item but the last are known and distinct metrics; else [].  A closing 等 (…排放指标等) is
    dropped.  (Two subjects joined by 和 alone stay one target unless 均 says both: see the caller.)"""
    if "、" not in subject:
        return []
    groups = [[n for n in re.split(r"和|及", g)] for g in re.sub(r"等$", "", subject).split("、")]
    items = [n for g in groups for n in g]
    if len(items) < 3 or any(len(n) < 2 for n in items):
        return []
    known = _known()
    canons = [canonical_metric(n) for g in groups[:-1] for n in g]
    if all(c in known for c in canons) and len(set(canons)) == len(canons):
        return items
    return []


_MEASURE_TAIL = re.compile(r"(占比|比重|比例|增速)$")


def _shared_tail(names: list[str]) -> list[str]:
    """``制造业投资和民间投资占比``: a measure word that ends the last name only (占比, 比重, 增速)
    is shared by the first (制造业投资占比)."""
    m = _MEASURE_TAIL.search(names[-1])
    if m is None:
        return names
    return [n if _MEASURE_TAIL.search(n) else n + m.group(1) for n in names[:-1]] + names[-1:]


def _shared_head(names: list[str]) -> list[str]:
    """``粮食产量和播种面积``: a later name that is a known metric only with the head of the
    first (粮食) takes that head (粮食播种面积); the shortest such head wins."""
    known = _known()
    first = names[0]
    out = [first]
    for name in names[1:]:
        if canonical_metric(name) not in known:
            name = next((first[:i] + name for i in range(1, len(first) - 1) if canonical_metric(first[:i] + name) in known), name)
        out.append(name)
    return out


@functools.lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(name for name, _ in _metric_rules())


def respectively(qs: list) -> list[str]:
    """``城镇和农村居民人均可支配收入分别增长7%、8%``: one metric per value
    (城镇居民人均可支配收入, 农村居民人均可支配收入), or [] when the clause is not such a list.
    Without 分别 the subjects must be listed with 、/和 (``登记失业率、调查失业率控制在4.5%以内和5.5%左右``)."""
    if len(qs) < 2:
        return []
    base = re.sub(r"\[\d+\]$", "", qs[0].metric)
    if any(re.sub(r"\[\d+\]$", "", q.metric) != base for q in qs):
        return []
    head, verb = base.split("分别", 1) if "分别" in base else (base, "")
    subject = re.sub(r"^其中", "", trim_metric(head))
    parts = [p for p in re.split(r"[和、及与]" if "分别" in base else r"[和、]", subject) if p]
    if len(parts) == 1 and len(qs) == 2 and subject.startswith("城乡"):
        parts = ["城镇" + subject[2:], "农村" + subject[2:]]  # 城乡 is 城镇 and 农村
    if len(parts) != len(qs):
        return []
    known = _known()
    verb_key = re.sub(r"[^\w]", "", verb)

    def names_known(names: list[str]) -> bool:
        canons = [canonical_metric(n + verb_key) for n in names]
        return all(c in known for c in canons) and len(set(canons)) == len(canons)

    if names_known(parts):
        return [p + verb for p in parts]
    first, last = parts[0], parts[-1]
    # the shared tail of the last part (居民人均可支配收入 of 农村居民人均可支配收入): the shortest
    # tail that makes every part a known, distinct metric
    tail = ""
    for i in range(1, len(last)):
        if names_known([p + last[i:] for p in parts[:-1]] + [last]):
            tail = last[i:]
    if not tail and "分别" in base:
        tail = last[len(first):] if len(last) > len(first) and not any(len(p) > len(first) for p in parts[:-1]) else ""
    elif not tail:
        return []
    return [(p if k == len(parts) - 1 else p + tail) + verb for k, p in enumerate(parts)]


_VERB_TAIL = re.compile(r"(分别)?(增长|增速|增幅|提高|下降|降低|增加|减少|达到|为)*$")


def part_of(name: str, whole: str) -> str:
    """``…收入增长7.5%左右，其中城镇和农村分别增长7%左右和7%以上``: ``name`` (城镇, 城镇增长) names
    a part of the measure ``whole`` (居民人均可支配收入增长, 全体居民人均可支配收入): the part's own
    known metric (城镇居民人均可支配收入增长), or ``""`` when the two make no known metric of
    their own.  The verb of ``name`` wins, else that of ``whole``."""
    name = re.sub(r"^其中", "", name)
    nv = _VERB_TAIL.search(name)
    wv = _VERB_TAIL.search(whole)
    part, verb = name[: nv.start()], name[nv.start() :].replace("分别", "")
    stem = whole[: wv.start()]
    verb = verb or whole[wv.start() :].replace("分别", "")
    if not part or len(part) > 4 or not stem:
        return ""
    whole_canon = canonical_metric(stem + verb)
    for st in (stem, _leading_scope().sub("", stem)):
        cand = part + st + verb
        canon = canonical_metric(cand)
        if st and canon in _known() and canon != whole_canon:
            return cand
    return ""


@functools.lru_cache(maxsize=1)
def _leading_scope() -> re.Pattern:
    return re.compile("^(" + "|".join(map(re.escape, vocab.load("metrics")["reading"]["scope"])) + ")+")


def _parts_named(targets: list[Target]) -> list[Target]:
    """``其中城镇和农村分别增长…``: targets of a 其中 clause that are no known metric by
    themselves are parts of the target before (see :func:`part_of`)."""
    out: list[Target] = []
    whole: Target | None = None
    for t in targets:
        if t.text.startswith("其中") and t.canonical not in _known() and whole is not None:
            name = part_of(t.metric, whole.metric)
            if name:
                t = replace(t, metric=name, canonical=canonical_metric(name))
        elif not t.text.startswith("其中"):
            whole = t
        out.append(t)
    return out


def _paragraph(sentence_id: str) -> str:
    return sentence_id.rsplit(".s", 1)[0]


def _known_in_words(text: str) -> bool:
    """A short sentence that is one target in words on a known metric (生态环境质量持续改善。)."""
    t = text.strip().rstrip("。")
    if len(t) > 20 or re.search(r"[，,；;：:]", t):
        return False
    found = targets_in(t, "", (0, 0))
    return len(found) == 1 and found[0].canonical in _known()


def _list_after(sentences: tuple[Sentence, ...], k: int, start: int) -> list[tuple[Sentence, int]]:
    """The sentences of a targets list that begins in sentence ``k`` at ``start``: to the end of
    its paragraph while sentences carry numbers (the list may go on after a 。), or, when the
    lead-in ends its paragraph, the numbered sentences of the paragraphs that follow."""
    first = sentences[k]
    chosen = [(first, start)]
    rest_empty = not first.text[start:].strip(" ：:*")
    j = k + 1
    while j < len(sentences) and len(chosen) < 24:
        nxt = sentences[j]
        same = _paragraph(nxt.id) == _paragraph(first.id)
        if not same and not rest_empty:
            break
        if not re.search(r"\d", nxt.text) or re.match(r"^(上述|这些|提出|以上|综合|设定)", nxt.text):
            if same and (not chosen[-1][0].text.rstrip().endswith("。") or _known_in_words(nxt.text)):
                # a qualitative target inside the list, or closing it in a short sentence of its
                # own (…粮食产量600亿斤以上。生态环境质量持续改善。)
                chosen.append((nxt, 0))
                j += 1
                continue
            break
        chosen.append((nxt, 0))
        j += 1
    return chosen


def headline_targets(sentences: tuple[Sentence, ...], sections: tuple[Section, ...] = ()) -> tuple[Target, ...]:
    """This year's headline targets: the list after a targets lead-in of the commitments part
    (or of the whole report when it has no commitments part); the first list with three or more
    numbers wins, else the first with any."""
    # the commitments part first; then the goals, which hold the year's framing (a list may sit there)
    pool = [k for k, s in enumerate(sentences) if s.region == Region.COMMITMENTS]
    pool += [k for k, s in enumerate(sentences) if s.region == Region.GOALS]
    pool = pool or list(range(len(sentences)))
    # a lead-in that opens its paragraph may have become the heading of what follows
    lead_sections = {sec.id for sec in sections if sec.level == 3 and is_targets_lead(sec.title + "：")}
    candidates: list[tuple[int, int]] = []
    seen_sections: set[str] = set()
    for k in pool:
        s = sentences[k]
        if s.section in lead_sections and s.section not in seen_sections:
            seen_sections.add(s.section)
            candidates.append((k, 0))
            continue
        m = is_targets_lead(s.text)
        if m is not None:
            candidates.append((k, m.end()))
        elif k > 0 and re.match(r"^(今年|全年)", s.text) and "预期目标" in sentences[k - 1].text:
            # "…预期目标作了适当调整。今年要优先稳就业保民生，…；城镇新增就业900万人以上，…": the
            # list follows the year's priorities (the part before the first ；, when it has no number)
            head = s.text.split("；", 1)[0]
            candidates.append((k, len(head) + 1 if "；" in s.text and not re.search(r"\d", head) else 0))
    if not candidates:
        bare = vocab.pattern("regions", "targets", "bare")
        for k in pool:
            m = bare.search(sentences[k].text)
            if m:
                candidates.append((k, m.start()))
                break
    best: tuple[Target, ...] = ()
    for k, start in candidates:
        out: list[Target] = []
        for sent, st in _list_after(sentences, k, start):
            for c in sent.clauses:
                rel = sent.text.find(c.text)
                if rel + len(c.text) <= st:
                    continue
                piece = c.text[max(0, st - rel) :] if rel < st else c.text
                # a bracketed note (一般公共预算收入增长1%以上（可比口径增长8%以上）) is another reading
                # of the target before it, not a target; (CPI) after a name is a gloss
                piece = re.sub(r"（[^（）]*）|\([^()]*\)", "", piece)
                piece = re.sub(r"（[^（）]*$|^[^（）]*）", "", piece)  # a note that runs over clauses
                for part in re.split(r"[，,；;]", piece):
                    out.extend(targets_in(part.strip("。 *"), sent.id, c.span))
        out = _parts_named(out)
        if sum(t.quantitative for t in out) >= 3:
            return tuple(out)
        if out and not best:
            best = tuple(out)
    return best


def shown_metric(metric: str, value: str) -> str:
    """A metric as shown before its value: without the qualifier word the value already opens with
    (固定资产投资力争增长 + 力争10%以上 reads 固定资产投资增长力争10%以上, not 力争 twice)."""
    pre = next((w for w in PRE_QUALIFIERS if value.startswith(w)), "")
    return metric.replace(pre, "", 1) if pre and pre in metric and metric != pre else metric
