"""Events: trigger words (``kg/resources/events/triggers.tsv``) with named participants and roles.

For each trigger the participants are the entities of its clause (for bilateral events, back to the
clause that holds 与: X 分别与 A、B, C、D 完成签约), or, where the clause names none before the
trigger, the first one of the sentence (the subject that commas left behind). Names that only say
where, whose or what kind take no part (:mod:`kg.nlp.participants`: datelines, 平度市的…,
在人民大会堂), nor do names before a pivot verb (青岛市指导行业协会举办: the 协会 holds it). A trigger
word that names a kind of agreement (签署合作框架协议), modifies a noun without a named partner
(合作平台) or makes a kind of party (投资者) makes no event (:mod:`kg.nlp.trigger_use`). Roles come
from ``roles.tsv``: before or after the trigger, and for bilateral events (签约, 合作, 会见) the party
after 与/同/跟 (else 和) is the partner; 分别 makes one event per partner; 共同 makes co-agents; 被
turns the roles round (受X委托 keeps X the agent, and makes a name before 受 the theme), as 当选/出任
do; in a relative clause (主办…的X) X does it. Cue words before the trigger (将, 拟, 未 …) set the modality.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.ingest.bylines import credit_spans
from kg.nlp import lexicons, trigger_use
from kg.nlp.amounts import find_amounts
from kg.nlp.entities.persons import _title_re
from kg.nlp.participants import COUNTED, is_pair, is_venue, participants, quoted_spans
from kg.nlp.records import Argument, Event, Mention
from kg.nlp.text import TIME, clauses, sentences

_PARTNER_MARK = re.compile(r"与|跟|(?<!共)同(?![时样比一期等])")  # 同 as "with", not 同时, 共同, 同比
_CONFIDENCE = {"clause": 0.8, "sentence": 0.6}


@lru_cache(maxsize=1)
def _roles() -> dict[str, tuple[str, str, bool]]:
    return {cls: (before, after, bilateral == "yes") for cls, before, after, bilateral, *_ in lexicons.rows("events/roles.tsv")}


@lru_cache(maxsize=1)
def _types() -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[4].split(",")) for row in lexicons.rows("events/roles.tsv")}


@lru_cache(maxsize=1)
def _needs() -> dict[str, str]:
    return {row[0]: row[5] for row in lexicons.rows("events/roles.tsv") if row[5] != "-"}


def _modality(text: str, start: int, at: int, mentions: list[Mention]) -> str:
    """planned/negated when a cue word stands between the first party and the trigger, outside
    entity names (将与 X 签约, 未签约): within the twelve characters before the trigger, or right after
    the first party however far the trigger is (法国愿意加强同中国在各个领域的合作); else asserted."""
    cues = lexicons.table("events/modality.tsv")
    ordered = sorted(cues, key=len, reverse=True)
    party = next((m for m in mentions if m.end == start), None)
    if party is not None and text[start:at] == "的":  # 没有俄罗斯的合作: the party's own act, negated
        denied = next((cue for cue in ordered if text.endswith(cue, 0, party.start)), None)
        if denied is not None and cues[denied] == "negated":
            return "negated"
    lead = start + (text[start:start + 1] in _BEFORE_CUE)  # 青岛市政府也将于下月在北京与…签约
    opening = next((cue for cue in ordered if text.startswith(cue, lead, at)), None)
    if opening is not None:
        return cues[opening]  # a cue right after the first party, however far the trigger is
    window = trigger_use.outside_names(text, max(start, at - 12), at, mentions)
    for cue in ordered:
        if cue in window:
            return cues[cue]
    return "asserted"


_BEFORE_CUE = "也还都仍已又"


def _inside(mentions: list[Mention], at: int) -> bool:
    return any(m.start <= at < m.end for m in mentions)


def time_of(text: str, sent: tuple[int, int], at: int) -> str | None:
    found = [m for m in TIME.finditer(text, *sent) if m.start() < at]
    return found[-1].group(0) if found else None


def _object_follows(text: str, at: int, clause_end: int) -> bool:
    """True when the words after a trigger ending at ``at`` go on in its clause (举行|新春团拜会), not
    where it ends it (大会…隆重举行。)."""
    rest = text[at:clause_end].lstrip("了 ")
    return bool(rest) and "\u4e00" <= rest[0] <= "\u9fff"


@lru_cache(maxsize=1)
def _held_nouns() -> tuple[str, ...]:
    """Gathering nouns no body's name ends with (not 论坛: 世界经济论坛 is one)."""
    return tuple(n for n in trigger_use.event_nouns() if n != "论坛")




def _assign(text: str, cls: str, trig: re.Match, before: list[Mention], after: list[Mention]) -> list[list[Argument]]:
    """Roles for the participants of one trigger; several lists where 分别 splits the event."""
    role_before, role_after, bilateral = _roles()[cls]
    if not before and after and "的" in text[trig.end():after[0].start]:
        before, after = after, []  # 主办评选活动的中国足协和珀金斯公司: a relative clause, its head does it
        if trig.group(0) in _appointee_verbs():  # 新当选的全国政协委员: the body of the post, not who is elected
            before = [m for m in before if m.label == "PERSON" or not _title_re().match(text, m.end)]
    before = trigger_use.after_agent_marker(text, before, trig.start())
    if trig.group(0) in _appointee_verbs() and before:  # 江泽民主席对金大中当选…的祝贺: only 金大中 is elected
        first = len(before) - 1
        while first > 0 and trigger_use.LIST_GAP.fullmatch(text, before[first - 1].end, before[first].start):
            first -= 1  # 罗纳尔多（巴西）、乔丹（美国）…当选
        before = before[first:]
    by = next((i for i in range(1, len(before)) if text[before[i - 1].end:before[i].start] in _BY), None)
    taken_by: list[Mention] = []
    if by is not None and role_before == "agent" and not bilateral:
        taken_by, before = before[:by], before[by:]  # 泰州海光机械厂被春兰兼并: 春兰 does it
    lead = text[before[-1].end:trig.start()] if before else ""
    passive = "被" in lead or trig.group(0) in _appointee_verbs()  # 受X委托 keeps X the agent: it is X who commissions
    agents, partners = list(before), []
    if bilateral and before:
        gaps = [text[a.end:b.start] for a, b in zip(before, before[1:])]
        # 与/同/跟 marks the partner; without one, 和 does (叶利钦和桥本龙太郎会晤)
        split = next((i for i, gap in enumerate(gaps, 1) if _PARTNER_MARK.search(gap)), None)
        met = after and not re.search(r"[，,。；;：:]", text[trig.end():after[0].start]) and after[0].start - trig.end() <= 15
        hosts = cls == "Meeting" and met and "分别" not in lead and not lead.endswith("的")  # 李鹏和夫人朱琳会见了…: 和 joins the hosts of those met (not 穆巴拉克和阿拉法特的会谈)
        if split is None and not hosts:
            split = next((i for i, gap in enumerate(gaps, 1) if "和" in gap), None)
        if split is None:  # 中葡两国政府签署: the pair's first and second
            split = next((i for i, gap in enumerate(gaps, 1) if not gap and before[i - 1].label == before[i].label == "GPE"), None)
        if split is not None:
            agents, partners = before[:split], before[split:]
    if "共同" in lead:
        agents, partners = agents + partners, []
    if trig.group(0).endswith("为") or text[trig.end():trig.end() + 1] in "为“\"" or trig.group(0) in _appointee_verbs():
        after = []  # 聘为“…大使”, 出任中心主任: what follows names the post, not a party
    elif cls == "Appointment" and after:
        post = text.find("为", after[0].end, after[-1].start + 1)
        if post >= 0:  # 任命张三为国家统计局局长: what follows 为 names the post
            after = [m for m in after if m.end <= post]
    if cls == "Appointment" and any(m.label == "PERSON" for m in before + after):
        before = [m for m in before if m.label == "PERSON" or not passive]
        agents = [m for m in agents if m in before]
    taken = next((i for i in range(1, len(agents)) if text[agents[i - 1].end:agents[i].start].endswith("受")), None)
    themes: list[Mention] = []
    if taken is not None and not passive:  # 研究院受市政府委托: the 研究院 is commissioned
        themes, agents = agents[:taken], agents[taken:]
    args = [Argument(role_before, m) for m in agents] + [Argument("theme", m) for m in themes + taken_by]
    partner_role = "partner" if bilateral else role_before
    if passive:
        args = [Argument("theme", m) for m in agents] + [Argument("agent", m) for m in after]
        after = []
    else:
        partners += [m for m in after]
        if not bilateral:
            args += [Argument(role_after, m) for m in after]
            partners = [m for m in partners if m not in after]
    separately = "分别" in text[agents[-1].end if agents else max(0, trig.start() - 8):trig.start()]
    if separately and len(partners) > 1:
        return [args + [Argument(partner_role, p)] for p in partners]
    return [args + [Argument(partner_role, p) for p in partners]]


_BY = ("被", "已被", "曾被", "均被", "都被", "先后被", "相继被")


@lru_cache(maxsize=1)
def _appointee_verbs() -> frozenset[str]:
    return frozenset(lexicons.word_list("events/appointee_verbs.txt"))


def _partner_marked(text: str, m: Mention, clause_start: int) -> int | None:
    """Where 与/同/跟 stands before ``m``, right before it or before the post that names it
    (与中国, 同阿总统泽鲁阿勒): ``m`` is then a partner, whoever the subject is."""
    if _PARTNER_MARK.fullmatch(text, m.start - 1, m.start):
        return m.start - 1
    lead = text[max(clause_start, m.start - 12):m.start]
    marks = list(_PARTNER_MARK.finditer(lead))
    if not marks:
        return None
    gap = lead[marks[-1].end():]
    title = _title_re().search(gap)
    if re.search(r"[\s，,。；;：:、]", gap) or title is None or title.end() != len(gap):
        return None
    return m.start - len(lead) + marks[-1].start()


def _toward(text: str, arg: Argument) -> Argument:
    """An agent after 对 or 向 (对韩投资), or a place after 来, 到, 赴 or 在 (来华投资, 到青岛投资),
    is where the investment or move goes: the destination."""
    mark = text[arg.mention.start - 1:arg.mention.start]
    if arg.role == "agent" and (mark in ("对", "向") or (mark in ("来", "到", "赴", "在") and arg.mention.label in ("GPE", "LOC"))):
        return Argument("destination", arg.mention)
    return arg


_ABOUT = re.compile("有关|关于")
# 的 and an adverb of manner before a trigger make it a noun: 论坛的成功举办, 大会的召开
_OF_THE = re.compile(r"的(?:成功|顺利|隆重|圆满)?$")
_MONEY_CLASSES = ("Investment", "Signing", "Cooperation", "Founding", "Acquisition")


def amounts_of(text: str, cls: str, clause: tuple[int, int], sent: tuple[int, int]):
    """Money an investment or agreement is about: in the trigger's clause, else in its sentence."""
    if cls not in _MONEY_CLASSES:
        return ()
    found = find_amounts(text, *clause) or find_amounts(text, *sent)
    return tuple((text[a:b], value) for a, b, value in found)




_ANNIVERSARY = re.compile(r"[0-9０-９一二三四五六七八九十百]+(?:多)?周年")
_NEEDS_MONEY = ("投入",)  # a trigger that is an event only with an amount in its clause


def _datelines(text: str) -> list[tuple[int, int]]:
    """Datelines with their reporters and the credits that close paragraphs (（记者 张三）): the
    people named there report the news, they take no part in it."""
    return credit_spans(text)




def _clause_subject(earlier: list[tuple[int, int]], mentions: list[Mention]) -> Mention | None:
    """The name that opens the nearest of the ``earlier`` clauses to open with one (所罗门美邦公司对…
    抱有信心，并将继续扩大同中国的合作): the subject a clause without one goes on with."""
    starts = {m.start: m for m in mentions}
    return next((starts[a] for a, _ in reversed(earlier) if a in starts), None)


def _opens_with_a_noun(lead: str) -> bool:
    """True when ``lead`` (names blanked) opens with a common noun of two characters or more (外商|投资):
    a subject of its own, though unnamed."""
    words = lexicons.pos_tags(lead.strip()) if lead.strip() else ()
    return bool(words) and words[0][1] == "n" and len(words[0][0]) >= 2










_PHRASE_END = re.compile(r"[，,。；;、！？!?\n]")


def _names_a_gathering(text: str, at: int, end: int | None = None) -> bool:
    """True where a gathering's noun is in the phrase from ``at`` to the next punctuation mark or
    ``end`` (中国|国际照相机械影像器材与技术博览会将于…: the place is part of the name)."""
    end = len(text) if end is None else end
    stop = _PHRASE_END.search(text, at, end)
    phrase = text[at:stop.start() if stop else end]
    return any(noun in phrase for noun in trigger_use.event_nouns())


def _once(args: list[Argument]) -> list[Argument]:
    """Each entity once in an event, in the first role it was given (一九九八年召开九届全国政协…会议:
    a name read both before and after the trigger; 欧洲…合作 with 欧洲 as its own partner)."""
    seen: set[str] = set()
    kept = []
    for arg in args:
        if arg.mention.name not in seen:
            seen.add(arg.mention.name)
            kept.append(arg)
    return kept


















_PRONOUN_WITH = re.compile(r"(?:他|她)(?:们)?\s*(?:与|同|跟)\s*$")


def _speaker(text: str, in_sentence: list[Mention], clause_start: int, before: list[Mention]) -> Mention | None:
    """The person a pronoun stands for in reported speech: in 钱其琛说，他同恩佐的会谈 … 他 is
    钱其琛, the last person named before the clause."""
    if not before or not _PRONOUN_WITH.search(trigger_use.outside_names(text, clause_start, before[0].start, in_sentence)):
        return None
    return next((m for m in reversed(in_sentence) if m.label == "PERSON" and m.end <= clause_start), None)


def _locative(text: str, mention: Mention, clause_start: int, in_sentence: list[Mention]) -> bool:
    """True for a place in a 在/于 phrase: right after it (在北京), or after other places and
    place words (在俄西伯利亚城市克拉斯诺亚尔斯克进行会晤); or before 各地 (美国各地纷纷举行活动)."""
    if text[max(0, mention.start - 1):mention.start] in ("在", "于") or text.startswith(_ALL_OVER, mention.end):
        return True  # 在北京; 美国各地纷纷举行活动
    gap = trigger_use.outside_names(text, clause_start, mention.start, in_sentence)
    if trigger_use.held_at(text, mention, gap):
        return True  # 在特区旗帜飘扬下的香港举行
    at = max(gap.rfind("在"), gap.rfind("于"))  # 于北京市海淀区苏州街…举行
    if at < 0 or len(gap[at:].replace(" ", "")) > 12:  # names (blanked) do not count
        return False
    between = [m for m in in_sentence if clause_start + at < m.start < mention.start]
    words = gap[at + 1:].replace(" ", "")
    if between:
        words = re.sub(r"[、，,和与及]", "", words)  # 在格拉斯哥、曼彻斯特、加的夫与伦敦: a list of places
    for noun in lexicons.word_list("events/place_nouns.txt"):  # longest first
        words = words.replace(noun, "")
    return all(m.label in ("GPE", "LOC") for m in between) and not lexicons.has_function_word(words)


_ALL_OVER = ("各地", "全国各地", "境内", "全境", "国内各地", "首都", "首府")  # 智利首都举行: in its capital


def _window(text: str, cls: str, clause_list: list[tuple[int, int]], index: int, in_sentence: list[Mention]) -> int:
    """Where the participants of a trigger in clause ``index`` start. For bilateral events a clause
    without 与 reaches back to the clause that has it (X 分别与 A、B, C、D 完成签约)."""
    start = clause_list[index][0]
    if not _roles()[cls][2] or _PARTNER_MARK.search(text, start, clause_list[index][1]):
        return start
    if "有" in trigger_use.outside_names(text, start, clause_list[index][1], in_sentence):
        return start  # 并有项目签约: an unnamed subject of its own
    for earlier in reversed(clause_list[:index]):
        mark = _PARTNER_MARK.search(text, *earlier)
        if mark and any(m.end <= mark.start() and m.start >= earlier[0] for m in in_sentence):
            return earlier[0]
    return start


def find_events(text: str, mentions: list[Mention]) -> list[Event]:
    """Events of a text whose entity mentions are known (sorted by start)."""
    events: list[Event] = []
    classes = lexicons.table("events/triggers.tsv")
    datelines = _datelines(text)
    for sent in sentences(text):
        in_sentence = participants(text, mentions, sent, datelines)
        quoted = quoted_spans(text, sent)
        venues = [m for m in mentions if sent[0] <= m.start and m.end <= sent[1] and is_venue(text, m)]
        seen_in_clause: set[tuple[int, str]] = set()
        clause_list = clauses(text, *sent)
        for index, clause in enumerate(clause_list):
            previous_trigger = -1  # participants of a second trigger start after the first
            for trig in trigger_use.trigger_re().finditer(text, *clause):
                cls = classes[trig.group(0)]
                if _inside(mentions, trig.start()) or (clause[0], cls) in seen_in_clause:
                    continue
                if trigger_use.splits_words(text, trig, clause):
                    continue  # 投注资金, 联合作战: the trigger's characters belong to other words
                around = next(((a, b) for a, b in quoted if a < trig.start() < b), None)
                if around and (
                    text[around[0]] == "《" or _names_a_gathering(text, around[0] + 1, around[1] - 1)
                    or text.startswith(trigger_use.event_nouns(), around[1])
                ):  # “中英携手共创未来”活动: the name of a gathering
                    continue  # 下发了《…业务合作指引》, 在“中国创业投资发展新动力高层论坛”上: a title or a gathering's name
                if (clause[0], "Signing") in seen_in_clause and trigger_use.names_agreement(text, trig.end()):
                    continue  # 签署战略合作框架协议: the kind of agreement signed
                actor = None if _roles()[cls][2] else trigger_use.actor_noun(text, trig)
                if actor is not None:  # 香港投资者, 首期进驻企业: a kind of party, not an event …
                    hosts = trigger_use.apposed(text, trig.end() + len(actor), in_sentence) if cls == "Hosting" else []
                    if hosts:  # … unless it names them: 主办单位国家体委, 主办单位为A、B和C
                        seen_in_clause.add((clause[0], cls))
                        events.append(Event(
                            cls=cls, trigger=trig.group(0), trigger_start=trig.start(), sentence=sent,
                            arguments=tuple(Argument("agent", m) for m in hosts), time_text=time_of(text, sent, trig.start()),
                            confidence=_CONFIDENCE["clause"],
                        ))
                    continue
                if cls == "Founding" and _ANNIVERSARY.match(text, trig.end()):
                    continue  # 庆祝联合国成立60周年: an anniversary, not a founding
                if trig.group(0) == "当选" and _title_re().match(text, trig.end()):
                    previous_trigger = trig.end()  # the names before it modify the post, as a trigger's would
                    continue  # 韩国当选总统金大中今天会晤…: the president-elect, no election reported
                if trig.group(0) in _NEEDS_MONEY and not find_amounts(text, *clause):
                    continue  # 投入使用, 积极投入抗震救灾, 投入不足: only money put in is an investment
                if cls == "Investment" and trigger_use.investment_in_general(text, trig, clause, mentions) and not find_amounts(text, *clause):
                    continue  # 设备投资下降, 中美贸易与投资, 印度在军事方面的投资引人注目: no one's investing
                if cls != "MoveIn" and trigger_use.names_a_thing(text, trig, clause, bilateral=_roles()[cls][2]):
                    continue  # 光大银行的投资总监, 改善投资环境, 签订地 (not 落户公安, 入驻园区)
                if cls == "Hosting" and trigger_use.holds_a_ceremony_of(text, trig.end(), clause[1]):
                    continue  # 与…举行签约仪式: the signing is the event, its trigger takes the names
                seen_in_clause.add((clause[0], cls))
                start = max(_window(text, cls, clause_list, index, in_sentence), previous_trigger)
                before = [m for m in in_sentence if start <= m.start and m.end <= trig.start()]
                before = [m for m in before if not trigger_use.object_of_a_listed_verb(text, m, trig.start())]
                before = [m for m in before if not trigger_use.approves(text, m)]  # 经国务院批准设立的: 国务院 approves
                before = [m for m in before if not trigger_use.in_a_frame(text, m)]  # 在安理会有关决议的框架内, 在李岚清的见证下
                after = [m for m in in_sentence if m.start >= trig.end() and m.end <= clause[1]]
                after = [m for m in after if not _ABOUT.search(text, trig.end(), m.start)]  # 签订有关印尼…的协议: a topic
                if cls == "Opening":
                    after = trigger_use.off_the_route(text, after)  # 开通至哈尔滨、沈阳的班列: where it runs
                joined = trigger_use.co_trigger(text, trig, cls, clause, after)
                if joined is not None:  # 由A主办、B承办的…: B holds it too
                    before, after = before + after[:joined[0]], after[joined[0]:]
                subject_end = trig.start()  # where the words before the trigger's subject-less verb end
                marked = _partner_marked(text, before[0], clause[0]) if _roles()[cls][2] and before else None
                if marked is not None:
                    subject_end = marked
                    before, after = [], before + after  # 扩大与中国的合作: 中国 is the partner, whoever the subject is
                source = "clause"
                lead = trigger_use.outside_names(text, clause[0], trig.start(), in_sentence)
                verb_lead = lead[:subject_end - clause[0]]
                subject = in_sentence[0] if in_sentence and subject_end == trig.start() else _clause_subject(clause_list[:index], in_sentence)
                subject = None if subject is not None and trigger_use.in_a_frame(text, subject) else subject
                if not before and subject is not None and subject.end <= clause[0] and previous_trigger < 0 and (
                    "有" not in verb_lead and len(verb_lead) <= 8 and not COUNTED.search(verb_lead)
                    and not _opens_with_a_noun(verb_lead)
                ):  # 并有项目签约, 国内25个省区市成立了…, 外商投资: the subject is unnamed, not the sentence's
                    pair = [m for m in in_sentence if m.start == subject.end and is_pair(subject, m)]
                    before, source = [subject] + pair, "sentence"  # 中意两国…，合作潜力很大: both
                speaker = _speaker(text, in_sentence, clause[0], before)
                if speaker is not None:
                    before, source = [speaker] + before, "sentence"
                pivot = trigger_use.pivot_end(lead)
                if pivot:
                    before = [m for m in before if m.start >= clause[0] + pivot]  # 青岛市指导协会举办: the 协会 holds it
                inner = trigger_use.relative_clause_start(text, lead, clause[0], trig.end())
                gathering_end = trigger_use.at_the_gathering(text, trig.end(), clause[1])
                if not gathering_end and inner and trigger_use.attends(lead):
                    gathering_end = trig.end()  # 泰森可以参加…在美国波士顿举行的表演赛: who takes part holds nothing
                if inner and (any(m.start >= inner and m.label not in ("GPE", "LOC") for m in before) or gathering_end):
                    before = [m for m in before if m.start >= inner]  # 建行…在[中国银行业协会举行的通气会]上说
                if gathering_end:  # 研究小组在[波士顿举行的…会议]上说, 在[…锦标赛]上夺得…的科利姆: who is there holds nothing
                    after = [m for m in after if m.end <= gathering_end]
                named_end = trigger_use.gathering_named_end(text, trig.end(), clause[1]) if cls == "Hosting" else 0
                if named_end:  # 参加中宣部召开的[…座谈会]的军队代表徐洪刚: who comes to it, not what is held
                    after = [m for m in after if m.end <= named_end]
                if not after and trig.group(0) == "委托" and "受" in lead and index + 1 < len(clause_list):
                    after = [m for m in in_sentence if clause_list[index + 1][0] <= m.start and m.end <= clause_list[index + 1][1]][:1]
                places = tuple(m for m in before + after if m.label in ("GPE", "LOC") and _locative(text, m, clause[0], in_sentence))
                places += tuple(m for m in venues if start <= m.start and m.end <= clause[1])
                allowed = _types()[cls]
                doers: list[Mention] = []
                mark = trigger_use.for_mark(text, before, trig.start()) if cls in ("Unveiling", "Opening", "Hosting") else None
                if mark is not None:  # 山东港口集团和管委会共同为新码头揭牌: they unveil it
                    kinds = _types()[cls] if cls == "Hosting" else trigger_use.DOERS  # 印度为他举办回顾展: a country holds it
                    doers = [m for m in before if m.end <= mark and m not in places and m.label in kinds]
                    before = [m for m in before if m.start > mark] if cls != "Hosting" else []  # 为李长水举行庆功大会: for whom
                elif cls == "Hosting" and before:
                    guest = trigger_use.held_for(text, before, trig.start())
                    if guest is not None:  # 韩国经济四团体为胡锦涛一行举办午餐会: 胡锦涛 is the guest
                        before = [m for m in before if m.end <= guest]
                before = [m for m in before if m not in places and m.label in allowed]
                if not _roles()[cls][2] and _roles()[cls][1] != "destination":
                    before = [m for m in before if text[m.start - 1:m.start] != "向"]  # 向国际奥委会提出举办: to whom
                if cls == "Hosting" and not _object_follows(text, trig.end(), clause[1]):
                    before = [m for m in before if not (m.label == "ORG" and m.name.endswith(_held_nouns()))]  # 国家科学技术奖励大会在…举行: what is held
                after = [m for m in after if m not in places and m.label in allowed]
                if cls == "Hosting":  # 承办的’98中国国际…博览会, 舒婷诗歌朗诵会: a name in the name of what is held
                    # (an organization stays: 召开伊斯兰会议组织第八届首脑会议 holds its summit); what is
                    # held is never a place or a person (举行这次军演的目的是为了加强波斯湾…的安全)
                    after = [m for m in after if m.label == "ORG"]
                    before = [m for m in before if not (m.label != "ORG" and _names_a_gathering(text, m.end, trig.start()))]
                if trig.group(0) in ("开幕", "闭幕"):  # 欧盟首脑例会在加的夫开幕: the gathering opens, not 欧盟
                    before = [m for m in before if not _names_a_gathering(text, m.end, trig.start())]
                    after = [m for m in after if not _names_a_gathering(text, m.end)]  # 今天开幕的联合国大会…会议
                previous_trigger = joined[1] if joined is not None else trig.end()
                if not before and not after and not doers and not (places and cls == "Hosting"):  # 青岛峰会成功举办: held there
                    continue
                owner = [m for m in before if m.end == trig.start() - 1]
                if text[trig.start() - 1:trig.start()] == "的" and owner and cls != "Hosting" and not _roles()[cls][2]:
                    before = owner  # 并不会影响潇湘银行的组建: the bank is founded, not the sentence's subject
                    if trigger_use.verb_follows(text, trig.end()):
                        after = []  # 棋牌协会的成立在…中兴通讯备受瞩目: the names after are the next verb's
                if _OF_THE.search(text, 0, trig.start()) and cls == "Hosting":
                    before = []  # 大会的召开, 活动的举行: what is held, not who holds it (公司的投资 stays)
                    if trigger_use.verb_follows(text, trig.end()):
                        after = []  # 世乒赛的举办使天津市…: the names after belong to the next verb
                    if not after and not (places and cls == "Hosting"):
                        continue
                if cls == "Signing" and trigger_use.signs_an_order(text, trig.end()):
                    after = [m for m in after if m.end <= trig.start()]  # 签署命令颁发解放军…条例: one signs it
                if cls == "Cooperation" and trigger_use.verb_follows(text, trig.end()):
                    after = [m for m in after if m.end <= trig.start()]  # 中日合作修复南京古城墙: what follows is the next verb's
                nominal = _roles()[cls][2] and trigger_use.modifies_noun(text, trig.end())
                makes = cls == "Founding" or trig.group(0) in trigger_use.launch_verbs()
                founds = trigger_use.founds_something(text, trig.end()) or trigger_use.founds_the_next(text, trig, before, after)
                if makes and before and founds:
                    doers, before = doers + before, []  # 海尔集团与博世公司成立合资公司: they found it; 启动“剑网行动”: they launch it
                for args in _assign(text, cls, trig, before, after):
                    args = _once([Argument("agent", m) for m in doers] + args)
                    if _roles()[cls][1] == "destination":  # 外国投资者对韩投资: 韩 is where it goes
                        args = [_toward(text, a) for a in args]
                    if nominal and not any(a.role == "partner" for a in args):
                        continue  # 搭建交流合作及创业平台: a kind of platform, no event without a partner
                    if _roles()[cls][2] and len(args) < 2 and trigger_use.after_collective(text, trig.start()):
                        continue  # 桑特强调两国合作应…: the two countries cooperate, not 桑特
                    if not args and not (places and cls == "Hosting"):
                        continue  # 被聘为…名誉副主席 with no one named: nothing a graph can hold
                    if cls in _needs() and not any(a.role == _needs()[cls] for a in args):
                        continue  # 夏粮收购, 兼并的潮流: no one named is bought
                    events.append(
                        Event(
                            cls=cls,
                            trigger=trig.group(0),
                            trigger_start=trig.start(),
                            sentence=sent,
                            arguments=tuple(args),
                            places=places,
                            time_text=time_of(text, sent, trig.start()),
                            modality=_modality(text, before[0].end if before and not pivot else clause[0], trig.start(), mentions),
                            confidence=_CONFIDENCE[source],
                            amounts=amounts_of(text, cls, clause, sent),
                        )
                    )
    return events
