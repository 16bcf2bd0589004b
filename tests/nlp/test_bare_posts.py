"""Posts that name no body (``Position.org`` None): a title before or after the name, a byline, a
post taken; and where a body is named, the post is read with it and not a second time without."""

import pytest


def _posts(nlp, text):
    return {(p.person.name, p.title, p.org and p.org.name) for p in nlp(text)._.kg_positions}


# fmt: off
@pytest.mark.parametrize("text, posts", [
    ("副区长王海涛昨天调研了道路工程。", {("王海涛", "副区长", None)}),  # title before, no body
    ("会上，李建国总统发表了讲话。", {("李建国", "总统", None)}),  # title after the name
    ("有关单位负责人吴志刚、郑少华、冯大伟参加了会议。",  # a generic body is no name; the list holds it
     {("吴志刚", "负责人", None), ("郑少华", "负责人", None), ("冯大伟", "负责人", None)}),
    ("国务委员兼外交部长孙正平会见了客人。",  # posts joined by 兼, 外交部 inside its title
     {("孙正平", "外交部长", None), ("孙正平", "国务委员", None)}),
    ("本报记者 周晓梅 通讯员 孙立新 赵文斌",  # a byline, names apart by spaces
     {("周晓梅", "记者", None), ("孙立新", "通讯员", None), ("赵文斌", "通讯员", None)}),
    ("本报讯记者高志强报道：会议召开。", {("高志强", "记者", None)}),
    ("经过选举，何永康当选主席。", {("何永康", "主席", None)}),  # a post taken, closing the clause
])
# fmt: on
def test_bare_posts_read_with_no_body(kg_nlp, text, posts):
    assert _posts(kg_nlp, text) == posts


def _rule_posts(text, *named):
    """Posts read over hand-made mentions, (name, label) each at its first place in ``text``: a rule
    test on them does not change when the NER model is retrained."""
    from kg.nlp.records import Mention
    from kg.nlp.relations import find_positions

    mentions = [Mention(text.index(n), text.index(n) + len(n), label, n, n) for n, label in named]
    return {(p.person.name, p.title, p.org and p.org.name) for p in find_positions(text, mentions)}


def test_bare_posts_a_modifier_opens_the_title():
    text = "常务副县长刘成和副县长陈志远出席会议。"
    posts = _rule_posts(text, ("刘成", "PERSON"), ("陈志远", "PERSON"))
    assert posts == {("刘成", "常务副县长", None), ("陈志远", "副县长", None)}


# fmt: off
@pytest.mark.parametrize("text, posts", [
    ("平度市副市长韩志明出席仪式。", {("韩志明", "副市长", "平度市")}),  # the body is named: no bare post too
    ("会见时，田国强先生说，合作很好。", set()),  # a form of address is no post
    ("杨光明代表全体职工发言。", set()),  # 代表 after a name is a verb
    ("陈海波担任经理已有三年。", set()),  # no clear end of the post taken
])
# fmt: on
def test_bare_posts_not_read(kg_nlp, text, posts):
    assert _posts(kg_nlp, text) == posts
