"""Every `pantau ...` command the README shows exists, with the options it is shown with (checked against the click
commands themselves, so a renamed option or a removed command fails here before a reader trips over it)."""

from __future__ import annotations

import re

import click
import pytest

from conftest import REPO
from pantau.cli import cli

README = REPO / "README.md"
# a command in a code block line, or in inline code: `pantau crawl --since ...`
_INLINE = re.compile(r"`((?:\.venv/bin/)?pantau [^`]+)`")
_BLOCK = re.compile(r"```(?:bash|sh|sh\s)?\n(.*?)```", re.S)


def _commands(text: str) -> list[str]:
    lines = list(_INLINE.findall(text))
    for block in _BLOCK.findall(text):
        lines += [line.split(" #")[0] for line in block.replace("\\\n", " ").splitlines()]
    found = []
    for line in lines:
        # one pantau command per piece: `pantau claims a.jsonl | pantau targets`, `... || break`, `| jq ...`
        for piece in re.split(r"\|\||&&|;|\|(?=\s)", line):
            piece = piece.strip()
            if re.match(r"(\.venv/bin/)?pantau\s", piece):
                found.append(piece.split(" > ")[0])
    return found


def _resolve(words: list[str]) -> tuple[click.Command, list[str], str]:
    """The (sub)command named by the leading words, the words after it, and its name."""
    command, name = cli, "pantau"
    rest = list(words)
    while rest and rest[0] in ("-v", "--verbose"):
        rest.pop(0)
    while isinstance(command, click.Group) and rest and re.fullmatch(r"[a-z][a-z-]*", rest[0]):
        sub = command.get_command(click.Context(command), rest[0])
        assert sub is not None, f"README shows `{name} {rest[0]}`, which does not exist"
        command, name = sub, f"{name} {rest.pop(0)}"
    return command, rest, name


def _options(command: click.Command) -> set[str]:
    names = {"--help", "-h"}
    for param in command.params:
        if isinstance(param, click.Option):
            names.update(param.opts + param.secondary_opts)
    return names


def test_readme_shows_commands():
    assert len(_commands(README.read_text(encoding="utf-8"))) >= 20


@pytest.mark.parametrize("shown", sorted(set(_commands(README.read_text(encoding="utf-8")))))
def test_readme_command_exists_with_its_options(shown):
    words = shown.split()[1:]  # after "pantau" / ".venv/bin/pantau"
    command, rest, name = _resolve(words)
    alternatives = re.fullmatch(r"\{(.+)\}", rest[0]) if rest else None
    if isinstance(command, click.Group) and alternatives:  # `pantau review {verify\|correct} ...`: each one
        variants = [words[: len(words) - len(rest)] + [sub] + rest[1:]
                    for sub in alternatives[1].replace("\\", "").split("|")]
    else:
        variants = [words]
    for variant in variants:
        command, rest, name = _resolve(variant)
        known = _options(command)
        # options as shown, also inside [--db PATH] and [--systemd\|--cron]
        for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-z])(?![\w-])", " ".join(rest)):
            assert option in known, f"README shows `{name} {option}`, an option `{name} --help` does not list"
