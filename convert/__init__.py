"""cable-convert: US diplomatic cables -> canonical TEI P5 -> PDF, EPUB, DOCX, Markdown, HTML, JSON."""

__version__ = "0.1.0"
