"""The byline grammar: roles, outlets, datelines, closing brackets and metadata lines, scored on the
byline gold set and checked format by format."""

from datetime import date
from pathlib import Path

import pytest

from kg.evaluate.bylines import load_records, predict, score
from kg.ingest.bylines import closing_credits, credit_spans, date_article, dateline_credits, find_dateline, read_line
from kg.ingest.credits import is_name
from kg.ingest.records import Article
from kg.ingest.split import split_page

GOLD = Path(__file__).resolve().parents[1] / "gold" / "bylines"


@pytest.fixture(scope="module")
def gold_scores():
    return score(load_records(GOLD / "bylines.jsonl"))


@pytest.fixture(scope="module")
def heldout_scores():
    return score(load_records(GOLD / "heldout.jsonl"))


def test_bylines_gold_set_is_large_and_well_formed():
    records = load_records(GOLD / "bylines.jsonl")
    assert len(records) >= 300 and len({r["id"] for r in records}) == len(records)
    assert sum(not (r["authors"] or r["contributors"] or r["editors"]) for r in records) >= 40  # negatives too


def test_bylines_gold_authors_precision_and_recall(gold_scores):
    authors = gold_scores["authors"]
    assert authors.precision >= 0.95 and authors.recall >= 0.95, authors.misses


# fmt: off
@pytest.mark.parametrize("role", ["contributors", "editors"])
# fmt: on
def test_bylines_gold_other_roles(gold_scores, role):
    s = gold_scores[role]
    assert s.precision >= 0.9 and s.recall >= 0.9, s.misses


# fmt: off
@pytest.mark.parametrize("name", ["outlet", "place", "date"])
# fmt: on
def test_bylines_gold_outlet_place_date(gold_scores, name):
    assert gold_scores[name].accuracy >= 0.9, gold_scores[name].misses


def test_bylines_heldout_authors(heldout_scores):
    """Lines written after the grammar, scored once as they were: the figure the README quotes."""
    authors = heldout_scores["authors"]
    assert authors.precision >= 0.95 and authors.recall >= 0.95, authors.misses


def test_bylines_gold_file_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "记者 张三"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_records(bad)


# fmt: off
@pytest.mark.parametrize("text, authors, contributors, editors, outlet, place", [
    ("本报讯 (记者 周海生 通讯员 韩立华) 近日，全市会议召开。", ["周海生"], ["韩立华"], [], "本报", None),
    ("晨报讯(记者 姜文博 实习生 郑小满)昨日，地铁开通。", ["姜文博"], ["郑小满"], [], "晨报", None),
    ("晚报讯 记者林一川 昨日，市区降雨。", ["林一川"], [], [], "晚报", None),
    ("新华网北京5月12日电 (吴思齐 谢文涛) 国务院常务会议召开。", ["吴思齐", "谢文涛"], [], [], "新华网", "北京"),
    ("记者 方圆圆 通讯员 邓一帆 报道", ["方圆圆"], ["邓一帆"], [], None, None),
    ("文/图 钱海宁", ["钱海宁"], [], [], None, None),
    ("许志明 文 高晓军 摄", ["许志明"], ["高晓军"], [], None, None),
    ("项目年底完工。（记者 唐一鸣）", ["唐一鸣"], [], [], None, None),
    ("（责任编辑:萧晓晴）", [], [], ["萧晓晴"], None, None),
    ("编辑：陆一舟 审核：秦海峰 校对：贺小雨", [], [], ["陆一舟", "秦海峰", "贺小雨"], None, None),
    ("□ 本报记者 孟庆余", ["孟庆余"], [], [], "本报", None),
    ("本报记者 严晓光 白一川", ["严晓光", "白一川"], [], [], "本报", None),
    ("来源：某某新闻网 作者：蒋立业 2023-06-15 10:15", ["蒋立业"], [], [], "某某新闻网", None),
    ("记者 王  岩 北京报道", ["王岩"], [], [], None, "北京"),
    ("本报记者 施一鸣 发自日内瓦", ["施一鸣"], [], [], "本报", "日内瓦"),
    ("文/图 本报记者 冯晓川", ["冯晓川"], [], [], "本报", None),
    ("中新网上海5月12日电(记者 范晓冬)上海市推进实事项目。", ["范晓冬"], [], [], "中新网", "上海"),
    ("记者刘晓鹏通讯员陈通", ["刘晓鹏"], ["陈通"], [], None, None),
    ("本报讯（记者 欧阳一鸣 特约记者 阿依努尔·吐尔逊）边境口岸通关量创新高。",
     ["欧阳一鸣"], ["阿依努尔·吐尔逊"], [], "本报", None),
])
# fmt: on
def test_bylines_read_each_format(text, authors, contributors, editors, outlet, place):
    found = predict(text)
    assert (found["authors"], found["contributors"], found["editors"]) == (authors, contributors, editors)
    assert (found["outlet"], found["place"]) == (outlet, place)


# fmt: off
@pytest.mark.parametrize("line", [
    "记者从市商务局获悉，今年一季度消费增长8.2%。", "图为签约现场。", "编辑部收到读者来信。",
    "摄像头覆盖主要路口。", "记者 调查", "文化和旅游部发布数据。", "来源不明的食品不要购买。",
    "本报讯（记者 张三）", "审核通过的企业将获得补贴。", "作者系某某大学教授",
])
# fmt: on
def test_bylines_sentences_and_datelines_are_no_byline_lines(line):
    assert read_line(line) is None


# fmt: off
@pytest.mark.parametrize("text, people", [
    ("记者张三通讯员李四", ["张三", "李四"]),
    ("记者 王五 通讯员 赵六 报道", ["王五", "赵六"]),
    ("本报讯（记者廖一鸣通讯员余洋）", ["廖一鸣", "余洋"]),
    ("记者邱海波、孟一凡报道：", ["邱海波", "孟一凡"]),
    ("新华社北京5月28日电（记者李四王五）", []),  # glued without a role word between: no names made up
])
# fmt: on
def test_bylines_names_never_take_part_of_a_role_word(text, people):
    found = predict(text)
    names = found["authors"] + found["contributors"] + found["editors"]
    assert names == people
    assert not any(word in name for name in names for word in ("通", "记者", "讯", "报道", "摄"))


# fmt: off
@pytest.mark.parametrize("name, expected", [
    ("张三", True), ("欧阳晓峰", True), ("辜明睿", True), ("阿依古丽·买买提", True),
    ("调查", False), ("全市", False), ("本报讯通讯", False), ("张", False),
])
# fmt: on
def test_bylines_is_name(name, expected):
    assert is_name(name) is expected


def test_bylines_dateline_place_date_and_bracket():
    end, credits = dateline_credits("新华社乌鲁木齐9月15日电（记者 古丽·艾力 穆晓峰）新疆棉花丰收。")
    assert (credits.outlet, credits.place, credits.filed) == ("新华社", "乌鲁木齐", "--09-15")
    assert credits.authors == ["古丽·艾力", "穆晓峰"]
    assert find_dateline("新华社乌鲁木齐9月15日电（记者 古丽·艾力 穆晓峰）新疆").text.endswith("穆晓峰）")
    assert dateline_credits("据新华社北京一月十三日电（记者党建民）")[1].filed == "--01-13"
    assert dateline_credits("新华社是国家通讯社。") is None and dateline_credits("这台电脑坏了。") is None


def test_bylines_closing_credits_and_spans_point_into_the_text():
    text = "标题\n本报讯（记者 张三）正文一句。\n项目年底完工。（记者 李四 通讯员 王五）（编辑 赵六）"
    spans = credit_spans(text)
    assert [text[a:b] for a, b in spans] == ["本报讯（记者 张三）", "（记者 李四 通讯员 王五）（编辑 赵六）"]
    start, credits = closing_credits("图为签约现场。 邱一帆 摄")
    assert credits.contributors == ["邱一帆"] and start == 8
    assert closing_credits("两国元首交换了意见。（完）") is None


# fmt: off
@pytest.mark.parametrize("own, filed, given, page, default, expected_date, expected_filed", [
    ("2023-06-15", None, date(2023, 6, 16), None, None, "2023-06-16", None),  # the file's date first
    ("2023-06-15", None, None, date(2023, 6, 1), None, "2023-06-15", None),  # then the article's own
    (None, "--12-31", None, date(2024, 1, 2), None, "2024-01-02", "2023-12-31"),  # the year nearest the page's
    (None, "--05-12", None, None, date(2023, 1, 1), "2023-05-12", "2023-05-12"),  # the dateline with --date's year
    (None, "--05-12", None, None, None, None, "--05-12"),  # no year anywhere
    (None, "2023-05-12", None, None, None, "2023-05-12", "2023-05-12"),  # a dateline that prints its year
])
# fmt: on
def test_bylines_date_article(own, filed, given, page, default, expected_date, expected_filed):
    article = Article(id="a-0", source="a.txt", title="", text="", date=own, filed=filed)
    date_article(article, given=given, page=page, default=default)
    assert (article.date, article.filed) == (expected_date, expected_filed)


def test_bylines_metadata_lines_leave_the_text_and_date_the_article():
    page = "# 某市出台稳就业政策\n\n2023-06-15 来源：某某市人社局 字号：[大 中 小] 打印本页\n\n为稳定就业，市人社局出台措施。\n\n编辑：唐一鸣"
    (article,) = split_page(page, doc_id="d", source="d.txt")
    assert article.text == "某市出台稳就业政策\n为稳定就业，市人社局出台措施。"
    assert (article.date, article.outlet, article.editors) == ("2023-06-15", "某某市人社局", ["唐一鸣"])


def test_read_articles_date_from_the_article_text(tmp_path):
    from kg.ingest import read_articles

    page = tmp_path / "p.txt"
    page.write_text("# 标题\n\n发布时间：2022年3月4日\n\n正文。\n", encoding="utf-8")
    assert [a.date for a in read_articles(page, "p.txt", default_date=date(2021, 1, 2))] == ["2022-03-04"]
    page.write_text("# 标题\n\n新华社北京5月12日电（记者 张三）正文。\n", encoding="utf-8")
    (article,) = read_articles(page, "p.txt", default_date=date(2021, 1, 2))
    assert (article.date, article.filed, article.place) == ("2021-05-12", "2021-05-12", "北京")
