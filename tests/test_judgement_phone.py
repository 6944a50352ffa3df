"""The judgement card on a phone, in a real browser (`@pytest.mark.browser`: needs Debian's `chromium`).

AnkiDroid loads a card's back as a new page (the front's script variables are gone; sessionStorage
survives) and flips the card on a tap the page lets through; AnkiMobile passes a tap only to a <button>, an
<a>, an onclick element or class `tappable`. So each test loads the front and then the back, as Anki renders
them, as two pages in one tab at phone width in dark mode, and taps with a finger (touch events), as a phone
does. The pages are served from one origin on the loopback address (as a card's pages share one in Anki):
Chromium may give two file:// pages separate session storage.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

pytest.importorskip("anki", reason="the card is rendered by the official `anki` package")

from . import browser  # noqa: E402
from .conftest import Rendered, build_deck_file  # noqa: E402

pytestmark = pytest.mark.browser

PAGE = ('<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        '<body class="card {dark}"><div id="qa">{html}</div></body></html>')
# What AnkiDroid does with a tap the page lets through: it flips the card.
FLIP_ON_TAP = "window.flipped = false; document.addEventListener('click', function () { window.flipped = true; });"


def _judgement_cards(seed_source, tmp_path, anki, monkeypatch) -> dict[str, Rendered]:
    col = anki()
    col.import_apkg(build_deck_file(seed_source, tmp_path / "build", monkeypatch))
    return {c.fields["Paragraph"]: c for c in col.cards_of("ankigen: Judgement")}


@pytest.fixture
def served(tmp_path):
    """A web server on the loopback address serving tmp_path (stopped after the test); its address."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _pages(tmp_path, base: str, card: Rendered, dark: str) -> tuple[str, str]:
    name = card.fields["Paragraph"].replace(" ", "-")
    urls = []
    for side, html in (("front", card.question), ("back", card.answer)):
        path = tmp_path / f"{name}-{side}.html"
        path.write_text(PAGE.format(dark=dark, html=html), encoding="utf-8")
        urls.append(f"{base}/{path.name}")
    return urls[0], urls[1]


def _tap_front(tab: browser.Tab, front: str, choice: str) -> None:
    tab.load(front)
    tab.eval(FLIP_ON_TAP)
    tab.tap(f'.ag-choice[data-choice="{choice}"]')
    assert tab.eval(f'document.querySelector(\'.ag-choice[data-choice="{choice}"]\').className') \
        == "ag-choice tappable ag-picked"
    assert tab.eval("window.flipped") is False  # the tap chose; it did not flip the card


@pytest.mark.parametrize("dark", ["night_mode", "nightMode"])  # AnkiDroid's class, Anki desktop's
def test_a_tapped_choice_survives_the_flip(seed_source, tmp_path, anki, monkeypatch, dark, served):
    cards = _judgement_cards(seed_source, tmp_path, anki, monkeypatch)
    p1 = cards["P1"]
    assert p1.fields["Judgement"] == "fundamental"
    front, back = _pages(tmp_path, served, p1, dark)
    with browser.Tab(tmp_path / "profile") as tab:
        _tap_front(tab, front, "partial")
        # the phone's page: no sideways scrolling, dark colours, choices a finger can hit, all buttons
        assert tab.eval("document.documentElement.scrollWidth <= window.innerWidth") is True
        assert tab.eval("window.innerWidth") == 390
        assert tab.eval("getComputedStyle(document.body).backgroundColor") == "rgb(30, 31, 34)"
        assert tab.eval("getComputedStyle(document.querySelector('.ag-choice')).backgroundColor") \
            == "rgb(43, 45, 49)"
        assert tab.eval("Array.from(document.querySelectorAll('.ag-choice')).every(function (b) {"
                        " return b.tagName === 'BUTTON' && b.classList.contains('tappable')"
                        " && b.getBoundingClientRect().height >= 44; })") is True

        tab.load(back)  # a new page, as AnkiDroid shows the back
        assert tab.eval("typeof window.ankigenChoice") == "undefined"  # the front's variables are gone
        assert tab.eval("document.querySelector('.ag-verdict').innerText") == "Fundamental"
        assert tab.eval("document.getElementById('ag-match').innerText") \
            == "You chose partial; the notes say fundamental"
        assert tab.eval("document.querySelector('.ag-picked').getAttribute('data-choice')") == "partial"

        other = _pages(tmp_path, served, cards["P3"], dark)[1]
        tab.load(other)  # the choice belongs to its own card: another card's back shows none
        assert tab.eval("document.getElementById('ag-match').innerText") == ""
        assert tab.eval("document.querySelector('.ag-picked')") is None


def test_the_back_says_when_the_notes_give_no_verdict(seed_source, tmp_path, anki, monkeypatch, served):
    (seed_source / "stalin-power.yaml").unlink()  # then P2's notes settle no verdict
    cards = _judgement_cards(seed_source, tmp_path, anki, monkeypatch)
    front, back = _pages(tmp_path, served, cards["P2"], "night_mode")
    with browser.Tab(tmp_path / "profile") as tab:
        tab.load(back)  # not tapped: the back still says what the notes say
        assert tab.eval("document.querySelector('.ag-verdict').innerText").startswith("The notes give no verdict")
        assert tab.eval("document.getElementById('ag-match').innerText") == ""
        _tap_front(tab, front, "superficial")
        tab.load(back)
        assert tab.eval("document.getElementById('ag-match').innerText") == "You chose superficial."
        assert "strengthen his personal role" in tab.eval("document.body.innerText")  # the analysis
