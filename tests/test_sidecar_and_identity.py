"""The YAML sidecar (safe, validated, with line numbers) and note identity (GUIDs) across edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from ankigen.build import prepare
from ankigen.deck import build_deck
from ankigen.errors import SidecarError
from ankigen.identity import stable_guid
from ankigen.lock import Lock
from ankigen.parser import parse_text
from ankigen.sidecar import Sidecar, parse_sidecar

NOTES = """1- Stalin power
How far did Stalin's power change
P1- a lot. P2- limits
P1- analysis
1936 the Trial of 16
P2- analysis
1934 Kirov
"""


def test_sidecar_settings():
    s = parse_sidecar("deck: History::Stalin\nparagraphs:\n  P1: {theme: Opponents, judgement: partial}\n"
                      "cloze: {auto: false, always: [Politburo], never: Party}\nscale: big/ some/ none\n",
                      Path("s.yaml"))
    assert s.deck == "History::Stalin"
    assert s.paragraph("P1").theme == "Opponents"
    assert (s.cloze_auto, s.cloze_always, s.cloze_never) == (False, ("Politburo",), ("Party",))
    assert s.scale == ("big", "some", "none")


@pytest.mark.parametrize("text, line, words", [
    ("deck: x\ncolour: red\n", 2, "unknown setting `colour`"),
    ("paragraphs:\n  P1: {theme: a, verdict: b}\n", 2, "unknown setting `paragraphs.P1.verdict`"),
    ("paragraphs:\n  Intro: {theme: a}\n", 2, "unknown paragraph `Intro`"),
    ("deck: [unclosed\n", 2, "is not valid YAML"),
    ("!!python/object/apply:os.system [echo hacked]\n", 1, "is not valid YAML"),
    ("cloze: {auto: maybe}\n", 1, "`cloze.auto` must be true or false"),
])
def test_sidecar_errors_name_the_line(text, line, words):
    with pytest.raises(SidecarError) as info:
        parse_sidecar(text, Path("s.yaml"))
    assert info.value.line == line
    assert words in info.value.message


def test_sidecar_overrides_deck_and_theme(tmp_path):
    (tmp_path / "n.txt").write_text(NOTES)
    (tmp_path / "n.yaml").write_text("deck: History::Stalin::Power\nparagraphs:\n  P1: {theme: Show trials}\n")
    deck = prepare(tmp_path / "n.txt").deck
    assert deck.name == "History::Stalin::Power"
    tags = {t for n in deck.notes for t in n.tags}
    assert "History::Stalin::Power::theme::show-trials" in tags
    assert "History::Stalin::Power::P1" in tags


def test_sidecar_naming_a_paragraph_the_notes_lack_is_an_error(tmp_path):
    (tmp_path / "n.txt").write_text(NOTES)
    (tmp_path / "n.yaml").write_text("paragraphs:\n  P7: {theme: x}\n")
    errors = prepare(tmp_path / "n.txt").errors
    assert [(e.path.name, e.line, e.code) for e in errors] == [("n.yaml", 2, "sidecar-paragraph")]


def test_guid_ignores_the_back_and_case_of_the_front():
    a = parse_text(NOTES, "n.txt")
    b = parse_text(NOTES.replace("1936 the Trial of 16", "1936: the Trial of the 16").replace(
        "P1- analysis", "P1- Analysis"), "n.txt")
    assert question_guids(a) == question_guids(b)


def test_same_front_in_two_paragraphs_or_twice_gets_distinct_guids():
    guids = question_guids(parse_text(NOTES + "P2- analysis\n1937 purges\n", "n.txt"))
    assert len(set(guids)) == len(guids) == 3


def question_guids(notes) -> list[str]:
    """The GUIDs of a first build's question notes, in order."""
    return [n.guid for n in build_deck(notes, Sidecar(), Lock(), 0).deck.notes if n.notetype.key == "qa"]


def test_guid_depends_on_the_deck_file():
    assert question_guids(parse_text(NOTES, "a.txt")) != question_guids(parse_text(NOTES, "b.txt"))
    assert stable_guid("x") == stable_guid("x") and len(stable_guid("x")) >= 8


def test_editing_a_figure_keeps_the_cloze_note_identity(tmp_path):
    (tmp_path / "n.txt").write_text(NOTES)
    before = {n.guid for n in prepare(tmp_path / "n.txt").deck.notes}
    (tmp_path / "n.txt").write_text(NOTES.replace("Trial of 16", "Trial of the 16 in August"))
    after = {n.guid for n in prepare(tmp_path / "n.txt").deck.notes}
    assert before == after
