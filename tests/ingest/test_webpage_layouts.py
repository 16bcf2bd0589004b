"""Web pages in the layouts Chinese news comes in (tests/ingest/pages/, written for these tests, names
made up): what each page must keep and drop is in pages/expected.json."""

import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, Namespace
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest import read_articles
from kg.ingest.decode import read_text
from kg.ingest.script import to_simplified
from kg.ingest.webpage import read_page

PAGES = Path(__file__).resolve().parent / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_webpage_layout_keeps_the_article_and_drops_the_furniture(name):
    want = EXPECTED[name]
    page = read_page(read_text(PAGES / name))
    body = _bare(page.text)
    assert [line for line in want["main"] if _bare(line) not in body] == []
    assert [junk for junk in want["boilerplate"] if _bare(junk) in body] == []
    assert [line for line in want["keep"] if line not in page.text.splitlines()] == []  # for the byline grammar
    assert page.title == want["title"] and page.text.startswith(f"# {want['title']}\n")
    assert page.text.splitlines().count(want["title"]) == 0  # the headline once, never a paragraph too
    assert page.date == date.fromisoformat(want["date"])
    assert (list(page.authors), page.site_name) == (want["authors_meta"], want["site_name"])


def test_webpage_layout_epaper_keeps_subtitle_and_byline_from_above_the_text():
    """An e-paper's subtitle and byline stand in table rows above the text's container, where
    trafilatura does not look; kg's reader gives them back, and the byline names the reporter."""
    (article,) = read_articles(PAGES / "city_epaper.html", "city_epaper.html")
    assert article.subtitles == ["总投资86亿元 涉及新能源装备、工业机器人等领域"]
    assert "周文涛" in article.authors and "本报记者" not in article.text
    assert "浏览次数" not in read_page(read_text(PAGES / "gov_department.html")).text  # an info line is no byline


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_webpage_layout_article_offsets_slice_the_stored_text(name, kg_nlp):
    """Every span kg keeps of a page's article (entities, event triggers and sentences, dateline,
    captions) is a slice of the text the graph stores."""
    want = EXPECTED[name]
    (article,) = read_articles(PAGES / name, name)
    assert article.title == want["title"] and article.date == want["date"]
    assert article.text.startswith(want["title"] + "\n")
    assert (article.site_name, article.authors_meta) == (want["site_name"], want["authors_meta"])
    doc = kg_nlp(to_simplified(article.text))
    assert len(doc.text) == len(article.text)
    for mention in doc._.kg_mentions:
        assert doc.text[mention.start:mention.end] == mention.text
    for event in doc._.kg_events:
        assert doc.text[event.trigger_start:event.trigger_start + len(event.trigger)] == event.trigger
        begin, end = event.sentence
        assert 0 <= begin < end <= len(article.text)
        for argument in event.arguments:
            assert doc.text[argument.mention.start:argument.mention.end] == argument.mention.text
    for span in [article.dateline, *article.captions]:
        if span is not None:
            assert article.text[span.start:span.end] == span.text
    assert doc._.kg_mentions, "no entity found: the offsets were not put to the test"


def test_webpage_layout_build_on_a_folder_of_pages(tmp_path):
    pages = tmp_path / "pages"
    shutil.copytree(PAGES, pages, ignore=shutil.ignore_patterns("*.json"))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(pages), "--out", str(out), "--quiet", "--events", "rules"])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out / "graph.ttl")
    for name, want in EXPECTED.items():
        article = next((s for s, headline in graph.subject_objects(SCHEMA.headline) if str(headline) == want["title"]), None)
        assert article is not None, name
        assert graph.value(article, SCHEMA.datePublished).toPython() == date.fromisoformat(want["date"])
        text = _bare(str(graph.value(article, NIF.isString)))
        assert all(_bare(line) in text for line in want["main"]), name
        assert not [junk for junk in want["boilerplate"] if _bare(junk) in text], name
    for anchor, begin, end, context in graph.query(
        "SELECT ?a ?b ?e ?t WHERE { ?s nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;"
        " nif:referenceContext/nif:isString ?t }", initNs={"nif": NIF}
    ):
        assert str(context)[int(begin):int(end)] == str(anchor)


OFFLINE = """
import socket, sys
attempts = []
def refuse(*args, **kwargs):
    attempts.append(args)
    raise OSError("no network in this test")
socket.socket.connect = socket.create_connection = socket.getaddrinfo = refuse
from kg.ingest.webpage import read_page
pages = sys.argv[1:]
for markup in pages:
    read_page(markup)
reading = len(attempts)
import htmldate
try:
    htmldate.find_date(pages[0])  # a string that looks like a URL: htmldate downloads it
except Exception:
    pass
print(reading, len(attempts) > reading)
"""


def test_webpage_reading_never_goes_online():
    """Not at import, not for a page that is only a URL, not for a page's canonical link; the check
    itself sees htmldate try to download when it is handed the URL as a string."""
    canonical = (PAGES / "portal_article.html").read_text(encoding="utf-8")
    pages = ["https://news.example.com/2023/0615/a1.html", canonical, "<html><body>http://example.com</body></html>"]
    result = subprocess.run([sys.executable, "-c", OFFLINE, *pages], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "True"]
