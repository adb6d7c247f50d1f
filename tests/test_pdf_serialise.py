"""Each PDF object serialised once (issue 13, the cost of a tagged volume): pydyf asks for an
object's bytes twice when the file has an identifier; :func:`convert.writers.pdf.serialise_once`
keeps them from the first call. The file must not change by a byte."""

from __future__ import annotations

import pydyf
import pytest
from writers_fixtures import seed_cable

from convert.options import WriteOptions
from convert.writers import pdf


@pytest.mark.parametrize("variant", ["pdf/a-3a", "pdf/a-3b", "none"])
def test_serialising_once_leaves_every_byte(monkeypatch: pytest.MonkeyPatch, variant: str) -> None:
    options = WriteOptions(pdf_variant=variant)
    cable = seed_cable()
    once = pdf.write(cable, options)
    monkeypatch.setattr(pdf, "serialise_once", lambda out: None)
    assert pdf.write(cable, options) == once


def test_a_stream_is_compressed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    made = pydyf.Stream.data.fget

    def counted(self: pydyf.Stream) -> bytes:
        calls.append(1)
        return made(self)  # type: ignore[no-any-return]

    monkeypatch.setattr(pydyf.Stream, "data", property(counted))
    out = pydyf.PDF()
    stream = pydyf.Stream([b"BT ET"], compress=True)
    out.add_object(stream)
    pdf.serialise_once(out)
    pdf.serialise_once(out)  # a second call wraps nothing twice
    assert stream.data == stream.data and len(calls) == 1
    assert type(stream).__mro__[1] is pydyf.Stream
