"""Positions (person, title, body or none) in the patterns of Chinese news: a ministry's 部 read
into the title, generic bodies, a unit of a body, words of praise before a title, bodies and people
in lists, posts joined by 和, posts taken, the head of a delegation."""

import pytest


def _posts(nlp, text):
    return {(p.person.name, p.title, p.org and p.org.name) for p in nlp(text)._.kg_positions}


# fmt: off
@pytest.mark.parametrize("text, posts", [
    # the NER model reads 法国外交部; the title is 外交部长 of 法国
    ("法国外交部长杜兰德今天抵达北京。", {("杜兰德", "外交部长", "法国")}),
    # a generic body names none: its word stays in the title
    ("县委书记周建华主持了会议。", {("周建华", "县委书记", None)}),
    ("市委副书记、常务副市长刘明远出席了仪式。", {("刘明远", "市委副书记", None), ("刘明远", "常务副市长", None)}),
    # 党组 opens the title; the post listed after it is the ministry's too
    ("交通部党组书记、副部长林正清在会上讲话。", {("林正清", "党组书记", "交通部"), ("林正清", "副部长", "交通部")}),
    # praise and time are no part of the title
    ("清华大学著名教授黄立新说，研究进展顺利。", {("黄立新", "教授", "清华大学")}),
    ("巴西新当选的总统卡洛斯今天表示，将加强合作。", {("卡洛斯", "总统", "巴西")}),
    ("华为公司CEO张立明表示，公司将加大投入。", {("张立明", "CEO", "华为公司")}),
])
# fmt: on
def test_positions_the_title_after_a_body(kg_nlp, text, posts):
    assert _posts(kg_nlp, text) == posts


def test_positions_a_conjunction_inside_a_ministers_field():
    from kg.nlp.records import Mention
    from kg.nlp.relations import find_positions

    text = "挪威石油与能源大臣汉森今天宣布了新计划。"  # hand-made mentions: a rule test, whatever the model reads
    mentions = [Mention(0, 2, "GPE", "挪威", "挪威"), Mention(9, 11, "PERSON", "汉森", "汉森")]
    found = {(p.person.name, p.title, p.org and p.org.name) for p in find_positions(text, mentions)}
    assert found == {("汉森", "石油与能源大臣", "挪威")}


# fmt: off
@pytest.mark.parametrize("text, posts", [
    # the body one is posted to is not the body of the post
    ("英国驻联合国大使约翰逊说，会议将推迟。", {("约翰逊", "驻联合国大使", "英国")}),
    # another name between: the assembly holds no post 前总理
    ("世界卫生大会今天选举法国前总理杜邦为总干事。", {("杜邦", "前总理", "法国"), ("杜邦", "总干事", None)}),
    ("中信银行的信用卡专家陈晓明指出，风险可控。", set()),  # 专家 names no post
])
# fmt: on
def test_positions_not_at_the_body_before(kg_nlp, text, posts):
    assert _posts(kg_nlp, text) == posts


# fmt: off
@pytest.mark.parametrize("text, posts", [
    # bodies listed before a title: the post of each
    ("中国作家协会、中国戏剧家协会主席王志刚出席了开幕式。",
     {("王志刚", "主席", "中国作家协会"), ("王志刚", "主席", "中国戏剧家协会")}),
    # posts joined by 和 at one body
    ("华远集团创始人和总经理陈立新介绍了情况。", {("陈立新", "创始人", "华远集团"), ("陈立新", "总经理", "华远集团")}),
    # the people named next, each after a title alone, at the body of the first
    ("德国总理施密特和外长费舍尔举行了会谈。", {("施密特", "总理", "德国"), ("费舍尔", "外长", "德国")}),
    ("青岛啤酒公司董事长王建国、总经理赵志强出席了签约仪式。",
     {("王建国", "董事长", "青岛啤酒公司"), ("赵志强", "总经理", "青岛啤酒公司")}),
    # a post with no body listed before a body's post, by 兼 or 、
    ("国务委员兼国务院秘书长王明出席了会议。", {("王明", "国务委员", None), ("王明", "秘书长", "国务院")}),
    ("国务委员、国家科委主任李华听取了汇报。", {("李华", "国务委员", None), ("李华", "主任", "国家科委")}),
])
# fmt: on
def test_positions_in_lists(kg_nlp, text, posts):
    assert _posts(kg_nlp, text) == posts


# fmt: off
@pytest.mark.parametrize("text, posts", [
    ("总统会见了以副总理陈建国为团长的中国政府代表团。",  # the head of a delegation named after it
     {("陈建国", "副总理", None), ("陈建国", "团长", "中国政府代表团")}),
    ("刘志远将出任青岛大学校长。", {("刘志远", "校长", "青岛大学")}),  # an adverb before the verb
    ("张建华曾担任过北京大学副校长。", {("张建华", "副校长", "北京大学")}),  # 过 after it
    # a headline: the post taken ends at the next name, who does not hold it
    ("王海涛当选山东省人大常委会主任李建国当选山东省省长",
     {("王海涛", "主任", "山东省人大常委会"), ("李建国", "省长", "山东省")}),
])
# fmt: on
def test_positions_taken_and_headed(kg_nlp, text, posts):
    assert _posts(kg_nlp, text) == posts


# fmt: off
@pytest.mark.parametrize("name, title, body, read", [
    ("省委", "书记", None, "省委书记"),  # generic, with the level before it
    ("人大", "副主任", None, "人大副主任"),  # generic alone
    ("交通部党组", "书记", "交通部", "党组书记"),  # a unit opens the title
    ("平度市", "市长", "平度市", "市长"),
])
# fmt: on
def test_post_bodies_post_at(name, title, body, read):
    from kg.nlp.post_bodies import post_at
    from kg.nlp.records import Mention

    found, found_title = post_at(Mention(0, len(name), "ORG", name, name), title)
    assert (found and found.name, found_title) == (body, read)
    if found is not None:
        assert (found.start, found.end) == (0, len(body))


def test_positions_the_posts_after_a_bodys_party_post_are_the_bodys(kg_nlp):
    assert _posts(kg_nlp, "中垣能源控股集团党委书记、董事长裴永泰一行到访。") == {
        ("裴永泰", "党委书记", "中垣能源控股集团"), ("裴永泰", "董事长", "中垣能源控股集团")}
    assert ("贾庆林", "市长", None) in _posts(kg_nlp, "北京市委书记、市长贾庆林出席。")


def test_post_bodies_split_ministries():
    from kg.nlp.post_bodies import split_ministries
    from kg.nlp.records import Mention

    text = "美国财政部长斯诺和国防部长科恩"
    mentions = [Mention(0, 5, "ORG", "美国财政部", "美国财政部"), Mention(6, 8, "PERSON", "斯诺", "斯诺"),
                Mention(9, 12, "ORG", "国防部", "国防部"), Mention(13, 15, "PERSON", "科恩", "科恩")]
    assert [(m.text, m.label) for m in split_ministries(text, mentions)] == [
        ("美国", "GPE"), ("斯诺", "PERSON"), ("科恩", "PERSON")]  # 国防部 names no place: no body


# fmt: off
@pytest.mark.parametrize("text, posts", [
    # a dateline's reporters hold 记者 at the agency that opens it, each one of them
    ("新华社上海３月２日电（记者孙立平、赵明华）上海市今天召开经济工作会议。",
     {("孙立平", "记者", "新华社"), ("赵明华", "记者", "新华社")}),
    # the outlet right before the role word wins; 本报 names no body
    ("本报北京３月２日讯新华社记者孙立平、本报记者赵明华报道：会议今天开幕。",
     {("孙立平", "记者", "新华社"), ("赵明华", "记者", None)}),
    ("据新华社广州３月２日电（解放军报记者孙立平）演习今天结束。", {("孙立平", "记者", "解放军报")}),
    ("本报讯记者孙立平报道：记者昨日从市政府获悉，地铁将开通。", {("孙立平", "记者", None)}),
    ("（新华社记者孙立平摄）", {("孙立平", "记者", "新华社")}),
])
# fmt: on
def test_positions_reporters_in_credits(kg_nlp, text, posts):
    assert _posts(kg_nlp, text) == posts


def _mention(text, name, label):
    from kg.nlp.records import Mention

    start = text.index(name)
    return Mention(start, start + len(name), label, name, name)


# fmt: off
@pytest.mark.parametrize("text, names, posts", [
    # an outlet the grammar knows by name gets a body where the model missed it
    ("（新华社记者孙立平摄）", ["孙立平"], {("孙立平", "记者", "新华社")}),
    ("据新华社广州３月２日电（记者孙立平、赵明华）演习结束。", ["孙立平", "赵明华"],
     {("孙立平", "记者", "新华社"), ("赵明华", "记者", "新华社")}),
    # a headline printed before 本报's dateline is no outlet's name
    ("新馆开馆本报厦门５月３日电记者孙立平报道：新馆今天开馆。", ["孙立平"], {("孙立平", "记者", None)}),
    ("记者孙立平今天采访了市长。", ["孙立平"], set()),  # no credit: a sentence about a reporter
    # an outlet named by its place opens the dateline, and the bracket of credits after it
    ("酒泉日报讯（记者 芮晓东 通讯员 冼雅琴）7月8日，酒泉市举行仪式。", ["芮晓东", "冼雅琴"],
     {("芮晓东", "记者", "酒泉日报"), ("冼雅琴", "通讯员", "酒泉日报")}),
    ("（沂水县融媒体中心 记者 王晓东 通讯员 李明）3月2日，沂水县举行仪式。", ["王晓东", "李明"],
     {("王晓东", "记者", "沂水县融媒体中心"), ("李明", "通讯员", "沂水县融媒体中心")}),
    ("本报讯（记者 沈佳怡 通讯员 周晓峰）3月15日，杭州市举行仪式。", ["沈佳怡", "周晓峰"],
     {("沈佳怡", "记者", None), ("周晓峰", "通讯员", None)}),
])
# fmt: on
def test_credit_posts_without_the_model(text, names, posts):
    from kg.nlp import credit_posts

    mentions = [_mention(text, name, "PERSON") for name in names]
    found = credit_posts.positions(text, mentions, (0, len(text)))
    assert {(p.person.name, p.title, p.org and p.org.name) for p in found} == posts


# fmt: off
@pytest.mark.parametrize("text, posts", [
    # the field a post covers belongs to its title; a place in it is no body
    ("美国中东事务协调员韦伯今天抵达。", {("韦伯", "中东事务协调员", "美国")}),
    ("总统的战略事务顾问赛义德指出，谈判陷入僵局。", {("赛义德", "战略事务顾问", None)}),
    ("法国外长和美国国务卿史密斯举行了会谈。", {("史密斯", "国务卿", "美国")}),
])
# fmt: on
def test_positions_title_with_its_field(kg_nlp, text, posts):
    assert _posts(kg_nlp, text) == posts


# fmt: off
@pytest.mark.parametrize("text, posts", [
    # a kind noun after the verb stands for the body named before it
    ("青岛海达足球俱乐部正式挂牌，副市长王建国出任俱乐部总经理。",
     {("王建国", "副市长", None), ("王建国", "总经理", "青岛海达足球俱乐部")}),
    ("华信电子有限公司开业，刘志远担任了公司的董事长兼总经理。",
     {("刘志远", "董事长", "华信电子有限公司"), ("刘志远", "总经理", "华信电子有限公司")}),
    # the noun opens a longer name: that body, not the one named before
    ("青岛海达足球俱乐部成立后，王建国出任俱乐部联合会主席。", {("王建国", "主席", "俱乐部联合会")}),
    # a phrase of time before the verb
    ("会议决定哈萨克斯坦总理卡里莫夫将在今后一年里担任独联体经济委员会主席。",
     {("卡里莫夫", "总理", "哈萨克斯坦"), ("卡里莫夫", "主席", "独联体经济委员会")}),
    ("韦伯曾在布朗任总统期间出任总统国家安全事务顾问。",
     {("韦伯", "总统国家安全事务顾问", None), ("布朗", "总统", None)}),
])
# fmt: on
def test_positions_taken_of_a_body_named_before(kg_nlp, text, posts):
    assert _posts(kg_nlp, text) == posts


# fmt: off
@pytest.mark.parametrize("text, posts", [
    # names printed with nothing between them after one role word
    ("本报驻东京记者孙立平赵明华", {("孙立平", "记者", None), ("赵明华", "记者", None)}),
    # a body joined to another by 及 is no body of the post after it
    ("自由党与工党及现财政部长韦伯领导的绿党结成联盟。", {("韦伯", "财政部长", None)}),
])
# fmt: on
def test_positions_bare_titles_in_lists(kg_nlp, text, posts):
    assert _posts(kg_nlp, text) == posts


# fmt: off
@pytest.mark.parametrize("text, posts", [
    # a life's account: later clauses with no subject of their own are the person's
    ("刘志远１９４８年生于山东省，１９７５年担任青岛大学副校长，１９８３年出任山东大学校长，１９９６年退休。",
     {("刘志远", "副校长", "青岛大学"), ("刘志远", "校长", "山东大学")}),
    # posts at two bodies joined by 和, closed by 等
    ("多年来，陈建国同志潜心研究，同时曾担任中国化学会副理事长和中国材料学会理事长等职务。",
     {("陈建国", "副理事长", "中国化学会"), ("陈建国", "理事长", "中国材料学会")}),
    # another person named first: the clause is not the first one's
    ("王海涛会见了李建国，随后担任青岛大学校长。", set()),
    # a date and adverbs before the verb, a name in its own language in brackets after the name
    ("阿里·萨达姆２０日再次当选为埃及总统。", {("阿里·萨达姆", "总统", "埃及")}),
    ("前不久，苏珊·格林（susangreen）被聘为代理执行官，", {("苏珊·格林", "代理执行官", None)}),
    # a word of time after the verb; the place of a posting abroad before the title
    ("大会选举卡洛斯为新一任世界气象组织秘书长。", {("卡洛斯", "秘书长", "世界气象组织")}),
    ("任命赵明华为中华人民共和国驻秘鲁共和国特命全权大使。", {("赵明华", "特命全权大使", "中华人民共和国")}),
])
# fmt: on
def test_positions_taken_in_later_clauses(kg_nlp, text, posts):
    assert _posts(kg_nlp, text) == posts


# fmt: off
@pytest.mark.parametrize("text, posts", [
    # a post stated with 是: at the body that closes the clause, or none where none is named
    ("伊万诺夫将军是首次访华的俄罗斯总参谋长，他将会见中方官员。", {("伊万诺夫", "总参谋长", "俄罗斯")}),
    ("彼得罗夫是前政府的内政部长，现已退休。", {("彼得罗夫", "内政部长", None)}),
    ("王刚是李强的秘书。", set()),  # another person's: no post of a body
    # the short name of a body in brackets before its title
    ("世界贸易组织（世贸组织）总干事卡尔森今天发表讲话。", {("卡尔森", "总干事", "世界贸易组织")}),
    # a heading's title before a colon, for the name that closes the line
    ("主持人：青岛日报编辑张明", {("张明", "主持人", None), ("张明", "编辑", "青岛日报")}),
    ("主持人：张明今天邀请了两位嘉宾。", set()),
    # a level's generic body opens the title; posts after the name joined by 兼
    ("省委书记王立和省纪委书记赵明出席。", {("王立", "省委书记", None), ("赵明", "省纪委书记", None)}),
    ("应张宏副总理兼外长的邀请，代表团将访华。", {("张宏", "副总理", None), ("张宏", "外长", None)}),
])
# fmt: on
def test_positions_stated_headed_and_joined(kg_nlp, text, posts):
    assert _posts(kg_nlp, text) == posts
