"""Code blocks of kg's Markdown pages: read them, find the ``kg`` commands in them, check those
against kg's command line, compare a command's output with the output a page shows."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

SKIP = re.compile(r"<!--\s*readme-test:\s*skip\s*\((?P<reason>.*)\)\s*-->")
MARKER = re.compile(r"<!--\s*readme-test\b")
SHELL = ("bash", "sh")
RUN = (*SHELL, "sparql", "python")
SECONDS = re.compile(r"\b\d+(\.\d+)? s\b")


@dataclass
class Block:
    """A fenced code block of a Markdown file."""

    line: int  # of the opening fence, 1-based
    lang: str
    text: str
    skip: str | None = None  # why it is not run, from the comment before it
    output: str | None = None  # the text block that follows it


def read_blocks(path: Path) -> list[Block]:
    """The fenced blocks of ``path``, each with its skip reason and the output block after it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    last_run: Block | None = None  # a runnable block the next text block may show the output of
    i = 0
    while i < len(lines):
        if not lines[i].startswith("```"):
            if lines[i].strip():
                last_run = None
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == "```"), None)
        assert end is not None, f"{path.name}:{i + 1}: a code block is never closed"
        before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        skip = SKIP.search(before)
        assert skip or not MARKER.search(before), f"{path.name}:{i + 1}: write <!-- readme-test: skip (why) -->"
        block = Block(i + 1, lines[i][3:].strip(), "\n".join(lines[i + 1 : end]), skip["reason"].strip() if skip else None)
        if block.lang == "text" and last_run is not None:
            last_run.output, last_run = block.text, None
        else:
            blocks.append(block)
            last_run = block if block.lang in RUN else None
        i = end + 1
    return blocks


def kg_commands(script: str) -> list[list[str]]:
    """The argument lists of the ``kg`` commands a shell script runs (``&&``, ``|``, ``;`` split it)."""
    commands = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        current: list[str] = []
        for token in lexer:
            if token in ("&&", "||", "|", ";", "&", "(", ")"):
                commands.append(current)
                current = []
            else:
                current.append(token)
        commands.append(current)
    return [c[1:] for c in commands if c and c[0] == "kg"]


def script_lines(script: str) -> list[str]:
    """A shell script's lines, continuation lines joined."""
    return script.replace("\\\n", " ").splitlines()


def unknown_in(args: list[str]) -> list[str]:
    """What of a ``kg`` command line kg lacks: its command, or options its command does not take."""
    import typer.main

    from kg.cli import app

    group = typer.main.get_command(app)
    known_top = {opt for p in group.params for opt in (*p.opts, *p.secondary_opts)} | {"--help"}
    words = list(args)
    while words and words[0].startswith("-"):
        if words[0] not in known_top:
            return [words[0]]
        words.pop(0)
    if not words:
        return []
    command = group.commands.get(words[0])
    if command is None:
        return [words[0]]
    known = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)} | {"--help"}
    return [w.split("=")[0] for w in words[1:] if w.startswith("-") and len(w) > 1 and w.split("=")[0] not in known]


def expected_lines(output: str) -> list[str]:
    return [_normal(line) for line in output.splitlines() if line.strip() and line.strip() != "…"]


def _normal(line: str) -> str:
    return SECONDS.sub("N s", line.rstrip())


def missing_output(expected: str, actual: str) -> list[str]:
    """The lines of ``expected`` that do not come out of ``actual`` in order (first one missing on)."""
    got = [_normal(line) for line in actual.splitlines()]
    at = 0
    wanted = expected_lines(expected)
    for k, line in enumerate(wanted):
        try:
            at = got.index(line, at) + 1
        except ValueError:
            return wanted[k:]
    return []
