"""Quantities in a clause: value, unit, qualifier and the metric they measure.

``地区生产总值增长6.5%左右`` -> metric 地区生产总值增长, 6.5, %, 左右.
``力争省、市重点项目分别达到10个、20个以上`` -> two quantities (省…[1], 市…[2]).
``新建高标准农田2万亩`` -> 20000 亩 (values are compared in base units, so
1.5万亩 equals 15000亩).
"""

from __future__ import annotations

import functools
import re

from . import vocab
from .model import Quantity
from .normalize import fold, to_simplified

__all__ = ("extract", "metric_key", "same_dimension", "METRIC_SYNONYMS", "SUFFIX_ALT")

#: unit as written -> (multiplier, base unit), from ``data/units.toml``.  Longest first when matching.
_UNITS: dict[str, tuple[float, str]] = {k: (float(v[0]), v[1]) for k, v in vocab.load("units")["units"].items()}
#: measure words that open a noun with the next character (项目, 部门): ``[nouns]`` of ``data/units.toml``
_UNIT_NOUNS: dict[str, str] = dict(vocab.load("units")["nouns"])
#: power words and units that, straight before a noun, are a per-capita denominator: ``[per_capita]``
_PER_CAPITA: tuple[frozenset[str], frozenset[str]] = (frozenset(vocab.load("units")["per_capita"]["powers"]), frozenset(vocab.load("units")["per_capita"]["units"]))
#: ... and units that are one only after 每 (每千名老年人): ``[per_capita] each_units``
_PER_EACH: frozenset[str] = frozenset(vocab.load("units")["per_capita"]["each_units"])
_UNIT_RE = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_PREFIX_QUAL = ("力争", "确保", "不低于", "不少于", "超过", "突破", "达到", "至少", "控制在", "稳定在", "保持在")
_SUFFIX_QUAL = ("以上", "左右", "以内", "以下", "多", "余")
#: the qualifiers written after a figure, as a regex alternation (one source for every pattern reading them)
SUFFIX_ALT = "|".join(_SUFFIX_QUAL)
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_NUM = rf"(?:\d+(?:\.\d+)?|[{_CN_DIGITS}]{{1,6}})"
#: a range of two numerals (3-5个, 30-50场, 2至3家) is one quantity, read at its lower bound
_RANGE = r"[-－~～—至到]"
_QTY = re.compile(rf"(?P<num>{_NUM})(?:{_RANGE}(?P<hi>\d+(?:\.\d+)?))?(?P<unit>{_UNIT_RE})(?P<suf>{SUFFIX_ALT})?")
#: figures in words (``data/units.toml`` [words]): 八成, 一半, 三分之一, 翻一番; read in percent
_WORDS = vocab.load("units")["words"]
_W_DIGIT = "一二两三四五六七八九"
_WORD_QTY = re.compile(
    rf"(?<![{_CN_DIGITS}第])(?:(?P<tenth>[{_W_DIGIT}]){re.escape(_WORDS['tenth'])}(?!不变)"
    rf"|(?P<half>{re.escape(_WORDS['half'])})"
    rf"|(?P<den>[{_W_DIGIT}十]){re.escape(_WORDS['fraction'])}(?P<num>[{_W_DIGIT}])"
    rf"|{_WORDS['doubling'][0]}(?P<times>[一两二三]){_WORDS['doubling'][1]})"
    rf"(?P<suf>以上|左右|以内|以下|多)?(?=[，,；;。！？、）)]|$|目标)"
)
#: Chinese numerals that are names, not amounts: 十四五, 二十大, 一村一年, 第十四届…
_CN_NOT_AMOUNT = re.compile(r"^(十四五|十三五|十五五)$")

#: Abbreviations and near-synonyms folded in metric names before comparing (``data/metrics.toml``).
METRIC_SYNONYMS: tuple[tuple[str, str], ...] = tuple((p, r) for p, r in vocab.load("metrics")["synonyms"]["pairs"])
#: the synonym patterns compiled once (metric_key runs on every clause of both commitments parts)
_SYNONYMS = tuple((re.compile(p), r) for p, r in METRIC_SYNONYMS)
_NONWORD = re.compile(r"[^\w]")
_TRAILING_NUMBER = re.compile(r"\[(\d+)\]$|(\d+)$")
_VERB_TAIL = re.compile(r"(增长|增加|提高|下降|降低|达到|突破|完成|实现|超过|新增|增至|降至|控制在|稳定在|保持在|分别|为|至|约|共|累计|年均)+$")
_VERB_HEAD = re.compile(r"^(力争|确保|全年|年内|今年|全力|努力|争取|实现|完成|新增|新建|建设|实施好|实施|累计|其中|全区|全市|全县)+")


_CN_DIGIT_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SIMPLE: dict[str, float] = {
    **{k: float(v) for k, v in _CN_DIGIT_VALUES.items()},
    "十": 10.0,
    "百": 100.0,
    "千": 1000.0,
    **{f"十{k}": 10.0 + v for k, v in _CN_DIGIT_VALUES.items() if v},
    **{f"{k}十": 10.0 * v for k, v in _CN_DIGIT_VALUES.items() if v > 1},
    **{f"{k}百": 100.0 * v for k, v in _CN_DIGIT_VALUES.items() if v},
    **{f"{k}千": 1000.0 * v for k, v in _CN_DIGIT_VALUES.items() if v},
}


_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}


def _cn_canonical(s: str) -> float | None:
    """The value of a Chinese numeral written in the standard form (三百二十,
    一千零五, 两万三千, 十二亿), None for any other string (三百五, 一二三,
    万亿 …), which goes to cn2an.  Importing cn2an and compiling its patterns
    costs 0.2-0.4 s per process; on every standard form up to six characters
    both give the same value (tests/test_quantities_cn.py)."""
    total = 0
    section = 0  # below 万 (or below 亿)
    big_last = 10**12  # the 万/亿 units must come in decreasing order
    small_last = 10_000  # 千 > 百 > 十 inside a section
    digit = None
    zero = False  # a 零 stands for skipped units: the digit after it closes the section
    had_zero = False  # a 零 opens the current section (一亿零五百)
    for ch in s:
        if ch in _CN_DIGIT_VALUES:
            d = _CN_DIGIT_VALUES[ch]
            if d == 0:
                if digit is not None or zero or small_last == 10 or (small_last == 10_000 and section == 0 and total == 0):
                    return None  # 零 must stand for a skipped unit (一百零五, 一万零五百)
                had_zero = had_zero or small_last == 10_000
                zero = True
                continue
            if digit is not None:
                return None
            digit = d
        elif ch in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[ch]
            if digit is None or unit >= small_last or (zero and unit >= small_last // 10) or (ch == "两" and unit == 10):
                return None
            section += digit * unit
            small_last, digit, zero = unit, None, False
        elif ch in _CN_BIG_UNITS:
            unit = _CN_BIG_UNITS[ch]
            if digit is not None:
                if small_last not in (10_000, 10) and not zero:
                    return None  # 三百五万: colloquial, left to cn2an
                section += digit
            if section == 0 or unit >= big_last or zero:
                return None
            total += section * unit
            big_last, section, small_last, digit, zero, had_zero = unit, 0, 10_000, None, False, False
        else:
            return None
    if digit is not None:
        if not (zero or small_last == 10 or (small_last == 10_000 and section == 0 and total == 0)):
            return None  # 三百五, 一万五 (colloquial: 350, 15000): left to cn2an
        section += digit
    elif zero:
        return None
    if big_last == _CN_BIG_UNITS["亿"] and section and not had_zero:
        return None  # 一亿一千 (1.1亿?): left to cn2an
    return float(total + section)


def _cn_value(s: str) -> float | None:
    if s.isdigit() or re.fullmatch(r"\d+\.\d+", s):
        return float(s)
    if _CN_NOT_AMOUNT.match(s):
        return None
    if s in _CN_SIMPLE:
        return _CN_SIMPLE[s]  # one or two characters: no need to load cn2an
    if s[0] in "十百千万亿":
        s = "一" + s  # 千亿级 -> 一千亿级
    v = _cn_canonical(s)
    if v is not None:
        return v
    try:
        import cn2an  # a maintained converter: 三百 -> 300, 十二 -> 12, 两千 -> 2000

        v = cn2an.cn2an(s, "smart")
    except Exception:  # cn2an raises ValueError and others for non-numbers
        return None
    return float(v)


@functools.lru_cache(maxsize=1 << 16)  # a pure function of its text: the detect stage reads the same clauses several times
def metric_key(metric: str) -> str:
    """Normalized metric name for comparison (synonyms folded, verbs trimmed)."""
    k = _NONWORD.sub("", fold(metric))
    for pattern, rep in _SYNONYMS:
        k = pattern.sub(rep, k)
    k = _TRAILING_NUMBER.sub(lambda m: f"#{m.group(1) or m.group(2)}", k)
    k = _VERB_TAIL.sub("", k.split("#")[0]) + ("#" + k.split("#")[1] if "#" in k else "")
    return _VERB_HEAD.sub("", k) or k


def same_dimension(a: Quantity, b: Quantity) -> bool:
    """Two quantities can be compared: same base unit, or % and 个百分点."""
    pct = {"%", "个百分点"}
    return a.unit == b.unit or (a.unit in pct and b.unit in pct)


#: distinct texts whose quantities are kept (emptied when full): the detect
#: stage reads the same sentences several times (a pure function: the cache
#: changes no output)
EXTRACT_CACHE = 1 << 15
_EXTRACTED: dict[str, tuple[Quantity, ...]] = {}


def extract(text: str) -> list[Quantity]:
    """Quantities of ``text`` (a clause or sentence), in order of appearance.
    Traditional characters are read as simplified (億元 is 亿元); offsets hold."""
    got = _EXTRACTED.get(text)
    if got is None:
        got = tuple(_extract(text))
        if len(_EXTRACTED) >= EXTRACT_CACHE:
            _EXTRACTED.clear()
        _EXTRACTED[text] = got
    return list(got)


def _extract(text: str) -> list[Quantity]:
    original, text = text, to_simplified(text)
    out: list[Quantity] = []
    prev_end = 0
    for m in _QTY.finditer(text):
        raw_num, unit_w = m.group("num"), m.group("unit")
        start = m.start()
        if m.group("hi") and (not raw_num[0].isdigit() or float(m.group("hi")) <= float(raw_num)):
            continue  # not a range of numerals (三至5个, 5-3个)
        if not raw_num[0].isdigit():
            if text[max(0, start - 1) : start] == "第" or re.match(rf"[{_CN_DIGITS}]", text[m.end() : m.end() + 1] or "x"):
                continue  # ordinal (第十四届) or a longer name
            if raw_num in ("零", "〇"):
                continue  # 零部件, 零基础: zero alone in characters is a word, never a figure of a task
            if raw_num in ("一", "两", "二", "三", "四", "五", "六", "七", "八", "九") and not unit_w.startswith(("万", "亿")) and unit_w != "个百分点":
                continue  # 一个, 两家, 三项: counting words inside phrases, rarely a target
        else:
            if re.fullmatch(r"(19|20)\d\d", raw_num) and text[m.end() - len(unit_w) : m.end() + 1].startswith("年"):
                continue  # a year
            if start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".-/" or re.match(r"[A-Za-z]", text[start - 1])):
                continue  # part of a code: GB/T 36073, 3A
        if raw_num in _PER_CAPITA[0] and not m.group("suf") and re.match(r"\w", text[m.end() : m.end() + 1]):
            if unit_w in _PER_CAPITA[1] or (unit_w in _PER_EACH and text[start - 1 : start] == "每"):
                continue  # 千人床位数, 每万人口…拥有量, 每千名老年人: a per-capita measure's denominator (``[per_capita]``)
        if not m.group("suf") and text[m.end() : m.end() + 1] and text[m.end()] in _UNIT_NOUNS.get(unit_w[-1:], ""):
            continue  # 百亿项目, 十部门: a noun (``[nouns]`` of data/units.toml), not the measure word
        if not raw_num[0].isdigit() and len(raw_num) > 1 and raw_num[-1] in "万亿" and raw_num[-1] + unit_w in _UNITS:
            # 一千二百亿斤 is 1200 亿斤, as 1200亿斤 is: keep the magnitude with the unit
            raw_num, unit_w = raw_num[:-1], raw_num[-1] + unit_w
        value = _cn_value(raw_num)
        mult, base = _UNITS[unit_w]
        end = m.end()
        suffix = m.group("suf") or ""
        if value is not None and not base and not suffix:
            unit_w, end = _borrowed_unit(text, unit_w, end)
            mult, base = _UNITS[unit_w]
            if not base:
                unit_w, end, suffix, mult, base = _magnified_unit(text, unit_w, end)
        if value is None or not base:
            continue
        seg_start = max(prev_end, max(text.rfind(c, 0, start) for c in "，,；;：:。！？") + 1)
        seg = text[seg_start:start]
        if out and prev_end and not seg.strip("、和及与 "):
            metric, prefix = out[-1].metric, out[-1].qualifier if out[-1].qualifier in _PREFIX_QUAL else ""
        else:
            metric = seg.strip("、 ")
            prefix = next((q for q in _PREFIX_QUAL if q in text[max(0, text.rfind("，", 0, start) + 1) : start]), "")
        out.append(
            Quantity(
                metric=metric,
                value=value * mult,
                unit=base,
                qualifier=suffix or prefix,
                text=original[start:end],
                start=start,
                written=(value, unit_w),
            )
        )
        prev_end = end
    _word_figures(text, original, out)
    _number_lists(out)
    return out


def _word_figures(text: str, original: str, out: list[Quantity]) -> None:
    """Add the figures written in words (再压减一半: 50 %, 八成以上: 80 % 以上, 翻一番: 100 %) that close
    their clause; a share before a noun (一半以上的企业, 七成规上企业) is not read."""
    taken = [(q.start, q.start + len(q.text)) for q in out]
    for m in _WORD_QTY.finditer(text):
        start, end = m.start(), m.end() - len(m.group("suf") or "")
        if any(a < m.end() and start < b for a, b in taken):
            continue
        if m.group("tenth"):
            value = 10.0 * _CN_DIGIT_VALUES[m.group("tenth")]
        elif m.group("half"):
            value = 50.0
        elif m.group("den"):
            den, num = _cn_value(m.group("den")), _CN_DIGIT_VALUES[m.group("num")]
            if not den or num >= den:
                continue
            value = round(100.0 * num / den, 2)
        else:
            value = 100.0 * (2 ** _CN_DIGIT_VALUES[m.group("times")] - 1)
        if not value:
            continue
        seg_start = max(text.rfind(c, 0, start) for c in "，,；;：:。！？") + 1
        prefix = next((q for q in _PREFIX_QUAL if q in text[seg_start:start]), "")
        q = Quantity(metric=text[seg_start:start].strip("、 "), value=value, unit="%", qualifier=m.group("suf") or prefix,
                     text=original[start : m.end()], start=start, written=(value, "%"))
        out.append(q)
    out.sort(key=lambda q: q.start)


#: what joins the values of a list (1.28万亿、1.18万亿、8200亿元; 910万和850万亩)
_LIST_JOIN = re.compile(r"[、和及与]")
_MAGNITUDES = re.compile(r"[万亿]*")


#: a unit of measure written after a bare magnitude (2320万头, 2万场, 18亿亩): no entry of
#: ``data/units.toml`` spells the magnitude with it, the figure is the magnitude times the unit
_NO_MAGNIFY = frozenset(vocab.load("units")["magnify"]["never"])
_UNIT_AFTER = re.compile(rf"(?P<unit>{_UNIT_RE})(?P<suf>{SUFFIX_ALT})?")


def _magnified_unit(text: str, unit_w: str, end: int) -> tuple[str, int, str, float, str]:
    """A bare magnitude ``unit_w`` (万, 亿) ending at ``end`` and followed straight by a unit of
    its own (one with a base unit and no magnitude: 头, 场, 名, 亩): the unit as written with the
    magnitude before it (万头), the end of the figure, the qualifier after it, the multiplier and
    the base unit.  The magnitude unchanged (no base unit) when no such unit follows (2万多, 3万亿)."""
    mag = _UNITS[unit_w][0]
    m = _UNIT_AFTER.match(text, end)
    if m:
        mult, base = _UNITS[m.group("unit")]
        if base and mult == 1 and unit_w + m.group("unit") not in _NO_MAGNIFY:
            return unit_w + m.group("unit"), m.end(), m.group("suf") or "", mag, base
    return unit_w, end, "", mag, ""


def _borrowed_unit(text: str, unit_w: str, end: int) -> tuple[str, int]:
    """A bare magnitude listed before a value with a unit takes that unit (``分别达5.8万亿、4.9万亿元``:
    5.8万亿元; ``910万、850万亩``: 910万亩): the list writes the unit once, after its last value.
    Returns the unit as written and the end of the value, or ``unit_w`` and ``end`` unchanged
    when no value with a unit follows in the list."""
    more = _MAGNITUDES.match(text, end).group()
    magnitude, stop = unit_w + more, end + len(more)
    at = stop
    while _LIST_JOIN.match(text, at):
        nxt = _QTY.match(text, at + 1)
        if not nxt:
            break
        tail = nxt.group("unit").lstrip("万亿")
        if tail and _UNITS[nxt.group("unit")][1]:
            whole = magnitude + tail
            return (whole, stop) if whole in _UNITS and _UNITS[whole][1] else (unit_w, end)
        at = nxt.end() + len(_MAGNITUDES.match(text, nxt.end()).group())
    return unit_w, end


def _number_lists(qs: list[Quantity]) -> None:
    """Values listed after one metric (``分别达到10个、20个以上``, ``分别增长7%、8%``)
    share that metric: number them (``…[1]``, ``…[2]``) and share the last qualifier, save with
    a value written straight before the next one, with nothing between them: a count of things of
    the size that follows (``3个20万吨以上泊位``: 以上 bounds the size, not the count)."""
    k = 0
    while k < len(qs):
        j = k
        while j + 1 < len(qs) and qs[j + 1].metric == qs[k].metric:
            j += 1
        if j > k:
            shared = qs[j].qualifier
            for n, i in enumerate(range(k, j + 1), 1):
                q = qs[i]
                glued = i < j and q.start + len(q.text) == qs[i + 1].start
                qs[i] = Quantity(metric=f"{q.metric}[{n}]", value=q.value, unit=q.unit, qualifier=q.qualifier or ("" if glued else shared), text=q.text, start=q.start, written=q.written)
        k = j + 1
