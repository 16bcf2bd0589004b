"""Document-level entity rules: the party first named in X 与 Y 签约, a name spread to its other occurrences, and find_entities, which runs every finder and keeps the longest non-overlapping candidates."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from kg.nlp import lexicons
from kg.nlp.entities.names import Candidate, HAN, _choose, _org_suffix_re, _org_suffixes
from kg.nlp.entities.organizations import find_coordinated_heads, find_enumerations, find_known_orgs, find_orgs, is_place_name
from kg.nlp.entities.persons import find_persons
from kg.nlp.entities.places import find_places, find_suffixed_places


@lru_cache(maxsize=1)
def _bilateral_re() -> re.Pattern:
    triggers = lexicons.table("events/triggers.tsv")
    bilateral = {"Signing", "Cooperation", "Meeting"}
    words = [w for w, c in triggers.items() if c in bilateral]
    words += [joint + w for w in triggers for joint in ("共同", "联合")]  # X与Y联合成立…: X does it with Y
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


_SLOT = re.compile(rf"(?:^|(?<=[\s,，。:：;；、“]))([{HAN}A-Za-z·]{{2,10}}?)(?=[与同跟])")


def find_slot_fillers(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """The party named first in ``X 与 Y … 签约/合作/会见`` where Y is a known entity: X is an
    organization too (海尔卡奥斯与平度市…签署). Only in clauses that hold such a trigger."""
    starts = {c.start for c in chosen}
    # names found by rules stand; a statistical model's pieces inside the run do not (海尔 + 卡奥斯)
    taken = {i for c in chosen if c.label in ("ORG", "PERSON") and c.rule != "model" for i in range(c.start, c.end)}
    for trig in _bilateral_re().finditer(text):
        clause_start = max(text.rfind(p, 0, trig.start()) for p in "，,。；;\n") + 1
        clause = text[clause_start:trig.start()]
        clause = TIME_PREFIX.sub(lambda m: " " * len(m.group(0)), clause)
        for match in _SLOT.finditer(clause):
            start, end = clause_start + match.start(1), clause_start + match.end(1)
            if end + 1 in starts and not taken & set(range(start, end)) and not lexicons.has_function_word(match.group(1)):
                if not lexicons.is_word(match.group(1), 50):
                    yield Candidate(start, end, "ORG", "slot")


_SHORT_FORM = re.compile(r"[（(](?:以下)?(?:简称|下称|称)[:：]?[“\"「]?([^”\"」）)，,。、]{2,12}?)[”\"」]?[）)]")


def find_short_forms(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """The short form a text defines for a name (青岛海尔智家股份有限公司（以下简称“海尔智家”）): a
    mention of that name, here and wherever it comes again (see :func:`propagate`)."""
    for cand in chosen:
        match = _SHORT_FORM.match(text, cand.end)
        if match and cand.label in ("ORG", "GPE", "LOC"):
            yield Candidate(match.start(1), match.end(1), cand.label, "short_form", cand.name or text[cand.start:cand.end])


TIME_PREFIX = re.compile(r"^\s*(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午)?")


def propagate(text: str, chosen: list[Candidate]) -> Iterator[Candidate]:
    """Every other occurrence of a name found once in the document (the model or a rule may have
    seen only the first). An organization named without a suffix (a brand: 海尔卡奥斯) is also
    found by its tail after the first two characters (卡奥斯), as news shortens such names."""
    names = {text[c.start:c.end]: (c.label, c.name) for c in chosen if c.end - c.start >= 2 and c.rule != "model"}
    for c in chosen:
        name = text[c.start:c.end]
        if c.label == "ORG" and c.rule in ("slot", "model") and 5 <= len(name) <= 8 and not _org_suffix_re().search(name):
            names.setdefault(name[2:], ("ORG", c.name or name))  # over the model's label for the tail (卡奥斯 PERSON)
    for c in chosen:
        if c.rule == "model" and c.end - c.start >= 2:
            names.setdefault(text[c.start:c.end], (c.label, c.name))
    if not names:
        return
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    for match in pattern.finditer(text):
        label, name = names[match.group(0)]
        yield Candidate(match.start(), match.end(), label, "propagation", name)


# a count after a name makes it a kind, not one organization: 设立楼院党小组8800多个, 党支部3300余个
_COUNTED = re.compile(r"[0-9０-９一二三四五六七八九十百千万两]+(?:余|多)?(?:个|家|所|支)")
_BREAK = re.compile(r"[\n。！？；，,;!?]")
_PAIRS = ("“”", "()", "（）", "《》", "「」", "‘’")


def _well_formed(name: str, label: str) -> bool:
    """False for a statistical model's span that no name can be: one that runs over a line break or
    a sentence or clause mark, or opens a quote or bracket it does not close (“青岛·云展日”主题活动启动\n本报),
    or a place of three characters or more with the ending of an event or date (青岛·云展日).
    No gold entity of MSRA's development set breaks these."""
    if _BREAK.search(name) or any(name.count(a) != name.count(b) for a, b in _PAIRS):
        return False
    if label != "PERSON" and name.endswith("籍"):
        return False  # 青岛籍: where someone comes from, not an organization or a place
    return not (label in ("GPE", "LOC") and len(name) >= 3 and name.endswith(_not_place_endings()))


_SUPERLATIVE = re.compile(r"最(?!高)")


def _describes(cand: Candidate, text: str) -> bool:
    """True for an organization or place span holding a superlative (青岛最大里院, 全国最好企业): a
    description, not a name. 最高 stays (最高人民法院, 美国最高法院): in the corpora's gold names 最
    comes only so, but for one newspaper (最新消息报)."""
    return cand.label != "PERSON" and _SUPERLATIVE.search(text, cand.start, cand.end) is not None


@lru_cache(maxsize=1)
def _not_place_endings() -> tuple[str, ...]:
    return lexicons.word_list("entities/not_place_endings.txt")


_HOUSE_NUMBER = re.compile(r"[0-9０-９]+号$")


def _trimmed(text: str, cand: Candidate) -> Candidate:
    """A statistical model's span cut back to the name: a place without its house number (海泊路63号
    → 海泊路); an organization without a native place before it (青岛籍中央电视台 → 中央电视台), and
    after the first name ending that a verb follows, where the model ran on into the sentence
    (…电子政务研究中心发布省级政府 → …电子政务研究中心)."""
    end = cand.end
    if cand.label in ("GPE", "LOC"):
        number = _HOUSE_NUMBER.search(text, cand.start, cand.end)
        end = number.start() if number and number.start() - cand.start >= 2 else end
    elif cand.label == "ORG":
        native = text.find("籍", cand.start, cand.end - 2)
        if native > cand.start and is_place_name(text[cand.start:native]):
            return _trimmed(text, Candidate(native + 1, cand.end, cand.label, cand.rule, cand.name))  # 青岛籍|中央电视台
        for match in _org_suffix_re().finditer(text, cand.start, cand.end):
            rest = text[match.end():cand.end]
            flag = lexicons.pos_tags(rest)[0][1] if len(rest) >= 2 else ""
            if match.start() - cand.start >= 2 and flag.startswith("v") and flag != "vn":
                end = match.end()
                break
    return cand if end == cand.end else Candidate(cand.start, end, cand.label, cand.rule, cand.name)


@lru_cache(maxsize=1)
def _company_words() -> tuple[str, ...]:
    return lexicons.word_list("entities/company_words.txt")


def _company(text: str, cand: Candidate) -> Candidate:
    """A statistical model's place whose name ends with a company's word (长安汽车, 交通银行) is an
    organization."""
    if cand.label in ("GPE", "LOC") and text.endswith(_company_words(), cand.start, cand.end):
        return Candidate(cand.start, cand.end, "ORG", cand.rule, cand.name)
    return cand


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
        if not rest.endswith(tuple(suffix for suffix, _ in _org_suffixes())):
            continue
        words = lexicons.pos_tags(text[match.start():min(cand.end, at + 3)])
        if any(word.startswith(text[at]) and len(word) > 1 for word, _ in words):
            continue  # 和平, 及时: the conjunction opens a word
        first = Candidate(cand.start, at, "ORG", cand.rule, None)
        return [first] + _split_coordinated(text, Candidate(at + 1, cand.end, "ORG", cand.rule, None))
    return [cand]


def find_entities(text: str, known: Iterable[Candidate] = ()) -> list[Candidate]:
    """All rule entities of a text, non-overlapping, longest first.

    Args:
        text: the document text.
        known: entities found before (by the statistical model); rules fill around them and
            win over one only with a longer span that overlaps it, or
            the same span (where the rule's label stands).
    """
    known = [_trimmed(text, c) for c in known if _well_formed(text[c.start:c.end], c.label) and not _COUNTED.match(text, c.end)]
    known = [part for c in known for part in _split_coordinated(text, c)]
    known = [_company(text, c) for c in known]
    places = list(find_places(text))
    places += list(find_suffixed_places(text, places))
    found = places + list(find_orgs(text, places)) + list(find_known_orgs(text))
    found += list(find_persons(text)) + list(find_enumerations(text))
    chosen = _choose([c for c in known + found if not _describes(c, text)])
    heads = {(c.start, c.end): c for c in find_coordinated_heads(text, chosen)}
    chosen = [heads.get((c.start, c.end), c) for c in chosen]
    chosen = _choose(chosen + list(find_slot_fillers(text, chosen)))
    chosen = _choose(chosen + list(find_short_forms(text, chosen)))
    return _choose(chosen + list(propagate(text, chosen)))
