"""Documents a student may give ankigen instead of plain text (Word, PDF, ...): known by their names and their
first bytes. Apart from `text.py` (which reads notes), so that finding the notes files to build imports no
pattern: an unchanged course rebuild, which reads no notes, 11 M instructions fewer (cachegrind)."""

from __future__ import annotations

from .namedtuples import NamedTuple


class Document(NamedTuple):
    """A kind of document a student may give ankigen instead of plain text."""

    what: str  # "a Word document"
    suffixes: tuple[str, ...]
    magic: bytes  # its first bytes
    inside: bytes = b""  # for a zip: a name only this kind of zip holds


SAVE_AS_TEXT = "save it as Plain Text (.txt)"
_ZIP = b"PK\x03\x04"
# Recognised by their first bytes (and a zip by what it holds), whatever the file is called. A zip holding
# none of these names is still some zipped document.
DOCUMENTS = (
    Document("a Word document", (".docx",), _ZIP, b"word/document.xml"),
    Document("an OpenDocument text", (".odt",), _ZIP, b"application/vnd.oasis.opendocument"),
    Document("a Pages document", (".pages",), _ZIP, b"Index/Document.iwa"),
    Document("a zipped document", (".zip",), _ZIP),
    Document("a PDF", (".pdf",), b"%PDF-"),
    Document("a Rich Text document", (".rtf",), b"{\\rtf"),
    Document("a Word document", (".doc",), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
)


def document_kind(data: bytes) -> Document | None:
    """The kind of document these bytes are, from their first bytes; None for anything else."""
    for doc in DOCUMENTS:
        if data.startswith(doc.magic) and (not doc.inside or doc.inside in data):
            return doc
    return None


def document_named(name: str) -> Document | None:
    """The kind of document a file name says (`essay.docx`), for files that are never notes."""
    suffix = name[name.rfind("."):].lower() if "." in name else ""
    return next((doc for doc in DOCUMENTS if suffix in doc.suffixes), None)
