"""Issue 11, "updates a class can trust": each scenario played as a student's Anki lives it.

One persistent collection per test; the deck is built, imported with the desktop dialog's defaults and
studied, the notes change, the deck is rebuilt (the lock kept, the clock a day later) and re-imported. After
every import the invariants of tests/student.py hold: no orphan, no duplicate, no "No cloze" card, and every
studied card still asks the same fact.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.student import (
    SEED_STEM,
    Project,
    Student,
    assert_edit_visible,
    assert_no_duplicate,
    assert_no_missing_cloze,
    assert_no_new_note,
    assert_no_orphan,
    assert_same_facts,
    assert_studied_cards_live,
    check_all,
    deck_notes,
    same_fact,
    text_of,
)

pytest.importorskip("anki", reason="these scenarios import decks with the official `anki` package")

NOTES = f"{SEED_STEM}.txt"
CLOZE = "ankigen: Evidence cloze"
JUDGEMENT = "ankigen: Judgement"
QUESTION = "ankigen: Question"


@pytest.fixture
def seed(tmp_path) -> Project:
    """A copy of the shipped notes, sidecar and lock."""
    return Project(tmp_path / "seed", seed=True)


def first_round(project: Project, student: Student):
    """Build, import, study everything: the class has the deck and a history on every card."""
    built = project.build()
    student.import_deck(built.apkg)
    check_all(student, built.apkg)
    assert student.study_all() > 0
    return built, student.snapshot()


def next_round(project: Project, student: Student, before, edits=None):
    """The notes changed: rebuild (a day later), re-import, check the invariants."""
    built = project.build()
    student.import_deck(built.apkg)
    return built, check_all(student, built.apkg, before, edits)


# ----------------------------------------------------------------------------------- a small notes file

PARAGRAPHS = {
    "land": ("a lot, transformed who owned the land", [
        ("ownership of land", "In 1929 Stalin announced the liquidation of the kulaks as a class. "
                              "By 1936 about 90% of peasant households were in kolkhozes."),
        ("example, dekulakisation", "Around 1.8 million kulaks were deported to Siberia in 1930. "
                                    "Many died on the way."),
    ]),
    "plots": ("some limits, peasants kept private plots", [
        ("private plots", "The Kolkhoz Charter of 1935 allowed each household a private plot. "
                          "By 1937 private plots produced 52% of vegetables."),
        ("analysis", "Peasants worked harder on their plots than on the collective. "
                     "The state had to tolerate some private trade."),
    ]),
    "grain": ("continuity, the state already took grain before", [
        ("example, grain requisitioning", "In 1918 Lenin sent armed squads to seize grain under War Communism. "
                                          "Stalin revived the Urals-Siberian method in 1928."),
        ("analysis", "The state had squeezed the peasants before, so this was continuity of method. "
                     "Only the scale was new."),
    ]),
}


def small_notes(order=("land", "plots", "grain"), plan_order=None) -> str:
    """Notes in the seed's style: title, question, plan on one line, argument, then P-fronts and backs."""
    numbers = {key: i + 1 for i, key in enumerate(order)}
    plan = " ".join(f"P{numbers[k]}- {PARAGRAPHS[k][0]}." for k in (plan_order or order))
    lines = ["3- Collectivisation Flashcards",
             "How far did life in the Soviet countryside change from 1928 to 1941", plan,
             "Overall collectivisation transformed the countryside."]
    for key in order:
        for front, back in PARAGRAPHS[key][1]:
            lines += [f"P{numbers[key]}- {front}", back]
    return "\n".join(lines) + "\n"


@pytest.fixture
def small(tmp_path) -> Project:
    project = Project(tmp_path / "small")
    project.write("countryside.txt", small_notes())
    return project


# ----------------------------------------------------------------------------------- 0: the checks can fail

def test_the_invariants_catch_what_they_guard(small, tmp_path, student):
    """Each check fails on the harm it guards against, done by hand in the collection."""
    built, before = first_round(small, student)
    notes = student.notes()
    col = student.col
    assert before and all(c.studied for c in before.values())

    cloze = next(col.get_note(c.nid) for c in before.values() if c.notetype == CLOZE and c.ord == 1)
    cloze.fields[0] = re.sub(r"\{\{c2::(.*?)\}\}", r"\1", cloze.fields[0])  # c2's deletion removed
    col.update_note(cloze)
    with pytest.raises(AssertionError, match="No cloze"):
        assert_no_missing_cloze(student.snapshot())
    with pytest.raises(AssertionError, match="another fact"):
        assert_same_facts(before, student.snapshot())
    assert_same_facts(before, student.snapshot(), kinds=[QUESTION])

    qa = col.get_note(next(c.nid for c in before.values() if c.notetype == QUESTION))
    qa.fields[0] += "s"  # a light edit (a typo) is the same fact; another front is not
    col.update_note(qa)
    assert_same_facts(before, student.snapshot(), kinds=[QUESTION])
    qa.fields[0] = "something else entirely"
    col.update_note(qa)
    with pytest.raises(AssertionError, match="another fact"):
        assert_same_facts(before, student.snapshot(), kinds=[QUESTION])

    copy = col.new_note(qa.note_type())
    copy.fields = list(qa.fields)  # the same question, a second time, under a new GUID
    col.add_note(copy, col.decks.id("Collectivisation"))
    with pytest.raises(AssertionError, match="duplicate"):
        assert_no_duplicate(student)
    with pytest.raises(AssertionError, match="orphan"):
        assert_no_orphan(student, built.apkg)
    with pytest.raises(AssertionError, match="new note"):
        assert_no_new_note(notes, student.notes())
    with pytest.raises(AssertionError, match="appears on no card"):
        assert_edit_visible(student.snapshot(), "a sentence nobody wrote")

    other = Project(tmp_path / "other")
    other.write("countryside.txt", COURTS)  # same file name, another deck: none of the studied cards
    with pytest.raises(AssertionError, match="dropped from the deck"):
        assert_studied_cards_live(before, other.build().apkg)


# ----------------------------------------------------------------------------------- 1-3: edits in place

def test_unchanged_rebuild_changes_nothing(seed, student):
    _, before = first_round(seed, student)
    notes = student.notes()
    built, after = next_round(seed, student, before)
    assert_no_new_note(notes, student.notes())
    assert_studied_cards_live(before, built.apkg)
    changed = [(b, after[cid]) for cid, b in before.items()
               if (b.question, b.answer, b.fact, b.note_mod, b.tags) != (after[cid].question, after[cid].answer,
                                                                        after[cid].fact, after[cid].note_mod,
                                                                        after[cid].tags)]
    assert not changed, f"an unchanged rebuild changed {len(changed)} card(s): {changed[0]}"
    assert all(after[cid].reviews == b.reviews for cid, b in before.items()), "a card lost its history"


def test_back_edited_updates_the_card_in_place(seed, student):
    _, before = first_round(seed, student)
    notes = student.notes()
    [qa] = [c for c in before.values() if c.fact == "how did STALIN stop opposition"]
    [cloze] = [c for c in before.values() if c.notetype == CLOZE and c.fact == "35,000"]
    seed.edit(NOTES, "35,000 officers", "36,000 officers")
    built, after = next_round(seed, student, before, edits={"35,000": "36,000"})
    assert_no_new_note(notes, student.notes())
    assert_studied_cards_live(before, built.apkg)
    assert_edit_visible(after, "36,000 officers")
    assert "36,000" in after[qa.cid].answer and "35,000" not in after[qa.cid].answer
    assert after[cloze.cid].fact == "36,000"
    assert after[qa.cid].reviews == qa.reviews and after[cloze.cid].reviews == cloze.reviews


def test_a_change_undone_reaches_students_when_the_lock_is_kept(seed, student):
    """Undoing a change students already have, as the README says: the notes reverted, the lock kept. The
    old text is then a change to the lock, with a newer time, and wins in Anki."""
    original = seed.read(NOTES)
    _, before = first_round(seed, student)
    seed.edit(NOTES, "35,000 officers", "36,000 officers")
    _, before = next_round(seed, student, before, edits={"35,000": "36,000"})
    seed.write(NOTES, original)  # git revert of the notes, the lock as the last build left it
    _, after = next_round(seed, student, before, edits={"36,000": "35,000"})
    assert_edit_visible(after, "35,000 officers")
    assert not any("36,000" in c.answer for c in after.values())


def test_typo_fixed_in_a_front_keeps_the_card(seed, student):
    seed.edit(NOTES, "dealt with opponents", "dealt with oponents")
    _, before = first_round(seed, student)
    notes = student.notes()
    [qa] = [c for c in before.values() if c.fact == "how STALIN dealt with oponents"]
    seed.edit(NOTES, "dealt with oponents", "dealt with opponents")
    built, after = next_round(seed, student, before)
    assert_no_new_note(notes, student.notes())
    assert_studied_cards_live(before, built.apkg)
    assert after[qa.cid].fact == "how STALIN dealt with opponents"
    assert after[qa.cid].reviews == qa.reviews


# ----------------------------------------------------------------------------------- 4-6: evidence clozes

def test_sentence_put_before_the_first_sentence_of_a_back(seed, student):
    _, before = first_round(seed, student)
    new = "Yagoda was replaced as head of the NKVD by Yezhov in 1936. "
    seed.edit(NOTES, "1937 trial of the 17 purged", new + "1937 trial of the 17 purged")
    built, after = next_round(seed, student, before)
    assert_same_facts(before, after, kinds=[CLOZE])
    assert_studied_cards_live(before, built.apkg)
    assert_edit_visible(after, "Yagoda was replaced as head of the NKVD")


def _fields(apkg: Path) -> list[list[str]]:
    with zipfile.ZipFile(apkg) as zf, tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "c.anki2"
        db.write_bytes(zf.read("collection.anki2"))
        con = sqlite3.connect(db)
        try:
            return [flds.split("\x1f") for (flds,) in con.execute("select flds from notes")]
        finally:
            con.close()


def test_a_line_of_context_above_the_first_card_is_asked_and_keeps_its_cards_through_an_edit(small, student):
    """The facts of the header's text (`Stalin announced the Great Turn in November 1929 ...`) are evidence
    too, from the introduction; an edit of that line updates its cloze notes in place."""
    small.edit("countryside.txt", "Overall collectivisation transformed the countryside.",
               "Overall collectivisation transformed the countryside.\n"
               "Stalin announced the Great Turn in Pravda in November 1929.")
    built, before = first_round(small, student)
    header = [fields for fields in _fields(built.apkg) if "Great Turn" in fields[0]]
    assert header and all("From: <b>introduction</b>" in fields[1] for fields in header), header
    assert any("::November 1929}}" in fields[0] for fields in header)
    small.edit("countryside.txt", "in Pravda in November 1929", "in Pravda on 7 November 1929")
    built, after = next_round(small, student, before, edits={"November 1929": "7 November 1929"})
    assert_studied_cards_live(before, built.apkg)
    assert_edit_visible(after, "in Pravda on 7 November 1929")


def test_date_added_before_a_name_keeps_each_cloze_card_on_its_fact(seed, student):
    _, before = first_round(seed, student)
    seed.edit(NOTES, "authority.Bukharin Zinoviev", "authority. In 1927 Bukharin Zinoviev")
    built, after = next_round(seed, student, before)
    assert_same_facts(before, after, kinds=[CLOZE])
    assert_studied_cards_live(before, built.apkg)
    assert_edit_visible(after, "In 1927 Bukharin Zinoviev")


def test_a_fact_grown_by_an_edit_keeps_its_card_on_the_fact_it_asked(seed, student):
    """A first name written before a name (`Yezhov` -> `Nikolai Yezhov`), or a rule that now reads a longer
    name: a longer fact stands over the one a card asks. The card keeps asking its fact (history may not
    move), and no card loses its gap."""
    _, before = first_round(seed, student)
    seed.edit(NOTES, "with Yezhov Purging", "with Nikolai Yezhov Purging")
    built, after = next_round(seed, student, before)  # check_all: no card renders "No cloze N found"
    assert_same_facts(before, after, kinds=[CLOZE])
    assert_studied_cards_live(before, built.apkg)
    assert_edit_visible(after, "Nikolai Yezhov")


def test_fact_removed_from_a_sentence_leaves_no_empty_cloze_card(seed, student):
    _, before = first_round(seed, student)
    # Two deletions, General Secretary of the Party (c1) and 1922 (c2); the date goes.
    seed.edit(NOTES, "Became General Secretary of the Party 1922.", "Became General Secretary of the Party.")
    _, after = next_round(seed, student, before)  # check_all: no card renders "No cloze N found"
    assert_edit_visible(after, "Became General Secretary of the Party.")


# ----------------------------------------------------------------------------------- 7-9: cards and paragraphs

def test_card_deleted_from_the_notes_leaves_no_orphan(seed, student):
    _, before = first_round(seed, student)
    text = seed.read(NOTES)
    start, end = text.index("P3- example, Kirov\n"), text.index("P3- examples, Some members")
    seed.write(NOTES, text[:start] + text[end:])  # the front and its back, five lines
    next_round(seed, student, before)  # check_all: no orphan


def test_paragraphs_renumbered_keep_their_cards(small, student):
    _, before = first_round(small, student)
    notes = student.notes()
    small.write("countryside.txt", small_notes(order=("land", "grain", "plots")))
    _, after = next_round(small, student, before)
    assert_no_new_note(notes, student.notes())
    assert_same_facts(before, after, kinds=[JUDGEMENT])
    moved = [(b, after[cid]) for cid, b in before.items() if b.notetype == QUESTION and b.studied
             and not same_fact(b.back, after[cid].back)]
    assert not moved, "question cards now show another paragraph's back: " + "; ".join(
        f"{b.fact!r}: {b.back[:60]!r} -> {a.back[:60]!r}" for b, a in moved)


def test_plan_written_out_of_order_still_builds(small, student):
    small.write("countryside.txt", small_notes(plan_order=("land", "grain", "plots")))
    built = small.build()
    assert "error" not in small.output_without_paths(built).lower(), built.output
    student.import_deck(built.apkg)
    check_all(student, built.apkg)


# ----------------------------------------------------------------------------------- 10-14: files, names, locks

def test_deck_renamed_in_the_sidecar_is_reported(seed, student):
    _, before = first_round(seed, student)
    seed.write(f"{SEED_STEM}.yaml", "deck: History::Stalin::Power\n" + seed.read(f"{SEED_STEM}.yaml"))
    built, _ = next_round(seed, student, before)
    lines = seed.output_without_paths(built).splitlines()
    assert any("Stalin Power" in line and "History::Stalin::Power" in line for line in lines), built.output


COURTS = """1- Tudor Court Flashcards
How far did the Tudor court change from 1485 to 1558
P1- a lot, Henry VIII transformed the court. P2- some limits, faction still ruled
Overall the court was transformed by the break with Rome.
P1- the Privy Chamber
In 1518 Henry VIII created the Gentlemen of the Privy Chamber. By 1540 the Privy Chamber had 16 members.
P2- faction
Thomas Cromwell fell in 1540 after the Cleves marriage. Anne Boleyn was executed in 1536.
"""


def test_two_decks_with_the_same_notes_file_name(tmp_path, student):
    history = Project(tmp_path / "russia")
    history.write("notes.txt", small_notes())
    tudors = Project(tmp_path / "tudors")
    tudors.write("notes.txt", COURTS)
    a, b = history.build().apkg, tudors.build().apkg
    notes_a, notes_b = deck_notes(a), deck_notes(b)
    shared = set(notes_a) & set(notes_b)
    student.import_deck(a)
    student.import_deck(b)
    check_all(student, [a, b])
    have = student.notes()
    missing = [n for n in [*notes_a.values(), *notes_b.values()]
               if n.guid not in have or have[n.guid].first_field != text_of(n.first_field)]
    assert not shared, f"{len(shared)} GUID(s) shared between the two decks"
    assert not missing, f"{len(missing)} note(s) not imported as built: {text_of(missing[0].first_field)!r}"


def _lock_notes(project: Project) -> dict:
    return json.loads(project.read(f"{SEED_STEM}.lock"))["notes"]


@pytest.mark.parametrize("given", ["sidecar", "glob"])
def test_build_given_the_sidecar_or_a_glob_leaves_deck_and_lock_intact(seed, given):
    real = seed.build()
    guids = set(deck_notes(real.apkg))
    lock = _lock_notes(seed)
    assert lock and guids
    if given == "sidecar":
        built = seed.build(seed.path(f"{SEED_STEM}.yaml"), check=False)
    else:
        built = seed.build(*sorted(seed.source.glob("*")), check=False)  # what the shell makes of source/*
    after = _lock_notes(seed)
    assert after == lock, f"the lock lost entries ({len(lock)} -> {len(after)}):\n{built.output}"
    deck = seed.out / f"{SEED_STEM}.apkg"
    assert set(deck_notes(deck)) == guids, f"the deck was overwritten:\n{built.output}"


def test_line_inserted_near_the_top_updates_only_the_notes_it_changes(seed, student):
    _, before = first_round(seed, student)
    notes = student.notes()
    seed.edit(NOTES, "party secretary in Leningrad\n",
              "party secretary in Leningrad\nTrotsky had been expelled from the party in 1927.\n")
    _, after = next_round(seed, student, before)
    assert_edit_visible(after, "Trotsky had been expelled from the party in 1927.")
    now = student.notes()
    below = [n for n in notes.values() if any(t.endswith(("::P2", "::P3", "::P4")) for t in n.tags)]
    assert below
    touched = [n for n in below if now[n.guid].mod != n.mod]
    assert not touched, f"{len(touched)} of {len(below)} notes far below the insertion changed: " + "; ".join(
        f"{n.notetype}: {n.first_field[:50]!r}" for n in touched[:5])


def test_lock_deleted_then_rebuilt_warns(seed, student):
    _, before = first_round(seed, student)
    seed.delete(f"{SEED_STEM}.lock")
    built, _ = next_round(seed, student, before)
    assert re.search(r"\block\b", seed.output_without_paths(built), re.I), built.output
    assert_studied_cards_live(before, built.apkg)


# ----------------------------------------------------------------------------------- 15: random edits

FACTS = [
    "Bukharin was expelled from the Politburo in 1929.",
    "In 1932 the internal passport tied peasants to their farms.",
    "About 25,000 workers went to the villages in 1930.",
    "Molotov led the grain procurement drive in Ukraine.",
    "By 1941 the Machine Tractor Stations had 435,000 tractors.",
    "Kaganovich went to the North Caucasus in 1932.",
    "The harvest of 1933 reached 70 million tonnes.",
    "In 1934 the Seventeenth Congress praised collectivisation.",
]
FRONTS = ["example, the twenty-five thousanders", "example, passports", "the Machine Tractor Stations",
          "example, the North Caucasus"]


@st.composite
def edit_rounds(draw):
    """Three rounds of 1-3 edits each, as (op, numbers) the test applies to its own model of the notes."""
    op = st.sampled_from(["insert", "delete", "move", "edit", "reorder", "drop-card", "add-card", "move-card"])
    return draw(st.lists(st.lists(st.tuples(op, st.integers(0, 99), st.integers(0, 99)), min_size=1, max_size=3),
                         min_size=3, max_size=3))


class Notes:
    """The small notes file as cards of sentences, so random edits stay notes a student could write."""

    def __init__(self):
        self.cards = [[f"P{p}", front, re.findall(r"[^.]+\.", back)]
                      for p, key in enumerate(("land", "plots", "grain"), 1) for front, back in PARAGRAPHS[key][1]]
        self.cards = [[p, f, [s.strip() for s in ss]] for p, f, ss in self.cards]
        self.facts = list(FACTS)
        self.fronts = list(FRONTS)

    def text(self) -> str:
        header = small_notes().split("\nP1- ")[0]
        return header + "\n" + "".join(f"{p}- {f}\n{' '.join(ss)}\n" for p, f, ss in self.cards)

    def apply(self, op: str, i: int, j: int) -> dict[str, str]:
        """One edit; returns the fact edits it makes (old -> new), for the same-fact check."""
        card = self.cards[i % len(self.cards)]
        sentences = card[2]
        if op == "insert" and self.facts:
            sentences.insert(j % (len(sentences) + 1), self.facts.pop(0))
        elif op == "delete" and len(sentences) > 1:
            sentences.pop(j % len(sentences))
        elif op == "move":  # a sentence to another card's back
            if len(sentences) > 1:
                moved = sentences.pop(j % len(sentences))
                other = self.cards[(i + 1 + j) % len(self.cards)][2]
                other.insert(j % (len(other) + 1), moved)
        elif op == "edit":  # a figure changed: its last digit, so it keeps its shape (1.8 -> 1.9, 1929 -> 1920)
            k = j % len(sentences)
            numbers = re.findall(r"\d[\d,.]*\d|\d", sentences[k])
            if numbers:
                old = numbers[0]
                new = old[:-1] + str((int(old[-1]) + 1) % 10)
                sentences[k] = sentences[k].replace(old, new, 1)
                return {old: new}
        elif op == "reorder" and len(sentences) > 1:
            k = j % len(sentences)
            sentences.append(sentences.pop(k))
        elif op == "drop-card" and len(self.cards) > 3:
            self.cards.remove(card)
        elif op == "add-card" and self.fronts and self.facts:
            self.cards.insert(j % (len(self.cards) + 1),
                              [f"P{1 + j % 3}", self.fronts.pop(0), [self.facts.pop(0)]])
        elif op == "move-card":
            self.cards.remove(card)
            self.cards.insert(j % (len(self.cards) + 1), card)
        return {}


SHRINK = os.environ.get("ANKIGEN_SHRINK") == "1"  # shrinking a failure costs minutes: ask for it when you need it


@settings(max_examples=int(os.environ.get("ANKIGEN_EXAMPLES", "6")), deadline=None, derandomize=True, database=None,
          phases=[Phase.explicit, Phase.generate, *([Phase.shrink] if SHRINK else [])],
          suppress_health_check=[HealthCheck.too_slow])
@given(edit_rounds())
def test_random_edits_keep_every_invariant(rounds):
    notes = Notes()
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(Path(tmp) / "p")
        project.write("countryside.txt", notes.text())
        student = Student(Path(tmp) / "anki")
        try:
            _, before = first_round(project, student)
            for edits in rounds:
                expected: dict[str, str] = {}
                for op, i, j in edits:
                    for before_edit, after in notes.apply(op, i, j).items():  # a figure edited twice: 1 -> 2 -> 3
                        expected = {old: (after if new == before_edit else new) for old, new in expected.items()}
                        expected.setdefault(before_edit, after)
                project.write("countryside.txt", notes.text())
                next_round(project, student, before, expected)
                student.study_all()
                before = student.snapshot()
        finally:
            student.close()


# ------------------------------------------------------------------------------ decks already shared

RELEASED = Path(__file__).parent / "fixtures" / "released"


def test_first_build_after_the_upgrade_keeps_every_card_of_the_released_deck(seed, student):
    """The deck and lock ankigen 0.1 made of the shipped notes (lock format 1), imported and studied by a
    class: the first build of this release reads that lock, keeps every GUID and updates the notes in place."""
    seed.write(f"{SEED_STEM}.lock", (RELEASED / f"{SEED_STEM}-0.1.lock").read_text(encoding="utf-8"))
    student.import_deck(RELEASED / f"{SEED_STEM}-0.1.apkg")
    assert student.study_all() > 0
    before, notes = student.snapshot(), student.notes()
    built = seed.build()
    student.import_deck(built.apkg)
    check_all(student, built.apkg, before)
    # Every note of 0.1 is updated in place; the only new notes are evidence clozes asking the facts 0.1
    # left out (it asked at most three a sentence): further notes of sentences already asked.
    after = student.notes()
    new = [n for g, n in after.items() if g not in notes]
    assert all(n.notetype == "ankigen: Evidence cloze" for n in new)
    sentences = {re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", n.first_field) for n in notes.values()}
    assert all(re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", n.first_field) in sentences for n in new)
    assert f"; {len(new)} new, 46 changed" in built.output
    assert json.loads(seed.read(f"{SEED_STEM}.lock"))["ankigen-lock"] == 2


def test_a_release_that_changes_a_template_and_the_css_reaches_every_student(seed, student, monkeypatch):
    """Note types evolve: a later release restyles the question card (new CSS, a new line in the back
    template); students who import its deck get the new look on the cards they studied, with no new note
    type and no new note."""
    from ankigen import notetypes

    _, before = first_round(seed, student)
    notes = student.notes()
    restyled = notetypes.QA._replace(
        css=notetypes.QA.css + "\n.ag-front { letter-spacing: .01em; }\n",
        templates=tuple(t._replace(back=t.back + '\n<div class="ag-restyled"></div>') for t in notetypes.QA.templates))
    monkeypatch.setattr(notetypes, "QA", restyled)
    monkeypatch.setattr(notetypes, "ALL", tuple(restyled if nt.id == restyled.id else nt for nt in notetypes.ALL))
    built, _ = next_round(seed, student, before)
    assert_no_new_note(notes, student.notes())
    student.col.models._clear_cache()  # the Python layer caches note types; the import changed them below it
    models = [m for m in student.col.models.all() if m["name"].startswith("ankigen")]
    assert sorted(m["name"] for m in models) == sorted(nt.name for nt in notetypes.ALL)  # no "Question+"
    question = next(m for m in models if m["id"] == restyled.id)
    assert "letter-spacing: .01em" in question["css"]
    assert all("ag-restyled" in t["afmt"] for t in question["tmpls"])
    studied = next(c for c in student.snapshot().values() if c.notetype == QUESTION and c.studied)
    assert "ag-restyled" in student.col.get_card(studied.cid).answer()


def test_a_release_that_adds_a_field_leaves_no_conflict_and_no_orphan(seed, student, monkeypatch):
    """Note types evolve: a later release gives the question note type a new field. Anki refuses a changed
    schema under the same id (a "Question+" copy and conflicting notes), so such a release ships the new
    note type under a new key and id beside the old one: the old question notes come back retired, the new
    ones are new, nothing conflicts, every other card keeps its history."""
    from ankigen import deck, notetypes

    _, before = first_round(seed, student)
    old = notetypes.QA
    new = old._replace(key="qa2", id=old.id + 1000, name="ankigen: Question (2)", fields=(*old.fields, "Hint"))
    monkeypatch.setattr(notetypes, "QA", new)
    monkeypatch.setattr(notetypes, "ALL", (new, *notetypes.ALL))  # the old one still ships, for retired notes
    question_notes = deck.question_notes
    monkeypatch.setattr(deck, "question_notes", lambda ctx, guids: [
        n._replace(notetype=new, fields=(*n.fields, "")) for n in question_notes(ctx, guids)])
    built = seed.build()
    log = student.import_deck(built.apkg)
    assert not log.conflicting
    check_all(student, built.apkg)  # no orphan, no duplicate, no "No cloze"
    student.col.models._clear_cache()
    names = sorted(m["name"] for m in student.col.models.all() if m["name"].startswith("ankigen"))
    assert names == sorted(nt.name for nt in notetypes.ALL) and not any(n.endswith("+") for n in names)
    after = student.snapshot()
    for cid, card in before.items():
        if card.notetype == QUESTION:
            assert after[cid].retired, card.fact  # the old question cards: retired, tagged
        else:
            assert after[cid].fact == card.fact and after[cid].reviews == card.reviews  # the rest: as they were
    assert len([c for c in after.values() if c.notetype == new.name]) == len(
        [c for c in before.values() if c.notetype == QUESTION])
