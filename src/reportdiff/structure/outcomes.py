"""Last year's outcomes (the review part of a work report) and the status of each headline target.

Report N sets the year's headline targets (:mod:`.targets`); report N+1 opens with a review of
year N that states its results (``国内生产总值达到114万亿元，增长8.1%``).  This module reads those
results as :class:`~reportdiff.model.Outcome` records and holds each target of N against them:

* the outcome of a target is the first figure of the review whose canonical metric is the
  target's and whose unit is of the same kind (a growth rate for a growth target, persons for
  jobs); a figure of another kind (a level for a growth target) is another measure;
* a number is read with the target's qualifier (``data/metrics.toml`` ``[reading]``): direction
  up (a floor) ``O >= T`` is met; direction down (a ceiling) ``O <= T`` is met; with 左右/约 an
  outcome within the tolerance (0.5 percentage point for rates, 5% of the target for amounts)
  is met_with_qualifier; otherwise missed;
* a target or outcome in words only is qualitative when the review speaks of the metric,
  and a target is not_reported when the review says nothing of it or gives another measure only.

Figures that are not the year's (``年均``, ``累计``, five-year summaries, ``今年以来``) are skipped.
Everything here is pure: documents in, records out.
"""

from __future__ import annotations

import functools
import re

from .. import quantities, vocab
from ..model import Document, Outcome, Region, Sentence, Target, TargetCheck, TargetStatus
from ..normalize import fold
from .sections import is_targets_lead
from .targets import bare_persons, canonical_metric, part_of, rate_unit, respectively, trim_metric

__all__ = ("review_sentences", "review_outcomes", "review_clauses", "review_parts", "pair_years", "check_targets", "target_status", "direction_of", "mention_of")

#: a figure that is not last year's own: an average or a sum over several years, or this year's so far
_NOT_YEARS = re.compile(r"年均|累计|五年|十[三四五]五|以来|一季度|上半年|前三季度|前\d+个?月|\d+[—-]\d+月")
#: 城镇调查失业率从5.6%降到5.2%: the first figure is where the metric started (not an outcome),
#: the second, after a verb of change and 到/至, is where it ended
_FROM = re.compile(r"[从由]$")
_TO = re.compile(r"^(提高|提升|上升|升|下降|降低|降|回落|减少|增加|增长|扩大|缩小)?(到|至)$")
#: a metric written as a verb only: the figure continues the previous one (…达到114万亿元，增长8.1%)
_VERB_ONLY = re.compile(r"^(比上年|同比|分别|平均|年均)?(增长|增加|上涨|下降|降低|提高|减少|增速|涨幅|为|达到|平均为)*$")
_STEM_TAIL = re.compile(r"(增长|增速|上涨|涨幅|总量|规模|达到|突破|超过|为)+$")
#: where a subject ends and its predicate begins (地区生产总值迈上3万亿元新台阶)
_STEM_CUT = re.compile(r"迈上|迈入|跨上|跨越|跨过|站上|达到|突破|超过|首次|总量|规模")
_PRE_QUALS = ("预计", "超过", "突破", "约")
#: a share of something (装备制造业占规上工业增加值的比重27.4%), not its growth
_SHARE = re.compile(r"比重|占比|占[^，。；]{0,20}的?比")
#: a fall: the figure is a negative growth (进出口总额下降15%)
_FALL = re.compile(r"(下降|减少|回落|降低)$")
_REDUCTION = re.compile(r"降低|下降|减少|降幅")
#: a bracketed figure on a comparable basis after a figure (增长1.7%（同口径增长2.5%以上）): reviews
#: add it when the headline figure is distorted by a change of scope or policy (tax cuts, 退税)
_COMPARABLE = re.compile(r"^%?[（(](同口径|可比口径|剔除)[^（）()%]*$")
#: words of a review figure that are not part of its metric (预计GDP全年增长5%: GDP增长)
_TIME_WORDS = re.compile(r"(?:19|20)\d\d年|预计|全年|去年|上年|同比|比上年|同口径|按?可比价格?计算|实现了?|完成了?")


@functools.lru_cache(maxsize=1)
def _reading() -> dict:
    return vocab.load("metrics")["reading"]


@functools.lru_cache(maxsize=1)
def _directions() -> dict[str, str]:
    return {m["name"]: m.get("direction", "up") for m in vocab.load("metrics")["metric"]}


@functools.lru_cache(maxsize=1)
def _parts() -> dict[str, tuple[str, ...]]:
    """``metrics.toml`` ``parts``: the metrics a measure is split into (城镇, 农村 of 居民收入)."""
    return {m["name"]: tuple(m["parts"]) for m in vocab.load("metrics")["metric"] if m.get("parts")}


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern, ...]]:
    return {m["name"]: tuple(re.compile(p) for p in m["patterns"]) for m in vocab.load("metrics")["metric"]}


_NOT_KEY = re.compile(r"[^\w%&]")
_LIST_SEP = re.compile(r"[、和及与]")


@functools.lru_cache(maxsize=1)
def _scope() -> re.Pattern:
    """The scope words of ``data/metrics.toml`` ``[reading] scope`` (全市, 年末, 货物 …)."""
    return re.compile("|".join(map(re.escape, vocab.load("metrics")["reading"]["scope"])))


@functools.lru_cache(maxsize=1)
def _units() -> dict[str, tuple[float, str]]:
    return {k: (float(v[0]), v[1]) for k, v in vocab.load("units")["units"].items()}


def direction_of(target: Target) -> str:
    """``up`` (a floor), ``down`` (a ceiling) or ``""`` for a target without a number."""
    if target.value is None:
        return ""
    # the qualifier's words (力争+以上), each whole: 不低于 is a floor, though it holds 低于
    if any(w in _reading()["ceiling"] for w in target.qualifier.split("+")):
        return "down"
    return _directions().get(target.canonical, "up")


def _base(value: float, unit: str) -> tuple[float, str]:
    mult, base = _units().get(unit.replace("％", "%"), (1.0, unit))
    return value * mult, base


#: a review section about several years (过去五年…, “十三五”时期…), not last year alone
_SEVERAL_YEARS = re.compile(r"五年|十[三四五]五|届")
#: a heading about one year: last year by name, or a plan's opening year (“十四五”实现良好开局,
#: “十四五”开好局 in the plan's second year's report)
_ONE_YEAR = re.compile(r"一年|去年|上年|\d{4}年|开局|开好局")
#: a sentence that opens a passage about several years inside a review of last year
#: (五年来，我们…; ——这五年，…; 过去五年…): its paragraph, and the run of ——paragraphs after it,
#: sum up the period, so a change stated there (增长39.5%, 翻了一番) is not last year's
_SEVERAL_OPEN = re.compile(r"^(——)?(这|过去|近)?五年(来|间|中|里)?[，,]|^(——)?“?十[三四五]五”?(时期|期间|以来)[，,]")
#: what holds for each year of such a passage, so for last year too (城镇新增就业连年超过120万人)
_EACH_YEAR = re.compile(r"连年|每年|年年|逐年|连续[\d一二三四五六七八九十]+年|连[丰增]")
#: what such a passage says in words that holds to its end, so for last year too: a completion
#: (节能减排目标全面完成, 贫困人口全部脱贫) or a steady trend (生态环境质量持续提升)
_THROUGH = re.compile(r"完成|全部|如期|持续")
#: the review's paragraph on problems (我们也清醒看到…困难和问题): not results, except a verdict on
#: the year's targets (地区生产总值、投资、进出口等预期性指标未达到年初目标; …等指标与年初预期存在一定差距)
_PROBLEMS = re.compile(r"清醒(地)?(看到|认识到)|困难和问题|问题和不足|差距和不足|短板和不足")
_VERDICT = re.compile(r"(达到|完成|实现)[^，。；]{0,6}(预期|目标)|(低于|不及|未达)(预期|目标)|(预期|目标)[^，。；]{0,4}(存在|有)[^，。；]{0,6}差距")
#: the completion of a five-year plan's targets (“十三五”规划主要目标任务胜利完成)
#: a five-year target completed ahead of time (提前完成“十四五”能耗强度下降目标): done last year
_EARLY = re.compile(r"提前[^，。；]{0,2}完成")
#: a list of indicators (地区生产总值、投资、进出口等预期性指标)
_INDICATORS = re.compile(r"等[^，。；]{0,6}指标")
_PLAN_DONE = re.compile(r"(十[三四五]五)[^，。；]{0,10}目标[^，。；]{0,8}完成|完成[^，。；]{0,4}(十[三四五]五)[^，。；]{0,10}目标")
_PLAN_NAME = re.compile(r"十[三四五]五")


def review_sentences(doc: Document) -> list[Sentence]:
    """The sentences of the review part: the review region, or a part whose heading is a review
    heading (``2023年工作回顾``, ``data/regions.toml`` ``[heading] review``) when the regions
    did not mark it."""
    by_id = {sec.id: sec for sec in doc.sections}
    review = vocab.pattern("regions", "heading", "review")
    memo: dict[str, bool] = {}

    def titled(sid: str | None) -> bool:
        while sid:
            sec = by_id.get(sid)
            if sec is None:
                return False
            if sec.level <= 1 and review.search(sec.title):
                return True
            sid = sec.parent
        return False

    out = []
    for s in doc.sentences:
        if s.region == Region.REVIEW:
            out.append(s)
        elif s.region in (Region.GOALS, Region.COMMITMENTS, Region.FRONT):
            if s.section not in memo:
                memo[s.section] = titled(s.section)
            if memo[s.section]:
                out.append(s)
    return out


def _review(doc: Document) -> list[Sentence]:
    """The sentences of the review part, without sections about several years (过去五年…,
    “十三五”时期…) unless the heading also names last year (“十四五”时期和2025年工作回顾)."""
    by_id = {sec.id: sec for sec in doc.sections}

    def several(sid: str | None) -> bool:
        while sid:
            sec = by_id.get(sid)
            if sec is None:
                return False
            if _SEVERAL_YEARS.search(sec.title) and not _ONE_YEAR.search(sec.title):
                return True
            sid = sec.parent
        return False

    memo: dict[str, bool] = {}
    out = []
    own = {t.sentence for t in doc.targets}  # this year's targets, wherever the regions put them
    for s in review_sentences(doc):
        if s.id in own:
            continue
        if s.section not in memo:
            memo[s.section] = several(s.section)
        if not memo[s.section]:
            out.append(s)
    return out


def _several_years(sentences: list[Sentence]) -> set[str]:
    """Ids of the sentences in passages about several years (see ``_SEVERAL_OPEN``): from the
    opening sentence to the end of its paragraph, and the ——paragraphs that follow it."""
    out: set[str] = set()
    para = None
    inside = False
    for s in sentences:
        p = s.id.rsplit(".s", 1)[0]
        if p != para:
            para = p
            inside = inside and s.text.startswith("——")  # a new paragraph goes on only as a ——item
        if _SEVERAL_OPEN.search(s.text):
            inside = True
        if inside:
            out.add(s.id)
    return out


def _clause_of(s: Sentence, pos: int) -> tuple[str, tuple[int, int]]:
    at = 0
    for c in s.clauses:
        k = s.text.find(c.text, at)
        if k < 0:
            continue
        if k <= pos < k + len(c.text):
            return c.text, c.span
        at = k
    return s.text, s.span


def _qualified(metric: str, canonical: str) -> bool:
    """The metric names a part of a known measure: the measure's name comes after more than a
    scope word (跨境电商进出口, 对共建国家进出口额; not 全市地区生产总值, 年末全国城镇调查失业率).
    The scope words are ``data/metrics.toml`` ``[reading] scope``."""
    pats = _patterns().get(canonical)
    if not pats:
        return False
    key = re.sub(r"[^\w%&]", "", fold(trim_metric(metric)))
    starts = [m.start() for p in pats for m in [p.search(key)] if m]
    if not starts:
        return False
    prefix = _scope().sub("", key[: min(starts)])
    if _cause().search(prefix):
        return False  # 有力推动全市规模以上工业增加值增长9.1%以上: the measure itself, caused
    return len(prefix) >= 2


@functools.lru_cache(maxsize=1)
def _cause() -> re.Pattern:
    """A prefix that ends in a verb of cause (``data/metrics.toml`` ``[reading] causes``)."""
    return re.compile("(" + "|".join(map(re.escape, _reading()["causes"])) + ")$")


def _respective_names(qs: list) -> dict[int, str]:
    """``A、B、C分别增长6.6%、4.3%、8.6%``: each value's own metric, by index in ``qs``."""
    out: dict[int, str] = {}
    k = 0
    while k < len(qs):
        base = re.sub(r"\[\d+\]$", "", qs[k].metric)
        j = k
        while j + 1 < len(qs) and re.sub(r"\[\d+\]$", "", qs[j + 1].metric) == base and qs[j + 1].metric != base:
            j += 1
        if j > k and "分别" in base:
            names = respectively(qs[k : j + 1])
            out.update({k + n: name for n, name in enumerate(names)})
        k = j + 1
    return out


def review_parts(doc: Document) -> tuple[tuple[Outcome, ...], list]:
    """:func:`review_outcomes` and :func:`review_clauses` of ``doc``, its review read once."""
    review = _review(doc)
    return review_outcomes(doc, review), review_clauses(doc, review)


def review_outcomes(doc: Document, review: list[Sentence] | None = None) -> tuple[Outcome, ...]:
    """The figures of the review part, in order (the year before ``doc.year``)."""
    out: list[Outcome] = []
    review = _review(doc) if review is None else review
    several = _several_years(review)
    for s in review:
        if not re.search(r"\d", s.text) or is_targets_lead(s.text):
            continue  # no figure, or this year's targets (a list that the regions left in the review)
        stems: list[str] = []  # the subjects of this sentence's figures so far
        parts: list[str] = []  # …，其中城镇38291元、农村15337元: the parts of the measure before
        whole = ""
        qs = quantities.extract(s.text)
        for c in s.clauses:  # 农村贫困人口减少1109万: people counted in a bare 万
            persons = bare_persons(c.text) if "万" in c.text else None
            if s.id in several and not _EACH_YEAR.search(c.text):
                continue
            if persons is not None and not _NOT_YEARS.search(c.text) and not any(q.text in c.text for q in qs):
                metric, value, post = persons
                out.append(Outcome(metric, canonical_metric(metric), value, "万人", post, c.text, s.id, c.span))
        named = _respective_names(qs)
        for k, q in enumerate(qs):
            raw = named.get(k) or re.sub(r"\[\d+\]$", "", q.metric)
            if "、" in raw and not named.get(k):
                tail = raw.rsplit("、", 1)[1]
                if tail and _VERB_ONLY.match(trim_metric(_TIME_WORDS.sub("", tail))):
                    raw = tail  # …达到5.53万亿元、稳居全国前十强、增长4.8%: a clause without a figure between
            lead = s.text[max(0, s.text.rfind("，", 0, q.start)) : q.start]
            if _NOT_YEARS.search(lead) or _NOT_YEARS.search(raw):
                continue
            if doc.year and any(int(y) != doc.year - 1 for y in re.findall(r"((?:19|20)\d\d)年", lead)):
                continue  # a figure of another year (较2015年增加…, 2019年…)
            if s.id in several and not _EACH_YEAR.search(_clause_of(s, q.start)[0]):
                continue  # a change over several years (居民人均可支配收入增长39.5% in 这五年…)
            if _FROM.search(raw):
                stem = trim_metric(_TIME_WORDS.sub("", raw[:-1]))
                if len(stem) >= 2:
                    stems.append(stem)
                    whole, parts = stem, []
                continue  # where the metric started
            if _TO.match(raw) and stems and k > 0 and _FROM.search(qs[k - 1].metric.rsplit("[", 1)[0]):
                raw = stems[-1]
            metric = trim_metric(_TIME_WORDS.sub("", raw))
            if _VERB_ONLY.match(metric) or _VERB_ONLY.match(raw):
                # a figure that goes on from an earlier one (地区生产总值达到…亿元、增长6.1%): the
                # nearest earlier subject that makes a known metric with this verb, else the last
                verb = re.sub(r"[^\w]", "", _TIME_WORDS.sub("", raw))
                group = [j for j, x in enumerate(qs) if x.metric.rsplit("[", 1)[0] == q.metric.rsplit("[", 1)[0]] if "分别" in raw else []
                earlier = [named[j] for j in sorted(named) if j < group[0]][-len(group):] if len(group) > 1 else []
                if len(group) > 1 and len(parts) >= len(group) and q.metric.endswith("]"):
                    # 其中城镇38291元、农村15337元，分别增长7.2%和10.4%: each value of 分别 is one part's
                    metric = parts[len(parts) - len(group) + group.index(k)] + verb.replace("分别", "")
                elif len(group) > 1 and len(earlier) == len(group) and q.metric.endswith("]"):
                    # 城乡居民收入分别达47301元、19546元，分别增长5.4%、6.8%: the subjects of the 分别 before
                    metric = _STEM_TAIL.sub("", re.sub(r"(分别)?(达到|达|为)$", "", earlier[group.index(k)])) + verb.replace("分别", "")
                else:
                    known = [st + verb for st in reversed(stems) if canonical_metric(st + verb) in _patterns()]
                    if not known and not stems:
                        metric = _borrowed(s, q.start, verb)
                        if not metric:
                            continue
                    else:
                        metric = known[0] if known else stems[-1] + verb
            else:
                stem = _STEM_CUT.split(_STEM_TAIL.sub("", metric))[0].strip("、 ")
                if (raw.startswith("其中") or parts) and whole and canonical_metric(metric) not in _patterns():
                    named_part = part_of(stem, whole)
                    if named_part:
                        parts.append(named_part)
                        metric = named_part
                        stem = ""
                if len(metric) <= 4 and not raw.startswith("其中") and not parts and canonical_metric(metric) not in _patterns():
                    # 粮食再获丰收，总产达613.6亿斤: a bare measure word (总产, 产量) takes the subject
                    # of the clause before, without a figure
                    borrowed = _borrowed(s, q.start, metric)
                    if borrowed:
                        metric = stem = borrowed
                if len(stem) >= 2:
                    stems.append(stem)
                    whole, parts = stem, []
            if not metric:
                continue
            number, unit = q.written
            unit, _ = rate_unit(s.text, q.start + len(q.text), unit)
            canonical = canonical_metric(metric)
            if _SHARE.search(metric) and canonical.endswith("增长"):
                canonical = trim_metric(metric)  # a share (占…比重), not the growth of what it names
            elif _qualified(metric, canonical):
                canonical = trim_metric(metric)  # a part of the measure (跨境电商进出口), not the measure
            if _FALL.search(metric) and not _REDUCTION.search(canonical):
                number = -number  # 进出口总额下降15%: growth of -15%
            pre = next((w for w in _PRE_QUALS if w in lead), "")
            qual = "+".join(x for x in (pre, q.qualifier if q.qualifier in ("以上", "以下", "左右", "以内", "多", "余") else "") if x)
            text, span = _clause_of(s, q.start)
            found = Outcome(metric, canonical, float(number), unit.replace("％", "%"), qual, text, s.id, span)
            prev = out[-1] if out else None
            if prev is not None and prev.sentence == s.id and prev.unit == found.unit and _COMPARABLE.search(s.text[max(0, s.text.rfind("%", 0, q.start)) : q.start]):
                # 增长1.7%（同口径增长2.5%以上）: the same measure on a comparable basis, the one a
                # target is held against
                out.insert(len(out) - 1, Outcome(prev.metric, prev.canonical, found.value, found.unit, found.qualifier, text, s.id, span))
            else:
                out.append(found)
    return tuple(out)


def _borrowed(s: Sentence, pos: int, rest: str) -> str:
    """``全年地区生产总值迈上新台阶，总量突破5万亿元，增长4.6%`` / ``粮食再获丰收，总产达613.6亿斤``:
    the figure at ``pos`` names no known metric (``rest``: 增长, 总产) and a clause before it in the
    sentence, without a figure, opens with a subject that makes one with it (地区生产总值增长,
    粮食总产): that metric, else ``""``.  Only the nearest such clause is read, and the known name
    must run over the join (外贸 + 跨境电商增长 is not 外贸)."""
    clause = ""
    at = 0
    for c in s.clauses:
        k = s.text.find(c.text, at)
        if k < 0:
            continue
        if k + len(c.text) > pos:
            break
        if not _DIGIT.search(c.text):
            clause = c.text
        at = k
    return _joined(_NOT_KEY.sub("", fold(_TIME_WORDS.sub("", clause))), _NOT_KEY.sub("", fold(rest))) if clause else ""


@functools.lru_cache(maxsize=65536)
def _joined(key: str, rest: str) -> str:
    """The shortest opening of ``key`` that makes a known metric with ``rest`` across the join."""
    if not key or not rest:
        return ""
    for i in range(2, min(len(key), 12) + 1):
        name = key[:i] + rest
        canon = canonical_metric(name)
        rx = _any_pattern(canon)
        m = rx.search(name) if rx is not None else None
        if m is not None and m.start() < i < m.end():
            return name
    return ""


def review_clauses(doc: Document, review: list[Sentence] | None = None) -> list[tuple[str, tuple[str, ...], str, tuple[int, int], str]]:
    """The review's clauses as (key, keys of its listed parts, text, span, sentence id): a clause
    that lists metrics (地区生产总值、固定资产投资、…等指标未达到预期) speaks of each.  The
    headings of the review's sections state results too (（七）生态环境明显改善), and are read
    before their sentences.  In a passage about several years only what holds for each year or
    completes (节能减排目标全面完成) is kept; the completion of a five-year plan's targets is kept
    from anywhere in the review (“十三五”规划主要目标任务胜利完成)."""
    out = []
    review = _review(doc) if review is None else review
    several = _several_years(review)
    by_id = {sec.id: sec for sec in doc.sections}
    headed: set[str] = set()

    def add(text: str, span: tuple[int, int], sid: str) -> None:
        key = _NOT_KEY.sub("", fold(text))
        if _NOT_YEARS.search(key) and not _EARLY.search(key):
            return
        if _LIST_SEP.search(text):
            parts = tuple(k for k in (_NOT_KEY.sub("", fold(p)) for p in _LIST_SEP.split(text)) if k)
            if _INDICATORS.search(text):
                # …、投资、进出口等指标: a short name of a list of indicators is the indicator
                short = _reading().get("short_names", {})
                parts = tuple(short.get(p, p) for p in parts)
        else:
            parts = (key,)
        out.append((key, parts or (key,), text, span, sid))

    problems = {s.id.rsplit(".s", 1)[0] for s in review if _PROBLEMS.search(s.text)}
    for s in review:
        sec = by_id.get(s.section)
        if sec is not None and sec.level >= 2 and sec.id not in headed:
            headed.add(sec.id)
            add(sec.title, sec.span, s.id)
        problem = s.id.rsplit(".s", 1)[0] in problems
        for c in s.clauses:
            if problem and not _VERDICT.search(c.text):
                continue
            if s.id in several and not (_EACH_YEAR.search(c.text) or _THROUGH.search(c.text)):
                continue
            add(c.text, c.span, s.id)
    for s in review_sentences(doc):
        for c in s.clauses:
            if _PLAN_DONE.search(c.text):
                out.append((re.sub(r"[^\w%&]", "", fold(c.text)), (), c.text, c.span, s.id))
    return out


#: what may stand before a metric that is the subject of a review clause, besides scope words:
#: a count (52个贫困县, 551万农村贫困人口)
_COUNT = re.compile(r"[\d.]+|[个万名项家亿]")


@functools.lru_cache(maxsize=None)
def _any_pattern(canonical: str) -> re.Pattern | None:
    """The patterns of a known metric as one alternation (its leftmost match is the earliest
    start of any of them), or None for a metric the data file does not list."""
    pats = _patterns().get(canonical)
    return re.compile("|".join(f"(?:{p.pattern})" for p in pats)) if pats else None


_DIGIT = re.compile(r"\d")
_DIGIT_PCT = re.compile(r"\d%")


def _subject_at(canonical: str, key: str) -> bool:
    """The clause (or listed part) speaks of the metric as its subject: the metric's name comes
    first, after at most scope words, a count, a modifier ending in 的 and three other characters
    (稳步提升居民收入 and 整改…生态环境问题 are actions, not results)."""
    rx = _any_pattern(canonical)
    if rx is not None:
        m = rx.search(key)  # the leftmost match of any of the metric's patterns
        if m is None or canonical_metric(key[m.start() :]) != canonical:
            return False
        start = m.start()
    else:
        start = key.find(canonical) if len(canonical) >= 2 else -1
        if start < 0:
            return False
    prefix = key[:start].rsplit("的", 1)[-1]  # …的X: what comes before 的 only qualifies X
    return len(_COUNT.sub("", _scope().sub("", prefix))) <= 3


@functools.lru_cache(maxsize=1)
def _made_of() -> dict[str, re.Pattern]:
    """``metrics.toml`` ``mentions``: review clauses that speak of a target in words without naming
    its metric as their subject (节能减排约束性指标: 能耗…下降; 金融风险防控: 化解…债务风险)."""
    return {m["name"]: re.compile("|".join(f"(?:{x})" for x in m["mentions"])) for m in vocab.load("metrics")["metric"] if m.get("mentions")}


def _mentions(canonical: str, key: str, parts: tuple[str, ...]) -> bool:
    if not parts:
        return False  # a plan's completion: only for a target on that plan (see mention_of)
    if canonical.endswith("增长") and _DIGIT.search(key) and not _DIGIT_PCT.search(key):
        return False  # a growth metric named beside a level (收入超过3万元): another measure
    made_of = _made_of().get(canonical)
    if made_of is not None and made_of.search(key):
        return True  # e.g. a part of a composite target, with a result (规上工业单位增加值能耗水平持续下降)
    return any(_subject_at(canonical, k) for k in parts)


def mention_of(target: Target, doc: Document, clauses: list | None = None) -> Outcome | None:
    """The first clause of the review that speaks of the target's metric: in words or numbers
    for a target in words; in words only for a target with a number (a figure of the metric
    would be an outcome already, so a clause with figures is about other measures)."""
    plan = _PLAN_NAME.search(target.canonical) if target.value is None else None
    for key, parts, text, span, sid in clauses if clauses is not None else review_clauses(doc):
        if plan is not None:
            # a target to complete a five-year plan: the review says that plan's targets were completed
            done = _PLAN_DONE.search(key)
            if done and plan.group(0) in done.groups():
                return Outcome(target.metric, target.canonical, None, "", "", text, sid, span)
            continue
        if target.value is not None and _DIGIT.search(key):
            continue
        if _mentions(target.canonical, key, parts):
            return Outcome(target.metric, target.canonical, None, "", "", text, sid, span)
    return None


def target_status(target: Target, outcome: Outcome | None, direction: str) -> TargetStatus:
    """The status of one target against one outcome (None: nothing said)."""
    if outcome is None:
        return TargetStatus.NOT_REPORTED
    if target.value is None or outcome.value is None:
        return TargetStatus.QUALITATIVE
    t_val = target.upper if direction == "down" and target.upper is not None else target.value
    t, t_unit = _base(t_val, target.unit)
    o, o_unit = _base(outcome.value, outcome.unit)
    if t_unit != o_unit:
        return TargetStatus.NOT_REPORTED
    reading = _reading()
    tol = reading["tolerance_points"] if t_unit in ("%", "个百分点") else reading["tolerance_share"] * abs(t)
    loose = any(w in target.qualifier for w in reading["tolerance"])
    eps = 1e-9
    if direction == "down":
        if o <= t + eps:
            return TargetStatus.MET
        return TargetStatus.MET_WITH_QUALIFIER if loose and o <= t + tol + eps else TargetStatus.MISSED
    if o >= t - eps:
        return TargetStatus.MET
    return TargetStatus.MET_WITH_QUALIFIER if loose and o >= t - tol - eps else TargetStatus.MISSED


def _same_kind(target: Target, outcome: Outcome) -> bool:
    return outcome.value is not None and _base(1.0, outcome.unit)[1] == _base(1.0, target.unit)[1]


def check_targets(doc: Document, following: Document | None, outcomes: tuple[Outcome, ...] | None = None, clauses: list | None = None) -> tuple[TargetCheck, ...]:
    """Each headline target of ``doc`` held against the review of ``following`` (the next
    year's report of the same government; None gives status pending).  ``outcomes`` and
    ``clauses`` are ``following``'s :func:`review_outcomes` and :func:`review_clauses` when
    already worked out (in a worker process)."""
    out: list[TargetCheck] = []
    if following is not None and outcomes is None:
        outcomes = review_outcomes(following)
    if following is not None and clauses is None:
        clauses = review_clauses(following) if doc.targets else []
    gov, year = doc.government, doc.year or 0
    for t in doc.targets:
        direction = direction_of(t)
        if following is None:
            out.append(TargetCheck(gov, year, t, direction, TargetStatus.PENDING, None, doc.raw.path))
            continue
        same = [o for o in outcomes or () if o.canonical == t.canonical]
        chosen: Outcome | None = None
        if t.value is not None:
            chosen = next((o for o in same if _same_kind(t, o)), None)
            if chosen is None and same:
                out.append(TargetCheck(gov, year, t, direction, TargetStatus.NOT_REPORTED, None, doc.raw.path, following.raw.path))
                continue
        else:
            growth = t.canonical.endswith("增长")
            chosen = next((o for o in same if not growth or _base(1.0, o.unit)[1] == "%"), None)
        if chosen is None:
            chosen = mention_of(t, following, clauses)
        if chosen is None and t.value is None and t.canonical in _parts():
            # a target in words on a measure whose review gives its parts only (城镇, 农村)
            growth = t.canonical.endswith("增长")
            chosen = next((o for o in outcomes or () if o.canonical in _parts()[t.canonical] and (not growth or _base(1.0, o.unit)[1] == "%")), None)
        out.append(TargetCheck(gov, year, t, direction, target_status(t, chosen, direction), chosen, doc.raw.path, following.raw.path))
    return tuple(out)


def pair_years(docs: list[Document], prepared: dict | None = None) -> tuple[TargetCheck, ...]:
    """The targets of every report held against the next year's report of the same government
    among ``docs`` (status pending when it is not there); ``prepared`` maps a path to its
    (review outcomes, review clauses) when already worked out.  Reports without a government or a year
    are left out; when a government has two reports of one year the first given is used."""
    from ..model import DocKind

    by: dict[tuple[str, int], Document] = {}
    for d in docs:
        if d.kind == DocKind.REPORT and d.government and d.year:
            by.setdefault((d.government, d.year), d)
    out: list[TargetCheck] = []
    prepared = prepared or {}
    for (gov, year), d in sorted(by.items()):
        nxt = by.get((gov, year + 1))
        outcomes, clauses = prepared.get(nxt.raw.path, (None, None)) if nxt is not None else (None, None)
        out.extend(check_targets(d, nxt, outcomes, clauses))
    return tuple(out)
