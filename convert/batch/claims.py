"""Duplicate cable ids: which input's files get the plain name ``<id>.<ext>``.

A name is *claimed* by the key of the input that owns it. The input first in the input order
keeps the plain name (within a run, whichever finishes first: a later input's files are
renamed when an earlier one arrives, so names never depend on timing); the others get
``<id>_<hash of their key>`` and a warning. A name claimed in an earlier run (a resume
record) stays with its owner. Claims are made and dropped in the main thread only.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..errors import OutputError
from .publish import Publisher
from .report import Ledger
from .state import Record, State
from .worker import Item, Task


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:8]


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
        owner = self.owners.get(stem)
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
            item.warnings.append(f"duplicate cable id {item.id or stem}: {moved} has it too "
                                 f"and was renamed")
            return stem
        alternative = f"{stem}_{short_hash(task.key)}"
        self.owners[alternative] = task.key
        other = self.state.records[owner].name if owner in self.state.records else owner
        item.warnings.append(f"duplicate cable id {item.id or stem}: {other} has it too; "
                             f"written as {alternative}")
        return alternative

    def release(self, stems: list[str], key: str) -> None:
        """A cable whose files could not be written gives its names back."""
        for stem in stems:
            if self.owners.get(stem) == key:
                del self.owners[stem]

    def relocate(self, record: Record, index: int, stem: str, newcomer: str) -> str:
        """Move a later input's published files from ``stem`` to ``<stem>_<hash>``."""
        new_stem = f"{stem}_{short_hash(record.key)}"
        outputs = {}
        for fmt, rel in record.outputs.items():
            old = self.out / rel
            new = old.with_name(new_stem + old.name[len(stem):])
            try:
                os.replace(old, new)
            except OSError as exc:
                raise OutputError(str(old), exc.strerror or str(exc)) from None
            outputs[fmt] = os.path.relpath(new, self.out)
        warning = (f"duplicate cable id {record.id or stem}: {newcomer} has it too; "
                   f"written as {new_stem}")
        record.stem, record.outputs = new_stem, outputs
        record.warnings = [*record.warnings, warning]
        self.state.append(record)
        self.owners[new_stem] = record.key
        result = self.ledger.results.get(index)
        if result is not None:
            result.outputs = {f: str(self.out / outputs[f]) for f in result.outputs if f in outputs}
            result.warnings = list(record.warnings)
        return record.name
