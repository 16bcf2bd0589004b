"""Money as Chinese news writes it: digits or Chinese numerals, at-least and about forms."""

import pytest

from kg.nlp.amounts import currency_of, find_amounts


@pytest.mark.parametrize("text, amounts", [
    ("总投资10亿元", [("10亿元", 1_000_000_000, "CNY")]),
    ("收购价为３．４亿英镑", [("３．４亿英镑", 340_000_000, "GBP")]),
    ("先后投资８００多万元", [("８００多万元", 8_000_000, "CNY")]),  # at least: the stated number
    ("汉口火车站投资４０余万元", [("４０余万元", 400_000, "CNY")]),
    ("交通部投资近亿元", [("近亿元", 100_000_000, "CNY")]),  # about
    ("引进资金三千八百万元", [("三千八百万元", 38_000_000, "CNY")]),
    ("增收十五点六亿元", [("十五点六亿元", 1_560_000_000, "CNY")]),
    ("完成五十点○七亿元", [("五十点○七亿元", 5_007_000_000, "CNY")]),
    ("联合国拨款三万美元", [("三万美元", 30_000, "USD")]),
    ("处一万元以上十万元以下的罚款", [("一万元", 10_000, "CNY"), ("十万元", 100_000, "CNY")]),
    # no money: vague, no number, or 元 of another word
    ("先后投入几十万元", []),
    ("投入数千万元", []),
    ("每千元产值", []),
    ("突破亿元大关", []),
    ("推进一元化管理", []),
    ("广州三元里", []),
])
def test_amounts_as_news_writes_them(text, amounts):
    found = [(text[a:b], v, currency_of(text[a:b])) for a, b, v in find_amounts(text, 0, len(text))]
    assert found == amounts
