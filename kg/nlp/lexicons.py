"""The data files of kg's rule layer (``kg/resources/entities/*``, ``kg/resources/events/*`` …),
read once, and a user's folder of their own files beside them (:func:`use_resources`)."""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

REPLACE = "# replace"  # first line of a user's file that replaces kg's file instead of extending it
_user_folder: Path | None = None


def use_resources(folder: str | Path | None) -> None:
    """Read the rule layer's data files from ``folder`` as well as kg's own: a file there at the
    same relative path (``events/triggers.tsv``) adds its lines to kg's file (a table's later row
    wins, so a user's row overrides kg's for the same word), or replaces it when its first line is
    ``# replace``. ``None`` goes back to kg's files alone. The files are read anew for every
    pipeline loaded afterwards in this process (one folder a process).

    Raises:
        FileNotFoundError: ``folder`` is not a folder, or holds a file kg has no counterpart of.
    """
    global _user_folder
    folder = check_resources(folder) if folder is not None else None
    if folder != _user_folder:
        _user_folder = folder
        _clear_caches()


def check_resources(folder: str | Path) -> Path:
    """``folder`` resolved, once checked to hold only files that kg has a counterpart of.

    Raises:
        FileNotFoundError: naming the folder or the file and what kg expects.
    """
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: not a folder of kg resource files")
    shipped = Path(str(resources.files("kg").joinpath("resources")))
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if not (shipped / path.relative_to(folder)).is_file():
            raise FileNotFoundError(f"{path}: kg has no resource file {path.relative_to(folder).as_posix()} "
                                    f"(its files are under {shipped}: entities/, events/ …)")
    return folder


def _clear_caches() -> None:
    """Forget everything the rule layer computed from its data files (module-level caches)."""
    for name, module in list(sys.modules.items()):
        if name == "kg" or name.startswith("kg."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and hasattr(value, "cache_info"):
                    value.cache_clear()  # a functools.lru_cache


def _read(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _lines(name: str) -> list[str]:
    shipped = _read(resources.files("kg").joinpath(f"resources/{name}").read_text("utf-8"))
    if _user_folder is not None and (_user_folder / name).is_file():
        text = (_user_folder / name).read_text("utf-8")
        own = _read(text)
        return own if text.lstrip().startswith(REPLACE) else shipped + own
    return shipped


def _table(name: str) -> dict[str, str]:
    return dict(line.split("\t")[:2] for line in _lines(name))


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated data file, one tuple a row."""
    return tuple(tuple(line.split("\t")) for line in _lines(name))


@lru_cache(maxsize=None)
def first_column(name: str) -> frozenset[str]:
    """The entries of a data file's first column (a list with counts beside it)."""
    return frozenset(row[0] for row in rows(name))


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """A one-entry-a-line data file, longest entry first."""
    return tuple(sorted(set(_lines(name)), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """A two-column tab-separated data file as a dict."""
    return _table(name)


def person_titles() -> tuple[str, ...]:
    """Titles and posts that stand next to a person's name (``entities/person_titles.txt``),
    longest first."""
    return word_list("entities/person_titles.txt")


@lru_cache(maxsize=1)
def post_titles() -> tuple[str, ...]:
    """The titles of posts the relation rules read: :func:`person_titles` and the posts of
    ``entities/post_titles.txt`` (发言人, 主编, 司长), longest first."""
    titles = set(person_titles()) | set(word_list("entities/post_titles.txt"))
    return tuple(sorted(titles, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Countries and regions by their usual Chinese names (``entities/countries.txt``)."""
    return frozenset(word_list("entities/countries.txt"))


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Single-character and compound surnames."""
    entries = _lines("entities/surnames.txt")
    single = frozenset(ch for line in entries if len(line) > 2 for ch in line)
    compound = frozenset(line for line in entries if len(line) == 2)
    return single, compound


_PROPER = ("nr", "ns", "nt")  # and nrt, nrfg: 阿里巴巴; nz ("other proper noun") holds everyday words such as 和平


@lru_cache(maxsize=1)
def _jieba_dict() -> tuple[dict[str, int], dict[str, str]]:
    """jieba's own tables of its dictionary: word → frequency (prefixes of words have 0) and word →
    part of speech. Read from jieba rather than parsed again from dict.txt: a second copy cost
    68 MB in every process."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab


@lru_cache(maxsize=1)
def dictionary_cut():
    """jieba's dictionary-only cut (``jieba.posseg.cut(text, HMM=False)``'s words and tags), as
    :class:`kg.nlp.jieba_words.JiebaWords` computes it faster; its tables are jieba's own."""
    import jieba

    from kg.nlp.jieba_words import JiebaWords

    return JiebaWords(jieba.dt, _jieba_dict()[1])  # _jieba_dict initializes jieba


def cut_ends_word(text: str, lo: int, at: int, hi: int) -> bool:
    """True when jieba's dictionary cut of ``text[lo:hi]`` ends a word at ``at`` (lo < at ≤ hi)."""
    for word, _ in dictionary_cut().cut(text[lo:hi]):
        lo += len(word)
        if lo >= at:
            return lo == at
    return True


@lru_cache(maxsize=None)
def common_words(min_freq: int = 3000) -> frozenset[str]:
    """Words of jieba's dictionary seen at least ``min_freq`` times that are not names of people,
    places or organizations (POS other than nr/ns/nt): the everyday vocabulary that names are told
    apart from."""
    freq, tags = _jieba_dict()
    return frozenset(w for w, pos in tags.items() if freq.get(w, 0) >= min_freq and not pos.startswith(_PROPER))


@lru_cache(maxsize=1)
def organization_words() -> tuple[str, ...]:
    """jieba's organization names (POS nt) that end like an organization (外交部, 世界银行)."""
    suffixes = sorted(table("entities/org_suffixes.tsv"), key=len, reverse=True)

    def proper_part(word: str) -> int:
        suffix = next((s for s in suffixes if word.endswith(s)), None)
        return len(word) - len(suffix) if suffix else 0

    # two characters or more before the suffix: 外交部, not 党组织 or 联合会
    return tuple(w for w, pos in _jieba_dict()[1].items() if pos == "nt" and proper_part(w) >= 2)


def is_word(text: str, min_freq: int = 200) -> bool:
    """True when ``text`` is an everyday word (one of :func:`common_words`), looked up in jieba's
    dictionary rather than in a set built per frequency."""
    freq, tags = _jieba_dict()
    pos = tags.get(text)
    return pos is not None and not pos.startswith(_PROPER) and freq.get(text, 0) >= min_freq


def dictionary_pos(word: str) -> str | None:
    """The part of speech jieba's dictionary gives ``word``, or None for no word of it."""
    return _jieba_dict()[1].get(word)


def is_common_noun(text: str) -> bool:
    """True when jieba's dictionary has ``text`` as a word that names no particular person, place
    or organization, however rare (行业协会, 石板路)."""
    pos = _jieba_dict()[1].get(text)
    return pos is not None and not pos.startswith(_PROPER)


_FUNCTION_POS = ("p", "c", "d", "u", "r")


@lru_cache(maxsize=65536)
def pos_tags(phrase: str) -> tuple[tuple[str, str], ...]:
    """jieba's words and part-of-speech tags of a short phrase; the rule layer asks about the same
    phrases many times, so the answers are kept."""
    import jieba.posseg

    return tuple((t.word, t.flag) for t in jieba.posseg.cut(phrase))


def word_ends(phrase: str) -> frozenset[int]:
    """The offsets in ``phrase`` where one of jieba's words (:func:`pos_tags`) ends."""
    ends, at = set(), 0
    for word, _ in pos_tags(phrase):
        at += len(word)
        ends.add(at)
    return frozenset(ends)


def has_function_word(phrase: str, *, numerals: bool = True) -> bool:
    """True when jieba tags a word of ``phrase`` as a preposition, conjunction, adverb, particle or
    pronoun (or, with ``numerals``, a numeral): no name holds one (为青岛, 一带一路)."""
    kinds = _FUNCTION_POS + (("m",) if numerals else ())
    return any(flag.startswith(kinds) for _, flag in pos_tags(phrase))


def is_generic(phrase: str) -> bool:
    """True when a phrase is made of everyday words only (行业, 相关行业), or holds a preposition,
    conjunction, adverb, particle or pronoun (通过行业): it cannot be the proper part of a name."""
    if is_common_noun(phrase) or has_function_word(phrase, numerals=False):
        return True
    return all(is_word(word, 50) for word, _ in pos_tags(phrase))
