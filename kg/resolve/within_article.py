"""One node per body within an article: the names an article's mentions are registered under.

An article may name one body several ways and the pipeline read each apart: 中国瑞禾银行 and later
瑞禾银行, 浙江省明澜科技股份有限公司（明澜科技）; or read one name as an organization in one sentence
and as a person in another. Before its mentions are registered (:func:`kg.build.register`), an
article's names are settled:

- **one type per name**: the type most of the name's mentions have (:func:`all_mentions`: the
  mentions of its events, posts and locations too); a tie goes to ORG, then GPE,
  LOC, PERSON for a name with an organization's ending (…集团, …委), else to the type of its first
  mention;
- **short forms**: an organization named first in full and later by a short form of that name
  (:func:`kg.resolve.bodies.short_forms`: less its country or place, less its legal form), or by the
  short form the text gives in brackets after it, is one body, its full name canonical and the short
  form an alias. A short form that two full names of the article could give stays its own.

Only within the article: 瑞禾银行 of another article is not tied to this one's 中国瑞禾银行 (the
corpus-wide merge of abbreviations, :meth:`kg.resolve.entities.EntityTable.merge_abbreviations`,
still applies to every name).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from kg.nlp.records import Event, Location, Mention, Position
from kg.resolve.bodies import bracketed_short_form, short_forms

Key = tuple[str, str]  # (label, name)
#: The order a tie between types is settled in, for a name with an organization's ending.
TYPE_ORDER = ("ORG", "GPE", "LOC", "PERSON")


def settle_names(text: str, mentions: Iterable[Mention]) -> dict[Key, Key]:
    """The (label, name) each of an article's mentions is to be registered under, for those that
    change: one type per name, short forms to the full name they shorten.

    Args:
        text: the article text the mentions' offsets point into.
        mentions: the article's mentions.

    Returns:
        (label, name) of a mention → (label, name) it stands for; names that keep theirs are left out.
    """
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    labels: dict[str, list[str]] = {}
    for m in mentions:
        labels.setdefault(m.name, []).append(m.label)
    label_of = {name: _one_type(name, found) for name, found in labels.items()}
    first: dict[str, int] = {}  # organization → where the article first names it
    for m in mentions:
        if label_of[m.name] == "ORG":
            first.setdefault(m.name, m.start)
    ties = _bracketed(text, mentions, label_of)
    owners: dict[str, set[str]] = {}
    for full in first:
        for short in short_forms(full):
            owners.setdefault(short, set()).add(full)
    for short, start in first.items():
        fulls = {f for f in owners.get(short, ()) if first[f] < start}
        if short not in ties and len(fulls) == 1:
            ties[short] = fulls.pop()
    settled: dict[Key, Key] = {}
    for m in mentions:
        name = _follow(ties, m.name)
        target = ("ORG", name) if name != m.name else (label_of[m.name], name)
        if target != (m.label, m.name):
            settled[(m.label, m.name)] = target
    return settled


def all_mentions(record) -> list[Mention]:
    """Every mention of an article record, once each: its mentions and those its events, posts and
    locations hold (a place read inside an organization's name, 上合示范区 of 上合示范区管委会, is
    a mention of its own), each span and reading counted once."""
    found = [*record.mentions]
    for event in record.events:
        found += [a.mention for a in event.arguments] + list(event.places)
    for position in record.positions:
        found += [position.person, *([position.org] if position.org is not None else [])]
    for location in record.locations:
        found += [location.org, location.place]
    return list({(m.start, m.end, m.label, m.name): m for m in found}.values())


def settle_record(record, names: dict[Key, Key]):
    """An article record (:class:`kg.corpus.extract.ArticleRecord`) with each mention renamed as
    ``names`` says, in its mentions, events, positions and locations. A post whose holder is no
    longer a person, or whose body is neither an organization nor a place's government, is left
    out (a post whose body the text does not name keeps none), and so is a location whose place is
    no longer a place: the article's own reading of the name outvoted that sentence's."""
    if not names:
        return record

    def name(m: Mention) -> Mention:
        label, new = names.get((m.label, m.name), (m.label, m.name))
        return m if (label, new) == (m.label, m.name) else replace(m, label=label, name=new)

    events = [_renamed_event(e, name) for e in record.events]
    positions = [replace(p, person=name(p.person), org=p.org and name(p.org)) for p in record.positions]
    locations = [replace(x, org=name(x.org), place=name(x.place)) for x in record.locations]
    return replace(
        record, mentions=[name(m) for m in record.mentions], events=events,
        positions=[p for p in positions if _holds(p)], locations=[x for x in locations if _places(x)],
    )


def _one_type(name: str, labels: list[str]) -> str:
    from kg.nlp.entities.names import org_ending

    counts = Counter(labels)  # in the order of the text: the first mention's type first
    top = max(counts.values())
    tied = [label for label, n in counts.items() if n == top]
    if len(tied) > 1 and org_ending(name):
        return min(tied, key=lambda label: TYPE_ORDER.index(label) if label in TYPE_ORDER else len(TYPE_ORDER))
    return tied[0]


def _bracketed(text: str, mentions: list[Mention], label_of: dict[str, str]) -> dict[str, str]:
    """Short form → full name, for the short forms the text gives in brackets after a full name
    (中国瑞禾银行（瑞禾）): where the short form is named in the article as well, and its characters
    are the full name's, in order (not 瑞禾银行（北京）)."""
    named = {m.name for m in mentions} | {m.text for m in mentions}
    ties: dict[str, str] = {}
    for m in mentions:
        if label_of[m.name] != "ORG":
            continue
        short = bracketed_short_form(text, m.end)
        if short and short != m.name and short in named and _in_order(short, m.name):
            ties.setdefault(short, m.name)
    return ties


def _in_order(short: str, full: str) -> bool:
    rest = iter(full)
    return all(ch in rest for ch in short)


def _follow(ties: dict[str, str], name: str) -> str:
    seen = {name}
    while name in ties and ties[name] not in seen:
        name = ties[name]
        seen.add(name)
    return name


def _renamed_event(event: Event, name) -> Event:
    arguments = tuple(replace(a, mention=name(a.mention)) for a in event.arguments)
    return replace(event, arguments=arguments, places=tuple(name(p) for p in event.places))


def _holds(position: Position) -> bool:
    return position.person.label == "PERSON" and (position.org is None or position.org.label in ("ORG", "GPE"))


def _places(location: Location) -> bool:
    return location.org.label == "ORG" and location.place.label in ("GPE", "LOC")
