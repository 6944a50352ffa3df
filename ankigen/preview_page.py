"""The preview's page: every card as Anki rendered it (`CardView`, made by `preview.py`) in one self-contained
HTML page. Each side is an `<iframe srcdoc>` document with Anki's body classes (`card card<N>`, and
`nightMode night_mode` in dark mode); the page's own style and script are `ankigen/assets/preview.css` and
`preview.js`, inlined in the page. Pure: card views in, HTML out.
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from . import __version__, rx
from .findings import plural
from .records import Kind

_KIND_ORDER = ["essay", *(f"qa:{k.value}" for k in Kind if k is not Kind.ESSAY), "cloze", "judgement"]
_KIND_LABELS = {
    "essay": "Essay plan",
    **{f"qa:{k.value}": f"Question · {k.value}" for k in Kind if k is not Kind.ESSAY},
    "cloze": "Evidence cloze",
    "judgement": "Judgement",
}
ESSAY_GROUP = "Whole essay"
OTHER_GROUP = "No paragraph"


@dataclass(frozen=True)
class CardView:
    """One card as Anki renders it."""

    number: int  # 1-based, in deck order
    notetype: str  # ankigen's key ("qa", "cloze", ...) or the note type's name when not ankigen's
    kind: str  # "qa:analysis", "cloze", "judgement", "essay", ...
    ord: int  # 0-based template or cloze index
    siblings: int  # cards of the same note
    group: str  # "P1", "Whole essay", "No paragraph"
    theme: str  # the paragraph's theme (plain text) when the note says it
    tags: tuple[str, ...]
    question: str  # card.question(): <style> + HTML
    answer: str  # card.answer()

    @property
    def label(self) -> str:
        text = _KIND_LABELS.get(self.kind, self.kind)
        if self.notetype == "cloze" and self.siblings > 1:
            text += f" · deletion {self.ord + 1} of {self.siblings}"
        return text


def group_of(tags: Iterable[str]) -> str:
    """The paragraph a card belongs to, from its tags: `Deck::P1` -> "P1", `Deck::essay` -> whole essay."""
    paragraph = None
    for tag in tags:
        parts = tag.split("::")
        if len(parts) == 2:
            if parts[1].lower() == "essay":
                return ESSAY_GROUP
            paragraph = paragraph or parts[1]
    return paragraph or OTHER_GROUP


def _group_key(group: str) -> tuple:
    if group == ESSAY_GROUP:
        return (0,)
    if group == OTHER_GROUP:
        return (2,)
    return (1, [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", group)])


# plain_text as html.parser reads HTML (tags dropped, <style> and <script> with their content, a space
# for a line-breaking tag, character references decoded), by regular expressions: the preview asks it
# for every side of every card (the height guess below), where html.parser cost 1.33 s CPU for the
# 21,800 sides of a 30-file course and the fixtures, these 0.17 s, with the same text for every side.
_HIDDEN = rx.compile(r"<(style|script)\b[^>]*>[^<]*(?:<(?!/\1)[^<]*)*(?:</\1\s*>|\Z)", re.I)
_BREAK = rx.compile(r"<(?:br|li|div|p|hr)\b[^>]*>", re.I)
_TAG = rx.compile(r"<!--.*?-->|</?[A-Za-z][^>]*>|<[!?][^>]*>", re.S)


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment, without styles and scripts, spaces collapsed."""
    text = _TAG.sub("", _BREAK.sub(" ", _HIDDEN.sub("", fragment)))
    # str.split's white space is exactly re's \s (checked for every code point), at a third of the cost
    return " ".join(html.unescape(text).split())


# ---------------------------------------------------------------------------------------------- pages

# What Anki's reviewer puts around a card: <body class="card card1"> (plus nightMode night_mode in dark
# mode) and a #qa div. The small script picks up the page's dark-mode toggle before the card is drawn.
_SIDE_BASE = ("html { -webkit-text-size-adjust: 100%; } body { overflow-wrap: break-word; } "
              "img { max-width: 100%; height: auto; }")
_SIDE_SCRIPT = ('<script>try { if (parent !== window && parent.document.documentElement.classList'
                '.contains("pv-dark")) { document.body.classList.add("nightMode", "night_mode"); } }'
                " catch (e) {}</script>")


def side_document(side_html: str, ord_: int = 0, dark: bool = False, title: str = "",
                  follow_page: bool = True) -> str:
    """A whole HTML document showing one side of a card the way Anki's reviewer does."""
    return _document_head(ord_, dark, title, follow_page) + side_html + _DOCUMENT_TAIL


def _document_head(ord_: int = 0, dark: bool = False, title: str = "", follow_page: bool = True) -> str:
    """A side's document up to the side itself (`side_document`)."""
    classes = f"card card{ord_ + 1}" + (" nightMode night_mode" if dark else "")
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + (f"<title>{html.escape(title)}</title>" if title else "")
        + f"<style>{_SIDE_BASE}</style></head>"
        f'<body class="{classes}">' + (_SIDE_SCRIPT if follow_page else "")
        + '<div id="qa">'
    )


_DOCUMENT_TAIL = "</div></body></html>"


def _srcdoc(style: str, body: str, ord_: int) -> str:
    """`_esc(side_document(style + body, ord_))` for a side split by `_split_style`, with its head and the
    note type's CSS, the same on every card and most of every side, escaped once (escaping goes character by
    character, so the parts escaped apart give the same text): a 30-file course's preview escaped 20 MB, 1 s. Each
    side is split once, for this and `_guess_height` (the pages of 4 files of the course: 1,622 M -> 1,444 M
    instructions, cachegrind)."""
    return _escaped_head(ord_) + _escaped(style) + _esc(body + _DOCUMENT_TAIL)


@functools.cache
def _escaped_head(ord_: int) -> str:
    return _esc(_document_head(ord_))


@functools.cache
def _escaped(style: str) -> str:
    return _esc(style)


@functools.cache
def asset(name: str) -> str:
    """A file of ankigen/assets (the page's own style and script), as shipped in the package."""
    text = (resources.files("ankigen") / "assets" / name).read_text(encoding="utf-8")
    closing = "</style" if name.endswith(".css") else "</script"
    if closing in text.lower():  # it is inlined in the page: it must not end its own element
        raise ValueError(f"ankigen/assets/{name} contains {closing}")
    return text


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _summary(cards: Sequence[CardView], groups: Sequence[str]) -> str:
    kinds = [k for k in _KIND_ORDER if any(c.kind == k for c in cards)]
    kinds += sorted({c.kind for c in cards} - set(kinds))
    table = Counter((c.group, c.kind) for c in cards)
    head = "".join(f"<th>{_esc(_KIND_LABELS.get(k, k))}</th>" for k in kinds)
    rows = []
    for group in groups:
        cells = "".join(
            '<td class="pv-zero">0</td>' if not table[(group, k)] else f"<td>{table[(group, k)]}</td>"
            for k in kinds
        )
        total = sum(table[(group, k)] for k in kinds)
        rows.append(f'<tr><td><a href="#{_anchor(group)}">{_esc(group)}</a></td>{cells}<td>{total}</td></tr>')
    totals = "".join(f"<td>{sum(1 for c in cards if c.kind == k)}</td>" for k in kinds)
    rows.append(f'<tr class="pv-total"><td>All</td>{totals}<td>{len(cards)}</td></tr>')
    notes = Counter(c.notetype for c in cards)
    clozes = sum(1 for c in cards if c.notetype == "cloze" and c.ord == 0)
    line = (f"{plural(len(cards), 'card')}: {plural(notes['essay'], 'essay plan')}, "
            f"{plural(notes['qa'], 'question')}, {plural(notes['cloze'], 'evidence cloze')} "
            f"(from {plural(clozes, 'sentence')}), {plural(notes['judgement'], 'judgement')}.")
    return (f'<section class="pv-summary"><p>{_esc(line)}</p><table><thead><tr><th>Paragraph</th>{head}'
            f"<th>Cards</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>")


def _anchor(group: str) -> str:
    return "g-" + re.sub(r"[^A-Za-z0-9_-]+", "-", group).strip("-")


def _split_style(side: str) -> tuple[str, str]:
    """A side as Anki gives it, `<style>{the note type's CSS}</style>{the card's HTML}`, in its two parts."""
    if side.startswith("<style>"):
        end = side.find("</style>")
        if end >= 0:
            return side[:end + 8], side[end + 8:]
    return "", side


def _guess_height(body: str) -> int:
    """About how tall a side will be (its body, without the CSS, which holds no text or tag: 3,300 of a side's
    3,900 characters), so the page hardly moves as frames load (the script then measures)."""
    lines = len(plain_text(body)) // 48 + 1 + body.count("<li") + body.count("<br") + body.count('class="ag-label"')
    return max(110, min(1200, 70 + 28 * lines))


def _card_html(card: CardView) -> str:
    tags = "".join(f'<span class="pv-tag">{_esc(t)}</span>' for t in card.tags)
    sides = []
    for name, side in (("Front", card.question), ("Back", card.answer)):
        style, body = _split_style(side)
        sides.append(
            f'<figure class="pv-side"><figcaption>{name}</figcaption>'
            f'<div class="pv-frame pv-{name.lower()}" data-title="{name} of card {card.number}"'
            f' style="height: {_guess_height(body)}px" data-srcdoc="{_srcdoc(style, body, card.ord)}"></div></figure>'
        )
    return (
        f'<article class="pv-card" id="card-{card.number}" data-kind="{_esc(card.kind)}">'
        f'<div class="pv-meta"><a class="pv-num" href="#card-{card.number}">#{card.number}</a>'
        f'<span class="pv-kind">{_esc(card.label)}</span>{tags}</div>'
        f'<div class="pv-sides">{"".join(sides)}</div></article>'
    )


def page_html(deck_name: str, source: str, cards: Sequence[CardView], anki: str = "") -> str:
    """The whole preview page for one deck."""
    groups = sorted({c.group for c in cards}, key=_group_key)
    # The page in pieces, joined once at the end: a course's pages are 80 MB, most of it the cards' frames,
    # and each concatenation of a page's sections copied them all again.
    sections: list[str] = []
    for group in groups:
        members = [c for c in cards if c.group == group]
        members.sort(key=lambda c: (_KIND_ORDER.index(c.kind) if c.kind in _KIND_ORDER else len(_KIND_ORDER),
                                    c.number))
        theme = next((c.theme for c in members if c.theme), "")
        sections.append(
            ("\n" if sections else "")
            + f'<section class="pv-group" id="{_anchor(group)}"><h2>{_esc(group)}'
            + (f' <span class="pv-theme">· {_esc(theme)}</span>' if theme else "")
            + f' <span class="pv-count">{plural(len(members), "card")}</span></h2>'
        )
        sections.extend(_card_html(c) for c in members)
        sections.append("</section>")
    rendered = f"rendered by Anki {anki}" if anki else "rendered by Anki"
    return "".join([
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(deck_name)} · ankigen preview</title>"
        f"<style>\n{asset('preview.css')}</style><script>\n{asset('preview.js')}</script></head>\n"
        '<body><div class="pv-wrap"><header class="pv-top"><div>'
        f"<h1>{_esc(deck_name)}</h1>"
        f'<p class="pv-sub">{_esc(source)} · {_esc(plural(len(cards), "card"))}, {_esc(rendered)}</p></div>'
        '<div class="pv-toggles">'
        '<label class="pv-toggle"><input type="checkbox" id="pv-dark"> Dark mode</label>'
        '<label class="pv-toggle"><input type="checkbox" id="pv-phone"> Phone width</label></div></header>\n'
        + '<noscript><p class="pv-sub">The cards are drawn by this page’s script: allow scripts for this '
        "file to see them.</p></noscript>\n"
        + _summary(cards, groups) + "\n<main>",
        *sections,
        "</main>\n"
        f'<p class="pv-foot">Made by ankigen {_esc(__version__)}. Each side is shown as Anki draws it on '
        "a card (the note type’s CSS, body classes <code>card cardN</code>, and "
        "<code>nightMode night_mode</code> in dark mode). Rebuild the page after editing the notes.</p>"
        "</div></body></html>\n",
    ])
