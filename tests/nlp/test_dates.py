from datetime import date

import pytest

from kg.ingest.bylines import find_page_date
from kg.nlp.dates import resolve

ARTICLE = date(2020, 5, 29)


# fmt: off
@pytest.mark.parametrize("text, value, datatype", [
    ("5月28日", "2020-05-28", "date"),
    ("12月30日", "2019-12-30", "date"),
    ("2019年3月", "2019-03", "gYearMonth"),
    ("2018年6月", "2018-06", "gYearMonth"),
    ("2019年", "2019", "gYear"),
    ("今年", "2020", "gYear"),
    ("去年", "2019", "gYear"),
    ("昨天", "2020-05-28", "date"),
    ("2020年5月28日上午", "2020-05-28", "date"),
    ("5月28号", "2020-05-28", "date"),  # spoken
    ("2020-05-28", "2020-05-28", "date"),  # as web news writes it
    ("２０２０年５月２８日", "2020-05-28", "date"),  # full-width digits
])
# fmt: on
def test_dates_resolve(text, value, datatype):
    resolved = resolve(text, ARTICLE)
    assert (resolved.value, resolved.datatype) == (value, datatype)


def test_dates_found_in_text_as_news_writes_them():
    from kg.nlp.text import TIME

    text = "5月28号，海尔与平度签约；2020-05-27，协议草签；版本2020-05-271不是日期；海泊路63号。"
    assert [m.group(0) for m in TIME.finditer(text)] == ["5月28号", "2020-05-27"]


def test_dates_relative_bounded_by_article_date():
    assert resolve("近日", ARTICLE).before == "2020-05-29"
    assert resolve("近日", None) is None


def test_dates_need_a_year_from_somewhere():
    assert resolve("5月28日", None) is None
    assert resolve("2019年3月", None).value == "2019-03"


def test_dates_page_header():
    assert find_page_date("2020年5月29日 星期五\n\n# 标题\n") == date(2020, 5, 29)
    assert find_page_date("# 标题\n\n正文") is None
