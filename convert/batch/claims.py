"""Duplicate cable ids: which input's files get the plain name ``<id>.<ext>``.

A name is *claimed* by the key of the input that owns it. The input first in the input order
keeps the plain name (within a run, whichever finishes first: a later input's files are
renamed when an earlier one arrives, so names never depend on timing); the others get
``<id>_<hash of their key>`` and a warning. An input that gives no cable id is named after its
file without the suffix (``note.txt``: ``note.json``); where two share that name (``a.txt``,
``a.html``), the later one gets its whole file name (``a.html.json``), else a hash. A name
claimed in an earlier run (a resume record) stays with its owner. Claims are made and dropped in the main thread only.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..errors import OutputError
from ..names import safe_stem, with_suffix
from .inputs import key_path
from .publish import Publisher
from .report import Ledger
from .state import Record, State
from .worker import Item, Task

#: stems no cable may have: ``report.json`` is the batch's report (in the flat layout a
#: cable with the id ``report`` wrote its JSON there, and the report then replaced it)
RESERVED = frozenset({"report"})


class Claims:
    def __init__(self, out: Path, state: State, publisher: Publisher, ledger: Ledger) -> None:
        self.out = out
        self.state = state
        self.publisher = publisher
        self.ledger = ledger
        self.owners: dict[str, str] = {rec.stem: rec.key for rec in state.records.values()}
        self.claimed_at: dict[str, int] = {}  # stems claimed in this run -> input index

    def claim(self, item: Item, task: Task) -> str:
        """The file stem for ``item``: its id's, unless another input already has that id."""
        stem = item.stem
        if stem.lower() in RESERVED:  # any case: a case-insensitive disk has one report.json
            alternative = self.alternative(stem, task.key, item.id, item.source)
            item.warnings.append(f"{_what(item.id, stem)}: {stem}.json is the batch "
                                 f"report's name; written as {alternative}")
            return alternative
        owner = self.owners.get(stem)
        if owner is not None and owner != task.key and stem not in self.claimed_at:
            owner = self.take_over_if_gone(stem, owner, task)
        if owner is None or owner == task.key:
            self.owners[stem] = task.key
            self.claimed_at[stem] = task.index
            return stem
        owner_index = self.claimed_at.get(stem)
        if owner_index is not None and owner_index > task.index:
            self.publisher.wait(owner_index)  # its files must be in place before they move
        if owner_index is not None and owner_index > task.index and owner in self.state.records:
            moved = self.relocate(self.state.records[owner], owner_index, stem, item.source)
            self.owners[stem] = task.key
            self.claimed_at[stem] = task.index
            item.warnings.append(f"duplicate {_what(item.id, stem)}: {moved} has it too "
                                 f"and was renamed")
            return stem
        alternative = self.alternative(stem, task.key, item.id, item.source)
        other = self.state.records[owner].name if owner in self.state.records else owner
        item.warnings.append(f"duplicate {_what(item.id, stem)}: {other} has it too; "
                             f"written as {alternative}")
        return alternative

    def alternative(self, stem: str, key: str, cable_id: str | None, source: str) -> str:
        """Another name than ``stem``, claimed for ``key``: for an input with no cable id its
        whole file name (``a.html``), if free; else ``<stem>_<hash of key>`` (a longer hash in
        the unlikely case that another input already has that name)."""
        whole = safe_stem(source) if cable_id is None else stem
        if whole != stem and self.owners.get(whole) in (None, key) and whole.lower() not in RESERVED:
            self.owners[whole] = key
            return whole
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
        for length in (8, 16, 64):
            name = with_suffix(stem, digest[:length])
            if self.owners.get(name) in (None, key) and name.lower() not in RESERVED:
                break
        self.owners[name] = key
        return name

    def take_over_if_gone(self, stem: str, owner: str, task: Task) -> str | None:
        """A name held by a record of an earlier run whose input no longer exists (the
        corpus was moved or renamed) passes to this input, and the old record is dropped:
        the files keep their plain names instead of every cable being renamed
        ``<id>_<hash>`` beside the old outputs. Returns the owner that remains (None)."""
        path = key_path(owner)
        if path is None or os.path.exists(path):
            return owner
        self.state.drop(owner)
        del self.owners[stem]
        return None

    def release(self, stems: list[str], key: str) -> None:
        """A cable whose files could not be written gives its names back."""
        for stem in stems:
            if self.owners.get(stem) == key:
                del self.owners[stem]

    def relocate(self, record: Record, index: int, stem: str, newcomer: str) -> str:
        """Move a later input's published files from ``stem`` to ``<stem>_<hash>``."""
        new_stem = self.alternative(stem, record.key, record.id, record.name)
        outputs = {}
        for fmt, rel in record.outputs.items():
            old = self.out / rel
            new = old.with_name(new_stem + old.name[len(stem):])
            try:
                os.replace(old, new)
            except OSError as exc:
                raise OutputError(str(old), exc.strerror or str(exc)) from None
            outputs[fmt] = os.path.relpath(new, self.out)
        warning = (f"duplicate {_what(record.id, stem)}: {newcomer} has it too; "
                   f"written as {new_stem}")
        record.stem, record.outputs = new_stem, outputs
        record.warnings = [*record.warnings, warning]
        self.state.append(record)
        result = self.ledger.results.get(index)
        if result is not None:
            result.outputs = {f: str(self.out / outputs[f]) for f in result.outputs if f in outputs}
            result.warnings = list(record.warnings)
        return record.name


def _what(cable_id: str | None, stem: str) -> str:
    """What the name is, for a warning: the cable's id, or (no id) the input's file name."""
    return f"cable id {cable_id}" if cable_id else f"file name {stem}"
