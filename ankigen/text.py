"""Reading notes files: decoding, line ends and typographic clean-up. Pure functions, no I/O."""

from __future__ import annotations

import re
from collections.abc import Callable

from . import rx
from .documents import SAVE_AS_TEXT, document_kind
from .namedtuples import NamedTuple

# Apostrophes students type (or Word substitutes) between two letters: Stalin‘s, Stalin’s, Stalin`s, Stalin´s.
# These three patterns start with what they consume and look behind afterwards, so that the engine skips
# quickly to candidate characters instead of testing a look-behind at every position: measured on 10,000
# cards of bench/make_notes.py notes, 3 to 5 times as fast as the same patterns with the look-behind first
# (together about 75 ms of a 200 ms parse).
_APOSTROPHE = rx.compile(r"[‘`´ʼ'](?<=\w[‘`´ʼ'])(?=\w)")  # (’ itself stays as it is)
# A possessive after a plural: "workers‘ " -> "workers’ ".
_PLURAL_POSSESSIVE = rx.compile(r"[‘`´ʼ](?<=[sS][‘`´ʼ])(?=\s|$)", re.M)
# A full stop glued to the next sentence: "authority.Bukharin", "grew.CCP", "Henry VII.He" (a word of two
# letters or more before it, a capital after), "1793-94.Robespierre", "1851.back" (a number before it, a
# letter after). Initials and abbreviations (U.S.S.R., G.R. Elton, e.g.) have one letter before each full
# stop, and decimals (1.8, 2.6%) a digit after it: both are left alone.
_GLUED_SENTENCE = rx.compile(r"([.!?])(?:(?<=[A-Za-z]{2}[.!?])(?=[A-Z][A-Za-z])|(?<=\d\d[.!?])(?=[A-Za-z]{2}))")
# Blanks other than a plain space (tabs, no-break spaces), with any blanks after them; then runs of spaces.
# Between them, every run of blanks becomes one space.
_ODD_BLANKS = rx.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*")
_SPACES = rx.compile("  +")
# Control characters other than tab and newline never belong in a note.
_CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_CONTROL = rx.compile(f"[{_CONTROL_CHARACTERS}]")
# Dropped from the text: invisible characters (zero-width spaces and joiners, BOMs, soft hyphens) and the
# control characters, in one pass (half the time of two).
_DROPPED = rx.compile(f"[\u200b\u200c\u200d\u2060\ufeff\u00ad{_CONTROL_CHARACTERS}]")


class Decoded(NamedTuple):
    text: str
    encoding: str


class NotText(ValueError):
    """The bytes are not a text file (a document, a NUL byte or undecodable binary)."""


def decode(data: bytes) -> Decoded:
    """Decode a notes file: UTF-8 (with or without BOM), else Windows-1252 (Word's "plain text"). A
    document (Word, PDF, ...) or any other binary file is NotText, saying what it is."""
    if doc := document_kind(data):
        raise NotText(f"it is {doc.what}, not plain text: {SAVE_AS_TEXT}")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16"
        try:
            return Decoded(data.decode(enc).lstrip("\ufeff"), "UTF-16")
        except UnicodeDecodeError as exc:
            raise NotText("not valid UTF-16 text") from exc
    if b"\x00" in data:
        raise NotText(f"it is not plain text (it holds binary data): {SAVE_AS_TEXT}")
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise NotText("it is neither UTF-8 nor Windows-1252 text") from exc
    if _looks_binary(text):
        raise NotText(f"it is not plain text (it holds binary data): {SAVE_AS_TEXT}")
    return Decoded(text, "Windows-1252")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    bad = len(_CONTROL.findall(sample))
    return bad / len(sample) > 0.01


def tidy_text(text: str) -> list[str]:
    """Clean a whole text and split it into lines: invisible characters, spacing, apostrophes, glued
    sentences. Each substitution runs once over the text (no rule crosses a line end), so a large file
    is cleaned at the regex engine's speed rather than line by line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _DROPPED.sub("", text)
    text = _SPACES.sub(" ", _ODD_BLANKS.sub(" ", text))
    # Most files hold none of these characters: looking for them first skips both patterns (15 ms of a
    # 200 ms parse of 10,000 cards when there are none).
    if any(q in text for q in "‘`´ʼ'"):
        text = _APOSTROPHE.sub("’", text)
        if any(q in text for q in "‘`´ʼ"):
            text = _PLURAL_POSSESSIVE.sub("’", text)
    text = text.replace(" ,", ",").replace(" ;", ";")  # no space before a comma (blanks are single now)
    text = _GLUED_SENTENCE.sub(r"\1 ", text)
    if "o " in text or "\uf0b7" in text or "\uf0a7" in text:
        text = _WORD_BULLET.sub("• ", text)
    if "---" in text or "===" in text or "___" in text or "***" in text:
        text = _RULE_LINE.sub("", text)  # a line drawn between parts of the notes is a blank line
    if "**" in text or "__" in text:
        text = _MD_BOLD.sub(r"\2", text)
    return [line.strip() for line in text.split("\n")]


# Notes written in a markdown editor and exported as text (Notion, Obsidian) set words in bold: `**Who was
# Trotsky?**`. The marks are no part of what the student wrote: they go, the words stay (its headings, `## P1 -`,
# are a layout: `markdown.markdown_headings`).
_MD_BOLD = rx.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


# The bullets a list pasted from a word processor keeps: `o` (its second level), and its symbol font's dot and
# square, in Unicode's private area. At a line's start and before a space only: `o` is no English word there.
_WORD_BULLET = rx.compile(r"^ ?(?:o|\uf0b7|\uf0a7) (?=\S)", re.MULTILINE)
_RULE_LINE = rx.compile(r"^ ?(?:-{3,}|={3,}|_{3,}|(?:\* ?){3,}|~{3,}) ?$", re.MULTILINE)


# ------------------------------------------------------------------------------------- letters

def _ranges(codes: range, keep: Callable[[str], bool]) -> str:
    """The characters of `codes` that `keep` keeps, for a character class, each run of consecutive ones as a
    range (`À-Ö`): the regex compiler reads a range at once, a list one character at a time, and these classes
    stand in most rules (`ankigen check` of the shipped notes: 912 M -> 880 M instructions, -3.6%)."""
    kept = [c for c in codes if keep(chr(c))]
    runs = [[kept[0], kept[0]]]
    for c in kept[1:]:
        if c == runs[-1][1] + 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs)


UPPER = "A-Z" + _ranges(range(0xC0, 0x180), lambda c: c.isupper() and c != "×")
LETTER = "a-zA-Z" + _ranges(range(0xC0, 0x250), str.isalpha)
