"""The Anki notes a deck is made of, and what every note builder shares: the deck's name, tags, themes
and HTML escaping. Pure: no genanki (`package.py` writes these records).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from operator import attrgetter

from . import claims, notetypes, rx
from .evidence import Evidence
from .figures import ascii_lowered
from .lock import Entry
from .namedtuples import NamedTuple
from .records import ParsedNotes
from .sidecar import Sidecar


class AnkiNote(NamedTuple):
    """One Anki note to write: its type, fields (HTML) and tags, and what identifies it (the lock entry
    the next build aligns with). (A named tuple: a large deck has hundreds of thousands, and a tuple is
    quicker to make and smaller than a dataclass instance.)"""

    notetype: notetypes.NoteType
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    entry: Entry  # its GUID and identity; the digest and time are the build's to set
    line: int | None  # where in the notes it came from, for messages
    label: str  # what a person calls it: "P1 analysis", "evidence P2 #3"

    @property
    def guid(self) -> str:
        return self.entry.guid

    def digest(self) -> str:
        data = "\x1e".join((str(self.notetype.id), self.guid, "\x1f".join(self.fields), " ".join(self.tags)))
        return hashlib.sha256(data.encode()).hexdigest()[:16]


class AnkiDeck(NamedTuple):
    name: str
    deck_id: int
    description: str
    stem: str
    notes: tuple[AnkiNote, ...]

    def count(self, key: str) -> int:
        """How many notes of one note type (`notetypes.NoteType.key`) are in the notes (not retired)."""
        return sum(1 for n in self.notes if n.notetype.key == key and n.entry.retired is None)


# -------------------------------------------------------------------------------------------- html

def esc(text: str) -> str:
    """`html.escape(text, quote=False)`, written out: the html module brings its table of entities (2 ms at every
    start), and a deck escapes every field."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc_attribute(text: str) -> str:
    """`html.escape(text, quote=True)`, written out (see `esc`): text for an attribute's value."""
    return esc(text).replace('"', "&quot;").replace("'", "&#x27;")


def back_html(blocks: Sequence[str]) -> str:
    """Blocks of a back as HTML: each paragraph on its own line, runs of bullets as a list."""
    out: list[str] = []
    items: list[str] = []
    for block in blocks:
        if block.startswith("• "):
            items.append(f"<li>{esc(block[2:])}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        out.append(esc(block))
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    joined = ""
    for piece in out:
        if joined and not joined.endswith("</ul>") and not piece.startswith("<ul>"):
            joined += "<br>"
        joined += piece
    return joined


def _esc_braces(text: str) -> str:
    """Escaped text in which braces from the notes can never open a cloze or a template field."""
    return esc(text).replace("{", "&#123;").replace("}", "&#125;")


_TO_ESCAPE = rx.compile(r"[&<>{}]")  # what `_esc_braces` changes
_START = attrgetter("start")


def cloze_html(sentence: str, evidence: Sequence[Evidence], numbers: dict[str, int] | None = None,
               gone: Sequence[tuple[str, int]] = ()) -> str:
    """The sentence with a deletion for each piece of evidence, numbered by `numbers` (a fact's text in
    lower case -> its number; by default c1.. in reading order); the same text repeated in the sentence
    shares its number. `gone`: facts that left the sentence, still asked under their numbers after it (a
    card a student studied must never show "No cloze found")."""
    numbers = dict(numbers or {})
    # Most sentences (and their facts) hold nothing to escape: then no piece is escaped on its own (10,000 cards:
    # 97 -> 91 ms of cloze_html, bench A/B in one process).
    plain = _TO_ESCAPE.search(sentence) is None and not any(_TO_ESCAPE.search(e.text) for e in evidence)
    escape = str if plain else _esc_braces
    pieces: list[str] = []
    pos = 0
    for found in sorted(evidence, key=_START):
        n = numbers.setdefault(found.text.lower(), len(numbers) + 1)
        pieces.append(f"{escape(sentence[pos:found.start])}{{{{c{n}::{escape(found.text)}}}}}")
        pos = found.end
    pieces.append(escape(sentence[pos:]))
    pieces.extend(f' <span class="ag-gone">(no longer in the notes: {{{{c{n}::{_esc_braces(text)}}}}})</span>'
                  for text, n in gone)
    return "".join(pieces)


HIDDEN = "[…]"  # an answer taken out of a cloze card's context line
_SAME_CHARACTER = {"’": "[’'‘`]", "'": "[’'‘`]", "‘": "[’'‘`]", "`": "[’'‘`]", "-": "[-–—]", "–": "[-–—]",
                   "—": "[-–—]", " ": " ?"}


def answer_pattern(answer: str) -> str:
    return "".join(_SAME_CHARACTER.get(c, re.escape(c)) for c in answer)


_SAME = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


def _same(text: str) -> str:
    """The text as `answer_pattern` compares it: case, apostrophes and dashes aside (spaces too)."""
    lowered = text.lower()
    # Most answers and lines are ASCII, and of the characters _SAME maps only "`" is: replacing it is quicker than
    # translating (10,000 cards: 23 -> 8 ms).
    if lowered.isascii():
        return lowered.replace("`", "'").replace(" ", "")
    return lowered.translate(_SAME).replace(" ", "")


class Hiding:
    """A line with each answer in it (a whole word or phrase, whatever its case, apostrophes and dashes)
    replaced by HIDDEN: a cloze's context line (`From: example, Kirov`) must not show what its gap asks.
    Made once for a card's line and asked with the answers of each of its cloze notes: the line as answers are
    compared with it is made once, not once a note, and each answer's once for both of the note's lines
    (10,000 cards: the cloze notes' context lines 0.63 -> 0.26 s CPU)."""

    __slots__ = ("text", "_same", "_lowered")

    def __init__(self, text: str):
        self.text, self._same = text, _same(text)
        # (None where a character of it would fool a search of the lower-cased line: see `_places`)
        self._lowered = ascii_lowered(text)

    @staticmethod
    def answers(answers: Sequence[str]) -> list[tuple[str, str]]:
        """The answers as `hide` takes them: each with its form as compared."""
        return [(a, _same(a)) for a in answers]

    def hide(self, answers: Sequence[tuple[str, str]]) -> str:
        """The line with the answers hidden, given `Hiding.answers(...)`."""
        present = []  # (a loop, not a comprehension: most lines show no answer; context lines 154 -> 145 ms)
        for answer, same in answers:
            if same in self._same and answer.strip():
                present.append(answer)
        if not present:
            return self.text
        # What `re.sub` of the alternatives, longest first, would do: at each place the first answer found
        # there is hidden, and the search goes on after it. Each answer's places are found on their own, not
        # by a pattern of each line's alternatives (10,000 cards: 4,873 different sets of answers, 2,815
        # answers; 0.4 s of CPU).
        found = sorted((start, k, end) for k, a in enumerate(sorted(present, key=len, reverse=True))
                       for start, end in self._places(a))
        pieces: list[str] = []
        pos = 0
        for start, _, end in found:
            if start >= pos:
                pieces += (self.text[pos:start], HIDDEN)
                pos = end
        return "".join(pieces) + self.text[pos:]

    def _places(self, answer: str) -> Iterator[tuple[int, int]]:
        """Where the answer stands in the line, a whole word or phrase (each place, though they overlap).
        An answer of ASCII letters, digits and signs is looked for in the lower-cased line, as its pattern
        finds it: 2,575 of the 2,815 answers of 10,000 cards, whose patterns took 0.13 s to compile."""
        if self._lowered is None or not answer.isascii() or not _SAME_CHARACTER.keys().isdisjoint(answer):  # (a C loop)
            for m in _hidden_at(answer).finditer(self.text):
                yield m.start(), m.end(1)
            return
        text, key = self.text, answer.lower()
        at = self._lowered.find(key)
        while at >= 0:
            end = at + len(key)
            if not (_is_word(text, at - 1) or _is_word(text, end)):
                yield at, end
            at = self._lowered.find(key, at + 1)


def _is_word(text: str, i: int) -> bool:
    """Is the character at i one `\\w` matches (none there is none)?"""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


@lru_cache(maxsize=4096)
def _hidden_at(answer: str) -> re.Pattern[str]:
    """Where the answer stands, a whole word or phrase (each place it starts, though matches overlap)."""
    return re.compile(rf"(?=((?<!\w){answer_pattern(answer)}(?!\w)))", re.IGNORECASE)


def sentence_list(sentences: Sequence[str]) -> str:
    """Whole sentences as an HTML list (the key evidence of a judgement card)."""
    if not sentences:
        return ""
    return "<ul>" + "".join(f"<li>{_esc_braces(s)}</li>" for s in sentences) + "</ul>"


# ------------------------------------------------------------------------------------------ names

_TITLE_NOISE = rx.compile(r"\s*[-–:]?\s*\b(?:anki\s+)?(?:flash\s*cards?|revision\s+cards?|cards|notes)\s*$", re.I)


def deck_name(notes: ParsedNotes, sidecar: Sidecar) -> str:
    if sidecar.deck:
        return "::".join(part.strip() for part in sidecar.deck.split("::") if part.strip())
    title = notes.essay.title
    if title:
        name = _TITLE_NOISE.sub("", title).strip(" -–:") or title
    else:
        name = re.sub(r"[-_]+", " ", notes.stem).strip().capitalize() or "Notes"
    return name.replace("::", ":")


_NOT_IN_TAG = rx.compile(r"[^\w:-]+", re.UNICODE)
_UNDERSCORES = rx.compile(r"_+")


def tag_part(text: str) -> str:
    """A piece of a tag: no spaces, nothing Anki's search syntax trips on."""
    text = text.replace("’", "").replace("'", "")
    text = _NOT_IN_TAG.sub("_", text).strip("_")
    return _UNDERSCORES.sub("_", text) or "untitled"


_FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for with from as and or but his her their its this that these those
    was were is are be been it he she they there which who whom over into than so very lot""".split()
)


_CLAUSE_END = rx.compile(r"[,;:.–—]|\s-\s")
_TAG_WORD = rx.compile(r"[A-Za-z0-9]+(?:[’'][a-z]+)?")


def theme_slug(theme: str, words: int = 4) -> str:
    """A short tag for a theme: its first clause's first content words. `Secured his position as leader,
    and established ...` -> `secured-position-leader`; `In agriculture, 6 million peasants` -> `agriculture`."""
    clause = _CLAUSE_END.split(theme, maxsplit=1)[0]
    for text in (clause, theme):
        tokens = [t for t in _TAG_WORD.findall(text.lower()) if t not in _FUNCTION_WORDS]
        tokens = [t.replace("’", "").replace("'", "") for t in tokens]
        if tokens:
            return "-".join(tokens[:words])
    return tag_part(theme).lower()


# ---------------------------------------------------------------------------------------- context

class DeckContext:
    """What every note of one notes file shares: the deck's name, tag prefix and essay label, and each
    paragraph's theme (the sidecar's name for it, else what the plan says of it without its words of
    degree: the theme is shown above every card of the paragraph, and it must not give the verdict away).
    Its tags and sources are kept as they are made. (A plain class: a frozen dataclass took about 5 M
    instructions more to define on import, cachegrind.)"""

    __slots__ = ("notes", "sidecar", "deck", "prefix", "essay_label", "themes", "_tags", "_sources")

    def __init__(self, notes: ParsedNotes, sidecar: Sidecar, deck: str, prefix: str, essay_label: str,
                 themes: dict[str, str]):
        self.notes, self.sidecar, self.deck, self.essay_label, self.themes = notes, sidecar, deck, essay_label, themes
        self.prefix = prefix  # tag prefix
        self._tags: dict[tuple[str | None, str], tuple[str, ...]] = {}
        self._sources: dict[str | None, str] = {}

    @classmethod
    def of(cls, notes: ParsedNotes, sidecar: Sidecar) -> DeckContext:
        deck = deck_name(notes, sidecar)
        essay = notes.essay
        paragraphs = dict.fromkeys([item.paragraph for item in essay.plan]
                                   + [c.paragraph for c in notes.cards if c.paragraph])  # each once
        themes = {}
        for paragraph in paragraphs:
            theme = sidecar.paragraph(paragraph).theme or claims.neutral(notes.theme(paragraph) or "")
            if theme:
                themes[paragraph] = theme
        return cls(notes, sidecar, deck, tag_part(deck), essay.question or essay.title or deck, themes)

    def theme(self, paragraph: str | None) -> str | None:
        return self.themes.get(paragraph or "")

    def tags(self, paragraph: str | None, kind: str) -> tuple[str, ...]:
        """Paragraph, theme and kind tags (made once per paragraph and kind: decks can be large)."""
        key = (paragraph, kind)
        if key not in self._tags:
            tags = []
            if paragraph:
                tags.append(f"{self.prefix}::{paragraph}")
                theme = self.theme(paragraph)
                if theme:
                    tags.append(f"{self.prefix}::theme::{theme_slug(theme)}")
            tags.append(f"{self.prefix}::kind::{kind}")
            self._tags[key] = tuple(tags)
        return self._tags[key]

    def source(self, paragraph: str | None = None) -> str:
        """Where a note comes from: the notes file and the paragraph. (No line numbers: one line inserted
        at the top would change every note below it, and an update replaces a student's own edits.) Made once
        per paragraph, as the tags are: every question and cloze note asks it."""
        if paragraph not in self._sources:
            name = self.notes.path.name
            self._sources[paragraph] = esc(f"{name}, {paragraph}" if paragraph else name)
        return self._sources[paragraph]
