"""One node per entity: canonical names, aliases, and places in their administrative hierarchy.

People are the exception to "one name, one node": two articles that name a 王伟 need not speak of
the same man (and so are 市委, 区政府 … where the article's place is not known: each article's is its
own body). A person's name is scoped to the *scope* it is read in (a file, or one line of a JSON
Lines corpus), and :meth:`EntityTable.merge_people` merges scopes only on evidence: a post at the
same organization, or at least :data:`SHARED_CONTEXT` other organizations or people named in both.

What tells the people of one name apart is the scope itself, not the order scopes were read in:
the 王伟 of ``news/a.txt`` is ``王伟-`` and the first :data:`SCOPE_DIGEST` hex digits of the
sha256 of ``news/a.txt``, whatever else the corpus holds, so adding or reordering documents never
renames him. People merged on evidence keep their keys; the merge names the smallest key of the
group its canonical one (:attr:`EntityTable.redirects`), and the graph links the others to it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from itertools import combinations

from kg.ingest.records import Article
from kg.nlp.records import Mention
from kg.resolve import gazetteer
from kg.resolve.aliases import abbreviations, expand_local, is_generic_local
from kg.resolve.bodies import body_of


@dataclass(slots=True)
class Entity:
    """A canonical entity of the corpus."""

    label: str  # PERSON, ORG, GPE, LOC
    name: str  # canonical name
    aliases: set[str] = field(default_factory=set)  # other surface forms
    code: str | None = None  # GB/T 2260 code of an administrative area
    parent: tuple[str, str] | None = None  # key of the containing unit
    ident: str | None = None  # what tells apart people (王伟-3f9a0c12d4) or local bodies (区委-…) of one name; None: the name
    seat: tuple[str, str] | None = None  # key of the place a local name was read as (市发展改革委 → 青岛市)
    body: tuple[str, str] | None = None  # key of the organization it is a part of (甲集团党委 → 甲集团)

    @property
    def key(self) -> tuple[str, str]:
        return (self.label, self.ident or self.name)


#: Other organizations or people two scopes must both name for a person named in each to be one
#: (:meth:`EntityTable.merge_people` indexes pairs of them).
SHARED_CONTEXT = 2
#: The most of a scope's organizations and people weighed (a page can name hundreds).
CONTEXT_LIMIT = 24
#: Up to this many scopes of one name are compared pair by pair (else through an index).
_PAIRWISE = 64


#: Hex digits of a scope's sha256 in the idents of people (王伟-3f9a0c12d4): two scopes that name a
#: person alike share them about once in 10^12 pairs (then the later one gets the whole digest).
SCOPE_DIGEST = 10


def _scoped_ident(table: dict[str, dict], taken: set[str], name: str, scope: str | None) -> str | None:
    """The ident of ``name`` in a scope, kept in ``table`` (name → scope → ident): None (the bare
    name) for no scope, else the name and a digest of the scope (``王伟-3f9a0c12d4``), the same in
    any corpus that holds the scope. ``taken`` holds the idents given, to catch two scopes whose
    short digests agree."""
    scopes = table.setdefault(name, {})
    ident = scopes.get(scope)
    if ident is None:
        if scope is None:
            ident = name
        else:
            digest = hashlib.sha256(scope.encode("utf-8")).hexdigest()
            ident = f"{name}-{digest[:SCOPE_DIGEST]}"
            if ident in taken:
                ident = f"{name}-{digest}"
            taken.add(ident)
        scopes[scope] = ident
    return None if ident == name else ident


def scope_of(article: Article) -> str:
    """Where a person's name means one person: the file an article comes from (a page, a scraped
    article), or the article itself when it is one record of a JSON Lines corpus."""
    return f"{article.source}#{article.id}" if article.source.endswith(".jsonl") else article.source


def place_unit(name: str) -> gazetteer.Unit | None:
    """The administrative unit a place name stands for, when it stands for exactly one."""
    codes = gazetteer.names().get(name, ())
    return gazetteer.units()[codes[0]] if len(codes) == 1 else None


class EntityTable:
    """Collects mentions across the corpus and gives each the key of its canonical entity."""

    def __init__(self) -> None:
        self.entities: dict[tuple[str, str], Entity] = {}
        self.redirects: dict[tuple[str, str], tuple[str, str]] = {}
        self.people: dict[str, dict[str, str]] = {}  # person name → scope → ident, scopes in order
        self.generic: dict[str, dict[str, str]] = {}  # the same for 市委, 区政府 … read with no known place
        self._idents: set[str] = set()  # idents given to scoped names (see _scoped_ident)
        self.context: dict[str, tuple[tuple[str, str], ...]] = {}  # scope → keys of the entities it names
        self.posts: dict[tuple[str, str], set[tuple[str, str]]] = {}  # person key → organization keys
        self.bylines: set[tuple[str, str]] = set()  # keys of people who wrote an article

    def add(self, mention: Mention, home: gazetteer.Unit | None = None, scope: str | None = None) -> tuple[str, str]:
        """Register a mention; returns its entity's key.

        Args:
            mention: the mention.
            home: the place the article is about, which local names refer to (市发展改革委).
            scope: where the mention was read (a file, a JSON Lines record); a person's name means
                one person within a scope (None: one scope for everything).
        """
        label, name = mention.label, mention.name
        seat = ident = None
        if label == "ORG":
            name = expand_local(name, home)
            if name != mention.name:  # 市发展改革委 → 青岛市发展改革委: the unit took the place of 市
                unit = name[:len(name) - len(mention.name) + 1]
                seat = self.add(Mention(0, 0, "GPE", unit, unit, alias=False))
            elif is_generic_local(name):  # 市委 of an article about no known city: its own body
                ident = _scoped_ident(self.generic, self._idents, name, scope)
        unit = place_unit(name) if label == "GPE" else None
        if unit is not None:
            name = unit.name
        if label == "PERSON":
            ident = _scoped_ident(self.people, self._idents, name, scope)
        entity = self.entities.get(self.resolve((label, ident or name)))  # merged names lead to the survivor
        if entity is None:
            entity = self.entities[(label, ident or name)] = Entity(label, name, ident=ident)
            if unit is not None:
                entity.code = unit.code
                self._add_ancestors(entity, unit)
        if seat is not None:
            entity.seat = seat
        for surface in (mention.text, mention.name) if mention.alias else (mention.name,):
            if surface != entity.name:
                entity.aliases.add(surface)
        return self.resolve(entity.key)

    def resolve(self, key: tuple[str, str]) -> tuple[str, str]:
        """The key an entity has after merging (itself if it was not merged)."""
        while key in self.redirects:
            key = self.redirects[key]
        return key

    def merge_abbreviations(self) -> None:
        """Merge an organization named by an abbreviation of another's name into that one
        (上合组织 into 上海合作组织), where exactly one organization has that abbreviation."""
        owners: dict[str, list[tuple[str, str]]] = {}
        for key, entity in self.entities.items():
            if entity.label == "ORG":
                for short in abbreviations(entity.name):
                    owners.setdefault(short, []).append(key)
        for key in sorted(self.entities):
            entity = self.entities[key]
            candidates = owners.get(entity.name, []) if entity.label == "ORG" else []
            if len(candidates) == 1 and candidates[0] != key:
                target = self.entities[candidates[0]]
                target.aliases |= entity.aliases | {entity.name}
                self.redirects[key] = candidates[0]
        for key in self.redirects:
            self.entities.pop(key, None)

    def add_name(self, label: str, name: str, scope: str | None = None) -> tuple[str, str]:
        """Register an entity known by name alone (a byline author)."""
        return self.add(Mention(0, 0, label, name, name), scope=scope)

    def note(self, scope: str, keys=(), posts=(), authors=()) -> None:
        """Remember what a scope names (entity keys), the posts it gives people ((person key,
        organization key) pairs) and who wrote it (person keys): the evidence :meth:`merge_people`
        weighs. Bylines count as evidence on their own: a corpus is mostly one outlet's, whose
        reporter of a name is one person."""
        if keys:
            self.context[scope] = tuple(set(self.context.get(scope, ())) | set(keys))  # tuples: less memory
        for person, org in posts:
            self.posts.setdefault(person, set()).add(org)
        self.bylines.update(authors)

    def merge_people(self) -> None:
        """Merge the people of one name read in different scopes where the scopes give evidence that
        they are one person: a post at the same organization, or at least :data:`SHARED_CONTEXT`
        other organizations or people named in both. The smallest key of a group of merged people is
        its canonical one (so the choice depends on the group, not on the order of the corpus); the
        others redirect to it.

        A name read in a few scopes is checked pair by pair; one read in many (a leader's, in years of
        a newspaper) through an index of what each scope holds, so the work grows with its scopes,
        not with their square.
        """
        named: dict = {}  # scope → the numbers of its organizations and people
        for name, scopes in self.people.items():
            if len(scopes) < 2:
                continue
            keys = [("PERSON", ident) for ident in scopes.values()]
            root = list(range(len(keys)))

            def find(i: int) -> int:
                while root[i] != i:
                    root[i] = root[root[i]]
                    i = root[i]
                return i

            def join(i: int, j: int) -> None:
                a, b = find(i), find(j)
                root[max(a, b)] = min(a, b)

            facts = [self._facts(scope, key, name, named) for scope, key in zip(scopes, keys)]
            if len(keys) <= _PAIRWISE:
                for j in range(1, len(keys)):
                    for i in range(j):
                        if facts[i][0] & facts[j][0] or len(facts[i][1] & facts[j][1]) >= SHARED_CONTEXT:
                            join(i, j)
            else:
                first: dict = {}  # a piece of evidence → the first scope that holds it
                for j, (posts, others) in enumerate(facts):
                    for item in [*posts, *combinations(sorted(others), SHARED_CONTEXT)]:
                        i = first.setdefault(item, j)
                        if i != j:
                            join(i, j)
            groups: dict[int, list[tuple[str, str]]] = {}
            for j, key in enumerate(keys):
                groups.setdefault(find(j), []).append(key)
            for group in groups.values():
                survivor = min(group)
                for key in group:
                    if key != survivor and key in self.entities:
                        self.entities[survivor].aliases |= self.entities.pop(key).aliases
                        self.redirects[key] = survivor

    def merge(self) -> None:
        """Every merge across the corpus, once all mentions are in: abbreviations, then people; then
        the bodies that parts named anywhere in the corpus belong to."""
        self.merge_abbreviations()
        self.merge_people()
        self.link_bodies()

    def link_bodies(self, named: dict[str, tuple[str, str]] | None = None) -> None:
        """Link each organization named as a part of another (甲集团党委, 甲市委宣传部, 乙公司董事会)
        to that body (:attr:`Entity.body`, ``schema:parentOrganization`` in the graph): the
        organization whose name opens the part's name, the rest naming a part
        (:func:`kg.resolve.bodies.body_of`). A part keeps the first body it is linked to.

        Args:
            named: an article's names (canonical names and surface forms) → the keys its mentions
                were registered under, so that a part named after a short form (明澜科技董事会)
                finds the body the article names in full; None: the corpus's organizations by
                canonical name.
        """
        keys = named if named is not None else {e.name: k for k, e in self.entities.items() if e.label == "ORG"}
        bodies = {name: self.resolve(key) for name, key in keys.items()}
        bodies = {name: key for name, key in bodies.items() if self._is_body(key)}
        for key in sorted(set(keys.values()) if named is not None else self.entities):
            entity = self.entities.get(self.resolve(key))
            if entity is None or not self._is_body(entity.key) or entity.body is not None:
                continue
            found = body_of(entity.name, lambda name: name in bodies and bodies[name] != entity.key)
            if found is not None:
                entity.body = bodies[found]

    def _is_body(self, key: tuple[str, str]) -> bool:
        """True for an organization known by its name alone (not 市委 of an article about no known
        place: which body that is, only its own article tells)."""
        entity = self.entities.get(key)
        return entity is not None and entity.label == "ORG" and entity.ident is None

    def _facts(self, scope, key, name, named) -> tuple[frozenset, frozenset[int]]:
        """What can make a scope's person of this name the same as another's: the organizations
        they hold posts at (and a byline), and the other organizations and people the scope names
        (the first :data:`CONTEXT_LIMIT` of them by name, as numbers)."""
        posts = {("post", self._name(org)) for org in self.posts.get(key, ())}
        if key in self.bylines:
            posts.add(("byline",))
        if scope not in named:
            seen = sorted({(k[0], self._name(k)) for k in self.context.get(scope, ()) if k[0] in ("ORG", "PERSON")})
            numbers = named.setdefault(None, {})  # (label, name) → its number, shared by all scopes
            named[scope] = tuple((item, numbers.setdefault(item, len(numbers))) for item in seen[:CONTEXT_LIMIT + 1])
        others = frozenset([number for item, number in named[scope] if item != ("PERSON", name)][:CONTEXT_LIMIT])
        return frozenset(posts), others

    def _name(self, key: tuple[str, str]) -> str:
        entity = self.entities.get(self.resolve(key))
        return entity.name if entity else key[1]

    def _add_ancestors(self, entity: Entity, unit: gazetteer.Unit) -> None:
        child = entity
        for parent in gazetteer.ancestors(unit.code):
            child.parent = ("GPE", parent.name)
            if child.parent in self.entities:
                break
            key = child.parent
            child = Entity("GPE", parent.name, code=parent.code)
            self.entities[key] = child
            short = gazetteer.short_form(parent.name)
            if short and short in gazetteer.names():
                child.aliases.add(short)
