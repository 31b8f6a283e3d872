"""Chinese numerals in standard form are read without cn2an, with cn2an's values."""

import itertools
import random

import cn2an

from reportdiff.quantities import _cn_canonical, _cn_value

DIGITS = "零〇一二两三四五六七八九十百千万亿"


def _cn2an(s):
    try:
        return float(cn2an.cn2an(s, "smart"))
    except Exception:
        return None


def test_standard_forms_agree_with_cn2an():
    strings = ["".join(t) for n in (1, 2, 3) for t in itertools.product(DIGITS, repeat=n)]
    rnd = random.Random(7)
    for _ in range(3000):
        n = rnd.choice([rnd.randint(1, 9999), rnd.randint(1, 99_999_999), rnd.randint(1, 10**12)])
        s = cn2an.an2cn(n)
        strings.append(s.replace("二千", "两千").replace("二万", "两万") if rnd.random() < 0.3 else s)
    accepted = 0
    for s in strings:
        v = _cn_canonical(s)
        if v is not None:
            accepted += 1
            assert v == _cn2an(s), s
    assert accepted > 1000


def test_other_forms_are_left_to_cn2an():
    for s in ("三百五", "一万五", "一二三", "一亿一千", "十零五"):
        assert _cn_canonical(s) is None
    assert _cn_value("三百二十") == 320.0 and _cn_value("千亿") == 1e11 and _cn_value("十四五") is None


def test_bare_magnitudes_of_a_list_take_the_unit_written_after_its_last_value():
    """分别达1.28万亿、1.18万亿、8200亿元: the unit is written once; each value is an amount in 元."""
    from reportdiff.quantities import extract

    qs = extract("力争甲、乙、丙产业规模分别达1.28万亿、1.18万亿、8200亿元")
    assert [(q.value, q.unit, q.text) for q in qs] == [(1.28e12, "元", "1.28万亿"), (1.18e12, "元", "1.18万亿"), (8.2e11, "元", "8200亿元")]
    assert [q.metric[-3:] for q in qs] == ["[1]", "[2]", "[3]"]
    qs = extract("大豆、油料种植面积分别达910万、850万亩")
    assert [(q.value, q.unit) for q in qs] == [(9.1e6, "亩"), (8.5e6, "亩")]
    # no unit after the list, or a value that is not in the list: still no quantity
    assert extract("参保人数分别达到508万、655万") == []
    assert [q.text for q in extract("跨越7000亿、8000亿三个台阶，新增就业5万人")] == ["5万人"]


def test_zong_counts_parcels_and_houses():
    from reportdiff.quantities import extract

    assert [(q.value, q.unit, q.qualifier) for q in extract("新增激活利用闲置农房2000宗以上")] == [(2000.0, "宗", "以上")]


def _read(t):
    """Value, unit, qualifier and text of each figure ``extract`` reads in ``t``."""
    from reportdiff.quantities import extract

    return [(q.value, q.unit, q.qualifier, q.text) for q in extract(t)]


def test_figures_in_words_closing_a_clause_are_read_in_percent():
    assert _read("某项审批时间再压减一半") == [(50.0, "%", "", "一半")]
    assert _read("某类通关时间再压缩三分之一，") == [(33.33, "%", "", "三分之一")]
    assert _read("某项支出占比保持在八成以上。") == [(80.0, "%", "以上", "八成以上")]
    assert _read("确保某项投入实现翻一番") == [(100.0, "%", "确保", "翻一番")]
    assert _read("某类企业数三年翻两番") == [(300.0, "%", "", "翻两番")]


def test_shares_before_a_noun_and_set_phrases_are_not_figures():
    from reportdiff.quantities import extract

    assert extract("全省一半以上的行政村建成服务站") == []
    assert extract("七成规上工业企业完成改造") == []
    assert extract("坚持标准一成不变，") == []
    assert extract("三分之二的县通达高速") == []


def test_a_bare_magnitude_multiplies_the_unit_written_after_it():
    from reportdiff.quantities import extract

    assert _read("确保某畜存栏2320万头") == [(23_200_000.0, "头", "确保", "2320万头")]
    assert _read("开展某类惠民演出2万场以上") == [(20_000.0, "场", "以上", "2万场以上")]
    assert _read("为18万名学生免费接种某疫苗") == [(180_000.0, "名", "", "18万名")]
    assert _read("严守18亿亩耕地红线") == [(1_800_000_000.0, "亩", "", "18亿亩")]
    assert extract("新增就业2万多人") == []  # a magnitude with 多 and no unit stays unread
    assert extract("保障好14亿人的粮食安全") == []  # a population ([magnify] never), not a task


def test_measure_words_of_pitches_lamps_lifts_and_nouns_they_open():
    from reportdiff.quantities import extract

    assert [(q.value, q.unit) for q in extract("新建某类篮球场100块")] == [(100.0, "块")]
    assert [(q.value, q.unit) for q in extract("完成8.7万盏照明设施节能改造")] == [(87_000.0, "盏")]
    assert [(q.value, q.unit) for q in extract("加装电梯120部")] == [(120.0, "部")]
    # 项目, 部门: nouns, not the measure words 项 and 部
    assert [q.text for q in extract("新开工百亿项目20个以上")] == ["20个以上"]
    assert extract("十部门联合开展") == []
