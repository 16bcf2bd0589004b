"""A statistical model's entity spans, repaired where no name can be so: spans over a sentence
mark or with an unclosed quote, a dot, a dash, a slash, 、 or quote marks at the edge, an address
with a house number (its places: :mod:`kg.nlp.entities.addresses`), a place with an event's
ending, an organization with a sector's, a trade's, a gathering's or a post's ending (工业设计产业,
建筑师, 青岛峰会, …军事总监), a person that is a gathering (观摩会), an organization
with 为 as a word (…升级为…) or with 旗下 after it, one that runs on into the sentence, over a
conjunction or from a native place, a place with a company's ending; a GPE or a person with the
ending of a building's, a street's or a zone's name (a LOC: 长城大厦), a place of one character
labelled as the place it stands for (欧: 欧洲, a LOC); a name that 展 or 节 follows
(an exhibition's: 金诺云展), a kind of body by its size (大党委), an organization that is a
dwelling compound (a place: 广兴里里院), a city's and a street's name in one span (two places), a run
of people's names read as one or a few (:mod:`kg.nlp.entities.name_lists`), a person whose name ends
like a place's (卡塔维亚区) or who stands in a list of places or of organizations
(:mod:`kg.nlp.entities.listed_kinds`). The rule layer (:func:`kg.nlp.entities.find_entities`)
takes the model's spans through :func:`repaired` before it fills around them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kg.nlp import lexicons, post_bodies
from kg.nlp.entities.addresses import split_address
from kg.nlp.entities.listed_kinds import relabel_listed
from kg.nlp.entities.name_lists import split_lists
from kg.nlp.entities.names import Candidate, _org_suffix_re, _org_suffixes, org_ending
from kg.nlp.entities.organizations import is_place_name
from kg.nlp.entities.short_places import full_name
from kg.nlp.train import place_label


def repaired(text: str, known: Iterable[Candidate], off: frozenset[str] = frozenset()) -> list[Candidate]:
    """The model's spans that can be names, cut back, split or relabelled where they have to be;
    the repairs named in ``off`` (see :data:`REPAIRS`) are left out."""
    spans = list(known)
    if "span_edges" not in off:
        spans = [_unquoted(text, _undotted(text, c)) for c in spans]
    if "span_address" not in off:
        spans = [part for c in spans for part in split_address(text, c)]
    checks = [check for rule, check in _CHECKS.items() if rule not in off]
    spans = [c for c in spans if c.end > c.start and not any(check(text, c) for check in checks)]
    for rule, cut in _CUTS.items():
        if rule not in off:
            spans = [cut(text, c) for c in spans]
    if "span_coordinated" not in off:
        spans = [part for c in spans for part in _split_coordinated(text, c)]
    if "span_company" not in off:
        spans = [_company(text, c) for c in spans]
    if "span_person_place" not in off:
        spans = [_person_place(text, c) for c in spans]
    if "span_dwelling" not in off:
        spans = [_dwelling(text, c) for c in spans]
    if "span_site" not in off:
        spans = [_site(text, c) for c in spans]
    if "span_short_place" not in off:
        spans = [_short_place(text, c) for c in spans]
    if "span_seat" not in off:
        spans = [part for c in spans for part in _split_seat(text, c)]
    if "span_name_list" not in off:
        spans = split_lists(text, spans)
    if "span_listed_kind" not in off:
        spans = relabel_listed(text, spans)
    return spans


# a count after a name makes it a kind, not one organization: 设立楼院党小组8800多个, 党支部3300余个
_COUNTED = re.compile(r"[0-9０-９一二三四五六七八九十百千万两]+(?:余|多)?(?:个|家|所|支)")
_BREAK = re.compile(r"[\n。！？；，,;!?]")
_QUOTES = ("“”", "《》", "「」", "‘’")
_PAIRS = _QUOTES + ("()", "（）")


def _heads_an_event(text: str, cand: Candidate) -> bool:
    """True for a span of three characters or more that 展 or 节 follows as a word of its own (金诺云 of
    “2020金诺云展”, 金诺国际机床 of 金诺国际机床展): the name of an exhibition or a festival, not of
    a person, organization or place. Of the corpora's ~143,000 gold names that a character follows,
    none of three characters or more stands so (微软公司展台, 四川省节前: words of their own)."""
    if cand.end - cand.start < 3 or text[cand.end:cand.end + 1] not in ("展", "节"):
        return False
    return len(lexicons.pos_tags(text[cand.end:cand.end + 4])[0][0]) == 1


def _no_name(check):
    """A check of a span's text and label, read as one of a span (see :data:`_CHECKS`)."""
    return lambda text, cand: check(text[cand.start:cand.end], cand.label)


def _post_not_body(name: str, label: str) -> bool:
    post = _post_of(name) if label == "ORG" else None
    return post is not None and not post.endswith(_body_endings())


# Spans no name can be, by rule name (``find_entities(off=...)`` leaves any of them out). Of MSRA's
# development set's gold entities none is one.
_CHECKS = {
    # runs over a line break or a sentence or clause mark, or opens a quote or bracket it does not
    # close (“青岛·云展日”主题活动启动\n本报)
    "span_breaks": _no_name(lambda name, label: bool(_BREAK.search(name)) or any(name.count(a) != name.count(b) for a, b in _PAIRS)),
    # 青岛籍: where someone comes from, not an organization or a place
    "span_native": _no_name(lambda name, label: label != "PERSON" and name.endswith("籍")),
    # 青岛布局工业设计产业: a sector, not an organization
    "span_sector": _no_name(lambda name, label: label == "ORG" and name.endswith(_not_org_endings())),
    # 澳大利亚建筑师, 仙游古典家具企业: people of a trade or a group, not one organization
    "span_group": _no_name(lambda name, label: label == "ORG" and name.endswith(group_nouns())),
    # 上海合作组织青岛峰会: a gathering, not an organization; 观摩会, not a person
    "span_gathering": _no_name(lambda name, label: (label == "ORG" and name.endswith(_gatherings()))
                               or (label == "PERSON" and _is_gathering(name))),
    # 大党委, 新公司: a kind of body, not one
    "span_kind": _no_name(lambda name, label: label == "ORG" and name[0] in _KIND_MODIFIERS and name[1:] in _body_endings()),
    # 俄罗斯联邦军事总监: a post, not an organization (新华社记者 is cut: _trimmed)
    "span_post": _no_name(_post_not_body),
    # 青岛广兴里里院蝶变升级为工业设计中心: a clause, not a name
    "span_becomes": _no_name(lambda name, label: label == "ORG" and "为" in name[1:] and _says_becomes(name)),
    # 青岛·云展日: a place of three characters or more with the ending of an event or a date
    "span_event_place": _no_name(lambda name, label: label in ("GPE", "LOC") and len(name) >= 3 and name.endswith(_not_place_endings())),
    "span_counted": lambda text, cand: bool(_COUNTED.match(text, cand.end)),
    "span_exhibition": lambda text, cand: _heads_an_event(text, cand),
}


@lru_cache(maxsize=1)
def _not_place_endings() -> tuple[str, ...]:
    return lexicons.word_list("entities/not_place_endings.txt")


@lru_cache(maxsize=1)
def _not_org_endings() -> tuple[str, ...]:
    return lexicons.word_list("entities/not_org_endings.txt")


def _says_becomes(name: str) -> bool:
    """True when jieba reads 为 in ``name`` as a word of its own or a verb's end (升级|为, 成为): of
    the corpora's ~40,000 gold organizations none does (为 stands in 7, inside 见义勇为 and 华为)."""
    return any(w == "为" or (len(w) == 2 and w[1] == "为" and f.startswith("v")) for w, f in lexicons.pos_tags(name))


@lru_cache(maxsize=1)
def group_nouns() -> tuple[str, ...]:
    """The nouns of a group of parties or of people by their trade (``events/group_nouns.txt``),
    less 部门 (CLUENER marks 监管部门 as a government 56 times): of the corpora's ~40,000 gold
    organizations 3 end with one of the others (中国作家)."""
    return tuple(n for n in lexicons.word_list("events/group_nouns.txt") if n != "部门")


# gatherings the corpora's gold marks as organizations more than once (全国人民代表大会, 政治协商会议,
# 世界经济论坛, 英超联赛, 上海世博会): names of bodies or series, not one meeting
_NAMED_GATHERINGS = ("大会", "会议", "论坛", "联赛", "赛事", "世博会")


@lru_cache(maxsize=1)
def _gatherings() -> tuple[str, ...]:
    """The nouns of gatherings (``events/event_nouns.txt``: 峰会, 研讨会, 典礼) less those that end
    the names of bodies and series: of the corpora's ~40,000 gold organizations 6 end with one of
    the rest (中国国际进口博览会); of the shipped model's ~50,000 organizations on People's Daily 1998
    train 4 do, none of them gold (文化部春节晚会)."""
    return tuple(n for n in lexicons.word_list("events/event_nouns.txt") if n not in _NAMED_GATHERINGS)


# one-character modifiers of size, age or reference: before a body's ending alone they make a kind
# or a reference (社区“大党委”, 小公司, 本公司), never a name: of the corpora's ~40,000 gold
# organizations 122 are one character and an ending, each a level's, a country's or 总/分/团's
# (镇党委, 以政府, 总医院, 分公司), none one of these
_KIND_MODIFIERS = "大小新老本该各此这那"


def _post_of(name: str) -> str | None:
    """What comes before a person's title that ends ``name`` (新华社记者 → 新华社), None without one.
    Of the corpora's ~39,000 gold organizations 10 end with a title (广州市委常委); of the model's
    ~50,000 organizations on People's Daily 1998 train 5 do, none of them gold (俄罗斯联邦军事总监,
    国际管理集团中国部高级经理)."""
    title = next((t for t in lexicons.person_titles() if name.endswith(t) and len(name) > len(t)), None)
    return None if title is None else name[: -len(title)]


@lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    return tuple(suffix for suffix, _ in _org_suffixes())


def _is_gathering(name: str) -> bool:
    """True for a person's span that is a verb or noun and 会 (观摩会, 推介会): of the corpora's
    ~41,000 gold people 9 end with 会, each after a surname (张学会, 黄传会), which jieba reads as a name."""
    if len(name) < 3 or not name.endswith("会"):
        return False
    words = lexicons.pos_tags(name[:-1])
    return len(words) == 1 and words[0][1] in ("v", "vn", "n")


_DOTS = "·•"
# marks that join or list names (长江路-黄河路, 中／英文, 北京、南京) and never open or close one
_JOINERS = "-－‐–—/／、~～"


def _undotted(text: str, cand: Candidate) -> Candidate:
    """A span without a name separator or a joining mark at its edge (米拉· of 米拉·乔沃维奇 cut
    short, 长江路- of 长江路-黄河路): the dot joins the parts of a name, a dash, a slash or 、 joins
    or lists names, and none opens or closes one (of the corpora's ~141,000 gold names 6 start or
    end with a joining mark, each an annotation slip: 汉堡-, 格伦-). A place's or organization's
    span whose part after the dot is one character is cut back to before the dot (青岛·云 of
    青岛·云展日): of the corpora's ~145,000 gold names only people's end so (凡·高)."""
    start, end = cand.start, cand.end
    while start < end and text[start] in _DOTS + _JOINERS:
        start += 1
    while end > start and text[end - 1] in _DOTS + _JOINERS:
        end -= 1
    if cand.label != "PERSON" and end - start >= 4 and text[end - 2] in _DOTS:
        end -= 2
    return cand if (start, end) == (cand.start, cand.end) else Candidate(start, end, cand.label, cand.rule, cand.name)


def _unquoted(text: str, cand: Candidate) -> Candidate:
    """A span without the quote marks around it (“青岛·云展日” → 青岛·云展日, 《人民日报》 → 人民日报): a
    name stands inside its quotes; the rest of the repairs then judge what is inside."""
    name = text[cand.start:cand.end]
    if len(name) > 2 and any(name[0] == a and name[-1] == b for a, b in _QUOTES + ('""',)):
        return Candidate(cand.start + 1, cand.end - 1, cand.label, cand.rule, cand.name)
    return cand


PARENT_OF = ("旗下", "下属", "所属", "属下")  # 中国平安旗下: what follows is its unit
_HOUSE_NUMBER = re.compile(r"[0-9０-９]+号$")


def _cut(cand: Candidate, start: int, end: int) -> Candidate:
    return cand if (start, end) == (cand.start, cand.end) else Candidate(start, end, cand.label, cand.rule, cand.name)


def _unnumbered(text: str, cand: Candidate) -> Candidate:
    """A place without its house number (海泊路63号 → 海泊路): kg's guideline marks no house number,
    but MSRA and CLUENER do, and 33 of the corpora's ~61,000 gold places end with one (唐宁街１０号)."""
    number = _HOUSE_NUMBER.search(text, cand.start, cand.end) if cand.label in ("GPE", "LOC") else None
    return _cut(cand, cand.start, number.start()) if number and number.start() - cand.start >= 2 else cand


def _untitled(text: str, cand: Candidate) -> Candidate:
    """An organization without the person's title after it (新华社记者 → 新华社): of the corpora's
    ~39,000 gold organizations 10 end with a title (:func:`_post_of`)."""
    post = _post_of(text[cand.start:cand.end]) if cand.label == "ORG" else None
    return _cut(cand, cand.start, cand.start + len(post)) if post is not None and len(post) >= 2 else cand


_PARTY_POSTS = ("副书记", "书记", "常委", "委员", "成员")


def _party_post(text: str, cand: Candidate) -> Candidate:
    """A body without its party committee where a party post follows (甲集团党委书记 → 甲集团, the
    post 党委书记, as kg's guideline reads a company's, a hospital's or a bureau's party secretary);
    a place's committee (湖东乡党委书记) and one named alone (甲集团党委召开会议) stay whole."""
    if cand.label != "ORG" or not text.startswith(_PARTY_POSTS, cand.end):
        return cand
    # 党委, 党组 (kg.nlp.post_bodies); a zone's 党工委 and a place's 市委 are bodies of their own
    organ = next((o for o in post_bodies.title_opening_units() if text.endswith(o, cand.start, cand.end)), None)
    body = text[cand.start:cand.end - len(organ)] if organ else ""
    return _cut(cand, cand.start, cand.end - len(organ)) if org_ending(body) else cand


_AFTER_NAME = "为在与和向对将"  # one-character words that follow a name (任命吴少华为会长, 张三在会上)


def _unworded(text: str, cand: Candidate) -> Candidate:
    """A person of four characters, a surname of one and a word that follows names at its end,
    without that word (吴少华为 → 吴少华, where the model reads 华为 as one word): none of the
    corpora's 39,470 gold people's names is written so."""
    name = text[cand.start:cand.end]
    single, compound = lexicons.surnames()
    if cand.label == "PERSON" and len(name) == 4 and name[-1] in _AFTER_NAME and name[0] in single and name[:2] not in compound:
        return _cut(cand, cand.start, cand.end - 1)
    return cand


def _unparented(text: str, cand: Candidate) -> Candidate:
    """An organization without 旗下 (下属, 所属, 属下) after it (中国平安旗下 → 中国平安): what follows
    is its unit. None of the corpora's ~39,000 gold organizations ends so."""
    if cand.label == "ORG" and text.endswith(PARENT_OF, cand.start + 2, cand.end):
        return _cut(cand, cand.start, cand.end - 2)
    return cand


def _unhomed(text: str, cand: Candidate) -> Candidate:
    """An organization without a native place before it (青岛籍中央电视台 → 中央电视台): none of the
    corpora's ~39,000 gold organizations holds one."""
    native = text.find("籍", cand.start, cand.end - 2) if cand.label == "ORG" else -1
    return _cut(cand, native + 1, cand.end) if native > cand.start and is_place_name(text[cand.start:native]) else cand


def _trimmed(text: str, cand: Candidate) -> Candidate:
    """An organization cut back after the first name ending that a verb follows, where the model ran
    on into the sentence (…电子政务研究中心发布省级政府 → …电子政务研究中心). jieba reads the
    ending's next characters as a verb inside many names, so it cuts 181 of the corpora's ~39,000
    gold organizations (中国社|会科学院, 吉林大学|超硬材料国家重点实验室)."""
    if cand.label != "ORG":
        return cand
    for match in _org_suffix_re().finditer(text, cand.start, cand.end):
        rest = text[match.end():cand.end]
        flag = lexicons.pos_tags(rest)[0][1] if len(rest) >= 2 else ""
        if match.start() - cand.start >= 2 and flag.startswith("v") and flag != "vn":
            return _cut(cand, cand.start, match.end())
    return cand


# Cuts of a span back to the name in it, by rule name, in the order they are made
_CUTS = {
    "span_title": _untitled,
    "span_party_post": _party_post,
    "span_name_word": _unworded,
    "span_parent": _unparented,
    "span_hometown": _unhomed,
    "span_trim": _trimmed,
    "span_house_number": _unnumbered,
}
REPAIRS = ("span_edges", "span_address", *_CHECKS, *_CUTS, "span_coordinated", "span_company", "span_person_place",
           "span_dwelling", "span_site", "span_short_place", "span_seat", "span_name_list", "span_listed_kind")


@lru_cache(maxsize=1)
def _company_words() -> tuple[str, ...]:
    return lexicons.word_list("entities/company_words.txt")


def _company(text: str, cand: Candidate) -> Candidate:
    """A statistical model's place whose name ends with a company's word (长安汽车, 交通银行) is an
    organization."""
    if cand.label in ("GPE", "LOC") and text.endswith(_company_words(), cand.start, cand.end):
        return Candidate(cand.start, cand.end, "ORG", cand.rule, cand.name)
    return cand


def _person_place(text: str, cand: Candidate) -> Candidate:
    """A statistical model's person of three characters or more whose name ends with a place's
    ending (卡塔维亚区, 圣马丁堡, 京沪线: ``entities/not_person_endings.txt``) is that place: of the
    corpora's ~30,000 gold people of three characters or more 5 end so (陈贵州, 谷登堡)."""
    if cand.label == "PERSON" and cand.end - cand.start >= 3 and text.endswith(_not_person_endings(), cand.start, cand.end):
        name = text[cand.start:cand.end]
        return Candidate(cand.start, cand.end, place_label(name), cand.rule, cand.name)
    return cand


@lru_cache(maxsize=1)
def _not_person_endings() -> tuple[str, ...]:
    return lexicons.word_list("entities/not_person_endings.txt")


@lru_cache(maxsize=1)
def _dwellings() -> tuple[str, ...]:
    return lexicons.word_list("entities/dwelling_words.txt")


def _dwelling(text: str, cand: Candidate) -> Candidate:
    """A statistical model's organization that ends with the word for a kind of dwelling compound
    (里院, 大院, 四合院) is a place: none of the corpora's ~40,000 gold organizations ends so, and
    the places that do are named for a family, a street or a lane (王家大院, 福山路３８号大院). Where
    the word opens with the last character of the name before it, the compound is that lane's (广兴里
    of 广兴里里院: the 里院 of 广兴里), and the lane's name is the place."""
    name = text[cand.start:cand.end]
    word = next((w for w in _dwellings() if name.endswith(w) and len(name) > len(w)), None)
    if cand.label != "ORG" or word is None:
        return cand
    end = cand.end - len(word) if name[-len(word) - 1] == word[0] and len(name) - len(word) >= 3 else cand.end
    return Candidate(cand.start, end, "LOC", cand.rule, cand.name)


@lru_cache(maxsize=1)
def _site_endings() -> tuple[str, ...]:
    return lexicons.word_list("entities/site_endings.txt")


def _site(text: str, cand: Candidate) -> Candidate:
    """A statistical model's GPE whose name ends with a site's ending (长城大厦, 民园体育场, 中环南路,
    嘉手纳空军基地: ``entities/site_endings.txt``) after two characters or more is a LOC: a building,
    venue, street, park, zone or coast, no place with a government. None of the event corpus's ~3,000
    gold places that ends so is a GPE; 210 are LOCs. An administrative unit's or a country's name
    stays a GPE (大石桥, 下花园区). A person whose name ends with an ending of two characters is a
    LOC too (阿纳海姆会议中心, 黄田机场): none of the corpora's ~41,000 gold people ends so (of the
    one-character endings, 堂, 路, 园, 桥 and 陵 end 64: 李春堂)."""
    if cand.label not in ("GPE", "PERSON") or cand.end - cand.start < 3 or is_place_name(text[cand.start:cand.end]):
        return cand
    shortest = 1 if cand.label == "GPE" else 2
    ending = next((e for e in _site_endings() if len(e) >= shortest and text.endswith(e, cand.start, cand.end)), None)
    if ending is not None and cand.end - cand.start - len(ending) >= 2:
        return Candidate(cand.start, cand.end, "LOC", cand.rule, cand.name)
    return cand


def _short_place(text: str, cand: Candidate) -> Candidate:
    """A statistical model's one-character place that stands for one place only (欧: 欧洲, 美: 美国;
    ``entities/place_abbreviations.tsv``) takes that place's label (欧, 亚 and 非 are continents,
    LOCs): each of the event corpus's 357 gold places of one character that stands so has it."""
    if cand.label not in ("GPE", "LOC") or cand.end - cand.start != 1:
        return cand
    name = full_name(text[cand.start], "")
    label = place_label(name) if name is not None else cand.label
    return cand if label == cand.label else Candidate(cand.start, cand.end, label, cand.rule, cand.name)


_STREET_ENDINGS = ("路", "街", "大道", "里", "巷", "弄", "胡同")


def _split_seat(text: str, cand: Candidate) -> list[Candidate]:
    """A statistical model's place that is a city's or a country's name and a street's or a lane's
    (青岛广兴里, 山东省济南市经十路) as those places: MSRA's and People's Daily's gold mark them apart
    55 times (成都市|蜀都大道, 纽约|华尔街), whole 4 times (哈尔滨中央大街). The city's name ends where a
    word does (中山路|步行街 holds no 中山); after it an everyday word names a kind of road, no place
    (海南|高速公路: the place is 海南)."""
    name = text[cand.start:cand.end]
    if cand.label not in ("GPE", "LOC") or not name.endswith(_STREET_ENDINGS) or len(name) < 5:
        return [cand]
    bounds = lexicons.word_ends(name)
    size = next((k for k in range(min(5, len(name) - 3), 1, -1) if k in bounds and is_place_name(name[:k])), 0)
    if not size:
        return [cand]
    seat = Candidate(cand.start, cand.start + size, "GPE", cand.rule, None)
    rest = name[size:]
    if lexicons.is_word(rest, 50) or lexicons.is_common_noun(rest):
        return [seat]  # 海南|高速公路: a kind of road, no name
    return [seat] + _split_seat(text, Candidate(cand.start + size, cand.end, "LOC", cand.rule, None))


_AND = "与和及、同"


def _split_coordinated(text: str, cand: Candidate) -> list[Candidate]:
    """A statistical model's organization that runs over a conjunction between two names, each with
    an organization's ending (济南市人民政府与华为技术有限公司), as those two names. Not inside a word
    (日本众议院和平改革俱乐部: 和平), and not where the first name is an ending alone (大学与企业合作委员会)."""
    if cand.label != "ORG":
        return [cand]
    for match in _org_suffix_re().finditer(text, cand.start, cand.end):
        at = match.end()
        if at + 2 >= cand.end or text[at] not in _AND or match.start() - cand.start < 2:
            continue
        rest = text[at + 1:cand.end]
        if not rest.endswith(_body_endings()):
            continue
        words = lexicons.pos_tags(text[match.start():min(cand.end, at + 3)])
        if any(word.startswith(text[at]) and len(word) > 1 for word, _ in words):
            continue  # 和平, 及时: the conjunction opens a word
        first = Candidate(cand.start, at, "ORG", cand.rule, None)
        return [first] + _split_coordinated(text, Candidate(at + 1, cand.end, "ORG", cand.rule, None))
    return [cand]
