"""`ankigen preview`: one self-contained HTML page per notes file showing every card as Anki renders it.

The cards are rendered by Anki itself (the optional `anki` package): the decks of a preview are written
to one temporary .apkg as `ankigen build` writes a course (but without touching the lock files), imported
into one temporary collection, and each card is asked for its question and answer HTML. Each side is shown in
its own `<iframe srcdoc>` with Anki's body classes (`card card<N>`, and `nightMode night_mode` in dark
mode), so the note type's CSS and scripts apply as in Anki and cannot disturb the page around them (the
page itself is made by `preview_page.py`).

The page needs no network. Dark mode follows the system unless the address says `?dark=1` / `#dark` (or
`dark=0`); `?phone=1` / `#phone` preselects the phone-width view. The frames are made from placeholders as
they come near the screen (then the rest, one by one): `#all` makes them all at once, and `?check=1` does
that and records in the DOM what each frame rendered (for the browser tests). The page's own style and
script are `ankigen/assets/preview.css` and `preview.js`, inlined in the page.
"""

from __future__ import annotations

import gc
import re
import shlex
import tempfile
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import notetypes, rx
from .anki_notes import AnkiDeck
from .build import Prepared, clock, prepare, stamp_deck
from .errors import BuildError
from .files import ensure_out_dir, write_if_changed
from .findings import plural
from .inputs import default_out, notes_files
from .preview_page import CardView, group_of, page_html, plain_text

# ankigen is installed from its folder (a clone), not from a package index: the extra is named on ".".
INSTALL_HINT = 'in the ankigen folder, install it with `pip install ".[preview]"`'

_NOTETYPE_KEYS = {nt.name: nt.key for nt in notetypes.ALL}


@dataclass(frozen=True)
class Page:
    """One page written: its notes file, the page, and how many cards it shows."""

    source: Path
    output: Path
    cards: int


# ------------------------------------------------------------------------------------------- rendering

def _anki():
    try:
        from anki.buildinfo import version
        from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
    except ImportError as exc:
        raise BuildError(
            f"the preview renders cards with Anki's own code, the `anki` package, which is missing "
            f"({exc.name or exc}): {INSTALL_HINT}"
        ) from None
    return Collection, ImportAnkiPackageRequest, ImportAnkiPackageOptions, version


def anki_version() -> str:
    return _anki()[3]


def render(prepared: Prepared) -> list[CardView]:
    """Every card of a prepared (error-free) deck, rendered by Anki, in deck order."""
    return render_all([prepared])[0]


def render_all(prepared: Sequence[Prepared]) -> list[list[CardView]]:
    """Every card of each prepared (error-free) deck, rendered by Anki, in deck order.

    The decks are written into one .apkg and imported into one temporary collection. A collection per
    deck, each created, imported into and closed, synced to disk 900 times for a 30-file course (30 times
    now): 0.25 s more on a quiet disk, 3.5 s more while other work kept the disk busy. Decks that Anki
    could merge (a shared note GUID, deck id or deck name) go to collections of their own.
    """
    for p in prepared:
        if p.deck is None or p.errors:
            raise BuildError(f"has errors, so no preview: run `{_check_command(p.path)}` to see them", p.path)
    views: dict[int, list[CardView]] = {}
    with _collecting():
        for batch in _batches([p.deck for p in prepared if p.deck is not None]):
            views.update(zip(batch, _render_batch([prepared[i] for i in batch]), strict=True))
    return [views[i] for i in range(len(prepared))]


@contextmanager
def _collecting():
    """The cyclic garbage collector on while Anki's objects live (they may make reference cycles), and left as
    it was after: ankigen holds it off (`cli.main`; its own objects make none), so that the build of the decks
    and the pages around the rendering run without it (4 files of the course: 4,189 M -> 4,152 M instructions,
    cachegrind; the 30-file course 11.44 s -> 11.24 s CPU, medians of 5 interleaved runs)."""
    collecting = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not collecting:
            gc.disable()


def _batches(decks: Sequence[AnkiDeck]) -> list[list[int]]:
    """The decks' indices, in groups that can share a collection: Anki matches an imported note to the
    collection's by GUID, and a deck by its id or name, so decks sharing any of them are kept apart."""
    batches: list[tuple[list[int], set[str]]] = []
    for index, deck in enumerate(decks):
        keys = {f"deck-id:{deck.deck_id}", f"deck:{deck.name.casefold()}", *(f"guid:{n.guid}" for n in deck.notes)}
        batch = next((b for b in batches if b[1].isdisjoint(keys)), None)
        if batch is None:
            batch = ([], set())
            batches.append(batch)
        batch[0].append(index)
        batch[1].update(keys)
    return [indices for indices, _ in batches]


def _render_batch(prepared: Sequence[Prepared]) -> list[list[CardView]]:
    from .package import write_decks

    Collection, Request, Options, _ = _anki()
    now = clock()
    decks = [(p.deck, stamp_deck(p, now)) for p in prepared if p.deck is not None]
    with tempfile.TemporaryDirectory(prefix="ankigen-preview-") as tmp:
        apkg = Path(tmp) / "preview.apkg"
        write_decks(decks, apkg)
        col = Collection(str(Path(tmp) / "preview.anki2"))
        try:
            col.import_anki_package(Request(package_path=str(apkg), options=Options(with_scheduling=False)))
            cards = _cards_by_guid(col)
            return [_views(col, [cards[note.guid] for note in deck.notes if note.guid in cards])
                    for deck, _ in decks]
        finally:
            col.close()


def _cards_by_guid(col) -> dict[str, list[int]]:
    """Each note's cards (by the note's GUID), in template or cloze order."""
    out: dict[str, list[int]] = {}
    for guid, cid in col.db.all("select n.guid, c.id from cards c join notes n on n.id = c.nid order by c.ord"):
        out.setdefault(guid, []).append(cid)
    return out


# Anki's LaTeX step (`anki.latex.on_card_did_render`, the one hook Anki puts on `card_did_render`) looks for
# `[latex]`, `[$]` and `[$$]` (in any case) in both sides of every card, four calls into Anki's backend a
# card, and changes nothing in a side without them: the preview takes the hook off while it renders and runs
# it itself on the cards whose sides hold `[$` or `[latex]` (the pages unchanged; 4 files of the course's
# preview 4,597 M -> 4,368 M instructions, cachegrind; the 30-file course 13.35 s -> 12.51 s CPU, medians of
# 5 interleaved runs).
_LATEX = rx.compile(r"\[(?:\$|latex\])", re.IGNORECASE)


@contextmanager
def _latex_where_written():
    """Anki's LaTeX hook off `card_did_render` while the block runs (put back after, if it was on); yields
    the hook, for the cards `_may_hold_latex` names, or None when it was not on."""
    from anki import hooks, latex

    hook = latex.on_card_did_render
    before = hooks.card_did_render.count()
    hooks.card_did_render.remove(hook)
    if hooks.card_did_render.count() == before:  # not on: nothing to do in its place
        yield None
        return
    try:
        yield hook
    finally:
        hooks.card_did_render.append(hook)


def _may_hold_latex(rendered) -> bool:
    return bool(_LATEX.search(rendered.question_text) or _LATEX.search(rendered.answer_text))


def _views(col, notes: Sequence[Sequence[int]]) -> list[CardView]:
    """The cards of one deck: `notes` holds each note's card ids, the notes in deck order."""
    with _latex_where_written() as latex:
        return _render_views(col, notes, latex)


def _render_views(col, notes: Sequence[Sequence[int]], latex) -> list[CardView]:
    from anki.template import TemplateRenderContext

    out: list[CardView] = []
    ids = [(cid, len(cards)) for cards in notes for cid in cards]
    note = notetype = None
    for number, (cid, siblings) in enumerate(ids, 1):
        card = col.get_card(cid)
        if note is None or note.id != card.nid:
            # A note's cards follow each other: it is read once for all of them, where `card.question()` reads
            # it for each card (a 30-file course: 11,500 cards of 6,400 notes; the preview of 4 of its files
            # 4,688 M -> 4,597 M instructions, cachegrind).
            note = col.get_note(card.nid)
            notetype = col.models.get(note.mid)
            name = notetype["name"]
            key = _NOTETYPE_KEYS.get(name, name)
            fields = dict(note.items())
            kind = f"qa:{fields.get('Kind', '') or 'question'}" if key == "qa" else key
            group, theme, tags = group_of(note.tags), plain_text(fields.get("Theme", "")), tuple(note.tags)
        # What card.question() and card.answer() render, given the note already read.
        context = TemplateRenderContext(col, card, note, notetype=notetype)
        rendered = context.render()
        if latex is not None and _may_hold_latex(rendered):
            latex(rendered, context)
        out.append(CardView(
            number=number,
            notetype=key,
            kind=kind,
            ord=card.ord,
            siblings=siblings,
            group=group,
            theme=theme,
            tags=tags,
            question=rendered.question_and_style(),
            answer=rendered.answer_and_style(),
        ))
    return out


# ------------------------------------------------------------------------------------------------ API

def preview_prepared(prepared: Prepared, out: Path, cards: Sequence[CardView] | None = None) -> Page:
    """Write `out/<stem>.html` for one deck (its cards rendered here unless given)."""
    cards = render(prepared) if cards is None else cards
    assert prepared.deck is not None
    ensure_out_dir(out)
    output = out / f"{prepared.path.stem}.html"
    write_if_changed(output, page_html(prepared.deck.name, prepared.path.name, cards, anki_version()))
    return Page(prepared.path, output, len(cards))


def _check_command(path: Path) -> str:
    return f"ankigen check {shlex.quote(str(path))}"


def preview_paths(paths: list[Path], out: Path | None = None) -> list[Page]:
    """Write `out/<stem>.html` for each notes file (default: source/; `out` by default `build/` beside
    source/). Every file is checked first: one with errors stops the preview (nothing is written) with a
    message that names it."""
    _anki()  # fail early, with the install hint, before any work
    files = notes_files(paths).files
    out = default_out(files) if out is None else out
    prepared = [prepare(p) for p in files]
    for p in prepared:
        if p.errors or p.deck is None:
            n = len(p.errors)
            them = "it" if n == 1 else "them"
            message = f"has {plural(n, 'error')}, so no preview: run `{_check_command(p.path)}` to see {them}"
            raise BuildError(message, p.path)
    return [preview_prepared(p, out, cards) for p, cards in zip(prepared, render_all(prepared), strict=True)]
