"""Judgements: words of degree, the sidecar, no guesses, and the judgement card as Anki renders it."""

from __future__ import annotations

import shutil

import pytest

from ankigen import judgement
from ankigen.build import prepare

from .conftest import FIXTURES, assert_renders_cleanly, build_deck_file


@pytest.mark.parametrize("text, level", [
    ("a lot, secured his position as leader", 0),
    ("massive change, collectivisation ended private farming", 0),
    ("industry was transformed", 0),
    ("personal limits of Stalin", 1),
    ("some continuity, peasants still resisted", 1),
    ("partly, industry changed", 1),
    ("Already powerful before as General Secretary", 2),
    ("continuity with Tsarist Russia", 2),
    ("doctrine stayed mostly Catholic", 2),
    ("not a lot changed", 1),
])
def test_degree(text, level):
    assert judgement.degree(text)[0] == level


def test_no_degree_no_guess():
    assert judgement.degree("tightened control by quashing opposition") is None
    assert judgement.infer("tightened control by quashing opposition", ["Stalin strengthened his grip"]) is None


def test_strip_degree_keeps_the_answer_off_the_front():
    assert judgement.strip_degree("a lot, secured his position") == "Secured his position"
    assert judgement.strip_degree("massive change, collectivisation ended") == "Collectivisation ended"
    assert judgement.strip_degree("tightened control") == "tightened control"


def test_scale_positions():
    assert judgement.position("Fundamental", ["fundamental", "partial", "superficial"]) == 0
    assert judgement.on_scale(2, ["big", "some", "none"]) == "none"
    assert judgement.on_scale(1, ["huge", "big", "some", "little", "none"]) == "some"


def test_seed_judgements_from_plan_and_sidecar(seed_source):
    deck = prepare(seed_source / "stalin-power.txt").deck
    verdicts = {n.fields[2]: n.fields[5] for n in deck.notes if n.notetype.key == "judgement"}
    assert verdicts == {"P1": "fundamental", "P2": "fundamental", "P3": "partial", "P4": "superficial",
                        "Whole essay": "fundamental"}


def test_without_the_sidecar_p2_and_the_essay_get_no_guess(seed_source):
    (seed_source / "stalin-power.yaml").unlink()
    p = prepare(seed_source / "stalin-power.txt")
    judgements = [n for n in p.deck.notes if n.notetype.key == "judgement"]
    assert {n.fields[2] for n in judgements if n.entry.retired is None} == {"P1", "P3", "P4"}
    # the lock remembers the P2 and essay judgements of earlier builds: they stay, retired
    assert {n.fields[2]: n.tags for n in judgements if n.entry.retired is not None} == {
        "P2": ("Stalin_Power::retired",), "Whole essay": ("Stalin_Power::retired",)}
    codes = [(f.line, f.code) for f in p.findings if f.code == "no-judgement"]
    assert codes == [(3, "no-judgement"), (4, "no-judgement")]


def test_sidecar_judgement_off_the_scale_is_an_error(seed_source):
    (seed_source / "stalin-power.yaml").write_text("paragraphs:\n  P2: {judgement: enormous}\n")
    p = prepare(seed_source / "stalin-power.txt")
    assert [(f.line, f.code) for f in p.errors] == [(2, "sidecar-judgement")]


def test_judgement_cards_render_with_all_choices(seed_source, tmp_path, anki, monkeypatch):
    col = anki()
    col.import_apkg(build_deck_file(seed_source, tmp_path / "build", monkeypatch))
    cards = col.cards_of("ankigen: Judgement")
    assert len(cards) >= 4
    assert_renders_cleanly(cards)
    for card in cards:
        for choice in ("Fundamental", "Partial", "Superficial"):
            assert choice in card.question_text
        assert card.fields["Judgement"] in card.answer_text
        assert card.fields["Judgement"] not in card.question_text.replace("Fundamental", "").replace(
            "Partial", "").replace("Superficial", "")
        assert "<script>" in card.question  # the tap-to-choose script, harmless where scripts are off


def test_unseen_notes_get_judgements_where_the_plan_settles_them(tmp_path):
    shutil.copy(FIXTURES / "collectivisation.txt", tmp_path / "collectivisation.txt")
    deck = prepare(tmp_path / "collectivisation.txt").deck
    verdicts = {n.fields[2]: n.fields[5] for n in deck.notes if n.notetype.key == "judgement"}
    assert verdicts == {"P1": "fundamental", "P2": "partial", "P3": "partial", "Whole essay": "fundamental"}
