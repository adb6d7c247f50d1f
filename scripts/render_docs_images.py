"""Acceptance 2: page 1 of the seed as PDF, DOCX (through LibreOffice) and EPUB, as PNGs.

For each theme: the PDF from our writer; the DOCX converted by LibreOffice (headless); the
EPUB's own chapter XHTML and stylesheet laid out by weasyprint on an e-reader-sized page
(the stylesheet as packed, without the print stylesheet). pdftoppm (poppler-utils) turns
each first page into a PNG under docs/, and one strip per theme puts the three side by side.

    python scripts/render_docs_images.py [--out docs] [--dpi 60]
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from exporters_corpus import REPO, seed_cable, soffice_to_pdf

from convert.options import WriteOptions
from convert.writers import docx, epub, pdf

EREADER_PAGE = "@page { size: 110mm 160mm; margin: 8mm; }"


def first_page_png(pdf_bytes: bytes, target: Path, dpi: int, work: Path) -> None:
    source = work / (target.stem + ".pdf")
    source.write_bytes(pdf_bytes)
    pdftoppm = shutil.which("pdftoppm") or "/usr/bin/pdftoppm"
    subprocess.run([pdftoppm, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
                    str(source), str(target.with_suffix(""))], check=True)


def docx_to_pdf(data: bytes, work: Path) -> bytes:
    source = work / "seed-docx.docx"
    source.write_bytes(data)
    soffice_to_pdf([source], work, timeout=300)
    target = work / "seed-docx.pdf"
    if not target.exists():
        raise SystemExit("LibreOffice did not convert the seed's DOCX")
    return target.read_bytes()


def epub_to_pdf(data: bytes) -> bytes:
    """Lay out the EPUB's first chapter with its own stylesheet, as a reading system would."""
    import weasyprint

    from convert.fetcher import bundled_only_fetcher

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        chapter = archive.read(sorted(n for n in archive.namelist()
                                      if n.startswith("EPUB/text/"))[0]).decode()
        css = archive.read(epub.STYLESHEET_ENTRY).decode()
    # the chapter links its stylesheet by a relative URL: give the CSS directly instead
    chapter = chapter.replace('<link rel="stylesheet" type="text/css" '
                              'href="../styles/stylesheet1.css" />', "")
    sheets = [weasyprint.CSS(string=css, font_config=pdf.font_config()),
              weasyprint.CSS(string=EREADER_PAGE)]
    return weasyprint.HTML(string=chapter, url_fetcher=bundled_only_fetcher()).write_pdf(
        stylesheets=sheets, font_config=pdf.font_config())


def strip(images: list[Path], target: Path) -> None:
    from PIL import Image

    opened = [Image.open(p).convert("RGB") for p in images]
    height = max(i.height for i in opened)
    scaled = [i.resize((round(i.width * height / i.height), height)) for i in opened]
    gap = 16
    canvas = Image.new("RGB", (sum(i.width for i in scaled) + gap * (len(scaled) + 1),
                               height + 2 * gap), (200, 200, 200))
    x = gap
    for image in scaled:
        canvas.paste(image, (x, gap))
        x += image.width + gap
    canvas.save(target, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs"))
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cable = seed_cable()
    print("| theme | PDF | DOCX (LibreOffice) | EPUB (weasyprint, e-reader page) | strip |")
    print("| --- | --- | --- | --- | --- |")
    for theme in ("modern", "teletype"):
        options = WriteOptions(theme=theme)
        with tempfile.TemporaryDirectory() as name:
            work = Path(name)
            made = []
            for kind, pdf_bytes in (("pdf", pdf.write(cable, options)),
                                    ("docx", docx_to_pdf(docx.write(cable, options), work)),
                                    ("epub", epub_to_pdf(epub.write(cable, options)))):
                target = out / f"seed-{theme}-{kind}.png"
                first_page_png(pdf_bytes, target, args.dpi, work)
                made.append(target)
        strip_target = out / f"seed-{theme}.png"
        strip(made, strip_target)
        print(f"| {theme} | {made[0].name} | {made[1].name} | {made[2].name} | "
              f"{strip_target.name} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
