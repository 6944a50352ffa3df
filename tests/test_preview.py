"""`ankigen preview`: the page holds every card as Anki renders it, and a real browser shows them.

The seed notes are copied into tmp_path, so the real lock file is never touched. The browser tests
(`@pytest.mark.browser`: `pytest -m "not browser"` leaves them out) need the Debian `chromium` package and
are skipped (with the reason) without it.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("anki", reason="the preview needs the `anki` package: pip install '.[preview]'")

from ankigen import notetypes  # noqa: E402
from ankigen.build import prepare  # noqa: E402
from ankigen.errors import BuildError  # noqa: E402
from ankigen.preview import preview_paths  # noqa: E402
from ankigen.preview_page import asset, page_html, plain_text  # noqa: E402

from . import browser  # noqa: E402
from .conftest import Project  # noqa: E402

SCALE = ("Fundamental", "Partial", "Superficial")


# ------------------------------------------------------------------------------------------- helpers


class Frames(HTMLParser):
    """The preview's iframes (their attributes) and tag chips, from the page or a dumped DOM."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.frames: list[dict[str, str]] = []
        self.tags: list[str] = []
        self._in_tag = False
        self.root: dict[str, str] = {}
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.root = attributes
        if tag in ("iframe", "div") and "pv-frame" in attributes.get("class", "").split():
            # the page holds each side in a <div data-srcdoc>; its script makes it an <iframe srcdoc>
            attributes.setdefault("srcdoc", attributes.get("data-srcdoc", ""))
            attributes["tag"] = tag
            self.frames.append(attributes)
        self._in_tag = tag == "span" and attributes.get("class") == "pv-tag"

    def handle_data(self, data):
        if self._in_tag:
            self.tags.append(data)
            self._in_tag = False

    def side(self, name: str) -> list[dict[str, str]]:
        return [f for f in self.frames if f"pv-{name}" in f["class"].split()]


def expected_cards(notes: Path) -> tuple[list[str], int, list]:
    """The question fronts (as text), the number of cards, and the deck's notes."""
    deck = prepare(notes).deck
    assert deck is not None
    fronts = [html.unescape(n.fields[0]) for n in deck.notes if n.notetype is notetypes.QA]
    assert len(fronts) == 14  # the seed's questions: so that "every front" below means something
    cards = 0
    for note in deck.notes:
        if note.notetype.cloze:
            cards += len(set(re.findall(r"\{\{c(\d+)::", note.fields[0])))
        else:
            cards += len(note.notetype.templates)
    return fronts, cards, list(deck.notes)


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("seed"))
    notes = project.seed(lock=False)
    (page,) = preview_paths([notes], project.out)
    return notes, page


# ---------------------------------------------------------------------------------------- the page

def test_page_holds_every_card_with_its_front_and_back(seed_page):
    notes, page = seed_page
    fronts, cards, _ = expected_cards(notes)
    assert page.output == notes.parent.parent / "build" / "stalin-power.html"
    assert page.source == notes
    assert page.cards == cards
    parsed = Frames(page.output.read_text(encoding="utf-8"))
    assert len(parsed.side("front")) == len(parsed.side("back")) == cards
    shown = [plain_text(f["srcdoc"]) for f in parsed.side("front")]
    for front in fronts:
        assert any(front in text for text in shown), front
    # Anki's own rendering: its body classes, the note type CSS, the answer divider.
    doc = parsed.side("front")[0]["srcdoc"]
    assert '<body class="card card1">' in doc and "<style>.card {" in doc
    assert all('<hr id="answer">' in f["srcdoc"] for f in parsed.side("back"))


def test_clozes_are_shown_once_per_deletion(seed_page):
    notes, page = seed_page
    _, _, deck_notes = expected_cards(notes)
    parsed = Frames(page.output.read_text(encoding="utf-8"))
    cloze_fronts = [f["srcdoc"] for f in parsed.side("front") if 'class="ag-cloze-text"' in f["srcdoc"]]
    deletions = sum(len(set(re.findall(r"\{\{c(\d+)::", n.fields[0])))
                    for n in deck_notes if n.notetype.cloze)
    assert deletions > 0 and len(cloze_fronts) == deletions
    # each front hides one deletion (all its occurrences), the one its card is for: card N, class card<N>
    for front in cloze_fronts:
        hidden = set(re.findall(r'<span class="cloze" [^>]*data-ordinal="(\d+)">\[\.\.\.\]</span>', front))
        assert len(hidden) == 1
        assert f'<body class="card card{hidden.pop()}">' in front
    assert any('<body class="card card2">' in f for f in cloze_fronts)


def test_judgement_cards_show_their_choices_and_verdict(seed_page):
    _, page = seed_page
    parsed = Frames(page.output.read_text(encoding="utf-8"))
    pairs = zip(parsed.side("front"), parsed.side("back"), strict=True)
    judged = [(f, b) for f, b in pairs if 'class="ag-scale"' in f["srcdoc"]]
    assert len(judged) == 5
    for front, back in judged:
        text = plain_text(front["srcdoc"])
        assert all(choice in text for choice in SCALE)
        assert 'class="ag-verdict"' in back["srcdoc"]


def test_summary_and_tags(seed_page):
    notes, page = seed_page
    text = page.output.read_text(encoding="utf-8")
    _, _, deck_notes = expected_cards(notes)
    parsed = Frames(text)
    assert set(parsed.tags) == {t for n in deck_notes for t in n.tags}
    for group in ("Whole essay", "P1", "P2", "P3", "P4"):
        assert f">{group}</a></td>" in text
    for kind in ("Essay plan", "Question · analysis", "Evidence cloze", "Judgement"):
        assert f"<th>{kind}</th>" in text
    assert '<tr class="pv-total"><td>All</td>' in text and f"<td>{page.cards}</td></tr></tbody>" in text


def test_the_page_is_self_contained(seed_page):
    _, page = seed_page
    text = html.unescape(page.output.read_text(encoding="utf-8"))  # srcdoc content too
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", text, re.I)
    assert not re.search(r"url\(\s*['\"]?(?:https?:|//)", text, re.I)
    assert "<link" not in text and "@import" not in text


def test_preview_does_not_touch_the_lock_or_write_a_deck(project, tmp_path):
    notes = project.seed(lock=True)
    lock = notes.with_suffix(".lock")
    before = lock.read_bytes()
    preview_paths([notes], project.out)
    assert lock.read_bytes() == before
    assert [p.name for p in project.out.iterdir()] == ["stalin-power.html"]
    # without a lock, none is created
    other = Project(tmp_path / "other").seed(lock=False)
    preview_paths([other.parent], tmp_path / "build2")
    assert not other.with_suffix(".lock").exists()
    assert (tmp_path / "build2" / "stalin-power.html").is_file()


def test_a_course_is_rendered_together_as_each_file_alone(project, tmp_path):
    """One collection renders every file; a copy of a deck (the same lock: the same GUIDs and deck id,
    which Anki would merge) is rendered apart, so each page is the page its file gets alone."""
    notes = project.seed(lock=True)
    for suffix in (".txt", ".yaml", ".lock"):
        shutil.copy(notes.with_suffix(suffix), project.source / f"stalin-copy{suffix}")
    for name in ("weimar", "tudors", "civil_rights"):
        project.fixture(name)
    together = preview_paths([project.source], tmp_path / "together")
    assert [p.output.name for p in together] == sorted(p.name for p in (tmp_path / "together").iterdir())
    assert len(together) == 5 and all(p.cards > 10 for p in together)
    for page in together:
        (alone,) = preview_paths([page.source], tmp_path / page.source.stem)
        assert alone.output.read_bytes() == page.output.read_bytes(), page.source.name


def test_markup_in_the_notes_is_shown_as_text(project):
    notes = project.seed(lock=False)
    text = notes.read_text(encoding="utf-8")
    front, back = "P1- how STALIN dealt with opponents", "Trial of 16 – left 1936 Zin and Kam"
    text = text.replace(front, front.replace("opponents", '<b>opponents</b> & "rivals"'))
    text = text.replace(back, back + " </iframe><script>x()</script>")
    notes.write_text(text, encoding="utf-8")
    (page,) = preview_paths([notes], project.out)
    parsed = Frames(page.output.read_text(encoding="utf-8"))
    assert any('how STALIN dealt with <b>opponents</b> & "rivals"' in plain_text(f["srcdoc"])
               for f in parsed.side("front"))
    backs = [f["srcdoc"] for f in parsed.side("back")]
    assert any("Zin and Kam </iframe><script>x()</script>" in plain_text(b) for b in backs)
    assert not any("<script>x()" in b for b in backs)  # never a live tag


def test_latex_in_the_notes_goes_through_ankis_latex_step(project):
    """The preview runs Anki's LaTeX hook itself, only on the cards that may hold LaTeX: those cards are
    still drawn as Anki draws them (an image in the place of the LaTeX, or Anki's message why not)."""
    notes = project.seed(lock=False)
    back = "Trial of 16 – left 1936 Zin and Kam"
    notes.write_text(notes.read_text(encoding="utf-8").replace(back, back + " [$]x^2[/$] [LaTeX]y[/latex]"),
                     encoding="utf-8")
    (page,) = preview_paths([notes], project.out)
    backs = [html.unescape(f["srcdoc"]) for f in Frames(page.output.read_text(encoding="utf-8")).side("back")]
    latex = [b for b in backs if "Zin and Kam" in b and "<img" in b]
    assert latex and not any("[$]x^2[/$]" in b or "[LaTeX]y" in b for b in latex)
    assert not any("[$]" in b for b in backs)


def test_a_file_with_errors_is_not_previewed(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    with pytest.raises(BuildError) as info:
        preview_paths([bad], tmp_path / "build")
    assert info.value.path == bad and "ankigen check" in str(info.value)
    assert not (tmp_path / "build").exists()


def test_without_anki_the_error_says_how_to_install_it(project, monkeypatch, runner):
    """From the clone: ankigen is on no package index, so the extra is installed from the folder, `.`."""
    from ankigen.cli import cli

    monkeypatch.setitem(sys.modules, "anki.collection", None)  # makes `import anki.collection` fail
    with pytest.raises(BuildError, match=r'pip install "\.\[preview\]"'):
        preview_paths([project.seed(lock=False)], project.out)
    result = runner.invoke(cli, ["preview", str(project.source)])
    assert (result.exit_code, result.output) == (1, (
        "Error: the preview renders cards with Anki's own code, the `anki` package, which is missing "
        "(anki.collection): in the ankigen folder, install it with `pip install \".[preview]\"`\n"))
    assert not project.out.exists()


def test_cli_preview(project, runner):
    from ankigen.cli import cli

    notes = project.seed(lock=False)
    result = runner.invoke(cli, ["preview", str(notes), "-o", str(project.out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{notes} -> {project.out / 'stalin-power.html'}: 77 cards\n"
    assert (project.out / "stalin-power.html").exists()


def test_the_pages_style_and_script_come_from_the_package():
    """ankigen/assets/preview.css and preview.js, shipped as package data, inlined in the page whole."""
    css, js = asset("preview.css"), asset("preview.js")
    assert ".pv-frame {" in css and 'getElementById("pv-dark")' in js
    page = page_html("Deck", "deck.txt", [])
    assert f"<style>\n{css}</style><script>\n{js}</script></head>" in page


# ------------------------------------------------------------------------------------- in a browser

@pytest.mark.browser
def test_chromium_renders_every_card(seed_page, tmp_path):
    notes, page = seed_page
    fronts, cards, _ = expected_cards(notes)
    parsed = Frames(browser.dump_dom(page.output.as_uri() + "?check=1", tmp_path / "profile"))
    # every frame loaded and was measured by the page's script, in Anki's light mode
    assert parsed.root.get("data-loaded") == str(2 * cards)
    assert len(parsed.frames) == 2 * cards and all(f["tag"] == "iframe" for f in parsed.frames)
    rendered = [f.get("data-rendered", "") for f in parsed.side("front")]
    assert all(rendered), "a front rendered no text"
    for front in fronts:  # what the browser drew inside the frames, read back with innerText
        assert any(front in text for text in rendered), front
    for frame in parsed.frames:
        assert "nightMode" not in frame["data-body-class"]
        assert int(frame["style"].split("height:")[1].split("px")[0]) > 40
    backs = [f["data-rendered"] for f in parsed.side("back")]
    assert sum("[...]" in text for text in rendered) == sum(1 for f in parsed.side("front")
                                                             if 'class="ag-cloze-text"' in f["srcdoc"])
    assert not any("[...]" in text for text in backs)


@pytest.mark.browser
def test_chromium_dark_and_phone_toggles(seed_page, tmp_path):
    _, page = seed_page
    light = Frames(browser.dump_dom(page.output.as_uri() + "?check=1", tmp_path / "profile"))
    dark = Frames(browser.dump_dom(page.output.as_uri() + "#dark,phone,check", tmp_path / "profile"))
    assert len(light.frames) == len(dark.frames) == 2 * page.cards > 0
    assert "pv-dark" in dark.root["class"] and "pv-phone" in dark.root["class"]
    assert dark.root.get("data-loaded") == str(len(dark.frames))
    for before, after in zip(light.frames, dark.frames, strict=True):
        assert {"nightMode", "night_mode"} <= set(after["data-body-class"].split())
        assert after["data-background"] != before["data-background"]  # the note type's dark colours apply
        assert int(after["data-width"]) <= 377 < int(before["data-width"])  # the phone-width frame
