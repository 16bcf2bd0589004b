"""Names from kg's lists that annotators seldom mark are left to the model."""

import json

from kg.nlp.entities import find_entities, find_places
from kg.nlp.entities.name_usage import main, name_usage, seldom_names
from kg.nlp.entities.organizations import find_known_orgs


def _names(finder, text, **kwargs):
    return [text[c.start:c.end] for c in finder(text, **kwargs)]


def test_a_seldom_marked_name_is_not_a_rule_place():
    text = "北京市的老城区空间非常狭小"
    assert "老城区" in _names(find_places, text, keep_seldom=True)
    assert "老城区" not in _names(find_places, text)
    assert "北京市" in _names(find_places, text)


def test_a_seldom_marked_name_is_not_a_known_organization():
    text = "这家上市公司的股票"
    assert _names(find_known_orgs, text, keep_seldom=True) == ["上市公司"]
    assert _names(find_known_orgs, text) == []


def test_a_known_organization_does_not_end_inside_an_everyday_word():
    assert _names(find_known_orgs, "卫生部门要加强监督", keep_seldom=True) == ["卫生部"]
    assert _names(find_known_orgs, "卫生部门要加强监督") == []
    assert _names(find_known_orgs, "卫生部今天宣布") == ["卫生部"]
    assert _names(find_known_orgs, "外交部长会见了客人") == ["外交部"]  # 部长: annotators mark it


def _corpus(tmp_path, lines):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    return corpus


def test_name_usage_counts_marks_inside_any_gold_name(tmp_path):
    lines = [{"text": "老城区很小", "spans": []}] * 3
    lines += [{"text": "北京市的老城区", "spans": [[0, 3, "ns"]]}] * 3
    lines += [{"text": "北京市政府", "spans": [[0, 5, "nt"]]}]  # a place inside an organization's name
    seen, marked = name_usage("places", [_corpus(tmp_path, lines)])
    assert (seen["老城区"], marked["老城区"]) == (6, 0)
    assert (seen["北京市"], marked["北京市"]) == (4, 4)
    assert seldom_names("places", seen, marked) == [("老城区", 6, 0)]


def test_org_cuts_count_the_word_a_known_name_runs_into(tmp_path):
    lines = [{"text": "卫生部门要加强监督", "spans": []}] * 3 + [{"text": "卫生部今天宣布", "spans": [[0, 3, "nt"]]}]
    seen, marked = name_usage("org-cuts", [_corpus(tmp_path, lines)])
    assert seen == {"部门": 3} and marked == {}
    assert seldom_names("org-cuts", seen, marked) == [("部门", 3, 0)]


def test_governments_stay_organizations(tmp_path):
    seen, marked = name_usage("orgs", [_corpus(tmp_path, [{"text": "美国政府表示", "spans": [[0, 2, "ns"]]}] * 3)])
    assert seen["美国政府"] == 3 and seldom_names("orgs", seen, marked) == []


def test_name_usage_command_writes_a_data_file(tmp_path, capsys):
    assert main(["places", str(_corpus(tmp_path, [{"text": "老城区很小", "spans": []}] * 3))]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("#")]
    assert rows == ["老城区\t3\t0"]
    assert main(["people", "x.jsonl"]) == 2


def test_a_full_place_name_is_cut_where_its_last_character_opens_a_word():
    assert _names(find_places, "北京市民最为关心的事") == ["北京"]
    assert _names(find_places, "北京市民最为关心的事", keep_seldom=True) == ["北京市"]
    assert _names(find_places, "北京市政府") == ["北京市"]


def test_an_ending_annotators_seldom_mark_reads_no_organization_alone():
    def rule_orgs(text, **kwargs):
        return [text[c.start:c.end] for c in find_entities(text, **kwargs) if c.rule == "org_suffix"]

    assert rule_orgs("湖南省反季节蔬菜基地建成", keep_seldom_suffixes=True) == ["湖南省反季节蔬菜基地"]
    assert rule_orgs("湖南省反季节蔬菜基地建成") == []
    # the ending still closes a parent inside a longer name: 上合组织 heads its incubator
    assert rule_orgs("上合组织青年创业国际孵化器正式运营") == ["上合组织青年创业国际孵化器"]


def test_org_suffixes_count_the_endings_of_the_rules_organizations(tmp_path):
    lines = [{"text": "湖南省反季节蔬菜基地建成", "spans": [[0, 3, "ns"]]}] * 3
    lines += [{"text": "青岛市科技局表示", "spans": [[0, 6, "nt"]]}] * 3
    seen, marked = name_usage("org-suffixes", [_corpus(tmp_path, lines)])
    assert (seen["基地"], marked["基地"]) == (3, 0) and (seen["局"], marked["局"]) == (3, 3)
    assert seldom_names("org-suffixes", seen, marked) == [("基地", 3, 0)]


def test_a_kind_of_government_is_listed_but_not_whose_government_it_is(tmp_path):
    lines = [{"text": "党和政府十分关心美国政府的态度", "spans": []}] * 3
    seen, marked = name_usage("orgs", [_corpus(tmp_path, lines)])
    assert seen["党和政府"] == 3 and seen["美国政府"] == 3
    assert seldom_names("orgs", seen, marked) == [("党和政府", 3, 0)]
