"""From parsed notes (and the sidecar) to the notes of a deck: fields, tags and stable GUIDs.

Pure: no genanki. `package.py` writes what this module describes.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from . import evidence as EV
from . import findings as F
from . import judgement as JU
from . import notetypes as NT
from .findings import Finding
from .parser import scale_options
from .records import Card, Kind, ParsedNotes
from .sidecar import Sidecar


class AnkiNote(NamedTuple):
    """One Anki note to write: its type, identity, fields (HTML) and tags. (A named tuple: a large deck
    has hundreds of thousands, and a tuple is quicker to make and smaller than a dataclass instance.)"""

    notetype: NT.NoteType
    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    line: int | None  # where in the notes it came from, for messages
    label: str  # what a person calls it: "P1 analysis", "evidence P2 #3"

    def digest(self) -> str:
        data = "\x1e".join((str(self.notetype.id), self.guid, "\x1f".join(self.fields), " ".join(self.tags)))
        return hashlib.sha256(data.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class AnkiDeck:
    name: str
    deck_id: int
    description: str
    stem: str
    notes: tuple[AnkiNote, ...]

    def count(self, key: str) -> int:
        return sum(1 for n in self.notes if n.notetype.key == key)


# ----------------------------------------------------------------------------------------- identity

_B91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"


def stable_guid(*parts: str) -> str:
    """A GUID in Anki's own base-91 form, derived from what identifies a note (never from its back)."""
    number = int.from_bytes(hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()[:8], "big")
    pieces = []
    while number:  # two base-91 digits at a time
        number, rem = divmod(number, 8281)
        pieces.append(_B91_PAIRS[rem])
    return "".join(reversed(pieces)).lstrip(_B91[0]) or _B91[0]  # no leading zeros, as Anki writes them


_B91_PAIRS = [a + b for a in _B91 for b in _B91]


def front_key(front: str) -> str:
    """What stays the same when a student re-types a front: case, spacing, apostrophes, end punctuation."""
    key = _BLANKS.sub(" ", front.lower().replace("’", "'").replace("‘", "'"))
    return key.strip(" .?!:;,-–—")


_BLANKS = re.compile(r"[\s\u00a0]+")


def deck_id_for(stem: str) -> int:
    digest = hashlib.sha256(f"ankigen-deck\x1f{stem}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


# -------------------------------------------------------------------------------------------- names

_TITLE_NOISE = re.compile(r"\s*[-–:]?\s*\b(?:anki\s+)?(?:flash\s*cards?|revision\s+cards?|cards|notes)\s*$", re.I)


def deck_name(notes: ParsedNotes, sidecar: Sidecar) -> str:
    if sidecar.deck:
        return "::".join(part.strip() for part in sidecar.deck.split("::") if part.strip())
    title = notes.essay.title
    if title:
        name = _TITLE_NOISE.sub("", title).strip(" -–:") or title
    else:
        name = re.sub(r"[-_]+", " ", notes.stem).strip().capitalize() or "Notes"
    return name.replace("::", ":")


def tag_part(text: str) -> str:
    """A piece of a tag: no spaces, nothing Anki's search syntax trips on."""
    text = text.replace("’", "").replace("'", "")
    text = re.sub(r"[^\w:-]+", "_", text, flags=re.UNICODE).strip("_")
    return re.sub(r"_+", "_", text) or "untitled"


_FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for with from as and or but his her their its this that these those
    was were is are be been it he she they there which who whom over into than so very lot""".split()
)


def theme_slug(theme: str, words: int = 5) -> str:
    """`a lot, secured his position as leader and ...` -> `secured-position-leader-established-dictatorship`."""
    tokens = [t for t in re.findall(r"[A-Za-z0-9]+(?:[’'][a-z]+)?", theme.lower()) if t not in _FUNCTION_WORDS]
    tokens = [t.replace("’", "").replace("'", "") for t in tokens]
    return "-".join(tokens[:words]) or tag_part(theme).lower()


# ------------------------------------------------------------------------------------------ html

def esc(text: str) -> str:
    return html.escape(text, quote=False)


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


# ------------------------------------------------------------------------------------------ building

@dataclass(frozen=True)
class Context:
    """What every note of one notes file shares."""

    notes: ParsedNotes
    sidecar: Sidecar
    deck: str
    prefix: str  # tag prefix
    essay_label: str
    _tags: dict[tuple[str | None, str], tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def theme(self, paragraph: str | None) -> str | None:
        return self.sidecar.paragraph(paragraph).theme or self.notes.essay.plan_text(paragraph)

    def tags(self, paragraph: str | None, kind: str) -> tuple[str, ...]:
        """Paragraph, theme and kind tags (computed once per paragraph and kind: decks can be large)."""
        key = (paragraph, kind)
        if key not in self._tags:
            self._tags[key] = self._make_tags(paragraph, kind)
        return self._tags[key]

    def _make_tags(self, paragraph: str | None, kind: str) -> tuple[str, ...]:
        tags = []
        if paragraph:
            tags.append(f"{self.prefix}::{paragraph}")
            theme = self.theme(paragraph)
            if theme:
                tags.append(f"{self.prefix}::theme::{theme_slug(theme)}")
        tags.append(f"{self.prefix}::kind::{kind}")
        return tuple(tags)

    def source(self, first: int | None, last: int | None = None) -> str:
        name = self.notes.path.name
        if first is None:
            return esc(name)
        if last is None or last == first:
            return esc(f"{name}, line {first}")
        return esc(f"{name}, lines {first}–{last}")


def context_for(notes: ParsedNotes, sidecar: Sidecar) -> Context:
    deck = deck_name(notes, sidecar)
    essay = notes.essay
    label = essay.question or essay.title or deck
    return Context(notes, sidecar, deck, tag_part(deck), label)


def card_guids(stem: str, cards: Iterable[Card]) -> list[str]:
    """GUIDs from deck, paragraph and front; a repeated front gets its occurrence number."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for card in cards:
        key = (card.paragraph or "-", front_key(card.front))
        n = seen[key]
        seen[key] += 1
        parts = [stem, "card", *key] + ([str(n)] if n else [])
        out.append(stable_guid(*parts))
    return out


def essay_note(ctx: Context) -> AnkiNote | None:
    essay = ctx.notes.essay
    if not essay.question or not (essay.plan or essay.thesis):
        return None
    plan = ""
    if essay.plan:
        items = "".join(
            f'<li><span class="ag-para">{it.paragraph}</span> {esc(ctx.theme(it.paragraph) or it.text)}'
            + (f" <i>({esc(it.text)})</i>" if ctx.sidecar.paragraph(it.paragraph).theme else "")
            + "</li>"
            for it in essay.plan
        )
        plan = f"<ul>{items}</ul>"
    return AnkiNote(
        NT.ESSAY,
        stable_guid(ctx.notes.stem, "essay"),
        (esc(essay.question), plan, esc(essay.thesis or ""), esc(ctx.deck),
         ctx.source(essay.question_line, essay.thesis_line or essay.plan_line)),
        (f"{ctx.prefix}::essay", f"{ctx.prefix}::kind::essay"),
        essay.question_line,
        "essay plan",
    )


def qa_notes(ctx: Context, guids: Sequence[str]) -> list[AnkiNote]:
    out = []
    for card, guid in zip(ctx.notes.cards, guids, strict=True):
        theme = ctx.theme(card.paragraph) or ""
        out.append(
            AnkiNote(
                NT.QA,
                guid,
                (esc(card.front), back_html(card.back), esc(ctx.essay_label), card.paragraph or "",
                 esc(theme), card.kind.value, ctx.source(card.line, card.last_line)),
                ctx.tags(card.paragraph, card.kind.value),
                card.line,
                f"{card.paragraph or 'question'} {card.front}",
            )
        )
    return out


def describe(ctx: Context, notes: Sequence[AnkiNote]) -> str:
    counts = Counter(n.notetype.key for n in notes)
    kinds = Counter(c.kind.value for c in ctx.notes.cards)
    parts = [f"{kinds[k.value]} {k.value}" for k in Kind if kinds[k.value]]
    lines = []
    if ctx.sidecar.description:
        lines.append(esc(ctx.sidecar.description))
    if ctx.notes.essay.question:
        lines.append(f"<b>{esc(ctx.notes.essay.question)}</b>")
    lines.append(
        f"{counts['qa']} question cards ({', '.join(parts) or 'none'}), "
        f"{counts['essay']} essay plan, {counts['cloze']} evidence cloze notes, "
        f"{counts['judgement']} judgement cards."
    )
    lines.append(f"Made by ankigen from {esc(ctx.notes.path.name)}. Re-import a newer build to update it.")
    return "<br>".join(lines)


def evidence_notes(ctx: Context, guids: Sequence[str]) -> tuple[list[AnkiNote], list[Finding]]:
    """One cloze note per back sentence that holds a date, a figure or a name (at most three deletions)."""
    side = ctx.sidecar
    notes = ctx.notes
    if not side.cloze_auto and not side.cloze_always:
        return [], []
    sentences = EV.card_sentences(c.back for c in notes.cards)
    finder = EV.Finder(subject=EV.subject_words(notes.essay.question, notes.essay.title, ctx.deck),
                       always=side.cloze_always, never=side.cloze_never, auto=side.cloze_auto)
    found = finder.find([s for card_sentences in sentences for s in card_sentences], learn=True)
    out: list[AnkiNote] = []
    problems: list[Finding] = []
    stem = notes.stem
    offset = 0  # where the card's sentences start among all the file's sentences
    for card, card_guid, card_sentences in zip(notes.cards, guids, sentences, strict=True):
        first, offset = offset, offset + len(card_sentences)
        if card.kind is Kind.SCALE:
            continue
        made = 0
        where = " · ".join(p for p in (card.paragraph, ctx.theme(card.paragraph)) if p)
        context = (f'<span class="ag-essay">{esc(ctx.essay_label)}</span>'
                   + (f'<br><span class="ag-para">{esc(where)}</span>' if where else "")
                   + f"<br>From: <b>{esc(card.front)}</b>")
        source = ctx.source(card.line, card.last_line)
        tags = ctx.tags(card.paragraph, "evidence")
        of = f" of {card.paragraph or 'question'} {card.front}"
        for index, sentence in enumerate(card_sentences):
            spans = found.get(first + index)
            if not spans:
                continue
            made += 1
            fields = (cloze_html(EV.cloze_found(sentence, spans)), context, source)
            guid = stable_guid(stem, "cloze", card_guid, str(index))
            out.append(AnkiNote(NT.CLOZE, guid, fields, tags, card.line, f"evidence {index + 1}{of}"))
        if made == 0 and card.kind is Kind.EXAMPLE:
            problems.append(F.warning(notes.path, card.line, "no-evidence",
                                      f"the example “{card.front}” has no date, figure or name to cloze"))
    return out, problems


def cloze_html(marked: str) -> str:
    """Escape a sentence with cloze markers from evidence.cloze; braces in the notes cannot open a cloze."""
    text = esc(marked).replace("{", "&#123;").replace("}", "&#125;")
    return text.replace("\x00", "{{").replace("\x01", "::").replace("\x02", "}}")


def _scale(ctx: Context) -> tuple[str, ...]:
    if ctx.sidecar.scale:
        return ctx.sidecar.scale
    for card in ctx.notes.cards:
        if card.kind is Kind.SCALE:
            options = scale_options(card.back)
            if options and len(options) >= 2:
                return tuple(o.strip() for o in options)
    return JU.DEFAULT_SCALE


def _verdict(ctx: Context, word: str | None, scale: Sequence[str], inferred: JU.Verdict | None,
             where: str) -> tuple[str | None, Finding | None]:
    if word:
        pos = JU.position(word, scale)
        if pos is None:
            path = ctx.sidecar.path or ctx.notes.path
            return None, F.error(path, ctx.sidecar.lines.get(where), "sidecar-judgement",
                                 f"`{word}` is not on the scale ({' / '.join(scale)})")
        return scale[pos].lower(), None
    if inferred:
        return JU.on_scale(inferred.level, scale).lower(), None
    return None, None


def _choices(scale: Sequence[str]) -> str:
    return "".join(f'<span class="ag-choice" data-choice="{esc(s.lower())}">{esc(s[0].upper() + s[1:])}</span> '
                   for s in scale).strip()


def judgement_notes(ctx: Context, evidence: Sequence[AnkiNote]) -> tuple[list[AnkiNote], list[Finding]]:
    """One judgement note per paragraph of the plan whose verdict is known, and one for the whole essay."""
    notes = ctx.notes
    essay = notes.essay
    if not essay.question or not essay.plan:
        return [], []
    scale = _scale(ctx)
    out: list[AnkiNote] = []
    found: list[Finding] = []
    for item in essay.plan:
        cards = [c for c in notes.cards if c.paragraph == item.paragraph]
        analysis_cards = [c for c in cards if c.kind is Kind.ANALYSIS]
        analysis = [c.back_text for c in analysis_cards]
        conf = ctx.sidecar.paragraph(item.paragraph)
        verdict, problem = _verdict(ctx, conf.judgement, scale, JU.infer(item.text, analysis),
                                    f"paragraphs.{item.paragraph}.judgement")
        if problem:
            found.append(problem)
            continue
        if verdict is None:
            found.append(F.warning(notes.path, item.line, "no-judgement",
                                   f"{item.paragraph}: no judgement: the plan and analysis use no words of degree; "
                                   f"say it in the sidecar (paragraphs: {{{item.paragraph}: {{judgement: ...}}}})"))
            continue
        card_lines = {c.line for c in cards}
        key_evidence = [n.fields[0] for n in evidence if n.line in card_lines][:2]
        points = [c.front for c in cards if c.kind is Kind.POINT]
        if conf.reasoning:
            reasoning = esc(conf.reasoning)
        elif analysis_cards:
            reasoning = back_html(analysis_cards[0].back)  # the paragraph's analysis, its lines kept
        else:
            reasoning = esc("; ".join(points) or item.text)
        out.append(AnkiNote(
            NT.JUDGEMENT,
            stable_guid(notes.stem, "judgement", item.paragraph),
            (esc(JU.strip_degree(ctx.theme(item.paragraph) or item.text)), esc(ctx.essay_label), item.paragraph,
             _evidence_list(key_evidence), _choices(scale), esc(verdict), reasoning, ctx.source(item.line)),
            ctx.tags(item.paragraph, "judgement"),
            item.line,
            f"judgement {item.paragraph}",
        ))
    verdict, problem = _verdict(ctx, ctx.sidecar.essay_judgement, scale, _essay_inferred(ctx), "essay.judgement")
    if problem:
        found.append(problem)
    elif verdict is None:
        found.append(F.warning(notes.path, essay.thesis_line or essay.question_line, "no-judgement",
                               "the essay as a whole has no judgement: the thesis uses no words of degree; say it "
                               "in the sidecar (essay: {judgement: ...})"))
    else:
        plan = "".join(f"<li>{it.paragraph}: {esc(JU.strip_degree(ctx.theme(it.paragraph) or it.text))}</li>"
                       for it in essay.plan)
        reasoning = ctx.sidecar.essay_reasoning or essay.thesis or ""
        out.append(AnkiNote(
            NT.JUDGEMENT,
            stable_guid(notes.stem, "judgement", "essay"),
            (esc(essay.question), esc(ctx.deck), "Whole essay", f"<ul>{plan}</ul>", _choices(scale), esc(verdict),
             esc(reasoning), ctx.source(essay.question_line)),
            (f"{ctx.prefix}::essay", f"{ctx.prefix}::kind::judgement"),
            essay.question_line,
            "judgement for the whole essay",
        ))
    return out, found


def _essay_inferred(ctx: Context) -> JU.Verdict | None:
    found = JU.degree(ctx.notes.essay.thesis)
    if found:
        return JU.Verdict(found[0], found[1], "thesis")
    for card in ctx.notes.cards:  # an "Overall ..." line in a back states the essay's overall line
        for block in card.back:
            if block.lower().startswith(("overall", "in conclusion", "to conclude")):
                found = JU.degree(block)
                if found:
                    return JU.Verdict(found[0], found[1], "overall")
    return None


def _evidence_list(cloze_fields: Sequence[str]) -> str:
    if not cloze_fields:
        return ""
    plain = [re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", f) for f in cloze_fields]
    return "<ul>" + "".join(f"<li>{p}</li>" for p in plain) + "</ul>"


def build_deck(notes: ParsedNotes, sidecar: Sidecar) -> tuple[AnkiDeck, list[Finding]]:
    """All the notes of one deck: essay plan, question cards, evidence clozes and judgements."""
    ctx = context_for(notes, sidecar)
    specs: list[AnkiNote] = []
    essay = essay_note(ctx)
    if essay:
        specs.append(essay)
    guids = card_guids(notes.stem, notes.cards)
    specs.extend(qa_notes(ctx, guids))
    evidence, found = evidence_notes(ctx, guids)
    judgements, found2 = judgement_notes(ctx, evidence)
    specs.extend(judgements)
    specs.extend(evidence)
    deck = AnkiDeck(ctx.deck, deck_id_for(notes.stem), describe(ctx, specs), notes.stem, tuple(specs))
    return deck, found + found2
