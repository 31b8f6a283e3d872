"""Normalization: reflow, noise removal, matching keys; offsets always point at the original."""

from __future__ import annotations

import pytest

from conftest import SEEDS
from reportdiff.normalize import fold, match_key, paragraphs


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_paragraph_characters_are_original_characters(path):
    raw = path.read_text(encoding="utf-8")
    for p in paragraphs(raw):
        assert len(p.text) == len(p.offsets)
        assert all(raw[o] == ch for ch, o in zip(p.text, p.offsets))
        assert list(p.offsets) == sorted(p.offsets)


def test_reflow_of_hard_wrapped_report():
    raw = "政府工作报告\n\n　　现在，我代表区人民政府向大会报告工作，请予审议，并请区政协委员和其他列席的同志提\n\n出意见。\n\n" + (
        "这是一行排满的正文文字用来估计换行宽度，这里没有标点结束的时候应该连到下一行继续阅读\n" * 10
    )
    paras = paragraphs(raw)
    assert paras[0].text == "政府工作报告" and paras[0].is_heading
    assert paras[1].text.endswith("提出意见。")


def test_page_numbers_and_markdown_removed():
    raw = "## 一、主要预期目标\n\n- 3 -\n\n**1. 地区生产总值增长 6.5 %左右。**\n\n12\n"
    texts = [p.text for p in paragraphs(raw)]
    assert texts == ["一、主要预期目标", "1.地区生产总值增长6.5%左右。"]


def test_numbers_and_units_joined_across_lines():
    raw = "预计实现生产总值 334\n亿元，同比增长 8%；\n"
    assert paragraphs(raw)[0].text == "预计实现生产总值334亿元，同比增长8%；"


def test_fold_and_match_key():
    assert fold("荏平区（ＡＢＣ）１２３") == "茌平区(ABC)123"
    assert fold("聊荏一体化") == "聊茌一体化"
    assert fold("在平这十年") == "茌平这十年" and fold("在平台上") == "在平台上"
    assert match_key("地区生产总值增长6.5%左右。") == match_key("地区生产总值增长 6 %左右")


def test_normalization_idempotent_on_seeds():
    for path in SEEDS:
        for p in paragraphs(path.read_text(encoding="utf-8")):
            assert fold(fold(p.text)) == fold(p.text)
            assert "".join(q.text for q in paragraphs(p.text)) == p.text
