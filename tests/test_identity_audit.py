"""Identity audit: realistic edit sequences that broke the update promise, each reduced to a small test.

Each plays one persistent, studied collection with the official importer (tests/student.py), as
tests/test_updates.py does, and asserts what a student must see after the rebuilt deck is imported.
"""

from __future__ import annotations

import pytest

from tests.student import Project, Student
from tests.test_updates import PARAGRAPHS, first_round, next_round, small_notes

pytest.importorskip("anki", reason="these scenarios import decks with the official `anki` package")

JUDGEMENT = "ankigen: Judgement"


@pytest.fixture
def student(tmp_path):
    s = Student(tmp_path / "anki")
    yield s
    s.close()


MANAGERS = ("massive, a new class of managers", [
    ("the new managers", "By 1939 there were 1.5 million kolkhoz chairmen and brigadiers."),
    ("analysis", "This transformed village leadership completely."),
])


def test_a_paragraph_deleted_and_the_next_renumbered_keeps_its_judgement_card(tmp_path, student, monkeypatch):
    """P3 deleted and P4 renumbered P3 in one build: the lock then holds the old P3's judgement (retired) and
    the renumbered one (live), both at P3. Every later build must keep the live one: it used to take the
    retired one back and retire the card students study, a different one at each build."""
    monkeypatch.setitem(PARAGRAPHS, "managers", MANAGERS)
    project = Project(tmp_path / "p")
    project.write("countryside.txt", small_notes(order=("land", "plots", "grain", "managers")))
    _, before = first_round(project, student)
    [card] = [c for c in before.values() if c.notetype == JUDGEMENT and c.fact == "New class of managers"]
    project.write("countryside.txt", small_notes(order=("land", "plots", "managers")))
    _, before = next_round(project, student, before)
    for figure in ("1.6", "1.7"):  # two more builds, each with an edit
        project.write("countryside.txt", small_notes(order=("land", "plots", "managers")).replace("1.5", figure))
        _, after = next_round(project, student, before, edits={"1.5": "1.6", "1.6": "1.7"})
        assert not after[card.cid].retired, "the judgement card students study was retired"
        assert after[card.cid].fact == "New class of managers"
        assert after[card.cid].reviews == card.reviews
        before = after
