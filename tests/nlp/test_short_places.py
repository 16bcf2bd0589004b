from kg.nlp.entities.short_places import expanded, full_name
from kg.nlp.records import Mention


def test_short_places_one_name_or_the_one_the_article_writes_out():
    assert full_name("中", "") == "中国" and full_name("葡", "") == "葡萄牙"
    assert full_name("巴", "巴以双方签署协议。") is None  # 巴西? 巴基斯坦? 巴勒斯坦?
    assert full_name("巴", "巴勒斯坦与以色列会谈，巴以双方签署协议。") == "巴勒斯坦"
    assert full_name("岛", "") is None


def test_short_places_a_mention_written_as_a_place_is_named_and_labelled_by_it():
    [europe, asia] = expanded([Mention(0, 1, "GPE", "欧", "欧"), Mention(1, 2, "GPE", "亚", "亚")], "欧亚大陆")
    assert (europe.name, europe.label, europe.alias, asia.name) == ("欧洲", "LOC", True, "亚洲")
    [china] = expanded([Mention(2, 3, "GPE", "华", "华")], "来访华的代表团")
    assert china.name == "中国"
    organization = Mention(0, 1, "ORG", "中", "中")
    assert expanded([organization], "中方") == [organization]


def test_short_places_a_mention_inside_a_word_stays_as_written():
    olympics = Mention(0, 1, "GPE", "奥", "奥")
    assert expanded([olympics], "奥运会开幕") == [olympics]
    lottery = Mention(3, 4, "GPE", "中", "中")
    assert expanded([lottery], "昨天，中彩中心透露") == [lottery]


def test_short_places_a_pair_of_countries_takes_part_as_two(kg_nlp):
    doc = kg_nlp("１９８７年４月１３日，中葡两国政府经过谈判在北京正式签署了关于澳门问题的联合声明。")
    [event] = [e for e in doc._.kg_events if e.cls == "Signing"]
    assert [(a.role, a.mention.name) for a in event.arguments] == [("agent", "中国"), ("partner", "葡萄牙")]
    [event] = [e for e in kg_nlp("中意两国经济互补性很强，合作潜力很大。")._.kg_events if e.cls == "Cooperation"]
    assert {a.mention.name for a in event.arguments} == {"中国", "意大利"}
    [event] = [e for e in kg_nlp("中日合作修复南京古城墙。")._.kg_events if e.cls == "Cooperation"]
    assert {a.mention.name for a in event.arguments} == {"中国", "日本"}  # 南京 is what is restored, not a partner
    doc = kg_nlp("北京电视台与南非华人共同主办了一场晚会。")  # 南非|华人: a people, no pair
    assert not any(a.mention.name == "南非" for e in doc._.kg_events for a in e.arguments)


def test_short_places_a_pair_whose_place_the_article_leaves_open_still_takes_part_as_two(kg_nlp):
    [event] = [e for e in kg_nlp("正是在这一年的岁尾，中南两国签署了建交联合公报。")._.kg_events if e.cls == "Signing"]
    assert [(a.role, a.mention.text) for a in event.arguments] == [("agent", "中"), ("partner", "南")]
