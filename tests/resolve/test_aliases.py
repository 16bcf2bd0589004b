import pytest

from kg.nlp.records import Mention
from kg.resolve.aliases import abbreviations, expand_local, home_unit
from kg.resolve.entities import EntityTable


def _org(name):
    return Mention(0, len(name), "ORG", name, name)


# fmt: off
@pytest.mark.parametrize("name, short", [
    ("上海合作组织", "上合组织"),
    ("上海汽车集团股份有限公司", "上汽集团"),  # without the legal form, the kind (集团) kept whole
    ("上海汽车集团股份有限公司", "上海汽车集团"),
])
# fmt: on
def test_aliases_abbreviations_take_first_characters_of_leading_words(name, short):
    assert short in abbreviations(name)


def test_aliases_abbreviation_keeps_the_last_word_whole():
    assert "上合组" not in abbreviations("上海合作组织")
    assert "中国银行" not in abbreviations("中国建设银行")


def test_aliases_local_name_expands_to_the_articles_city_and_province():
    qingdao = home_unit("本报青岛讯", [])
    assert qingdao.name == "青岛市"
    assert expand_local("市发展改革委", qingdao) == "青岛市发展改革委"
    assert expand_local("省科技厅", qingdao) == "山东省科技厅"
    assert expand_local("市发展改革委", None) == "市发展改革委"
    assert home_unit(None, ["平度", "莱西", "济南"]).name == "青岛市"


def test_entities_merge_abbreviation_across_corpus():
    table = EntityTable()
    long_key = table.add(_org("上海合作组织"))
    short_key = table.add(_org("上合组织"))
    table.merge_abbreviations()
    assert table.resolve(short_key) == long_key
    assert "上合组织" in table.entities[long_key].aliases


def test_entities_local_names_merge_with_full_names():
    table = EntityTable()
    qingdao = home_unit("本报青岛讯", [])
    assert table.add(_org("市发展改革委"), qingdao) == table.add(_org("青岛市发展改革委"))


def test_entities_gpe_short_form_is_the_full_unit_with_code():
    table = EntityTable()
    key = table.add(Mention(0, 2, "GPE", "平度", "平度"))
    entity = table.entities[key]
    assert (entity.name, entity.code, entity.parent) == ("平度市", "370283", ("GPE", "青岛市"))
    assert "平度" in entity.aliases


def test_aliases_local_name_never_touches_a_place_named_with_shi():
    assert expand_local("市北区社会组织", home_unit("本报青岛讯", [])) == "市北区社会组织"
    assert expand_local("省级政府", home_unit("本报青岛讯", [])) == "省级政府"  # any province's


def test_entities_local_name_is_located_in_the_unit_it_was_read_as():
    table = EntityTable()
    key = table.add(_org("市发展改革委"), home_unit("本报青岛讯", []))
    assert table.entities[key].seat == ("GPE", "青岛市")
    assert ("GPE", "青岛市") in table.entities
    assert table.entities[table.add(_org("青岛市发展改革委"))].seat == ("GPE", "青岛市")


def test_entities_merged_name_seen_again_goes_to_the_survivor():
    table = EntityTable()
    long_key = table.add(_org("上海合作组织"))
    table.add(_org("上合组织"))
    table.merge_abbreviations()
    assert table.add(_org("上合组织")) == long_key
    assert ("ORG", "上合组织") not in table.entities


def test_entities_generic_local_body_is_the_articles_own():
    """市委 is 青岛市委 in an article about 青岛; with no known place it is one body per scope, never
    one node for every city's committee."""
    table = EntityTable()
    assert table.add(_org("市委"), home_unit("本报青岛讯", [])) == ("ORG", "青岛市委")
    first = table.add(_org("区委"), scope="a.jsonl#1")
    second = table.add(_org("区委"), scope="a.jsonl#2")
    assert first != second and table.add(_org("区委"), scope="a.jsonl#1") == first
    assert table.entities[second].name == "区委"
    assert table.add(_org("市北区委"), scope="a.jsonl#1") == table.add(_org("市北区委"), scope="a.jsonl#2")
