"""Gazetteer names that annotators seldom mark as places are left to the model."""

import json

from kg.nlp.entities import find_places
from kg.nlp.entities.place_usage import main, place_usage, seldom_places


def _names(text, **kwargs):
    return [text[c.start:c.end] for c in find_places(text, **kwargs)]


def test_a_seldom_marked_name_is_not_a_rule_place():
    text = "北京市的老城区空间非常狭小"
    assert "老城区" in _names(text, keep_seldom=True)
    assert "老城区" not in _names(text)
    assert "北京市" in _names(text)


def test_place_usage_counts_marks_inside_any_gold_name(tmp_path):
    lines = [{"text": "老城区很小", "spans": []}] * 3
    lines += [{"text": "北京市的老城区", "spans": [[0, 3, "ns"]]}] * 3
    lines += [{"text": "北京市政府", "spans": [[0, 5, "nt"]]}]  # a place inside an organization's name
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    seen, marked = place_usage([corpus])
    assert (seen["老城区"], marked["老城区"]) == (6, 0)
    assert (seen["北京市"], marked["北京市"]) == (4, 4)
    assert seldom_places(seen, marked) == [("老城区", 6, 0)]


def test_place_usage_command_writes_a_data_file(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "老城区很小", "spans": []}\n' * 3, "utf-8")
    assert main([str(corpus)]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("#")]
    assert rows == ["老城区\t3\t0"]
