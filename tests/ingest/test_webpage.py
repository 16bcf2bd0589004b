"""Scraped web pages (.html) read as the article they hold."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, Namespace, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest.webpage import read_page

SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>杭州市与阿里巴巴集团签约_浙江新闻网</title>
<meta property="article:published_time" content="2021-03-09T08:30:00+08:00">
<script>var ad = "广告代码";</script><style>p { color: red }</style></head>
<body><nav><a href="/">首页</a> | <a href="/news">新闻中心</a></nav>
<div class="related">热门推荐：某明星新剧</div>
<article><h1>杭州市与阿里巴巴集团签约</h1>
<p>本报杭州讯 3月8日，杭州市政府与阿里巴巴集团签署了战略合作
协议。</p>
<h2>共建数字经济</h2>
<p>双方将在云计算领域开展合作&nbsp;。</p>
<p>记者 王明 通讯员 李华</p></article>
<aside>相关新闻：某某</aside><footer>版权所有 浙江新闻网</footer></body></html>
"""


def test_webpage_reads_the_article_its_title_and_its_date():
    page = read_page(PAGE)
    text, published = page.text, page.date
    assert page.reader == "trafilatura" and page.title == "杭州市与阿里巴巴集团签约"
    assert published == date(2021, 3, 9)
    assert text.startswith("# 杭州市与阿里巴巴集团签约\n\n")
    assert "签署了战略合作协议。" in text  # the source's line break inside a sentence is no space
    assert "### 共建数字经济" in text  # a section title
    assert "记者 王明 通讯员 李华" in text  # typed spaces of a byline stay
    for boilerplate in ("广告代码", "color", "首页", "热门推荐", "相关新闻", "版权所有", "<p>"):
        assert boilerplate not in text


def test_webpage_kg_reader_stands_in_where_trafilatura_finds_no_text():
    """A bare <div> of two short lines under a list of links: trafilatura keeps only the lead-ins
    (发布时间：, 相关阅读：…), kg's reader the two lines."""
    page = read_page(
        "<html><head><title>青岛港与山东港口集团揭牌 - 青岛日报</title></head><body>"
        "<p>发布时间：<time datetime='2020-05-29'>5月29日</time></p><div>新码头今天揭牌。<br>港口运营顺利。</div>"
        "<ul><li><a href='/1'>上海港吞吐量创新高</a></li><li><a href='/2'>宁波舟山港与马士基签约</a></li></ul>"
        "<p>相关阅读：<a href='/3'>天津港集团揭牌成立新公司</a></p></body></html>"
    )
    text, published = page.text, page.date
    assert page.reader == "kg"
    assert published == date(2020, 5, 29)
    assert text.startswith("# 青岛港与山东港口集团揭牌\n\n")
    assert "新码头今天揭牌。\n\n港口运营顺利。" in text
    assert "马士基" not in text and "天津港" not in text  # lists of links to other stories


def test_webpage_build_reads_html_in_gb18030_with_its_title_author_and_date(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "news.html").write_bytes(PAGE.replace('charset="utf-8"', 'charset="gb2312"').encode("gb18030"))
    result = CliRunner().invoke(app, ["build", str(pages), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    article = next(s for s, headline in graph.subject_objects(SCHEMA.headline) if str(headline) == "杭州市与阿里巴巴集团签约")
    assert (article, SCHEMA.datePublished, Literal(date(2021, 3, 9))) in graph
    credited = {
        role: {str(graph.value(a, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) for a in graph.objects(article, SCHEMA[role])}
        for role in ("author", "contributor")
    }
    assert credited == {"author": {"王明"}, "contributor": {"李华"}}  # 记者 王明 通讯员 李华: a correspondent contributes
    text = str(graph.value(article, NIF.isString))
    assert "<" not in text and "广告代码" not in text and "杭州市政府与阿里巴巴集团签署了战略合作协议" in text


_MARKUP = ["<p>", "</p>", "<article>", "</article>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "&#",
           "&nbsp;", "<h1>", "</h1>", "<br/>", "<a href='x'>", "</a>", '<meta name="pubdate" content="2020-13-45">',
           "<time datetime='x'>", "海尔与青岛市签约。", "\n", " ", "<", ">", "&"]


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.sampled_from(_MARKUP), max_size=60))
def test_webpage_any_markup_gives_text_and_no_error(parts):
    page = read_page("".join(parts))
    assert isinstance(page.text, str) and page.date is None  # 2020-13-45 is no date
