"""Figures stated in words the other year: a task target of one year with no figure paired
whose object a figureless clause of the other year names (:func:`worded_task_changes`)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ... import quantities as qty, segment
from ...align import Edge
from ...model import Document, Finding, FindingType, Quantity, Severity
from ...normalize import to_simplified
from ..base import _finding
from .objects import _fmt, _label, _measures, MIN_WORDED_OBJECT, _ONLY_TAIL, TARGET_REGIONS, target_text, TaskTarget, _verbs
from .pairing import _kinds_unnamed, _longest_run, MIN_HEAD, _shared_run


#: ... (:data:`.objects.MIN_WORDED_OBJECT`) when the clause spells this share of the object in one run
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
            if c and not qty.extract(c) and not _COUNT.search(c):
                out.append((c, _normalized(c)))
    return out


#: a count of named items in digits (实施…10大绿色转型工程, 10大项) that quantities do not read as a
#: figure: its clause counts a list of its own, so it states no task in words.  Only this form: a
#: clause whose other unread figures (6万座, 1亿千瓦) may be the very counterpart of the target
_COUNT = re.compile(r"\d+大(?![于小])")


def _after_figure(q: Quantity, text: str, key: str) -> bool:
    """Whether the object ``key`` of ``q`` was read across another count of its list item (between
    punctuation of ``text``): it opens with the words between that count and ``q`` (省20项民生工程和市
    10件民生实事: 民生工程和市…; 10大项40个子项: 大项…), so what the figure counts is not read well
    enough to seek it in words.  A level of a list sharing the noun is read well (2个国家级和22个省级
    区域医疗中心: 省级区域医疗中心)."""
    item = re.split(r"[，,；;。：:、]", to_simplified(text)[: q.start])[-1]
    m = re.search(r"\d([^\d]*)$", item)
    if not m:
        return False
    between = m.group(1)
    if re.search(r"级[和及与]?$", between):
        return False  # levels of a list share the noun
    return any(key.startswith(between[j:]) for j in range(len(between) - 1))


def _syn(text: str) -> str:
    """``text`` with each name of ``[worded] synonyms`` (tasks.toml) written as the first of its
    family (种植面积 -> 播种面积), so that a task target and a clause naming its object in another
    word of the same meaning share a run."""
    for w, first in _synonyms():
        if w in text:
            text = text.replace(w, first)
    return text


@functools.lru_cache(maxsize=1 << 16)  # a pure function of its text: the search reads each sentence once per target
def _normalized(text: str) -> str:
    """``text`` written as objects and worded clauses are before they are compared: its metric key
    (:func:`quantities.metric_key`) with synonyms written one way (:func:`_syn`)."""
    return _syn(qty.metric_key(text))


@functools.lru_cache(maxsize=1)
def _synonyms() -> tuple[tuple[str, str], ...]:
    """(name, the first of its family) for every later name of ``[worded] synonyms``, in order."""
    from ... import vocab

    return tuple((w, family[0]) for family in vocab.load("tasks")["worded"]["synonyms"] for w in family[1:])


def _names_head(key: str, clause: str) -> bool:
    """Whether ``clause`` names the head noun of the object ``key`` (its last
    :data:`MIN_HEAD` characters before a general ending such as 项目: 省级新兴产业集群 is not
    named by 培育壮大新兴产业, 水库除险加固项目 is by 实施水库除险加固), or, for a thing counted
    within a named project (拉萨南北山绿化工程营造林: the 营造林 of a 工程), the whole name of the
    project, :data:`MIN_WORDED_OBJECT` characters or more (加快实施拉萨南北山绿化)."""
    from ... import vocab

    core = _thing(key)
    if core[-MIN_HEAD:] in clause:
        return True
    for m in vocab.pattern("tasks", "worded", "projects").finditer(core, MIN_WORDED_OBJECT):
        if m.end() < len(core) and core[: m.start()] in clause:
            return True
    return False


def _named_once(core: str, clause: str, text: str) -> bool:
    """Whether the worded ``clause`` names the whole object ``core`` (:data:`MIN_WORDED_OBJECT`
    characters or more) and the other year's target regions ``text`` name it nowhere else: in a
    sentence the alignment links to nothing, the only clause that names the object is its
    counterpart (旅游公路, 智能算力), one of several is not (龙头企业, 数字经济)."""
    return len(core) >= MIN_WORDED_OBJECT and core in clause and text.count(core) == 1


def _object(key: str) -> str:
    """The object ``key`` up to 和/及/与 when the part before it closes with a general ending
    (``generic_ends``) and names a thing of :data:`MIN_WORDED_OBJECT` characters or more: a count
    written before its noun counts that noun, the words after 和 name another task (实施7个城市更新
    项目和一批城中村改造项目 -> 城市更新项目)."""
    from ... import vocab

    ends = vocab.pattern("tasks", "key", "generic_ends")
    for m in re.finditer(r"[和及与]", key):
        part = key[: m.start()]
        if ends.search(part) and len(ends.sub("", part)) >= MIN_WORDED_OBJECT:
            return part
    return key


#: what closes an object before its figure without naming the thing: a verb of change
#: (:data:`.objects._ONLY_TAIL`; 压减, 压缩 of spending and time) and the adverbs 均, 再 that stand
#: between it and the figure (一般性支出压减5%以上, …贷款增速均达到25%, 平均资费再降低15%)
_CHANGE_TAIL = re.compile(r"(?:压减|压缩|均|再)+$")


def _tail_off(key: str) -> str:
    """``key`` without a verb of change or an adverb that closes it (:data:`_CHANGE_TAIL`:
    一般性支出压减 -> 一般性支出), when :data:`MIN_WORDED_OBJECT` characters are left and they do not
    end in a measure: the thing a worded clause names (严控一般性支出)."""
    bare = key
    while True:
        cut = _CHANGE_TAIL.sub("", _ONLY_TAIL.sub("", bare))
        if cut == bare:
            break
        bare = cut
    # a measure bared (服务贸易占比提升 -> 服务贸易占比) is left as it was: a share or a rate raised
    # is a target of its own, not the thing a clause of the other year names (加快发展…服务贸易)
    return bare if len(bare) >= MIN_WORDED_OBJECT and not _measures().search(bare) else key


def _short_form(core: str, clause: str) -> str:
    """The longest short form of ``core`` that ``clause`` writes (:func:`_shortened`: 精品景区 of
    精品旅游景区), or ''."""
    best = ""
    if core in clause or core[:MIN_SHORT_PART] not in clause or core[-MIN_SHORT_PART:] not in clause:
        return best
    for i in range(MIN_SHORT_PART, len(core) - MIN_SHORT_PART):
        for k in range(MIN_SHORT_PART, len(core) - i):
            s = core[:i] + core[-k:]
            if i + k >= MIN_WORDED_OBJECT and len(s) > len(best) and s in clause:
                best = s
    return best


def _aim_off(key: str) -> str:
    """``key`` without a direction of change that ends it (``[worded] aims``: 现代服务业高端化 ->
    现代服务业), when :data:`MIN_WORDED_OBJECT` characters are left."""
    from ... import vocab

    bare = vocab.pattern("tasks", "worded", "aims").sub("", key)
    return bare if len(bare) >= MIN_WORDED_OBJECT else key


def _names_whole(core: str, clause: str) -> bool:
    """Whether an item of ``clause`` (between 、 and quotes) ends with the object ``core`` and at
    most general endings (``generic_ends``: 科创走廊建设, 数字人民币试点工作), so that the clause speaks
    of the thing itself and not of a longer name holding it (高校毕业生就业工作)."""
    from ... import vocab

    ends = vocab.pattern("tasks", "key", "generic_ends")
    for p in re.split(r"[、“”]", clause):
        p = ends.sub("", _normalized(p))
        if p.endswith(core):
            return True
    return False


def _core(key: str) -> str:
    """The object ``key`` without a general ending (项目, 工程: ``generic_ends``) nor, when
    :data:`MIN_WORDED_OBJECT` characters are left, a measure (智能算力比例 -> 智能算力)."""
    from ... import vocab

    core = vocab.pattern("tasks", "key", "generic_ends").sub("", key) or key
    bare = _measures().sub("", core)
    return bare if len(bare) >= MIN_WORDED_OBJECT else core


def _thing(key: str) -> str:
    """What a worded clause of the other year must name of the object ``key`` (:func:`_core`, read
    by :mod:`.one_year`, takes less off): ``key`` up to 和 (:func:`_object`), without a general
    ending (项目, 工程: ``generic_ends``; 重点项目: ``[worded] rank_ends`` before it) nor, when
    :data:`MIN_WORDED_OBJECT` characters are left, a measure (智能算力比例 -> 智能算力; 科创走廊载体 ->
    科创走廊: ``[worded] capacity``)."""
    from ... import vocab

    ends = vocab.pattern("tasks", "key", "generic_ends")
    key = _object(key)
    core = ends.sub("", key)
    if core != key:
        # 重点 of 重点项目 read off only when a name of :data:`MIN_FAR_RUN` characters is left: a
        # shorter one names a field of work (海洋经济重点项目 / 海洋经济发展示范区), not one task
        ranked = ends.sub("", vocab.pattern("tasks", "worded", "rank_ends").sub("", core))
        core = ranked if len(ranked) >= MIN_FAR_RUN else core
    core = core or key
    bare = _measures().sub("", vocab.pattern("tasks", "worded", "capacity").sub("", core))
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


def _generic_run(run: str) -> bool:
    """Whether a shared ``run`` names no task of its own: fewer than :data:`MIN_WORDED_RUN`
    characters are left once the genre's general terms (``[worded] generic``) are taken out."""
    from ... import vocab

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
    before = _syn(re.split(r"[，,；;。：:、（()“”]", plain[: q.start].rstrip())[-1])  # within one item of a list
    if run in before[-(len(run) + RUN_GAP) :]:
        return True
    after = _syn(re.split(r"[，,；;。：:、（()“”\d]", re.sub(rf"^(?:{qty.SUFFIX_ALT})", "", plain[q.start + len(q.text) :]), maxsplit=1)[0])
    verb = _verbs().search(after, 1)
    return after[: verb.start() if verb else len(after)].endswith(run)


def _said_in_words(q: Quantity, clause: str) -> bool:
    """Whether the figureless ``clause`` writes a count in Chinese numerals in the figure's measure
    word (一所 for 1所): the same kind of count stated, not a target turned into words."""
    return bool(q.unit) and len(q.unit) == 1 and bool(re.search(f"[{qty._CN_DIGITS}两]{re.escape(q.unit)}", clause))


def _figure_written(q: Quantity, clause: str) -> bool:
    """Whether the other year's ``clause`` writes the figure of ``q`` in digits (2万 of 2万人以上 in
    新培育技能人才2万名以上, a count in a measure word quantities do not read): the same figure
    stated, not a target turned into words."""
    m = re.match(r"\d+(?:\.\d+)?[万亿]*", q.text)
    return bool(m) and re.search(rf"(?<![\d.]){re.escape(m.group(0))}(?![\d.])", clause) is not None


def _items(clause: str) -> list[str]:
    """The list items of ``clause`` (between 、 and quotes), each also without what it writes in
    brackets when it does (特色现代农业（产业）园区 -> 特色现代农业园区 too: a bracket adds a
    variant of the name, the name reads on without it)."""
    out = []
    for p in re.split(r"[、“”]", clause):
        if p:
            out.append(p)
            bare = re.sub(r"[（(][^（()）]*[）)]", "", p)
            if bare and bare != p:
                out.append(bare)
    return out


def _names_alone(clause: str, run: str) -> bool:
    """Whether a part of ``clause`` (between 、 and 和/及/与) is ``run`` alone, after the verb that
    opens it (``[worded] leads``: 深化强校扩优行动, 组建创新联合体, 打造一批零碳园区) and before general
    endings, and ``run`` names a thing, not an action (no action verb ends it: 项目谋划, 效率提升):
    a run of :data:`MIN_WORDED_RUN` characters in a sentence the alignment does not link names the
    figure's thing only so (新一代电子信息产业基地 / 6个低空产业基地, 提升“一老一小”服务能力 / 儿童之家
    服务能力提升项目: other things)."""
    from ... import vocab

    if re.search(f"(?:{_verbs().pattern})$", run):
        return False
    ends = vocab.pattern("tasks", "key", "generic_ends").pattern.rstrip("$").rstrip("+")
    kinds = vocab.pattern("tasks", "worded", "projects").pattern
    leads = vocab.pattern("tasks", "worded", "leads")
    for part in re.split(r"[、和及与]", clause):
        bare = re.sub(f"(?:{ends}|{kinds})+$", "", _normalized(part))
        if bare.endswith(run):
            before = bare[: len(bare) - len(run)]
            if not before or leads.search(before):
                return True
    return False


def _list_head(clause: str, run: str, core: str) -> bool:
    """Whether ``run`` is an item of a list in ``clause`` (before 、 or 等, alone after its opening
    verb) whose last item ends with what follows the run in the object ``core`` (:data:`MIN_HEAD`
    characters or more, general endings aside): the list shares that head noun (专精特新、单项冠军等
    优质潜力企业 names 单项冠军企业)."""
    from ... import vocab

    j = core.rfind(run)
    tail = core[j + len(run) :] if j >= 0 else ""
    if len(tail) < MIN_HEAD:
        return False
    ends = vocab.pattern("tasks", "key", "generic_ends")
    if not ends.sub("", _normalized(clause)).endswith(tail):
        return False
    leads = vocab.pattern("tasks", "worded", "leads")
    for part in re.split(r"[、等]", clause)[:-1]:
        p = _normalized(part)
        if p.endswith(run) and (p == run or leads.search(p[: len(p) - len(run)])):
            return True
    return False


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
        items = [[_normalized(p) for p in _items(c)] for _, c, _ in clauses]
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
    :data:`MIN_FAR_RUN` elsewhere, or :data:`MIN_WORDED_RUN` where a part of the clause names the
    run alone, :func:`_names_alone`; read within one item of a list, 人才、团队 names no 人才团队, nor
    a bracket of it, 特色现代农业（产业）园区 names 特色现代农业园区 too, and not as part of a longer
    quoted name, “环城健身步道越野赛” is a race).  The run must occur once in
    the other year's (``other_text``) and once in the target's year's (``own_text``) target regions.
    None when there is none."""
    best: tuple[int, int, int, str] | None = None
    for m in figureless.sharing(core):
        i, c, _ = figureless.clauses[m]
        near = i in linked
        run = max((_longest_run(core, p) for p in figureless.items[m]), key=len, default="")
        listed = len(run) >= MIN_WORDED_RUN and _list_head(c, run, core)
        if len(run) < (MIN_WORDED_RUN if near else MIN_FAR_RUN) and not (len(run) >= MIN_WORDED_RUN and _names_alone(c, run)) and not listed:
            continue
        if _generic_run(run) or not (named(run) or listed):
            continue
        if any(run in n and len(n) > len(run) for n in (qty.metric_key(n) for n in re.findall(r"“([^”]+)”", c))):
            continue
        # (none when the run reads through a bracket of the item, :func:`_items`)
        if other_text.count(run) > 1 or own_text.count(run) != 1:
            continue
        score = (int(near), len(run))
        if best is None or score > best[:2]:
            best = (score[0], score[1], i, c)
    return (best[2], best[3]) if best else None


def _worded_at_home(key: str, worded: str, home) -> bool:
    """Whether the worded clause (normalized ``worded``) has a closer counterpart among the
    figureless clauses of the target's own sentence ``home`` than the object ``key``: a run of
    :data:`MIN_FAR_RUN` characters or more, longer than the one it shares with the object and
    spelling :data:`WORDED_SHARE` of the worded clause or more, where the clause spells the object
    (开展标志性产业链高质量发展行动 /
    实施产业链高质量发展行动，…整合建立18条标志性产业链: the action goes on in words, the count of
    chains is another matter; 逐步把永久基本农田全部建成高标准农田 is not 落实永久基本农田保护制度)."""
    import difflib

    if not worded:
        return False
    m = difflib.SequenceMatcher(None, worded, key, autojunk=False).find_longest_match(0, len(worded), 0, len(key))
    if m.size >= WORDED_SHARE * len(worded):
        return False  # the worded clause is mostly the object itself (稳步扩大对非贸易)
    need = max(m.size + 1, MIN_FAR_RUN, WORDED_SHARE * len(worded))
    for _, k in _worded_clauses(home):
        h = difflib.SequenceMatcher(None, worded, k, autojunk=False).find_longest_match(0, len(worded), 0, len(k))
        # the run must cover the object's (建设热点门户城市和旅游名城名县名镇: 热点门户城市 is the
        # figure's, 旅游名城名县名镇 the other clause's)
        if h.size >= need and h.a < m.a + m.size and m.a < h.a + h.size:
            return True
    return False


def _sought(clause: str) -> bool:
    """Whether ``clause`` seeks that higher government take things into its plans (``[worded]
    sought``: 争取…纳入国家规划): things asked for, not a task carried out."""
    from ... import vocab

    return bool(vocab.pattern("tasks", "worded", "sought").search(clause))


def _institution(clause: str) -> bool:
    """Whether the figureless ``clause`` builds an institution (``[worded] institutions``: 完善…管护
    机制, 健全…培训体系): a system for a thing, not the thing a figure counts."""
    from ... import vocab

    return bool(vocab.pattern("tasks", "worded", "institutions").search(clause.strip("，,；;。 ")))


def _counted_there(core: str, there: list[TaskTarget]) -> bool:
    """Whether a figure of the worded clause's sentence (``there``: the other year's task targets
    of that sentence) counts the object ``core`` or the wider thing it is a kind of (配售型保障性住房
    3600套 / 实施保障性住房项目9600套（间）以上，建立完善以…配售型保障性住房为主…的住房保障体系): the
    other year states the thing with a figure, so its figureless clause is no statement in words."""
    for o in there:
        head = _thing(_syn(o.key))
        if len(head) >= MIN_WORDED_OBJECT and core.endswith(head):
            return True
    return False


def _in_quotes(q: Quantity, text: str) -> bool:
    """Whether ``q`` is written inside a quoted name (“千村示范、万村整治”): part of a name, no target."""
    before = text[: q.start]
    return before.count("“") > before.count("”")


def in_name(t: TaskTarget, text: str) -> bool:
    """Whether the figure of ``t`` is part of a name in its sentence ``text``, no target of the
    year: written inside quotes (深化低效工业区块“万亩提升”), or in words only (no digit) before the
    rest of its clause closes as a programme (``[worded] projects``: 落实国家新一轮千亿斤粮食产能提升
    行动, the name of a national action; 千村示范、万村整治工程).  Not paired with the other year's
    figures; :mod:`.one_year` reads neither as a target of one year only either."""
    from ... import vocab

    q = t.quantity
    if _in_quotes(q, text):
        return True
    if re.search(r"\d", q.text):
        return False
    rest = re.split(r"[，,；;。：:（(]", to_simplified(text[q.start + len(q.text) :]), maxsplit=1)[0]
    return bool(re.search(f"(?:{vocab.pattern('tasks', 'worded', 'projects').pattern})$", rest))


def worded_task_changes(a: Document, b: Document, a_units, b_units, ta, tb, pairs, edges: list[Edge]) -> list[Finding]:
    """A task-level target of one year with no figure paired in the other year whose object
    a figureless clause of the other year's commitments names (完成省重点实验室重组 for
    重组200家省重点实验室: a shared run of :data:`MIN_WORDED_OBJECT` characters or more, and
    :data:`WORDED_SHARE` of the object or more) in a sentence the alignment links to the
    target's: quantitative -> qualitative or the reverse, one ``number_changed`` finding each
    (``detail["change"]``: ``quant_to_qual`` / ``qual_to_quant``).  A finding whose figure follows
    another count in its list item (:func:`_after_figure`) has ``detail["silent"]``: not reported,
    only kept from being a target of one year only."""
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
        "a": _syn(target_text(b_units)),
        "b": _syn(target_text(a_units)),
    }
    alone_text = {
        "a": {i: _normalized(b_units[i].text) for i in alone["a"]},
        "b": {i: _normalized(a_units[i].text) for i in alone["b"]},
    }
    paired_a = {id(x) for x, _, _ in pairs}
    paired_b = {id(y) for _, y, _ in pairs}
    every: dict[str, _Figureless] = {}  # all figureless clauses of the other year, read once
    out = []
    for side, mine, paired, other_units, own_units in (("a", ta, paired_a, b_units, a_units), ("b", tb, paired_b, a_units, b_units)):
        clauses: dict[int, list[tuple[str, str]]] = {}  # read only where needed

        def clauses_of(i: int, units=other_units, clauses=clauses) -> list[tuple[str, str]]:
            """The figureless clauses of the other year's sentence ``i``, read once."""
            if i not in clauses:
                clauses[i] = _worded_clauses(units[i])
            return clauses[i]

        # the unlinked sentences by the runs of MIN_SHORT_PART characters their clauses write: a
        # short form (:func:`_short_form`) is sought only where both the object's ends are written
        ends_in: dict[str, set[int]] = {}
        for i in alone[side]:
            for _, k in clauses_of(i):
                for j in range(len(k) - MIN_SHORT_PART + 1):
                    ends_in.setdefault(k[j : j + MIN_SHORT_PART], set()).add(i)
        seen: set[str] = set()
        said: set[tuple] = set()
        for t in mine:
            if id(t) in paired or len(t.key) < MIN_WORDED_OBJECT or t.key in seen or _in_quotes(t.quantity, own_units[t.unit].text):
                continue
            key = _tail_off(_aim_off(_object(_syn(t.key))))
            need = max(MIN_WORDED_OBJECT, WORDED_SHARE * len(key))
            linked = set(partners[side].get(t.unit, ()))
            core = _thing(key)
            # sentences linked to nothing are read only when the other year names the object once
            once = len(core) >= MIN_WORDED_OBJECT and texts[side].count(core) == 1
            lone = [i for i in alone[side] if core in alone_text[side][i]] if once else []
            quoted = once and not linked and any(n in core for n in re.findall(r"“([^”]{%d,})”" % MIN_WORDED_OBJECT, t.clause))
            if quoted or once and texts["b" if side == "a" else "a"].count(core) == 1:
                # a quoted name (力争新增“双百双新”项目10个以上) the other year names once, or an object
                # each year names once (新增科创走廊载体100万平方米 / 科创走廊建设): in any sentence
                lone = [i for i, u in enumerate(other_units) if u.region in TARGET_REGIONS and core in _normalized(u.text)]
            # a sentence linked to nothing whose clause names the object in short and alone (着力打造
            # 一批精品景区 for 100家精品旅游景区: :func:`_names_alone`), a short form the other year
            # writes once and the target's year nowhere (not 编制城市地下管网专项规划 for 地下综合管网,
            # 成为创新型企业…承载区 for 创新型中小企业: a longer name, a phrase)
            short: dict[int, str] = {}
            ends = ends_in.get(core[:MIN_SHORT_PART], set()) & ends_in.get(core[-MIN_SHORT_PART:], set())
            for i in alone[side]:
                if i in lone or i not in ends:
                    continue
                for c, k in clauses_of(i):
                    f = _short_form(core, k)
                    if f and texts[side].count(f) == 1 and f not in texts["b" if side == "a" else "a"] and _names_alone(c, f):
                        short[i] = f
            where = list(dict.fromkeys(list(partners[side].get(t.unit, ())) + lone + list(short)))
            # a clause naming the object in short (粮食面积 for 粮食播种面积) names all of it
            runs = [(len(key) if _shortened(core, k) else _shared_run(key, k), i, c) for i in where for c, k in clauses_of(i)]
            clauses_k = {(i, c): k for i in where for c, k in clauses_of(i)}
            # in a sentence the alignment links to nothing, the clause must name the whole object
            # a quoted name opening the object (创建“四好农村路”全国示范县1个: the 示范县 of a named
            # programme) is named by a clause of a linked sentence that quotes it (高质量建设“四好农村路”)
            names = [n for n in re.findall(r"“([^”]{%d,})”" % MIN_WORDED_OBJECT, t.clause) if core.startswith(qty.metric_key(n))]
            near = [r for r in runs if r[0] >= need and (_names_head(key, clauses_k[(r[1], r[2])]) or (r[1] in linked and any(f"“{n}”" in r[2] for n in names))) and (r[1] in linked or _named_once(core, clauses_k[(r[1], r[2])], texts[side]) or (r[1] in short and short[r[1]] in clauses_k[(r[1], r[2])]))]
            # in a sentence the alignment links elsewhere, the clause names the object as the thing
            # itself, not as a word of a longer name (高校毕业生就业工作, “环城健身步道越野赛”)
            near = [r for r in near if quoted or r[1] in linked or r[1] in alone_text[side] or _names_whole(core, r[2])]
            # a general term of the genre shared (重大项目, 产业集群) names no one task
            near = [r for r in near if _shortened(core, clauses_k[(r[1], r[2])]) or not _generic_run(_longest_run(key, clauses_k[(r[1], r[2])]))]
            if near:
                _, i, c = max(near, key=lambda r: r[0])
            else:
                if side not in every:
                    every[side] = _Figureless.of([(j, c, k) for j in range(len(other_units)) for c, k in clauses_of(j)])
                own = own_units[t.unit].text
                if not re.search(r"\d", t.quantity.text):
                    continue  # a figure in words only (千村, 百项) is rarely a task target (as one_year_task_targets)
                hit = _run_counterpart(core, linked, every[side], texts[side], texts["b" if side == "a" else "a"], lambda run: _names_thing(run, core, t, own))
                if hit is None:
                    continue
                i, c = hit
            # one figure of a list holding for each item (贷款增速均达到25%以上) against one clause is one finding
            if (t.unit, t.key, i, c) in said or (t.unit, id(t.quantity), i, c) in said or _said_in_words(t.quantity, c) or _figure_written(t.quantity, c) or _kinds_unnamed(t.key, qty.metric_key(c)):
                continue
            if _counted_there(core, [o for o in (tb if side == "a" else ta) if o.unit == i]):
                continue
            if _sought(c) and not _sought(t.clause):
                continue
            if _institution(c) and not _institution(t.clause):
                continue
            if _worded_at_home(key, clauses_k.get((i, c)) or _normalized(c), own_units[t.unit]):
                continue
            # every figure of a clause with its own object is its own finding (新增高标准农田建设
            # 9.55万亩、改造提升3.9万亩); figures of one object, one finding
            said.add((t.unit, t.key, i, c))
            said.add((t.unit, id(t.quantity), i, c))
            seen.add(t.key)
            q = t.quantity
            # the figures of one object in one clause are stated together (新开工改造老旧小区716个
            # 26.95万户: 716个、26.95万户 of the one task the other year words)
            figures = "、".join(dict.fromkeys(_fmt(o.quantity) for o in mine if o is t or (o.unit == t.unit and o.key == t.key and o.clause == t.clause and id(o) not in paired)))
            msg, detail = worded_change(side, t, c, figures)
            la, lb = ([a_units[t.unit]], [b_units[i]]) if side == "a" else ([a_units[i]], [b_units[t.unit]])
            if _after_figure(q, own_units[t.unit].text, t.key):
                # the object spans another count's: nothing is said of it, but the figure has a
                # counterpart in words, so it is no target of one year only either
                detail["silent"] = True
            out.append(_finding(FindingType.NUMBER_CHANGED, Severity.MEDIUM, a, b, la, lb, msg, detail))
    return out


def worded_change(side: str, t: TaskTarget, c: str, figures: str) -> tuple[str, dict]:
    """The message and detail of a figure ↔ words finding: the figures ``figures`` of task target
    ``t`` on ``side`` against the figureless clause ``c`` of the other year (``quant_to_qual`` when
    the figure is last year's, ``qual_to_quant`` when it is this year's)."""
    q = t.quantity
    if side == "a":
        detail = {"metric": _label(t), "old": figures, "new": c, "old_value": q.value, "change": "quant_to_qual", "a_clause": t.clause, "b_clause": c}
        return f"量化目标变为定性表述：{t.clause} → {c}", detail
    detail = {"metric": _label(t), "old": c, "new": figures, "new_value": q.value, "change": "qual_to_quant", "a_clause": c, "b_clause": t.clause}
    return f"定性表述变为量化目标：{c} → {t.clause}", detail
