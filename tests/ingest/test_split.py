import pytest

from kg.ingest.bylines import find_dateline, parse_byline
from kg.ingest.split import split_page


def test_split_seed_page_into_articles(seed_articles):
    titles = [a.title for a in seed_articles]
    assert titles[:6] == [
        "青岛:城市党建引领“搞活一座城”",
        "青岛将打造成中国北方直播电商领先城市",
        "青岛网上政务服务获好评",
        "海尔卡奥斯与平度莱西达成战略合作",
        "上合示范区打造青年创业国际孵化平台",
        "“青岛·云展日”主题活动启动",
    ]
    assert "新一代“青岛金花”培育评选启动" in titles
    assert "老城复兴开辟新路径" in titles
    assert len({a.id for a in seed_articles}) == len(seed_articles)


def test_split_seed_bylines_name_each_articles_authors(seed_articles):
    credits = {a.title: (a.authors, a.contributors) for a in seed_articles}
    assert credits["海尔卡奥斯与平度莱西达成战略合作"] == (["肖芳"], [])
    assert credits["青岛:城市党建引领“搞活一座城”"] == (["薄克国"], ["张少丰", "王秀梅"])  # 本报通讯员: contributors
    assert credits["上合示范区打造青年创业国际孵化平台"] == (["白晓"], ["李颖慧"])
    assert credits["老城复兴开辟新路径"] == (["李媛"], [])
    signing = next(a for a in seed_articles if a.title.startswith("海尔卡奥斯"))
    assert (signing.outlet, signing.place) == ("本报", "青岛")
    assert all("□" not in a.text and "本报记者" not in a.text for a in seed_articles)


def test_split_seed_subtitle_kicker_dateline_caption(seed_articles):
    first = seed_articles[0]
    assert first.subtitles == ["基层党建与城市发展“无缝衔接”"]
    old_town = next(a for a in seed_articles if a.title == "老城复兴开辟新路径")
    assert old_town.kicker.endswith("——")
    signing = next(a for a in seed_articles if a.title.startswith("海尔卡奥斯"))
    assert signing.dateline.text == "本报青岛讯"
    assert signing.text[signing.dateline.start:signing.dateline.end] == "本报青岛讯"
    photo = next(a for a in seed_articles if a.captions)
    assert photo.captions[0].text.startswith("图为观摩会上")
    assert photo.text[photo.captions[0].start:photo.captions[0].end] == photo.captions[0].text


# fmt: off
@pytest.mark.parametrize("whole", ["及时调整基层党建工作重点", "历史城区保护范围内", "馆陶路3号三菱洋行旧址", "日益成为居民喜爱的“共享家”"])
# fmt: on
def test_split_seed_repairs_words_cut_by_column_breaks(seed_articles, whole):
    assert any(whole in a.text for a in seed_articles)


def test_split_page_line_ending_in_dash_between_equal_headings_is_the_first_ones_text():
    page = "## 一\n\n由某集团投资开发的广场就位于四环内，首期推出公寓——\n\n## 二\n\n第二篇的正文。\n"
    first, second = split_page(page, doc_id="d", source="d.md")
    assert (first.title, first.kicker, second.title, second.kicker) == ("一", "", "二", "")
    assert first.text.endswith("首期推出公寓——") and second.subtitles == []


def test_split_page_line_ending_in_dash_under_a_section_heading_is_a_kicker():
    page = "# 要闻\n\n老街正在“涅槃重生”——\n\n## 老城复兴开辟新路径\n\n正文。\n"
    article = split_page(page, doc_id="d", source="d.md")[-1]
    assert (article.title, article.kicker) == ("老城复兴开辟新路径", "老街正在“涅槃重生”——")
    assert article.text.startswith("老街正在“涅槃重生”——\n老城复兴开辟新路径")


def test_split_page_leaves_out_markdown_comments():
    page = "<!-- 编者注：\n这些句子选自语料库。 -->\n\n## 一\n\n青岛市政府<!-- 核对 -->与某公司签约。\n<!-- 一整行 -->\n又一段。\n"
    (article,) = split_page(page, doc_id="d", source="d.md")
    assert article.text == "一\n青岛市政府与某公司签约。\n又一段。"


def test_split_page_keeps_paragraphs_that_end_sentences_apart():
    page = "# 标题\n\n第一段说完了这件事情的来龙去脉和后续安排。\n\n第二段另起一行。\n"
    (article,) = split_page(page, doc_id="d", source="d.txt")
    assert article.text == "标题\n第一段说完了这件事情的来龙去脉和后续安排。\n第二段另起一行。"


def test_split_page_dateline_opens_a_body_and_names_its_reporters():
    page = "青岛与上汽集团签署战略合作协议\n\n本报讯（记者 张三 通讯员 李四）3月12日，青岛市人民政府与上汽集团签约。\n"
    (article,) = split_page(page, doc_id="d", source="d.txt")
    assert article.text.split("\n")[0] == "青岛与上汽集团签署战略合作协议"  # not run into the body
    assert article.title == "青岛与上汽集团签署战略合作协议"  # a plain-text headline
    assert (article.authors, article.contributors, article.outlet) == (["张三"], ["李四"], "本报")


def test_split_page_block_break_starts_untitled_item():
    page = "# 甲\n\n正文一句话。\n\n\n\n图为活动现场的一张照片。\n\n□ 记者 王五 摄\n"
    first, second = split_page(page, doc_id="d", source="d.txt")
    assert (first.title, second.title) == ("甲", "")
    assert second.authors == ["王五"]


# fmt: off
@pytest.mark.parametrize("line, names", [
    ("□ 本报记者 薄克国", ["薄克国"]),
    ("本报通讯员 张少丰 王秀梅", ["张少丰", "王秀梅"]),
    ("□ 记者 白晓 通讯员 李颖慧 报道", ["白晓", "李颖慧"]),
])
# fmt: on
def test_bylines_parse_names(line, names):
    assert parse_byline(line) == names


# fmt: off
@pytest.mark.parametrize("text, dateline", [
    ("本报青岛讯 近日,", "本报青岛讯"),
    ("新华社北京5月28日电 (记者 张三)", "新华社北京5月28日电 (记者 张三)"),
    ("据新华社北京一月十三日电（记者刘云非）国务委员", "据新华社北京一月十三日电（记者刘云非）"),
    ("本报通讯员 张少丰", None),
    ("新快报讯（记者廖颖谊通讯员余洋）全省会议昨日召开。", "新快报讯（记者廖颖谊通讯员余洋）"),
    ("信息时报讯（实习生夏冬梅） 央行", "信息时报讯（实习生夏冬梅）"),
    ("本报讯（记者 张三）3月12日，", "本报讯（记者 张三）"),  # a date right after the bracket
    ("会议通报了情况。", None),
    ("这台配电变压器自身月损耗电能就达252千瓦时。", None),
])
# fmt: on
def test_bylines_find_dateline(text, dateline):
    found = find_dateline(text)
    assert (found.text if found else None) == dateline


def test_read_articles_date_from_sidecar_then_page_then_default(tmp_path):
    from datetime import date

    from kg.ingest import read_articles

    page = tmp_path / "p.txt"
    page.write_text("# 标题\n\n正文。\n", encoding="utf-8")
    assert [a.date for a in read_articles(page, "p.txt", default_date=date(2021, 1, 2))] == ["2021-01-02"]
    page.write_text("2020年5月29日 星期五\n\n# 标题\n\n正文。\n", encoding="utf-8")
    assert [a.date for a in read_articles(page, "p.txt", default_date=date(2021, 1, 2))] == ["2020-05-29"]
    (tmp_path / "p.meta.json").write_text('{"date": "2019-12-31"}', encoding="utf-8")
    assert [a.date for a in read_articles(page, "p.txt")] == ["2019-12-31"]


def test_split_page_giant_line_cut_at_sentence_ends():
    from kg.ingest.split import MAX_PARAGRAPH

    sentence = "青岛市政府与四川大学签署合作协议。"
    page = sentence * (3 * MAX_PARAGRAPH // len(sentence))
    (article,) = split_page(page, doc_id="d", source="d.txt")
    paragraphs = article.text.split("\n")
    assert len(paragraphs) >= 3 and max(map(len, paragraphs)) <= MAX_PARAGRAPH
    assert all(p.endswith("。") for p in paragraphs)
    assert article.text.replace("\n", "") == page


def test_split_page_overlong_article_goes_on_in_parts():
    from kg.ingest.split import MAX_ARTICLE

    paragraph = "青岛市政府与四川大学签署合作协议。" * 500
    page = "# 长文\n\n" + "\n\n".join([paragraph] * (2 * MAX_ARTICLE // len(paragraph) + 2))
    parts = split_page(page, doc_id="d", source="d.txt")
    assert len(parts) >= 3 and all(len(a.text) <= MAX_ARTICLE + len("长文") + 1 for a in parts)
    assert {a.title for a in parts} == {"长文"} and len({a.id for a in parts}) == len(parts)
