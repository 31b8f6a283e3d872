"""Figures stated in words the other year (detect/tasks/worded.py): an object read with a verb of
change closing it, and a worded clause naming the object in short in a sentence the alignment links
to nothing (synthetic text; session 9, issue 14, round 2)."""

from __future__ import annotations

from reportdiff.detect.tasks.worded import _short_form, _tail_off

from test_tasks import _one_year_report


def _compare(tmp_path, a: str, b: str):
    """The comparison of two report texts written to ``tmp_path``."""
    from reportdiff.api import compare

    (tmp_path / "a.txt").write_text(a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    return compare(tmp_path / "a.txt", tmp_path / "b.txt")


def test_a_verb_of_change_closing_the_object_is_read_off():
    assert _tail_off("一般性支出压减") == "一般性支出"
    assert _tail_off("中小企业宽带平均资费再") == "中小企业宽带平均资费"
    # a share or a rate bared stays a target of its own
    assert _tail_off("服务贸易占比提升") == "服务贸易占比提升"
    # too short once read off
    assert _tail_off("支出压减") == "支出压减"


def test_short_forms():
    """In a sentence linked to nothing, a short form counts only where a part of the clause is the
    short form alone after its opening verb (着力打造一批精品景区), not a word of a phrase."""
    from reportdiff.detect.tasks.worded import _names_alone

    assert _names_alone("着力打造一批精品景区、精美旅游线路", "精品景区")
    assert not _names_alone("推动开发区成为创新型企业的重要承载区", "创新型企业")
    assert not _names_alone("编制城市地下管网专项规划", "地下管网")
    assert _short_form("精品旅游景区", "着力打造一批精品景区精美旅游线路") == "精品景区"
    assert _short_form("精品旅游景区", "建设精品旅游景区") == ""
    assert _short_form("精品旅游景区", "建设旅游景区") == ""


def test_worded_counterparts_of_a_closing_verb_and_of_a_short_form(tmp_path):
    """严控一般性支出 / 一般性支出压减5%以上 (linked sentences), 着力打造一批精品景区 / 100家精品旅游
    景区 (in short): qual_to_quant each."""
    a = _one_year_report(
        2024,
        "全市地区生产总值增长5%。",
        "（一）过紧日子。坚持党政机关过紧日子，严控一般性支出，优化财政支出结构。\n"
        "（二）壮大文旅。着力打造一批精品景区，做优旅游服务。",
    )
    b = _one_year_report(
        2025,
        "全市地区生产总值增长5.5%。",
        "（一）过紧日子。坚持党政机关过紧日子，一般性支出压减5%以上，优化财政支出结构。\n"
        "（二）推进城乡融合。深化户籍制度改革，推动农业转移人口市民化。\n"
        "（三）发展文旅。新建100家精品旅游景区，办好文旅节会。",
    )
    cmp = _compare(tmp_path, a, b)
    worded = {f.detail["new"]: f.detail["old"] for f in cmp.findings if (f.detail or {}).get("change") == "qual_to_quant"}
    assert worded.get("5%以上") == "严控一般性支出", worded
    assert "精品景区" in worded.get("100家", ""), worded


def test_the_figures_of_one_object_are_stated_together(tmp_path):
    """新开工改造老旧小区716个26.95万户 / 完成城镇老旧小区改造年度任务: one quant_to_qual finding
    stating both figures."""
    a = _one_year_report(
        2025,
        "全市地区生产总值增长5%。",
        "（一）推进城市更新。深入实施城市更新行动，新开工改造老旧小区716个26.95万户。",
    )
    b = _one_year_report(
        2026,
        "全市地区生产总值增长5.5%。",
        "（一）推进城市更新。深入实施城市更新行动，完成城中村、城镇老旧小区改造年度任务。",
    )
    cmp = _compare(tmp_path, a, b)
    worded = [f.detail for f in cmp.findings if (f.detail or {}).get("change") == "quant_to_qual"]
    assert [d["old"] for d in worded] == ["716个、26.95万户"], worded


def test_a_quoted_programme_opening_the_object(tmp_path):
    """创建“四好农村路”全国示范县1个 / 高质量建设“四好农村路” (linked sentences): quant_to_qual; the
    programme named without its quotes and with another head (农村公路养护) is none."""
    a = _one_year_report(
        2024,
        "全市地区生产总值增长5%。",
        "（一）完善交通网络。加快城乡交通一体化，创建“四好农村路”全国示范县1个。\n"
        "（二）建设美丽乡村。推进和美乡村建设，建成市级美丽乡村示范村20个。",
    )
    b = _one_year_report(
        2025,
        "全市地区生产总值增长5.5%。",
        "（一）完善交通网络。加快城乡交通一体化，高质量建设“四好农村路”。\n"
        "（二）建设美丽乡村。推进和美乡村建设，提升乡村治理水平。",
    )
    cmp = _compare(tmp_path, a, b)
    worded = {f.detail["old"]: f.detail["new"] for f in cmp.findings if (f.detail or {}).get("change") == "quant_to_qual"}
    assert worded.get("1个") == "高质量建设“四好农村路”", worded
    assert "20个" not in worded, worded
