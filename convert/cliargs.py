"""The command line's parser and its numeric option types (for :mod:`convert.cli`).

A mistake on the command line is one line, as every other error is: argparse's own errors
(a bad value, an unknown option) become a :class:`~convert.errors.UsageError` naming the
option as typed and its value, not the usage text followed by the error."""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TypeVar

from .errors import UsageError

_T = TypeVar("_T")

#: argparse's message about one option: ``argument -j/--jobs: must be at least 1``
_ABOUT_OPTION = re.compile(r"argument (\S+?): (.*)", re.S)
_UNRECOGNIZED = "unrecognized arguments: "
_AMBIGUOUS = re.compile(r"ambiguous option: (\S+) could match (.*)", re.S)


class Parser(argparse.ArgumentParser):
    """argparse whose errors are a one-line :class:`UsageError` (exit 2); ``--help`` and
    ``--version`` as argparse has them."""

    _argv: Sequence[str] = ()

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: Any = None) -> tuple[Any, list[str]]:
        self._argv = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        source, problem = blame(message, self._argv)
        raise UsageError(source, f"{problem} (see --help)")


def blame(message: str, argv: Sequence[str]) -> tuple[str, str]:
    """(what was typed, the problem) for one of argparse's messages: ``("-j 0", "must be at
    least 1")``; the option as the user spelt it, and its value when the problem is the value."""
    if message.startswith(_UNRECOGNIZED):
        typed = message[len(_UNRECOGNIZED):]
        if all(token.startswith("-") for token in typed.split()):
            return typed, "unknown option"
        return typed, "unrecognized argument (name the inputs together, not split by options)"
    ambiguous = _AMBIGUOUS.match(message)
    if ambiguous is not None:
        return ambiguous.group(1), f"ambiguous option: could be {ambiguous.group(2)}"
    about = _ABOUT_OPTION.match(message)
    if about is None:
        return "command line", message
    names, problem = about.group(1).split("/"), about.group(2)
    for index in range(len(argv) - 1, -1, -1):
        token = argv[index]
        for name in names:
            if token == name:
                value = argv[index + 1] if index + 1 < len(argv) else None
            elif token.startswith(name + "=") or (not name.startswith("--") and token.startswith(name)):
                value = token[len(name):].removeprefix("=")
            else:
                continue
            if value is None or problem.startswith("expected"):
                return name, problem
            return f"{name} {value}", problem
    return about.group(1), problem


def _checked(text: str, parse: Callable[[str], _T], valid: Callable[[_T], bool], what: str, bound: str,
             example: str = "") -> _T:
    """``parse(text)``, where ``valid`` takes it; else an argparse error that says the value is
    not ``what`` (then ``example``) or must be ``bound`` (the one check of every numeric option)."""
    try:
        value = parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not {what}{example}") from None
    if not valid(value):
        raise argparse.ArgumentTypeError(f"must be {bound}")
    return value


def _bytes(text: str) -> int:
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    value = text.strip().lower().rstrip("b")
    if value and value[-1] in units:
        number = float(value[:-1])
        return int(number * units[value[-1]]) if math.isfinite(number) else 0
    return int(value)


def size(text: str) -> int:
    """A size in bytes, at least one (``20M``, ``512k``, ``1g``, ``4096``)."""
    return _checked(text, _bytes, lambda size: size >= 1, "a size", "at least one byte", " (e.g. 20M)")


def count(text: str) -> int:
    """A whole number, at least 1 (``--jobs``, ``--recycle-after``)."""
    return _checked(text, int, lambda value: value >= 1, "a whole number", "at least 1")


def seconds(text: str) -> float:
    """Seconds, zero or more and finite (``--time-limit``; 0 means no limit)."""
    return _checked(text, float, lambda value: math.isfinite(value) and value >= 0, "a number of seconds",
                    "0 (no limit) or more seconds")
