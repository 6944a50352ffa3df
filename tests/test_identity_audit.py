"""Identity audit: realistic edit sequences that broke the update promise, each reduced to a small test.

Each plays one persistent, studied collection with the official importer (tests/student.py), as
tests/test_updates.py does, and asserts what a student must see after the rebuilt deck is imported.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ankigen import identity
from tests.student import (
    SEED_STEM,
    Project,
    Student,
    assert_no_new_note,
    assert_studied_cards_live,
    check_all,
)
from tests.test_updates import CLOZE, JUDGEMENT, PARAGRAPHS, QUESTION, first_round, next_round, small_notes

pytest.importorskip("anki", reason="these scenarios import decks with the official `anki` package")



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


# ----------------------------------------------------------------------------- sentences split and merged

NOTES = f"{SEED_STEM}.txt"


@pytest.fixture
def seed(tmp_path) -> Project:
    return Project(tmp_path / "seed", seed=True)


def test_two_sentences_merged_keep_both_notes(seed, student):
    """`3/5 marshals and 14/16 army commanders purged. 35,000 officers shot/ imprisoned.` written as one
    sentence: the 35,000 card students studied goes on asking it (it used to be retired, its fact asked again
    by a new card of the first sentence's note)."""
    _, before = first_round(seed, student)
    notes = student.notes()
    [officers] = [c for c in before.values() if c.notetype == CLOZE and c.fact == "35,000"]
    seed.edit(NOTES, "commanders purged. 35,000 officers", "commanders purged and 35,000 officers")
    built, after = next_round(seed, student, before)
    assert_no_new_note(notes, student.notes())
    assert_studied_cards_live(before, built.apkg)
    assert after[officers.cid].fact == "35,000" and not after[officers.cid].retired
    assert "commanders purged and [...] officers shot" in after[officers.cid].question


def test_a_sentence_split_in_two_makes_no_new_note(seed, student):
    """`Trial of 21 right- Bukharin and Rykov, Bukharin’s article ... 1938` split at the comma: its two notes
    go with the parts, each keeping the facts it still holds, and every fact is asked live by some card (it
    used to leave both notes on the second part, saying 21 and Rykov were no longer in the notes, and ask
    them again on a new note)."""
    _, before = first_round(seed, student)
    notes = student.notes()
    seed.edit(NOTES, "Bukharin and Rykov, Bukharin’s article", "Bukharin and Rykov. Bukharin’s article")
    built, after = next_round(seed, student, before, edits={"Bukharin … Bukharin": "Bukharin"})  # one of the two
    assert_no_new_note(notes, student.notes())
    assert_studied_cards_live(before, built.apkg)
    parts = {"Trial of 21 right- Bukharin and Rykov.": {"21", "Bukharin", "Rykov"},
             "Bukharin’s article “notes of an Economist”": {"Bukharin", "Economist", "1938"}}
    for part, facts in parts.items():
        live = set()  # facts asked in the sentence itself, not after it as "no longer in the notes"
        for nid in student.col.find_notes(f'"note:{CLOZE}"'):
            sentence = student.col.get_note(nid).fields[0].split('<span class="ag-gone">')[0]
            if part in re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", sentence):
                live |= set(re.findall(r"\{\{c\d+::(.*?)\}\}", sentence))
        assert facts <= live, f"{part!r}: asked {live}"


def test_a_front_rewritten_with_a_figure_corrected_in_its_back_keeps_the_card(seed, student):
    """The front reworded and a figure of its back corrected in one build: the card keeps its note (found by
    the evidence sentences its back still has), and so does the corrected figure's cloze (both used to be
    new notes, the studied ones retired)."""
    _, before = first_round(seed, student)
    notes = student.notes()
    [question] = [c for c in before.values() if c.fact == "how did STALIN stop opposition"]
    [officers] = [c for c in before.values() if c.notetype == CLOZE and c.fact == "35,000"]
    seed.edit(NOTES, "P2- how did STALIN stop opposition", "P2- what methods did Stalin use to crush opposition")
    seed.edit(NOTES, "35,000 officers", "36,000 officers")
    built, after = next_round(seed, student, before, edits={
        "how did STALIN stop opposition": "what methods did Stalin use to crush opposition", "35,000": "36,000"})
    assert_no_new_note(notes, student.notes())
    assert_studied_cards_live(before, built.apkg)
    assert after[question.cid].fact == "what methods did Stalin use to crush opposition"
    assert "36,000 officers" in after[question.cid].answer
    assert after[officers.cid].fact == "36,000"
    assert after[question.cid].reviews == question.reviews


# ----------------------------------------------------------------------------- the 0.1 deck, upgraded

RELEASED = Path(__file__).parent / "fixtures" / "released"


def released_class(seed: Project, student: Student, deck_in_build: bool = True):
    """A class that studied the deck ankigen 0.1 built of the shipped notes; the project has that deck's lock
    (format 1) and, as the teacher's last build left it, the deck itself in build/."""
    seed.write(f"{SEED_STEM}.lock", (RELEASED / f"{SEED_STEM}-0.1.lock").read_text(encoding="utf-8"))
    if deck_in_build:
        seed.out.mkdir(parents=True, exist_ok=True)
        shutil.copy(RELEASED / f"{SEED_STEM}-0.1.apkg", seed.out / f"{SEED_STEM}.apkg")
    student.import_deck(RELEASED / f"{SEED_STEM}-0.1.apkg")
    assert student.study_all() > 0
    return student.snapshot(), student.notes()


def edit_as_a_teacher_would(seed: Project) -> None:
    """A front's typo, a sentence put first in a back, a card deleted: edits made with 0.1, built with this
    release for the first time."""
    seed.edit(NOTES, "dealt with opponents", "dealt with oponents")
    seed.edit(NOTES, "1937 trial of the 17", "Yagoda was replaced by Yezhov in 1936. 1937 trial of the 17")
    text = seed.read(NOTES)
    start, end = text.index("P3- example, Kirov\n"), text.index("P3- examples, Some members")
    seed.write(NOTES, text[:start] + text[end:])


def test_the_first_build_after_the_upgrade_may_bring_edits_made_since(seed, student):
    """The notes were edited since the last 0.1 build: the first build of this release reads what each
    note was from the 0.1 deck in build/ (its lock, format 1, has only GUIDs and times), so the edited cards
    keep their notes, every cloze card its fact, and the deleted card's notes are retired (they were
    orphans: the 0.1 lock cannot say what they were; clozes keyed by sentence position asked other facts)."""
    before, notes = released_class(seed, student)
    edit_as_a_teacher_would(seed)
    built = seed.build()
    student.import_deck(built.apkg)
    after = check_all(student, built.apkg, before)  # no orphan, no duplicate, no "No cloze", the same facts
    deleted = "example, Kirov"
    gone = ("the popular leader of the Party", "He had secured more votes", "Did Kirov represent")  # its sentences
    kept = {cid: c for cid, c in before.items() if c.fact != deleted and not any(g in c.answer for g in gone)}
    assert_studied_cards_live(kept, built.apkg)  # all but the deleted card's
    [typo] = [c for c in before.values() if c.fact == "how STALIN dealt with opponents"]
    assert after[typo.cid].fact == "how STALIN dealt with oponents"
    [kirov] = [c for c in before.values() if c.fact == deleted]
    assert after[kirov.cid].retired


def test_without_the_0_1_deck_the_upgrade_warns_of_what_it_cannot_retire(seed, student):
    """No 0.1 deck in build/ (another machine, a clean clone): the notes the build no longer makes cannot be
    retired, and the build says so."""
    released_class(seed, student, deck_in_build=False)
    edit_as_a_teacher_would(seed)
    built = seed.build()
    assert "ankigen 0.1" in built.output and "cannot be retired" in built.output, built.output


# ----------------------------------------------------------------------------- facts edited in a sentence

def one_sentence_edited(tmp_path, student, old: str, new: str):
    """The small notes with `old` as a sentence of a back, built, imported and studied; then `old` edited to
    `new`, rebuilt and imported (the invariants of tests/student.py checked, the same facts included)."""
    project = Project(tmp_path / "p")
    text = small_notes().replace("Many died on the way.", old)
    project.write("countryside.txt", text)
    _, before = first_round(project, student)
    project.write("countryside.txt", text.replace(old, new))
    _, after = next_round(project, student, before)
    return before, after


def test_a_name_completed_in_a_sentence_leaves_no_empty_cloze_card(tmp_path, student):
    """`Ems` completed as `Ems Telegram`: the finder now finds the longer name where the card's fact stands.
    The card goes on asking `Ems` (the longer name was added to the same note, over it: "No cloze 2")."""
    old, new = "Bismarck edited the Ems.", "Bismarck edited the Ems Telegram."
    before, after = one_sentence_edited(tmp_path, student, old, new)
    [ems] = [c for c in before.values() if c.notetype == CLOZE and c.fact == "Ems"]
    assert after[ems.cid].fact == "Ems"


def test_the_start_of_a_long_sentence_deleted_gives_its_facts_no_other_fact(tmp_path, student):
    """The first clause of a sentence with six facts deleted: the card that asked `August 1866` must not ask
    `North German Confederation`, the fact that now stands where the clause was (the diff of the two
    sentences took it for an edit of `August 1866`, and two notes asked it)."""
    sentence = ("Treaty of Prague August 1866 Austria excluded from German affairs, North German Confederation of "
                "22 states set up 1867 under Prussia.")
    before, after = one_sentence_edited(tmp_path, student, sentence, sentence.split(", ", 1)[1])
    [august] = [c for c in before.values() if c.notetype == CLOZE and c.fact == "August 1866"]
    assert after[august.cid].fact == "August 1866"  # asked after the sentence: no longer in the notes
    asking = [c for c in after.values() if c.notetype == CLOZE and c.fact == "North German Confederation"]
    assert len(asking) == 1


# ----------------------------------------------------------------------------- several cards, one front

WEIMAR = """2- Weimar Recovery Flashcards
How far did the Weimar Republic recover from 1924 to 1929
P1- a lot, the economy recovered. P2- some limits, politics stayed unstable
Overall Weimar recovered a lot but on weak foundations.
P1- example
The Dawes Plan of 1924 lent Germany 800 million marks.
P1- example
The Rentenmark of November 1923 ended the hyperinflation.
P1- example
The Young Plan of 1929 cut reparations to 112 billion marks.
P1- analysis
The economy recovered but depended on American loans.
P2- example
There were 4 coalition governments between 1924 and 1928.
"""
DAWES = "P1- example\nThe Dawes Plan of 1924 lent Germany 800 million marks.\n"


def test_the_first_of_several_cards_with_one_front_deleted_moves_no_history(tmp_path, student):
    """Three `P1- example` cards, the first deleted (and, in the next build, the second's back edited): each
    of the others keeps its own note, the deleted one is retired (they were matched in order: the Dawes
    Plan's card then showed the Rentenmark, the Rentenmark's the Young Plan, and the Young Plan's was
    retired)."""
    project = Project(tmp_path / "p")
    project.write("weimar.txt", WEIMAR)
    _, before = first_round(project, student)
    examples = {c.back: c for c in before.values() if c.notetype == QUESTION and c.fact == "example"}
    project.write("weimar.txt", WEIMAR.replace(DAWES, ""))
    _, after = next_round(project, student, before)
    for back, card in examples.items():
        assert after[card.cid].retired == back.startswith("The Dawes Plan"), back
        assert after[card.cid].back == back or after[card.cid].retired
    project.write("weimar.txt", WEIMAR.replace(DAWES, "").replace("Rentenmark of", "Rentenmark, a new currency, of"))
    _, after = next_round(project, student, after)
    rentenmark = next(c for b, c in examples.items() if "Rentenmark" in b)
    assert after[rentenmark.cid].back.startswith("The Rentenmark, a new currency,")


@pytest.mark.parametrize("old, new, fact", [
    ("The Supreme Court ruled segregation illegal in Browder v. Gayle.",
     "The boycott lasted 381 days and the Court ruled segregation illegal in Browder v. Gayle.", "Supreme Court"),
    ("Nagy left the Warsaw Pact in May 1955 and the Berlin Wall went up on 13 August 1961.",
     "Nagy left the Warsaw Pact in May 1955 and in 1947 a committee met.", "13 August 1961"),
])
def test_a_fact_replaced_by_another_is_not_taken_for_edited(tmp_path, student, old, new, fact):
    """Where a fact stood, another of another kind now stands (a line of a wrapped back deleted, a clause
    rewritten): the card goes on asking its fact, as no longer in the notes; it used to ask the newcomer
    (`Supreme Court` -> `381`, `13 August 1961` -> `1947`), as if the fact had been edited."""
    before, after = one_sentence_edited(tmp_path, student, old, new)
    [card] = [c for c in before.values() if c.notetype == CLOZE and c.fact == fact]
    assert after[card.cid].fact == fact


# ----------------------------------------------------------------------------- files and locks

def test_a_notes_file_renamed_without_its_lock_is_warned_and_mended_by_moving_the_lock(seed, student):
    """`stalin-power.txt` renamed `stalin.txt`, its lock left behind: the build says so (it started a new deck
    in silence, every card new to students), and once the lock is moved as it says, the deck updates the
    cards students have."""
    _, before = first_round(seed, student)
    notes = student.notes()
    for suffix in (".txt", ".yaml"):
        seed.path(f"{SEED_STEM}{suffix}").rename(seed.path(f"stalin{suffix}"))
    built = seed.build()
    output = seed.output_without_paths(built)
    assert "stalin-power.lock keeps the deck “Stalin Power” and has no notes file" in output, output
    seed.path(f"{SEED_STEM}.lock").replace(seed.path("stalin.lock"))  # git mv -f, as it says
    seed.build()
    deck = seed.out / "stalin.apkg"
    student.import_deck(deck)
    check_all(student, deck, before)
    assert_no_new_note(notes, student.notes())


# ----------------------------------------------------------------------------- sentences moved

def test_a_sentence_put_first_under_a_name_front_keeps_the_names_card(tmp_path, student):
    """`P1- example, dekulakisation` is asked from its back's first sentence (`{{c1::dekulakisation}}: Around
    1.8 million kulaks ...`). A sentence put before that one: the name's card goes on (it was retired, and
    the name asked again by a new card)."""
    project = Project(tmp_path / "p")
    text = small_notes()
    project.write("countryside.txt", text)
    _, before = first_round(project, student)
    [name] = [c for c in before.values() if c.notetype == CLOZE and c.fact == "dekulakisation"]
    first = "In 1930 about 25,000 urban workers went to the villages to run the kolkhozes. "
    project.write("countryside.txt", text.replace("Around 1.8 million kulaks", first + "Around 1.8 million kulaks"))
    _, after = next_round(project, student, before)
    assert after[name.cid].fact == "dekulakisation" and not after[name.cid].retired
    assert "dekulakisation : In 1930 about 25,000" in after[name.cid].answer


WRAPPED = """3- Collectivisation Flashcards
How far did life in the Soviet countryside change from 1928 to 1941
P1- a lot, transformed who owned the land. P2- some limits, peasants kept private plots
Overall collectivisation transformed the countryside.
P1- example, the twenty-five thousanders
In 1930 about 25,000 urban workers went to the villages to run
the new kolkhozes, and many of them were party members from the
big factories of Leningrad and Moscow.
P2- example, private plots
The Kolkhoz Charter of 1935 allowed each household a private plot.
By 1937 private plots produced 52% of vegetables.
"""
MOLOTOV = "Molotov led the grain procurement drive in Ukraine in 1932"


def test_a_line_moved_into_a_wrapped_back_keeps_its_cards(tmp_path, student):
    """A line moved from one card's back to the top of another's, a hard-wrapped paragraph: it joins the
    sentence it meets there. Its cloze cards go with it (they were retired and its facts asked again)."""
    project = Project(tmp_path / "p")
    before_text = WRAPPED.replace("52% of vegetables.\n", f"52% of vegetables.\n{MOLOTOV}\n")
    project.write("countryside.txt", before_text)
    _, before = first_round(project, student)
    notes = student.notes()
    asked = {c.cid: c.fact for c in before.values() if c.notetype == CLOZE and "Molotov led" in c.answer}
    assert asked
    moved = WRAPPED.replace("In 1930 about 25,000", f"{MOLOTOV}\nIn 1930 about 25,000")
    project.write("countryside.txt", moved)
    _, after = next_round(project, student, before)
    for cid, fact in asked.items():
        assert after[cid].fact == fact and not after[cid].retired, fact
    assert not [n for g, n in student.notes().items() if g not in notes and MOLOTOV[:20] in n.first_field]


# ------------------------------------------------------------------- the second read: sentences and releases

def test_a_long_sentence_with_several_notes_split_in_two_retires_no_studied_card(tmp_path, student):
    """A sentence of nine facts (three notes) split in two by a full stop: each note goes with the part that
    holds its facts (matched one by one, they took a part each and one was retired)."""
    old = ("Prussia had the Ruhr and Silesia coal fields and by the 1860s was producing more coal and iron than "
           "France, railways 1840 about 500km, by 1860 over 11,000km, moving troops fast was vital in 1866 and 1870.")
    before, after = one_sentence_edited(tmp_path, student, old, old.replace("France, railways", "France. Railways"))
    assert not [c for cid, c in after.items() if c.retired and before[cid].studied and not before[cid].retired]


def test_two_sentences_joined_that_both_ask_a_name_keep_both_notes(tmp_path, student):
    """`... in 1864. Sherman burned ...` joined with a comma: both sentences asked `Sherman`; both notes go on
    (the second was retired: its home already asked one of its facts)."""
    old = "Sherman marched from Atlanta to Savannah in 1864. Sherman burned 300 miles of Georgia."
    project = Project(tmp_path / "p")
    text = small_notes().replace("Many died on the way.", old)
    project.write("countryside.txt", text)
    _, before = first_round(project, student)
    project.write("countryside.txt", text.replace("1864. Sherman", "1864, Sherman"))
    # (each Sherman card now hides both of the sentence's Shermans: the same fact, said twice)
    _, after = next_round(project, student, before, edits={"Sherman": "Sherman … Sherman"})
    assert not [c for cid, c in after.items() if c.retired and before[cid].studied and not before[cid].retired]


def test_a_release_that_reads_sentence_ends_otherwise_moves_no_note(seed, student, monkeypatch):
    """The deck built by a release that ended no sentence at a full stop before a lower-case word (`... the
    power struggle. he was therefore able ...`), then rebuilt by this one with nothing changed in the notes:
    every cloze note is what it was, its sentence as the lock remembers it (a judgement's key evidence, whole
    sentences, may read shorter)."""
    from ankigen import evidence

    old_rule = re.compile(evidence._SENTENCE_END.pattern.replace(r"|(?<=[a-z0-9]{3}[.!?] )(?=[a-z])", ""))
    assert old_rule.pattern != evidence._SENTENCE_END.pattern
    seed.delete(f"{SEED_STEM}.lock")  # a deck that release made
    monkeypatch.setattr(evidence, "_SENTENCE_END", old_rule)
    _, before = first_round(seed, student)
    notes = student.notes()
    monkeypatch.undo()
    (seed.out / f"{SEED_STEM}.apkg").unlink()  # (ankigen's files are the same: the deck would be up to date)
    built, after = next_round(seed, student, before)
    assert_no_new_note(notes, student.notes())
    assert {g: n.first_field for g, n in student.notes().items() if n.notetype == CLOZE} == {
        g: n.first_field for g, n in notes.items() if n.notetype == CLOZE}


def test_a_release_that_joins_wrapped_lines_otherwise_moves_no_note(tmp_path, student, monkeypatch):
    """A back hard-wrapped by a PDF, built by a release that kept the break after `Redmond's Irish`, then by
    one that joins it (`backs.wrapped_line`): the cloze notes keep the sentences the lock remembers."""
    from ankigen import backs

    project = Project(tmp_path / "p")
    project.write("irish.txt", "1- Irish\nHow far was the Rising responsible for independence\nP1- Home Rule\n"
                  "The third Home Rule Bill was introduced in April 1912 because\n"
                  "Asquith's Liberals needed the votes of John Redmond's Irish\n"
                  "Parliamentary Party after the 1910 elections. The Parliament Act\n"
                  "1911 meant the Lords could only delay it for 2 years\n")
    monkeypatch.setattr(backs, "BACK_JOIN_RULES", tuple(r for r in backs.BACK_JOIN_RULES if r[0] != "wrapped_line"))
    _, before = first_round(project, student)
    notes = {g: n for g, n in student.notes().items() if n.notetype == CLOZE}
    assert any(n.first_field.endswith("Redmond’s Irish") for n in notes.values())  # the old release's sentence
    monkeypatch.undo()
    (project.out / "irish.apkg").unlink()
    _, after = next_round(project, student, before)
    assert {g: n.first_field for g, n in student.notes().items() if n.notetype == CLOZE} == {
        g: n.first_field for g, n in notes.items()}


# ------------------------------------------------------------------------ a sentence cut by a new front

ITALY = """Italy
How far was the economic crisis responsible for Mussolini becoming Prime Minister in 1922
P1) the crisis
about 1,800 strikes in 1919 and 2 million in the CGL by 1920.
P1) analysis
the crisis mattered but the strikes had died down by then
{question}the liberals had ruled Italy through trasformismo until Giolitti fell in 1921.
P2) the elections
the PSI won 156 seats in 1919 and the Popolari 100 seats.
"""


def test_a_sentence_a_new_front_cuts_keeps_its_studied_cards(tmp_path, student):
    """A question that becomes a front of its own in the middle of a back (written by the student, or read so
    by a release's new front rule: `why did the liberals fail` after `... by then`) takes the end of the
    sentence it stood in into a new card: the notes of that sentence go with the part that holds their facts
    (they used to be retired, their facts asked again by new cards)."""
    project = Project(tmp_path / "p")
    project.write("italy.txt", ITALY.format(question=""))
    _, before = first_round(project, student)
    studied = [c for c in before.values() if c.notetype == CLOZE and c.fact in ("trasformismo", "Giolitti", "1921")]
    assert len(studied) == 3
    project.write("italy.txt", ITALY.format(question="Why did the liberals fail?\n"))
    built, after = next_round(project, student, before)
    assert_studied_cards_live(before, built.apkg)
    for card in studied:
        assert not after[card.cid].retired and after[card.cid].fact == card.fact
        assert "the liberals had ruled" in after[card.cid].question


LEAGUE = """1- Corn Laws
How far was the League responsible for repeal in 1846
P1- the Corn Laws
Huskisson’s sliding scale came in 1828 and the towns called it the bread tax{cut}setting up the League
in Manchester on 20 March 1839 by Richard Cobden
P2- Peel
Peel repealed the Corn Laws in June 1846.
"""


def test_a_sentence_cut_into_cards_that_share_its_facts_keeps_its_studied_cards(tmp_path, student):
    """A long back an older build read as one sentence (a marker it did not know stood inside it: `... the bread
    tax [P1] setting up ...`), read as two cards since: its note goes with the part that holds most of its
    facts, the other part's fact asked after that sentence, and no studied card is retired."""
    project = Project(tmp_path / "p")
    project.write("league.txt", LEAGUE.format(cut=" [P1] "))
    _, before = first_round(project, student)
    studied = [c for c in before.values() if c.notetype == CLOZE and c.fact in ("1828", "20 March 1839",
                                                                                  "Richard Cobden")]
    assert len(studied) == 3
    project.write("league.txt", LEAGUE.format(cut="\n[P1] "))
    built, after = next_round(project, student, before)
    assert_studied_cards_live(before, built.apkg)
    assert {after[c.cid].fact for c in studied} >= {"20 March 1839", "Richard Cobden"}
    cobden = next(c for c in studied if c.fact == "Richard Cobden")
    assert "in Manchester on 20 March 1839" in after[cobden.cid].question  # with the part that holds it


def test_a_front_an_older_build_kept_its_label_in_keeps_its_card(tmp_path, student):
    """`Q: why 15 August` read by an older build as a front with its label (where its paragraph was not read
    either), read since as the question alone in its paragraph, its back edited: the same card."""
    old = ("1- Partition\nHow far was Britain responsible for the violence of 1947\nQ: why 15 August?\nhe chose "
           "the anniversary of Japan’s surrender in 1945\nP1- Mountbatten\nsworn in on 24 March 1947.\n")
    new = ("1- Partition\nHow far was Britain responsible for the violence of 1947\nP1- Mountbatten\nsworn in on "
           "24 March 1947.\nQ: why 15 August\nA: he chose the 2nd anniversary of Japan’s surrender in 1945\n")
    project = Project(tmp_path / "p")
    project.write("partition.txt", old)
    _, before = first_round(project, student)
    asked = [c for c in before.values() if c.notetype == QUESTION and "15 August" in c.question]
    assert len(asked) == 1 and "Q:" in asked[0].question
    project.write("partition.txt", new)
    built, after = next_round(project, student, before)
    assert_studied_cards_live(before, built.apkg)
    assert not after[asked[0].cid].retired and "Q:" not in after[asked[0].cid].question


@pytest.mark.parametrize(("front", "key"), [
    ("Q: why 15 August?", "why 15 august"), ("P1a - why did Labour fall in 1931??", "why did labour fall in 1931"),
    ("b - Ottawa Conference 1932", "ottawa conference 1932"), ("(P1) the poll taxes", "the poll taxes"),
    ("1a - Toussaint Rouge", "toussaint rouge"), ("Katanga (P2)", "katanga"),
    ("a lot of change", "a lot of change"), ("Phase 1", "phase 1"),  # no label
])
def test_a_front_s_key_without_its_layout_s_label(front, key):
    assert identity.without_label(identity.front_key(front)) == key
