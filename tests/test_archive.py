"""Deterministic re-packing of pandoc's archives (convert/archive.py): only the entries we
replace are deflated again; the others keep their compressed bytes, under fixed headers."""

from __future__ import annotations

import io
import struct
import zipfile

from writers_fixtures import hand_tei

from convert.archive import read_entries, read_zip, rewrite_zip
from convert.options import WriteOptions

TEXT = b"".join(b"<w:p><w:r><w:t>line %d of a part</w:t></w:r></w:p>\n" % i for i in range(400))


def raw_bytes(data: bytes, name: str) -> bytes:
    """An entry's compressed bytes as stored in the archive."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    return data[start:start + info.compress_size]


def made_by_another_tool() -> bytes:
    """A ZIP as pandoc might write it: its own time, deflated at another level."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in (("mimetype", b"application/epub+zip"), ("a/part.xml", TEXT),
                           ("b/other.xml", TEXT[::-1])):
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 6, 7, 8, 10))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=1)
    return buffer.getvalue()


def test_unchanged_entries_keep_their_compressed_bytes() -> None:
    original = made_by_another_tool()
    out = rewrite_zip(original, {"b/other.xml": b"<new/>"}, epoch=1_700_000_000)
    assert raw_bytes(out, "a/part.xml") == raw_bytes(original, "a/part.xml")  # not deflated again
    assert dict(read_zip(out)) == {"mimetype": b"application/epub+zip", "a/part.xml": TEXT,
                                   "b/other.xml": b"<new/>"}
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        assert archive.testzip() is None
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert {info.external_attr >> 16 for info in archive.infolist()} == {0o644}


def test_a_stored_entry_comes_first_uncompressed_and_reruns_are_identical() -> None:
    original = made_by_another_tool()
    once = rewrite_zip(original, {"z/added.css": b"p {}"}, 0, stored=frozenset({"mimetype"}),
                       first="mimetype")
    assert once == rewrite_zip(original, {"z/added.css": b"p {}"}, 0,
                               stored=frozenset({"mimetype"}), first="mimetype")
    assert once[30:38] == b"mimetype" and once[38:58] == b"application/epub+zip"  # OCF: no extra field
    with zipfile.ZipFile(io.BytesIO(once)) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["mimetype", "a/part.xml", "b/other.xml", "z/added.css"]
    assert infos[0].compress_type == zipfile.ZIP_STORED
    assert read_entries(once, ["z/added.css", "missing"]) == {"z/added.css": b"p {}"}


def test_the_docx_keeps_pandocs_compressed_styles() -> None:
    """Our DOCX writer replaces the core properties and the header and footer; pandoc's other
    parts (styles, theme, numbering, ...) are copied as pandoc compressed them."""
    from convert.writers import docx, html, pandoc
    from convert.writers.reference import reference_file

    cable, options = hand_tei(), WriteOptions(source_date_epoch=1_700_000_000)
    ours = docx.write(cable, options)
    page = html.serialize(html.document(
        [html.article(cable, options, flavour="docx", title_as_heading=False)], "",
        cable.view.lang, None))
    bare = pandoc.run(["-f", "html", "-t", "docx",
                       f"--reference-doc={reference_file(options.theme, options.paper)}"],
                      page, "test", 1_700_000_000)
    for name in ("word/styles.xml", "word/document.xml", "word/theme/theme1.xml"):
        assert raw_bytes(ours, name) == raw_bytes(bare, name), name
    assert raw_bytes(ours, "word/header1.xml") != raw_bytes(bare, "word/header1.xml")
