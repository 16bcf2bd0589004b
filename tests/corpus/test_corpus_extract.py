"""Per-document extraction: a pure function of the document's bytes and the options, its result
JSON both ways, documents from folders (include globs) and JSON Lines."""

from decimal import Decimal
from pathlib import Path

from kg import codec
from kg.corpus.documents import Document, collect_paths, read_documents
from kg.corpus.extract import DocumentResult, Options, extract
from kg.nlp.records import Argument, Event, Mention


def test_codec_event_with_decimal_round_trips():
    mention = Mention(0, 2, "ORG", "海尔", "海尔集团", alias=False)
    event = Event("Investment", "投资", 3, (0, 10), (Argument("agent", mention),), amounts=(("10亿元", Decimal("1000000000.10")),))
    text = codec.dumps(event)
    assert '"1000000000.10"' in text  # exact, not a float
    assert codec.loads(Event, text) == event


def test_extract_result_round_trips_as_json(rules_nlp, corpus):
    (document,) = read_documents(corpus / "a.txt", "a.txt")
    (result,) = extract(rules_nlp, [document], Options())
    assert result.articles and result.articles[0].mentions
    text = result.to_json()
    assert DocumentResult.from_json(text) == result
    assert DocumentResult.from_json(text).to_json() == text


def test_extract_is_pure_same_result_alone_or_in_a_batch(rules_nlp, corpus):
    documents = [d for path, source in collect_paths([corpus]) for d in read_documents(path, source)]
    together = extract(rules_nlp, documents, Options(date="2020-05-29"))
    alone = [extract(rules_nlp, [d], Options(date="2020-05-29"))[0] for d in documents]
    assert [r.to_json() for r in together] == [r.to_json() for r in alone]
    assert together[0].articles[0].article.date == "2020-05-29"


def test_extract_bad_bytes_are_an_error_not_an_exception(rules_nlp):
    (result,) = extract(rules_nlp, [Document("bad.txt", b"\x00\x01binary", "bad.txt")], Options())
    assert result.error and "binary" in result.error and not result.articles


def test_collect_paths_recursive_with_include_globs(corpus):
    assert [s for _, s in collect_paths([corpus])] == ["a.txt", "b.md", "sub/c.txt"]
    assert [s for _, s in collect_paths([corpus], ["*.txt"])] == ["a.txt", "sub/c.txt"]
    assert [s for _, s in collect_paths([corpus], ["sub/*"])] == ["sub/c.txt"]


def test_jsonl_one_article_per_line_bad_lines_are_errors(rules_nlp, tmp_path):
    path = tmp_path / "paper.jsonl"
    path.write_text(
        '{"id": "1", "title": "签约", "date": "2020-05-28", "text": "海尔卡奥斯与平度市政府签约。"}\n'
        "not json\n\n"
        '{"id": 2, "text": "四川大学与青岛市政府签约。", "source": "人民日报"}\n',
        encoding="utf-8",
    )
    documents = list(read_documents(path, "paper.jsonl"))
    assert [d.origin.rsplit(":", 1)[1] for d in documents] == ["1", "2", "4"]
    first, bad, second = extract(rules_nlp, documents, Options())
    article = first.articles[0].article
    assert (article.id, article.title, article.date, article.source) == ("paper-1", "签约", "2020-05-28", "paper.jsonl")
    assert article.text == "签约\n海尔卡奥斯与平度市政府签约。"
    assert bad.error and "paper.jsonl:2" in bad.error
    assert second.articles[0].article.source == "人民日报"
    assert any(m.name == "四川大学" for m in second.articles[0].mentions)
