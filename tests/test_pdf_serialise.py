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


def test_streams_are_flate_compressed_at_level_6_and_read_back_the_same() -> None:
    import re
    import zlib

    raw_parts = [b"BT /F1 12 Tf", b"(text) Tj", b"ET"]
    ours = pydyf.Stream(list(raw_parts), extra={"Type": "/XObject"}, compress=True)
    plain = pydyf.Stream([b"q Q"])
    out = pydyf.PDF()
    for obj in (ours, plain):
        out.add_object(obj)
    pdf.flate_streams(out)
    raw = b"\n".join(raw_parts)
    head, _, rest = ours.data.partition(b"\nstream\n")
    body = rest.removesuffix(b"\nendstream")
    assert body == zlib.compress(raw, pdf.FLATE_LEVEL) and zlib.decompress(body) == raw
    # the keys pydyf writes for a stream it compresses: its own, then Filter, then Length
    assert re.fullmatch(rb"<</Type /XObject/Filter /FlateDecode/Length (\d+)>>", head)[1] == str(len(body)).encode()
    assert plain.data == pydyf.Stream([b"q Q"]).data  # not to be compressed: left as it is


def test_a_pdf_reads_back_with_its_text_after_the_streams_are_recompressed() -> None:
    import io

    import pypdf

    data = pdf.write(seed_cable(), WriteOptions())
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "CHINA OBJECTS TO SPECIAL 301 DESIGNATION" in " ".join(text.split())


@pytest.mark.parametrize("variant", ["pdf/a-3a", "pdf/a-3b"])
def test_the_object_stream_is_compressed_once(monkeypatch: pytest.MonkeyPatch, variant: str) -> None:
    """pydyf's ``write`` makes the object stream (every object but the streams: in a tagged
    file, the structure elements) and the cross-reference stream itself, after the finisher;
    it asked the object stream for its bytes twice (the file, then the MD5 of its ``/ID``),
    compressing it at zlib level 9 each time."""
    made: list[str] = []
    data = pydyf.Stream.data.fget

    def counted(self: pydyf.Stream) -> bytes:
        made.append(str(self.extra.get("Type")))
        return data(self)  # type: ignore[no-any-return]

    monkeypatch.setattr(pydyf.Stream, "data", property(counted))
    pdf.write(seed_cable(), WriteOptions(pdf_variant=variant))
    assert made.count("/ObjStm") == 1 and made.count("/XRef") == 1
