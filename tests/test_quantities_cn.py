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
