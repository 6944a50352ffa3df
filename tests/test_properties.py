"""Property-based tests (hypothesis): the parser on arbitrary text, and GUIDs under arbitrary back edits."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ankigen.build import prepare
from ankigen.deck import build_deck
from ankigen.errors import AnkigenError
from ankigen.lock import DeckMemory, Entry, Lock, dump_lock, parse_lock
from ankigen.parser import Line, marker_front, parse_bytes, parse_text, split_glued
from ankigen.rewrites import Whole, within
from ankigen.sidecar import Sidecar
from ankigen.text import tidy_text


def tidy(text: str) -> str:
    """Clean text as one line: each physical line tidied, joined with spaces."""
    return " ".join(tidy_text(text))


LINES = st.sampled_from([
    "1- Stalin Power Flashcards", "What extent did Stalin‘s power change from 1928 to 53",
    "P1- a lot, secured his position. P2- tightened control. P3- limits", "P1- analysis", "P2: opposition",
    "p3 - example, Kirov", "How can you describe change", "Fundamental/ partial/ superficial",
    "Trial of 16 – left 1936 Zin and Kam", "impossible for him to survey all the", "- a bullet 1937",
    "were loyal. P2- opposition to policies before", "", "   ", "P7-", "?", "P1-", "{{c1::x}} <b>", "1936",
])
TEXT = st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_parser_never_raises_and_cards_are_never_empty(text):
    notes = parse_text(text, "n.txt")
    for card in notes.cards:
        assert card.front.strip()
        assert card.back and all(block.strip() for block in card.back)
        assert card.line <= card.last_line


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_ankigen_errors(data):
    try:
        parse_bytes(data, Path("n.bin"))
    except AnkigenError:
        pass


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_deck_building_never_raises_on_parsed_text(text):
    notes = parse_text(text, "n.txt")
    deck = build_deck(notes, Sidecar(), Lock(), 0).deck
    assert len({n.guid for n in deck.notes}) == len(deck.notes)


BASE = """1- Stalin Power Flashcards
What extent did Stalin’s power over the party change from 1928 to 53
P1- a lot. P2- tightened control. P3- limits
P1- how STALIN dealt with opponents
Trial of 16 – left 1936 Zin and Kam
P2- analysis
As a result Stalin was able to strengthen his personal role
P3- example, Kirov
Kirov, the popular leader of the Party in Leningrad
"""
BACK_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    ),
    min_size=1, max_size=120,
).filter(lambda s: s.strip() and s.strip()[0].islower()).filter(
    # an edit of a back, not a new front: no paragraph marker, glued or at the start
    lambda s: marker_front(tidy(s)) is None and len(split_glued(Line(1, tidy(s)))) == 1
)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([4, 6, 8]), BACK_TEXT)
def test_editing_a_back_never_changes_the_guids(line_index, new_back):
    lines = BASE.splitlines()
    lines[line_index] = "  " + new_back  # the back line under a front, rewritten arbitrarily (lower-case start)
    edited = "\n".join(lines) + "\n"
    before = parse_text(BASE, "n.txt")
    after = parse_text(edited, "n.txt")
    assert question_guids(before) == question_guids(after)


def question_guids(notes) -> list[str]:
    """The GUIDs of a first build's question notes, in order."""
    return [n.guid for n in build_deck(notes, Sidecar(), Lock(), 0).deck.notes if n.notetype.key == "qa"]


def test_edits_to_backs_keep_every_note_guid(tmp_path):
    path = tmp_path / "n.txt"
    path.write_text(BASE)
    before = {(n.label, n.guid) for n in prepare(path).deck.notes if n.notetype.key != "cloze"}
    path.write_text(BASE.replace("Zin and Kam", "Zinoviev and Kamenev, shot").replace("strengthen", "tighten"))
    after = {(n.label, n.guid) for n in prepare(path).deck.notes if n.notetype.key != "cloze"}
    assert before == after


SENTENCE_WORDS = st.sampled_from([
    "Stalin", "Kirov’s", "Politburo", "Red", "Army", "of", "the", "Similarly", "Overall", "in", "1936", "1937- 38",
    "Dec", "1 Dec 1955", "3/5", "26,000", "90%", "1.8 million", "17th", "-", "–", "“Trial", "(STALIN)", "were",
    "purged.", "Zinoviev", "Kamenev", "Purging", "March", "was", "a", "Commissar", "for", "Heavy", "Industry:",
])
SENTENCES = st.lists(st.lists(SENTENCE_WORDS, min_size=1, max_size=14).map(" ".join), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(SENTENCES)
def test_evidence_of_many_sentences_at_once_is_each_sentences_own(sentences):
    """A file's sentences are scanned as one text: nothing found may depend on the neighbouring sentences."""
    from ankigen import evidence

    together = evidence.Finder(known={"similarly"}, subject=frozenset({"stalin"})).find(sentences)
    for i, sentence in enumerate(sentences):
        alone = evidence.Finder(known={"similarly"}, subject=frozenset({"stalin"})).find([sentence]).get(0, [])
        assert together.get(i, []) == alone, sentence


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(LINES, SENTENCE_WORDS, st.text(max_size=40)).map(lambda t: tidy(t) or "x"),
                         min_size=1, max_size=5), max_size=6))
def test_sentences_of_many_backs_at_once_match_one_paragraph_at_a_time(backs):
    from ankigen import evidence

    # (one paragraph at a time with the same rules: a plain regex of its own, a full stop and a capital, was
    # no oracle, since the rules keep an initial or an abbreviation inside a sentence: `A. 0`, `Ulysses S. Grant`)
    one_by_one = [[s for block in back for s in evidence.card_sentences([[block]])[0]] for back in backs]
    assert evidence.card_sentences(backs) == one_by_one


LOCK_TEXT = st.text(max_size=20) | st.sampled_from(['], "x', '"', "\\", "é’", '], "', "a\nb", "{{c1::x}}"])
FACTS = st.lists(st.tuples(LOCK_TEXT, st.integers(1, 99)), max_size=3).map(tuple)
ENTRIES = st.lists(st.builds(
    lambda guid, kind, digest, mod, para, text, facts, gone, retired: Entry(
        guid, kind, digest, mod, para=para, text=text, facts=facts, gone=gone,
        top=max([n for _, n in facts + gone] + [0]), retired=retired),
    LOCK_TEXT.filter(bool), st.sampled_from(["qa", "cloze", "judgement", "essay"]), LOCK_TEXT,
    st.integers(0, 2**40), st.none() | LOCK_TEXT, LOCK_TEXT, FACTS, FACTS, st.none() | st.integers(0, 2**40),
), max_size=12).map(tuple)


@settings(max_examples=300, deadline=None)
@given(ENTRIES, st.dictionaries(st.integers(1, 2**31).map(str), st.tuples(LOCK_TEXT, st.integers(0, 2**40)),
                                max_size=4), LOCK_TEXT)
def test_lock_text_reads_back_as_written_one_entry_a_line(entries, notetypes, name):
    """Whatever a note's front, sentence or facts hold, the lock reads back the same, with a note a line, in
    the deck's order."""
    lock = Lock(DeckMemory("n~1234abcd", 1 << 30, name), notetypes, entries)
    text = dump_lock(lock)
    assert parse_lock(text, Path("x.lock")) == lock
    assert text.count("\n") == 8 + len(entries) + len(notetypes)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab sS.,;!?AZ'‘’`´ʼ\t\u00a0\u2003\u200b\x07\n\r-")), max_size=60))
def test_tidy_leaves_one_space_between_words_and_nothing_invisible(text):
    from ankigen.text import tidy_text

    for line in tidy_text(text):
        assert line == line.strip()
        assert "  " not in line and " ," not in line and " ;" not in line
        assert not any(c in line for c in "\t\u00a0\u2003\u200b\x07\r\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_a_rebuild_of_unchanged_notes_changes_no_note(tmp_path, text):
    """A build aligned with its own lock finds every note as it was: the same GUIDs, the same content."""
    from ankigen.build import stamp_deck
    from ankigen.inputs import lock_path
    from ankigen.lock import dump_lock

    path = tmp_path / "n.txt"
    path.write_text(text, encoding="utf-8")
    lock_path(path).unlink(missing_ok=True)
    first = prepare(path, now=1_700_000_000)
    if first.build is None:
        return
    lock_path(path).write_text(dump_lock(stamp_deck(first, 1_700_000_000).lock), encoding="utf-8")
    again = stamp_deck(prepare(path, now=1_800_000_000), 1_800_000_000).lock
    assert [(e.guid, e.digest, e.mod) for e in again.entries] == [
        (e.guid, e.digest, 1_700_000_000) for e in stamp_deck(first, 1_700_000_000).lock.entries]


@settings(max_examples=300, deadline=None)
@given(ENTRIES)
def test_each_lock_entry_is_written_as_json_writes_its_fields(entries):
    """The lock's hand-written encoder (for speed) writes each entry as json.dumps writes its fields at other
    than their defaults."""
    import json

    from ankigen.lock import encode_entry

    for entry in entries:
        fields = {k: v for k, v in entry._asdict().items() if k in ("guid", "kind") or v != Entry._field_defaults[k]}
        assert encode_entry(entry) == json.dumps(fields, ensure_ascii=False)


def test_a_new_sentences_clozes_are_those_the_old_notes_bookkeeping_makes():
    """align._new_clozes (a new deck's sentences, for speed) makes the notes align._kept_clozes makes of a
    sentence with no old notes: the same GUIDs, facts, numbers and places."""
    import sys

    from ankigen import align, deck
    from ankigen.anki_notes import DeckContext
    from ankigen.identity import GuidMaker

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from make_notes import make_notes

    notes = parse_text(make_notes(300), "synthetic.txt")
    found, _header = deck.find_evidence(DeckContext.of(notes, Sidecar()))
    fast, kept = GuidMaker("deck~1"), GuidMaker("deck~1")
    for i, sentences in enumerate(found):
        for k, (sentence, pieces) in enumerate(sentences):
            assert (align._new_clozes(i, k, sentence, pieces, f"card{i}", fast)
                    == align._kept_clozes(i, k, sentence, pieces, [], f"card{i}", kept))
    assert fast.taken == kept.taken and len(fast.taken) > 500


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abc d’é.", max_size=30), st.text(alphabet="abc d’é.", max_size=30),
       st.sampled_from([0.5, 0.8, 1.0]))
def test_a_text_stands_within_another_as_within_says(part, whole, least):
    # (Whole asks two bounds before difflib: they never say no where `within` says yes)
    assert Whole(whole).holds(part, least) == (within(part, whole) >= least)
