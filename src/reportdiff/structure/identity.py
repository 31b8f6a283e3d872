"""Who issued a document, for which year, and what kind of document it is, with evidence.

Every rule here is a rule of the genre (the date line ``——2025年1月14日在X市第十二届人民代表大会…``,
the signature ``X人民政府市长``, ``我代表X人民政府``), never a name of one document.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath

from .. import vocab
from ..model import DocKind, Paragraph
from ..normalize import HEADING_NUMBER, fold

__all__ = ("detect_kind", "detect_government", "detect_title", "detect_date", "detect_year", "ITEM", "OWNER_FIELD_RE")

_CN = "一二三四五六七八九十"
ITEM = re.compile(r"^(\d{1,3})(?:[.．、](?!\d)|\s)\s*")
_DATE = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CN_DATE = re.compile(r"([二〇○零一两三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_DOCNO = re.compile(r"〔\d{4}〕\s*\d+\s*号|\[\d{4}\]\s*\d+\s*号")
#: a government's name: a run of Han characters ending in an administrative unit
_NAME = r"[\u4e00-\u9fff]{1,14}?(?:特别行政区|自治区|自治州|自治县|地区|省|市|州|盟|区|县|旗)"
_LEVEL = r"(?:省|市|自治区|区|县|州|盟|旗)"
OWNER_FIELD_RE = re.compile(r"(牵头领导|责任领导|分管领导|牵头单位|牵头部门|责任单位|配合单位|协办单位|参与单位)\s*[：:]")
_OWNER_PHRASE = re.compile(r"[（(][^（）()]{2,80}?牵头[，,；;、）)]")

_GOV_RULES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"在第[一二三四五六七八九十]+届全国人民代表大会"), "在全国人民代表大会上作报告"),
    (re.compile(rf"在({_NAME})第[一二三四五六七八九十]+届人民代表大会"), "在本级人民代表大会上作报告"),
    (re.compile(rf"({_NAME})人民政府(?:代理|代)?(?:省长|市长|区长|县长|州长|主席|盟长|旗长)"), "署名：人民政府首长"),
    (re.compile(rf"({_NAME})(?:代理|代|常务副)?(?:省长|市长|区长|县长|州长|主席)(?![的和助])"), "署名：政府首长"),
    (re.compile(rf"我代表({_NAME})人民政府"), "“我代表…人民政府”"),
    (re.compile(rf"({_NAME})人民政府(?:办公室)?(?:关于|印发|文件)"), "发文机关"),
    (re.compile(rf"中共({_NAME})委"), "中共…委"),
    (re.compile(rf"({_NAME})人民政府"), "“…人民政府”"),
)
#: words that end like a name but are not one (全市, 本区, 城市, 省市县…)
_NOT_NAME = re.compile(rf"^(全|本|我|各|该|外|副|代|新一|老)|^{_LEVEL}|^(城市|都市|省市|市县|区县|县区|市区|地区|新区|园区|社区|景区|城区|开发区|自治区)$")


def detect_kind(text: str, paras: tuple[Paragraph, ...]) -> tuple[DocKind, list[str]]:
    """Report, plan or other, with the evidence in Chinese."""
    head = fold("".join(p.text for p in paras[:12]))
    body = fold(text[:8000])
    owner_items = sum(1 for p in paras if ITEM.match(p.text) and (OWNER_FIELD_RE.search(p.text) or _OWNER_PHRASE.search(p.text[-60:])))
    evidence: list[str] = []
    to_congress = "各位代表" in body and ("人民代表大会" in body or "人大" in body)
    reports = re.search(r"我代表.{0,20}(人民政府|政府|国务院).{0,12}(报告|作)", body)
    if owner_items >= 3 and not (to_congress and reports):
        evidence.append(f"{owner_items} 个编号条目带有牵头领导/牵头单位")
        if re.search(r"分工|分解|责任清单|任务清单", head):
            evidence.append("标题含“分工方案”")
        return DocKind.PLAN, evidence
    if "政府工作报告" in head and to_congress:
        evidence += ["标题为“政府工作报告”", "向人民代表大会作报告（“各位代表”）"]
        return DocKind.REPORT, evidence
    if to_congress and reports:
        evidence += ["向人民代表大会作报告（“各位代表”）", f"开头：“{reports.group(0)}”"]
        return DocKind.REPORT, evidence
    evidence.append("既无带责任单位的编号任务，也不是向人代会所作的政府工作报告")
    return DocKind.OTHER, evidence


def _short(name: str) -> str:
    """A district named with its city (X市Y区) is the district."""
    name = re.sub(r"^(关于|印发|中共|根据|按照|经)", "", name)
    m = re.match(rf"^[\u4e00-\u9fff]{{2,8}}?(?:市|自治州|州|地区|盟)([\u4e00-\u9fff]{{1,6}}(?:区|县|自治县|旗))$", name)
    return m.group(1) if m else name


def detect_government(text: str, path: str = "") -> tuple[str, str]:
    """(government, evidence): the issuing government as named in the text, or from the
    folder or file name when the text does not name it (the evidence then says so)."""
    head = re.sub(r"\s+", "", fold(text[:6000]))
    for rx, why in _GOV_RULES:
        if rx.pattern.startswith("在第"):
            if rx.search(head):
                return "国务院", why
            continue
        votes: Counter[str] = Counter()
        for m in rx.finditer(head):
            name = _short(m.group(1))
            if len(name) >= 2 and not _NOT_NAME.search(name):
                votes[name] += 1
        if votes:
            # prefer a district/county over the city it belongs to when both appear
            best = max(votes.items(), key=lambda kv: (kv[1] + (2 if kv[0][-1] in "区县旗" else 0), kv[0]))
            return best[0], f"{why}：{best[0]}"
    if "我代表国务院" in head:
        return "国务院", "“我代表国务院”"
    for part in reversed(PurePath(path).parts[:-1] + (PurePath(path).stem,)) if path else ():
        m = re.search(rf"({_NAME}|国务院)", part)
        if m and not _NOT_NAME.search(m.group(1)):
            return m.group(1), f"正文未写明政府名称，按文件夹/文件名“{part}”推定"
    return "", "未识别"


#: a numbered part heading (normalize's heading numbers 一、 / （一）, or 第一部分): the body has
#: begun, no title follows
_PART_NUMBER = re.compile(r"^第[一二三四五六七八九十]+部分")


def detect_title(paras: tuple[Paragraph, ...], kind: DocKind) -> str:
    parts: list[str] = []
    for p in paras[:8]:
        t = p.text
        if _DOCNO.search(t) or _DATE.search(t) and len(t) < 20:
            if parts:
                break
            continue
        if p.is_heading and (HEADING_NUMBER.match(t) or _PART_NUMBER.match(t)):
            break  # a numbered part (一、2021年工作回顾) opens the body: the text has no title line
        if p.is_heading and not t.startswith("——"):
            parts.append(t)
            if not t.endswith(("人民政府", "重点工作", "方")) and "印发" not in t or t.endswith("通知"):
                if len("".join(parts)) >= 6:
                    break
        elif parts:
            break
    title = "".join(parts)
    return re.sub(r"\s+", "", title)[:80]


def _cn_int(s: str) -> int:
    digits = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if len(s) == 4 and all(c in digits for c in s):
        return int("".join(str(digits[c]) for c in s))
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return digits.get(s, 0)


def detect_date(paras: tuple[Paragraph, ...]) -> str:
    """The delivery or issue date (YYYY-MM-DD) from the head of the document."""
    for p in paras[:40]:
        t = re.sub(r"\s+", "", p.text)
        m = _DATE.search(t)
        if m and (len(t) < 40 or "人民代表大会" in t or "人大" in t):
            y, mo, d = m.groups()
            return f"{y}-{int(mo):02d}-{int(d):02d}"
        m = _CN_DATE.search(t)
        if m and (len(t) < 60 or "人民代表大会" in t):
            y, mo, d = (_cn_int(g) for g in m.groups())
            if 1900 < y < 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y}-{mo:02d}-{d:02d}"
    return ""


_YEAR_OF_WORK = re.compile(r"(20\d\d)年(?:全[国省市区县])?(?:经济社会发展|政府|的)?(?:主要)?(?:预期目标|工作安排|重点工作|主要任务|目标任务|工作任务|重点任务|工作总体要求|主要工作任务|工作目标)")


def _heading_years(paras: tuple[Paragraph, ...]) -> tuple[Counter, Counter]:
    """Years named by part headings: (years of work planned, years reviewed)."""
    planned: Counter[int] = Counter()
    reviewed: Counter[int] = Counter()
    for p in paras:
        t = re.sub(r"\s+", "", p.text)
        if not (p.is_heading or (len(t) <= 40 and re.match(r"^[一二三四五六七八九十]+[、.．]", t))):
            continue
        for y in (int(x) for x in re.findall(r"(20\d\d)年", t)):
            if re.search(r"回顾|成效|成就|以来", t):
                reviewed[y] += 1
            elif re.search(r"工作|任务|安排|重点|目标|要求|建议", t):
                planned[y] += 1
    return planned, reviewed


def detect_year(title: str, date: str, text: str, kind: DocKind, paras: tuple[Paragraph, ...] = ()) -> tuple[int | None, str]:
    """(year, evidence).  For a work report, the year whose work it plans (a report given in
    December plans the next year); for other documents, the year of the title or date."""
    if kind == DocKind.REPORT:
        if date:
            y, mo = int(date[:4]), int(date[5:7])
            return (y + 1, f"报告于{date}（年底作报告，部署下一年）") if mo >= 10 else (y, f"报告日期{date}")
        planned, reviewed = _heading_years(paras)
        if planned:
            y = max(planned)
            return y, f"标题部署{y}年工作"
        if reviewed:
            y = max(reviewed) + 1
            return y, f"标题回顾{y - 1}年工作"
        flat = re.sub(r"\s+", "", text)
        work = Counter(int(y) for y in _YEAR_OF_WORK.findall(flat))
        if work:
            y = max(work, key=lambda k: (work[k], k))
            return y, f"部署{y}年工作（“{y}年…工作安排/预期目标”）"
    m = re.search(r"(20\d\d)\s*年", title)
    if m:
        return int(m.group(1)), f"标题“{title}”"
    if date:
        return int(date[:4]), f"日期{date}"
    for c in vocab.load("congress")["congress"]:
        name = re.escape(c["name"])
        if re.search(rf"(喜迎|迎接).{{0,6}}{name}|{name}.{{0,6}}(召开之际|胜利召开)", text):
            return c["year"], f"喜迎{c['name']}"
    years = Counter(int(y) for y in re.findall(r"(20\d\d)\s*年", text))
    if not years:
        return None, "未识别"
    repeated = [y for y, c in years.items() if c >= 2]
    y = max(repeated or years)
    return y, "正文提到的最近年份"
