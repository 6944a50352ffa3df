"""`ankigen preview`: one self-contained HTML page per notes file showing every card as Anki renders it.

The cards are rendered by Anki itself (the optional `anki` package): the deck is written to a temporary
.apkg exactly as `ankigen build` writes it (but without touching the lock file), imported into a
temporary collection, and each card is asked for its question and answer HTML. Each side is shown in
its own `<iframe srcdoc>` with Anki's body classes (`card card<N>`, and `nightMode night_mode` in dark
mode), so the note type's CSS and scripts apply as in Anki and cannot disturb the page around them.

The page needs no network. Dark mode follows the system unless the address says `?dark=1` / `#dark` (or
`dark=0`); `?phone=1` / `#phone` preselects the phone-width view. The frames are made from placeholders as
they come near the screen (then the rest, one by one): `#all` makes them all at once, and `?check=1` does
that and records in the DOM what each frame rendered (for the browser tests).
"""

from __future__ import annotations

import html
import re
import shlex
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from . import __version__, notetypes
from .build import (
    Prepared,
    clock,
    ensure_out_dir,
    lock_path,
    notes_files,
    prepare,
    read_lock,
    stamp_deck,
    write_if_changed,
)
from .errors import BuildError
from .records import Kind

INSTALL_HINT = 'install it with `pip install "ankigen[preview]"`'

_NOTETYPE_KEYS = {nt.name: nt.key for nt in notetypes.ALL}
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


@dataclass(frozen=True)
class Page:
    source: Path
    output: Path
    cards: int
    deck: str = ""


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
    from .package import write_apkg

    Collection, Request, Options, _ = _anki()
    if prepared.deck is None or prepared.errors:
        raise BuildError(f"has errors, so no preview: run `{_check_command(prepared.path)}` to see them",
                         prepared.path)
    deck = prepared.deck
    stamped = stamp_deck(deck, read_lock(lock_path(prepared.path)), clock())
    with tempfile.TemporaryDirectory(prefix="ankigen-preview-") as tmp:
        apkg = Path(tmp) / f"{prepared.path.stem}.apkg"
        write_apkg(deck, stamped, apkg)
        col = Collection(str(Path(tmp) / "preview.anki2"))
        try:
            col.import_anki_package(Request(package_path=str(apkg), options=Options(with_scheduling=False)))
            ids = col.db.list("select id from cards order by nid, ord")
            return _views(col, ids)
        finally:
            col.close()


def _views(col, ids: Sequence[int]) -> list[CardView]:
    out: list[CardView] = []
    siblings = Counter(col.db.list("select nid from cards"))
    for number, cid in enumerate(ids, 1):
        card = col.get_card(cid)
        note = card.note()
        name = card.note_type()["name"]
        key = _NOTETYPE_KEYS.get(name, name)
        fields = dict(note.items())
        kind = f"qa:{fields.get('Kind', '') or 'question'}" if key == "qa" else key
        out.append(CardView(
            number=number,
            notetype=key,
            kind=kind,
            ord=card.ord,
            siblings=siblings[note.id],
            group=group_of(note.tags),
            theme=plain_text(fields.get("Theme", "")),
            tags=tuple(note.tags),
            question=card.question(),
            answer=card.answer(),
        ))
    return out


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


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.skip += 1
        elif tag in ("br", "li", "div", "p", "hr"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment, without styles and scripts, spaces collapsed."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


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
    classes = f"card card{ord_ + 1}" + (" nightMode night_mode" if dark else "")
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + (f"<title>{html.escape(title)}</title>" if title else "")
        + f"<style>{_SIDE_BASE}</style></head>"
        f'<body class="{classes}">' + (_SIDE_SCRIPT if follow_page else "")
        + f'<div id="qa">{side_html}</div></body></html>'
    )


_PAGE_CSS = """
:root { color-scheme: light; --bg: #f3f1ec; --fg: #1d1d1f; --muted: #6b6459; --line: #ddd6c8;
  --panel: #ffffff; --chip: #ece7dc; --accent: #8a4b12; --frame: #fbfaf7; }
.pv-dark { color-scheme: dark; --bg: #121316; --fg: #e8e6e3; --muted: #a8a29a; --line: #33353b;
  --panel: #1a1b1f; --chip: #2a2c31; --accent: #f0b872; --frame: #1e1f22; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.45 -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
a { color: inherit; }
.pv-wrap { max-width: 1240px; margin: 0 auto; padding: 16px 20px 48px; }
.pv-top { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between;
  gap: 8px 24px; border-bottom: 1px solid var(--line); padding-bottom: 12px; }
.pv-top h1 { font-size: 24px; line-height: 1.2; margin: 0 0 4px; }
.pv-sub { margin: 0; color: var(--muted); font-size: 13px; }
.pv-toggles { display: flex; gap: 8px; flex-wrap: wrap; }
.pv-toggle { display: inline-flex; align-items: center; gap: 6px; padding: 6px 12px;
  border: 1px solid var(--line); border-radius: 16px; background: var(--panel); cursor: pointer;
  font-size: 14px; user-select: none; }
.pv-toggle input { margin: 0; accent-color: #0b5cad; }
.pv-summary { margin: 16px 0 8px; overflow-x: auto; }
.pv-summary p { margin: 0 0 8px; }
.pv-summary table { border-collapse: collapse; font-size: 13px; background: var(--panel); }
.pv-summary th, .pv-summary td { border: 1px solid var(--line); padding: 4px 10px; text-align: right;
  white-space: nowrap; }
.pv-summary th { font-weight: 600; }
.pv-summary th:first-child, .pv-summary td:first-child { text-align: left; }
.pv-summary td.pv-zero { color: var(--muted); opacity: .5; }
.pv-summary tr.pv-total td { font-weight: 600; }
.pv-group { margin-top: 28px; }
.pv-group > h2 { font-size: 19px; margin: 0 0 10px; padding-bottom: 4px;
  border-bottom: 2px solid var(--accent); }
.pv-group > h2 .pv-theme { font-weight: 400; color: var(--muted); }
.pv-group > h2 .pv-count { font-weight: 400; font-size: 13px; color: var(--muted); white-space: nowrap; }
.pv-card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px;
  padding: 8px 10px 10px; margin: 0 0 14px; }
.pv-meta { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; font-size: 12px;
  color: var(--muted); margin: 0 2px 8px; }
.pv-num { font-weight: 600; color: var(--fg); }
.pv-kind { font-weight: 600; color: var(--accent); }
.pv-tag { background: var(--chip); border-radius: 4px; padding: 0 6px; font-family: ui-monospace, Menlo,
  Consolas, monospace; font-size: 11px; overflow-wrap: anywhere; }
.pv-sides { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.pv-side { margin: 0; min-width: 0; }
.pv-side figcaption { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
  margin: 0 2px 3px; }
.pv-frame { display: block; width: 100%; height: 160px; border: 1px solid var(--line);
  border-radius: 6px; background: var(--frame); }
.pv-phone .pv-sides { grid-template-columns: repeat(auto-fill, 377px); }
.pv-phone .pv-frame { width: 377px; border-radius: 14px; }
@media (max-width: 760px) {
  .pv-wrap { padding: 10px 10px 40px; }
  .pv-sides, .pv-phone .pv-sides { grid-template-columns: minmax(0, 1fr); }
  .pv-phone .pv-frame { width: 100%; max-width: 377px; }
}
.pv-foot { margin-top: 32px; color: var(--muted); font-size: 12px; }
"""

# The page's own script: the toggles; the frames, made from placeholders (those on screen first, the rest one
# by one in the background: hundreds of iframes in the page at once hold a browser up for many seconds) and
# sized to their content; and, with ?check=1, a record in the DOM of what each frame rendered (for the
# browser tests; it makes every frame at once).
_PAGE_JS = r"""
(function () {
  var root = document.documentElement;
  var words = (location.search + "&" + location.hash.slice(1)).split(/[?&#,;]/);
  function flag(name) {
    for (var i = 0; i < words.length; i++) {
      var w = words[i].toLowerCase();
      if (w === name || w === name + "=1" || w === name + "=true" || w === name + "=yes") { return true; }
      if (w === name + "=0" || w === name + "=false" || w === name + "=no") { return false; }
    }
    return null;
  }
  var dark = flag("dark");
  if (dark === null) { dark = !!(window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches); }
  var phone = !!flag("phone");
  var check = !!flag("check");
  var eager = check || !!flag("all");
  root.classList.toggle("pv-dark", dark);
  root.classList.toggle("pv-phone", phone);
  var loaded = 0;

  function body(frame) {
    try { return frame.contentDocument && frame.contentDocument.body; } catch (e) { return null; }
  }
  function fit(frame) {
    var b = body(frame);
    if (!b || !frame.hasAttribute("srcdoc")) { return; }
    var h = Math.ceil(b.ownerDocument.documentElement.getBoundingClientRect().height);
    frame.style.height = Math.max(h, 40) + 2 + "px";
  }
  function paint(frame) {
    var b = body(frame);
    if (!b) { return; }
    b.classList.toggle("nightMode", dark);
    b.classList.toggle("night_mode", dark);
  }
  function record(frame) {
    var b = body(frame);
    if (!b || !frame.hasAttribute("srcdoc")) { return; }
    frame.setAttribute("data-rendered", b.innerText.replace(/\s+/g, " ").trim());
    frame.setAttribute("data-body-class", b.className);
    frame.setAttribute("data-background", getComputedStyle(b).backgroundColor);
    frame.setAttribute("data-width", String(b.ownerDocument.documentElement.clientWidth));
  }
  function frames() { return document.querySelectorAll("iframe.pv-frame"); }
  function each(fn) { var all = frames(); for (var i = 0; i < all.length; i++) { fn(all[i]); } }
  function load(slot) {  // a placeholder <div data-srcdoc> becomes the <iframe srcdoc> it describes
    if (slot.tagName === "IFRAME" || !slot.parentNode) { return null; }
    var frame = document.createElement("iframe");
    frame.className = slot.className;
    frame.title = slot.getAttribute("data-title") || "";
    frame.style.height = slot.style.height;
    frame.setAttribute("srcdoc", slot.getAttribute("data-srcdoc") || "");
    slot.parentNode.replaceChild(frame, slot);
    return frame;
  }
  document.addEventListener("load", function (ev) {
    var frame = ev.target;
    if (!frame || frame.tagName !== "IFRAME" || !frame.hasAttribute("srcdoc")) { return; }
    paint(frame);
    fit(frame);
    loaded += 1;
    root.setAttribute("data-loaded", String(loaded));
    if (check) { record(frame); }
  }, true);
  function state() {
    var parts = [];
    if (dark) { parts.push("dark"); }
    if (phone) { parts.push("phone"); }
    if (check) { parts.push("check"); } else if (eager) { parts.push("all"); }
    try { history.replaceState(null, "", location.pathname + (parts.length ? "#" + parts.join(",") : "")); }
    catch (e) {}
  }
  function fill() {  // the frames still waiting, one after another, so the page stays responsive
    var waiting = document.querySelector("div.pv-frame[data-srcdoc]");
    if (!waiting) { return; }
    if (observer) { observer.unobserve(waiting); }
    load(waiting).addEventListener("load", function () { setTimeout(fill, 0); }, { once: true });
  }
  var observer = null;
  document.addEventListener("DOMContentLoaded", function () {
    var d = document.getElementById("pv-dark"), p = document.getElementById("pv-phone");
    d.checked = dark;
    p.checked = phone;
    d.addEventListener("change", function () {
      dark = d.checked;
      root.classList.toggle("pv-dark", dark);
      each(function (f) { paint(f); if (check) { record(f); } });
      state();
    });
    p.addEventListener("change", function () {
      phone = p.checked;
      root.classList.toggle("pv-phone", phone);
      requestAnimationFrame(function () { each(function (f) { fit(f); if (check) { record(f); } }); });
      state();
    });
    var all = document.querySelectorAll("div.pv-frame[data-srcdoc]"), near = innerHeight + 1500;
    if (!eager && "IntersectionObserver" in window) {
      observer = new IntersectionObserver(function (entries) {
        for (var i = 0; i < entries.length; i++) {
          if (entries[i].isIntersecting) { observer.unobserve(entries[i].target); load(entries[i].target); }
        }
      }, { rootMargin: "1500px 0px" });
    }
    for (var i = 0; i < all.length; i++) {
      if (!observer || all[i].getBoundingClientRect().top < near) { load(all[i]); }
      else { observer.observe(all[i]); }
    }
    if (observer) { window.addEventListener("load", function () { setTimeout(fill, 300); }); }
  });
  var pending = 0;
  window.addEventListener("resize", function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () { each(fit); });
  });
})();
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


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
    line = (f"{_count(len(cards), 'card')}: {notes['essay']} essay plan, {_count(notes['qa'], 'question')}, "
            f"{_count(notes['cloze'], 'evidence cloze')} (from {_count(clozes, 'sentence')}), "
            f"{_count(notes['judgement'], 'judgement')}.")
    return (f'<section class="pv-summary"><p>{_esc(line)}</p><table><thead><tr><th>Paragraph</th>{head}'
            f"<th>Cards</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>")


def _anchor(group: str) -> str:
    return "g-" + re.sub(r"[^A-Za-z0-9_-]+", "-", group).strip("-")


def _guess_height(side: str) -> int:
    """About how tall a side will be, so the page hardly moves as frames load (the script then measures)."""
    text = plain_text(side)
    lines = len(text) // 48 + 1 + side.count("<li") + side.count("<br") + side.count('class="ag-label"')
    return max(110, min(1200, 70 + 28 * lines))


def _card_html(card: CardView) -> str:
    tags = "".join(f'<span class="pv-tag">{_esc(t)}</span>' for t in card.tags)
    sides = []
    for name, side in (("Front", card.question), ("Back", card.answer)):
        doc = side_document(side, card.ord)
        sides.append(
            f'<figure class="pv-side"><figcaption>{name}</figcaption>'
            f'<div class="pv-frame pv-{name.lower()}" data-title="{name} of card {card.number}"'
            f' style="height: {_guess_height(side)}px" data-srcdoc="{_esc(doc)}"></div></figure>'
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
    sections = []
    for group in groups:
        members = [c for c in cards if c.group == group]
        members.sort(key=lambda c: (_KIND_ORDER.index(c.kind) if c.kind in _KIND_ORDER else len(_KIND_ORDER),
                                    c.number))
        theme = next((c.theme for c in members if c.theme), "")
        sections.append(
            f'<section class="pv-group" id="{_anchor(group)}"><h2>{_esc(group)}'
            + (f' <span class="pv-theme">· {_esc(theme)}</span>' if theme else "")
            + f' <span class="pv-count">{_count(len(members), "card")}</span></h2>'
            + "".join(_card_html(c) for c in members)
            + "</section>"
        )
    rendered = f"rendered by Anki {anki}" if anki else "rendered by Anki"
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(deck_name)} · ankigen preview</title>"
        f"<style>{_PAGE_CSS}</style><script>{_PAGE_JS}</script></head>\n"
        '<body><div class="pv-wrap"><header class="pv-top"><div>'
        f"<h1>{_esc(deck_name)}</h1>"
        f'<p class="pv-sub">{_esc(source)} · {_esc(_count(len(cards), "card"))}, {_esc(rendered)}</p></div>'
        '<div class="pv-toggles">'
        '<label class="pv-toggle"><input type="checkbox" id="pv-dark"> Dark mode</label>'
        '<label class="pv-toggle"><input type="checkbox" id="pv-phone"> Phone width</label></div></header>\n'
        + '<noscript><p class="pv-sub">The cards are drawn by this page’s script: allow scripts for this '
        "file to see them.</p></noscript>\n"
        + _summary(cards, groups) + "\n<main>" + "\n".join(sections) + "</main>\n"
        f'<p class="pv-foot">Made by ankigen {_esc(__version__)}. Each side is shown as Anki draws it on '
        "a card (the note type’s CSS, body classes <code>card cardN</code>, and "
        "<code>nightMode night_mode</code> in dark mode). Rebuild the page after editing the notes.</p>"
        "</div></body></html>\n"
    )


# ------------------------------------------------------------------------------------------------ API

def preview_prepared(prepared: Prepared, out: Path) -> Page:
    cards = render(prepared)
    assert prepared.deck is not None
    ensure_out_dir(out)
    output = out / f"{prepared.path.stem}.html"
    write_if_changed(output, page_html(prepared.deck.name, prepared.path.name, cards, anki_version()))
    return Page(prepared.path, output, len(cards), prepared.deck.name)


def _check_command(path: Path) -> str:
    return f"ankigen check {shlex.quote(str(path))}"


def preview_paths(paths: list[Path], out: Path) -> list[Page]:
    """Write `out/<stem>.html` for each notes file (default: source/). Every file is checked first: one
    with errors stops the preview (nothing is written) with a message that names it."""
    _anki()  # fail early, with the install hint, before any work
    prepared = [prepare(p) for p in notes_files(paths)]
    for p in prepared:
        if p.errors or p.deck is None:
            n = len(p.errors)
            them = "it" if n == 1 else "them"
            message = f"has {_count(n, 'error')}, so no preview: run `{_check_command(p.path)}` to see {them}"
            raise BuildError(message, p.path)
    return [preview_prepared(p, out) for p in prepared]
