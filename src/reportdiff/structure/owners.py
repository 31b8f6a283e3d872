"""Owners of plan tasks, in the forms governments publish them.

* labelled owners: ``（牵头领导：张娅；牵头单位：区财政局；配合单位：…）``
* owner phrases: ``（市发展改革委牵头，市财政局等按职责分工负责）``
* a deadline: ``完成时限：2024年12月底`` / ``（2024年6月底前完成）``
"""

from __future__ import annotations

import re

from ..model import Owners

__all__ = ("OWNER_LABELS", "parse_owners", "split_item", "owner_phrase", "find_deadline", "OWNER_FIELD", "OWNER_START")

#: owner field labels as written -> field of :class:`Owners`
OWNER_LABELS = {
    "牵头领导": "leaders",
    "责任领导": "leaders",
    "分管领导": "leaders",
    "牵头单位": "lead_units",
    "牵头部门": "lead_units",
    "责任单位": "partner_units",
    "责任部门": "partner_units",
    "配合单位": "partner_units",
    "配合部门": "partner_units",
    "协办单位": "partner_units",
    "参与单位": "partner_units",
}
_DEADLINE_LABELS = ("完成时限", "完成时间", "时间节点", "时限要求")
_LABELS_RE = "|".join(sorted(OWNER_LABELS, key=len, reverse=True))
#: the bracket that opens an owner block: （牵头领导：…
OWNER_START = re.compile(rf"[（(〔\[【]\s*(?=(?:{_LABELS_RE})\s*[：:])")
#: one owner field label followed by its colon
OWNER_FIELD = re.compile(rf"({_LABELS_RE}|{'|'.join(_DEADLINE_LABELS)})\s*[：:]")
#: an owner phrase in brackets at the end of a task: （X牵头，Y等按职责分工负责）
_PHRASE = re.compile(r"[（(]([^（）()]{1,200}?)牵头(?:[，,；;、]([^（）()]*?))?[）)]\s*[。.；;]?\s*$")
_PARTNER_TAIL = re.compile(r"(?:等)?(?:按职责分工|按照职责分工|根据职责|按职能)?(?:分工)?(?:负责|配合|参与|落实)?$")
_DEADLINE = re.compile(
    r"(?:(?:完成时限|完成时间|时间节点|时限要求)\s*[：:]\s*([^；;）)\n]{2,30})"
    r"|[（(]\s*((?:20\d\d年)?(?:\d{1,2}月)?(?:底|年底|前|上半年|下半年|全年|长期|持续)[^（）()]{0,12}?)\s*(?:前)?完成\s*[）)])"
)


def parse_owners(block: str) -> Owners:
    """Parse an owner block: labelled fields (``牵头单位：…；配合单位：…``) or an
    owner phrase (``市发展改革委牵头，市财政局等按职责分工负责``)."""
    inner = block.strip()
    inner = re.sub(r"^[（(〔\[【]", "", inner)
    inner = re.sub(r"[）)〕\]】]\s*[。.]?$", "", inner)
    fields: dict[str, list[str]] = {"leaders": [], "lead_units": [], "partner_units": []}
    label = ""
    matches = list(OWNER_FIELD.finditer(inner))
    if not matches:
        return owner_phrase(block) or Owners()
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(inner)
        value = inner[m.end() : end].strip(" ；;，,。")
        target = OWNER_LABELS.get(m.group(1))
        if target is None:
            continue  # a deadline field
        if target == "partner_units":
            label = label or m.group(1)
        fields[target].extend(_split_names(value))
    return Owners(
        leaders=tuple(fields["leaders"]),
        lead_units=tuple(fields["lead_units"]),
        partner_units=tuple(fields["partner_units"]),
        partner_label=label,
    )


def owner_phrase(text: str) -> Owners | None:
    """Owners from a trailing ``（X牵头，Y等按职责分工负责）`` phrase, or None."""
    m = _PHRASE.search(text.strip())
    if not m:
        return None
    leads = _split_names(m.group(1))
    partners_raw = (m.group(2) or "").strip()
    partners_raw = _PARTNER_TAIL.sub("", partners_raw).strip(" ，,、；;")
    partners = _split_names(partners_raw) if partners_raw else []
    if not leads:
        return None
    return Owners(lead_units=tuple(leads), partner_units=tuple(partners), partner_label="责任单位" if partners else "")


def find_deadline(text: str) -> str:
    """A task's deadline as written (``2024年12月底``), or ``""``."""
    m = _DEADLINE.search(text)
    if not m:
        return ""
    return (m.group(1) or m.group(2) or "").strip(" ，,。")


def _split_names(value: str) -> list[str]:
    """Split a list of names at 、，,；; outside brackets."""
    out, buf, depth = [], [], 0
    for c in value:
        if c in "（(":
            depth += 1
        elif c in "）)":
            depth = max(0, depth - 1)
        if depth == 0 and c in "、，,；;":
            if "".join(buf).strip():
                out.append("".join(buf).strip())
            buf = []
        else:
            buf.append(c)
    if "".join(buf).strip():
        out.append("".join(buf).strip())
    return out


def split_item(text: str) -> tuple[str, str]:
    """Split an item's text into (task text, owner block); block is ``""`` if absent."""
    m = None
    for m in OWNER_START.finditer(text):
        pass  # the last owner block wins: task texts may contain brackets
    if m is None:
        f = OWNER_FIELD.search(text)
        if f is not None and f.group(1) in OWNER_LABELS:
            return text[: f.start()].rstrip(), text[f.start() :]
        p = _PHRASE.search(text.rstrip())
        if p is not None:
            return text[: p.start()].rstrip(), text[p.start() :]
        return text, ""
    return text[: m.start()].rstrip(), text[m.start() :]
