"""Typed errors. Only the CLI turns them into exit codes and one-line messages.

Every error carries the input (or output) it concerns, so a message names it.
The exit-code table lives here, next to the classes, and is printed in the README.
"""

from __future__ import annotations


class ConvertError(Exception):
    """Root of every error this package raises on purpose."""

    exit_code = 1
    kind = "error"

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message

    def one_line(self) -> str:
        text = f"cable-convert: {self.source}: {self.kind}: {self.message}"
        return " ".join(text.split())


class InputError(ConvertError):
    """The input cannot be read: missing, unreadable, or a folder with no cable files."""

    exit_code = 3
    kind = "unreadable input"


class EmptyInputError(InputError):
    """The input is empty or holds only white space."""

    exit_code = 4
    kind = "empty input"


class BinaryInputError(InputError):
    """The input is binary (NUL bytes, control characters), not text."""

    exit_code = 5
    kind = "binary input"


class EncodingError(InputError):
    """The input is not UTF-8 (or UTF-16 with a BOM); --encoding names another."""

    exit_code = 6
    kind = "encoding"


class InputTooLargeError(InputError):
    """A single-cable input is over --max-input-size, or too long for a PDF within --time-limit."""

    exit_code = 7
    kind = "input too large"


class ParseError(ConvertError):
    """The text was read but is not a cable this tool can understand."""

    exit_code = 8
    kind = "not a cable"


class TruncatedCableError(ParseError):
    """A routing header or banner with no text after it."""

    exit_code = 9
    kind = "truncated cable"


class UnsafeInputError(ParseError):
    """XML input with a DOCTYPE or entity declarations (refused, never resolved)."""

    exit_code = 10
    kind = "unsafe input"


class InvalidTEIError(ParseError):
    """XML that is not TEI written by cable-convert, or not well-formed."""

    exit_code = 11
    kind = "invalid TEI"


class TimeLimitError(ConvertError):
    """One cable took longer than --time-limit."""

    exit_code = 12
    kind = "time limit"


class RenderError(ConvertError):
    """A renderer (weasyprint, pandoc) failed on a cable."""

    exit_code = 13
    kind = "render failed"


class StyleError(ConvertError):
    """A theme is missing or invalid."""

    exit_code = 14
    kind = "style"


class OutputError(ConvertError):
    """An output file or folder cannot be written."""

    exit_code = 15
    kind = "cannot write output"


class UsageError(ConvertError):
    """The command line is wrong (unknown format, bad option value)."""

    exit_code = 2
    kind = "usage"


class EngineError(ConvertError):
    """The batch engine cannot run: Dask not installed, its scheduler unreachable, no workers."""

    exit_code = 17
    kind = "engine"


#: Exit status when a batch finished but some inputs failed (each is listed at the end).
EXIT_SOME_FAILED = 16
#: Exit status on an internal error (a bug): a traceback is printed with --debug.
EXIT_INTERNAL = 1
#: Exit status when interrupted by the user (SIGINT).
EXIT_INTERRUPTED = 130
#: Exit status when stopped by SIGTERM (``kill``, ``timeout``, a service manager).
EXIT_TERMINATED = 143


def exit_code_table() -> list[tuple[int, str, str]]:
    """(code, name, meaning) for every exit code, in order: the README's table comes from this."""
    rows: list[tuple[int, str, str]] = [
        (0, "ok", "every input converted"),
        (EXIT_INTERNAL, "internal", "a bug: rerun with --debug for the traceback"),
    ]
    seen = set()
    stack: list[type[ConvertError]] = [ConvertError]
    while stack:
        cls = stack.pop()
        stack.extend(reversed(cls.__subclasses__()))
        if cls is ConvertError or cls.exit_code in seen:
            continue
        seen.add(cls.exit_code)
        doc = (cls.__doc__ or cls.kind).strip().splitlines()[0]
        rows.append((cls.exit_code, cls.__name__, doc))
    rows.append((EXIT_SOME_FAILED, "some-failed", "a batch finished; some inputs failed (listed)"))
    rows.append((EXIT_INTERRUPTED, "interrupted", "stopped by Ctrl-C; a re-run resumes"))
    rows.append((EXIT_TERMINATED, "terminated", "stopped by SIGTERM (kill, timeout); a re-run resumes"))
    return sorted(rows)
