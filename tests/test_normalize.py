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
    assert fold("荏平区（ＡＢＣ）１２３") == "荏平区(ABC)123"  # no OCR fold in plain folding
    assert match_key("地区生产总值增长6.5%左右。") == match_key("地区生产总值增长 6 %左右")


def test_ocr_folds_only_where_the_document_writes_the_right_form():
    from reportdiff.normalize import ocr_fold

    text, why = ocr_fold("茌平区人民政府。荏平区、荏山路；在平这十年，在平台上；光阴荏苒。")
    assert text == "茌平区人民政府。茌平区、茌山路；茌平这十年，在平台上；光阴荏苒。" and why
    assert ocr_fold("荏平区、在平这十年")[0] == "荏平区、在平这十年"  # a document that never writes 茌平


def test_a_document_understood_through_its_ocr_folds_keeps_its_characters():
    from reportdiff import load_document
    from conftest import PLAN_2024

    doc = load_document(PLAN_2024)
    assert any("识别错字" in e for e in doc.kind_evidence)
    raw = PLAN_2024.read_text(encoding="utf-8")
    assert "荏平" in raw and all(it.text in raw.replace("\n", "") or "\n" in raw for it in doc.items)
    assert any("荏" in it.text for it in doc.all_items()) or any("荏" in "".join(it.owners.partner_units) for it in doc.all_items())


def test_normalization_idempotent_on_seeds():
    for path in SEEDS:
        for p in paragraphs(path.read_text(encoding="utf-8")):
            assert fold(fold(p.text)) == fold(p.text)
            assert "".join(q.text for q in paragraphs(p.text)) == p.text


def test_numbered_heading_with_a_comma_stands_alone():
    """One paragraph per line: a numbered heading that holds a comma (（三）致力…，…) is not glued to the
    lead phrase of the next line, so that phrase opens its own subsection."""
    text = "二、2024年工作安排\n\n（三）致力深化改革开放，积极服务和融入新发展格局\n\n深化重点领域改革。实施国土空间总体规划。\n\n支持民营经济高质量发展。落实各项政策。\n"
    paras = [p.text for p in paragraphs(text)]
    assert paras[1] == "（三）致力深化改革开放，积极服务和融入新发展格局"
    assert paras[2].startswith("深化重点领域改革。")
    # a numbered sentence that ends with punctuation is no heading; nor is a long numbered line
    text2 = "（一）加快建设，推进项目。\n落实政策。\n"
    assert len(paragraphs(text2)) == 2
    long_line = "（一）" + "加快建设产业园区，" * 6 + "推进"
    assert len(paragraphs(long_line + "\n落实政策，完成任务。\n")) == 1


def test_a_markdown_comment_is_not_text():
    # a photo caption kept as an HTML comment in a markdown source (75 corpus reports) is neither a
    # heading nor a sentence; the text around it keeps its offsets
    from reportdiff.normalize import paragraphs

    text = "<!-- 市长作政府工作报告。记者 摄 -->\n\n一、过去一年工作回顾\n\n全市生产总值增长5%。<!-- 图 -->今年要稳增长。\n"
    ps = paragraphs(text)
    assert [p.text for p in ps] == ["一、过去一年工作回顾", "全市生产总值增长5%。今年要稳增长。"]
    body = ps[1]
    assert text[body.offsets[0]] == "全" and text[body.offsets[-1]] == "。"
