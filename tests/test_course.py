"""A course in one package (`ankigen build --course NAME`) and the description every deck carries, read back
with the official `anki` package: subdecks in the importer, the same notes as the single decks, and what
Anki's deck overview says (`col.decks`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ankigen.cli import cli
from ankigen.description import HOW_TO_UPDATE

from .conftest import BUILD_TIME
from .student import deck_notes

COURSE = "A-level History"
DECKS = {"stalin-power": "Stalin Power", "tudors": "Tudors Religion", "weimar": "Weimar golden years"}
DAY = 86_400


@pytest.fixture
def course_source(project):
    """The shipped notes and two fixture notes files."""
    project.seed()
    project.fixture("tudors")
    project.fixture("weimar")
    return project.source


def build(runner, project, *args: str):
    result = runner.invoke(cli, ["build", str(project.source), "-o", str(project.out), *args])
    assert result.exit_code == 0, result.output
    return result


def deck_of(col, name: str) -> dict:
    deck = col.col.decks.by_name(name)
    assert deck is not None, [d.name for d in col.col.decks.all_names_and_ids()]
    return deck


def cards_in(col, name: str) -> int:
    return col.col.db.scalar("select count() from cards where did = ?", deck_of(col, name)["id"])


def test_a_course_is_one_package_the_importer_reads_into_subdecks(course_source, project, runner, anki):
    result = build(runner, project, "--course", COURSE)
    apkg = project.out / "a-level-history.apkg"
    assert sorted(p.name for p in project.out.iterdir()) == ["a-level-history.apkg"]
    assert result.stdout.splitlines()[-1] == (
        f"{apkg}: course “A-level History”, 3 decks, 281 cards. In Anki, new cards go to these decks; cards a "
        "student already has stay in the deck they are in (Anki moves no card when it imports)")
    assert f"{course_source / 'tudors.txt'} -> {apkg}: deck “A-level History::Tudors Religion”, 56 notes" \
        in result.stdout
    col = anki()
    log = col.import_apkg(apkg)
    assert len(log.new) == 51 + 56 + 64
    names = {d.name for d in col.col.decks.all_names_and_ids()} - {"Default"}
    assert names == {COURSE, *(f"{COURSE}::{d}" for d in DECKS.values())}
    assert {d: cards_in(col, f"{COURSE}::{d}") for d in DECKS.values()} == {
        "Stalin Power": 77, "Tudors Religion": 91, "Weimar golden years": 113}
    assert cards_in(col, COURSE) == 0
    top = deck_of(col, COURSE)["desc"]
    assert top.startswith("<b>A-level History</b>: one deck per notes file.<ul><li>A-level History::Stalin Power")
    assert top.endswith(HOW_TO_UPDATE)


def test_the_course_updates_the_notes_the_single_decks_made(course_source, project, runner, anki):
    """Built alone, then as a course: the same GUIDs and times, so Anki finds every note it has (no new
    note, none updated) and leaves the cards in the decks they were imported into."""
    build(runner, project)
    col = anki()
    for stem in DECKS:
        col.import_apkg(project.out / f"{stem}.apkg")
    locks = {p.name: p.read_bytes() for p in course_source.glob("*.lock")}
    singles = {g for stem in DECKS for g in deck_notes(project.out / f"{stem}.apkg")}
    build(runner, project, "--course", COURSE)
    course = project.out / "a-level-history.apkg"
    assert set(deck_notes(course)) == singles
    assert {p.name: p.read_bytes() for p in course_source.glob("*.lock")} == locks
    log = col.import_apkg(course)
    assert (len(log.new), len(log.updated)) == (0, 0)
    assert col.col.note_count() == len(singles)
    assert cards_in(col, "Stalin Power") == 77 and cards_in(col, f"{COURSE}::Stalin Power") == 0


def test_a_course_needs_every_notes_file_to_build(course_source, project, runner):
    bad = project.notes("bad", "1- Bad\n", sidecar=None)
    result = runner.invoke(cli, ["build", str(course_source), "-o", str(project.out), "--course", COURSE, "-q"])
    assert result.exit_code == 1
    assert result.output == (
        f"{bad}: error: no cards found: write fronts as `P1- ...` lines or questions, each followed by its back "
        f"[no-cards]\n{bad}: not built: 1 error (see above)\n"
        f"{project.out}: course “A-level History” not written: every notes file must build (see above)\n")
    assert not list(project.out.iterdir())


def test_two_files_that_make_one_deck_cannot_share_a_course(project, runner):
    first = project.fixture("tudors")
    second = project.notes("tudors-copy", first.read_text(encoding="utf-8"))
    result = runner.invoke(cli, ["build", str(project.source), "-o", str(project.out), "--course", COURSE, "-q"])
    assert result.exit_code == 1
    assert result.output == (f"Error: {first}: and {second} both make the deck “A-level History::Tudors Religion”: "
                             "give one a `deck:` in its sidecar\n")


def test_the_description_says_what_changed_and_how_to_update(project, runner, anki, monkeypatch):
    notes = project.fixture("tudors")
    apkg = project.out / "tudors.apkg"
    col = anki()

    def rebuild(day: int) -> str:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(BUILD_TIME + day * DAY))
        build(runner, project)
        col.import_apkg(apkg)
        return deck_of(col, "Tudors Religion")["desc"]

    first = rebuild(0)
    assert first.split("<br>")[-2:] == ["Last updated 14 November 2023: notes 56 new, 0 changed, 0 retired.",
                                        HOW_TO_UPDATE]
    assert first.startswith("<b>To what extent did religion in England change under Henry VIII 1529-47</b><br>"
                            "14 questions (5 point, 3 analysis, 5 example, 1 scale), 1 essay plan, 35 evidence "
                            "sentences to complete, 6 judgements of how much changed.<br>Made by ankigen from "
                            "tudors.txt.<br>")
    text = notes.read_text(encoding="utf-8")
    assert text.count("1534") >= 1
    notes.write_text(text.replace("1534", "1535", 1), encoding="utf-8")
    edited = rebuild(1)
    assert "Last updated 15 November 2023: notes 0 new, 3 changed, 0 retired." in edited
    deck_bytes = apkg.read_bytes()
    assert rebuild(2) == edited  # unchanged: the same description, from the lock ...
    assert apkg.read_bytes() == deck_bytes  # ... and the same bytes


def test_retired_notes_are_counted_as_retired_not_changed(project, runner, anki, monkeypatch):
    notes = project.notes("w", "1- W\nP1- a lot, x. P2- partly, y\nP1- example, Dawes\nIn 1924 the Dawes Plan.\n"
                               "P2- analysis\nIt changed partly.\nP2- example, Young\nIn 1929 the Young Plan.\n")
    build(runner, project)
    notes.write_text(notes.read_text(encoding="utf-8").split("P2- example")[0], encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(BUILD_TIME + DAY))
    build(runner, project)
    col = anki()
    col.import_apkg(project.out / "w.apkg")
    assert "Last updated 15 November 2023: notes 0 new, 0 changed, 2 retired." in deck_of(col, "W")["desc"]


def test_the_sidecars_description_comes_first(project, runner, anki):
    project.notes("t", Path(__file__).parent.joinpath("fixtures/notes/tudors.txt").read_text(encoding="utf-8"),
                  sidecar="description: Year 12, unit 2 & the Reformation\n")
    build(runner, project)
    col = anki()
    col.import_apkg(project.out / "t.apkg")
    assert deck_of(col, "Tudors Religion")["desc"].startswith("Year 12, unit 2 &amp; the Reformation<br><b>")
