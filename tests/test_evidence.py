"""Evidence clozes: rules for dates, figures and names, and the cloze notes they make in real Anki."""

from __future__ import annotations

import html
import re
import shutil

import pytest

from ankigen import evidence, figures
from ankigen.anki_notes import cloze_html
from ankigen.build import prepare

from .conftest import FIXTURES, assert_renders_cleanly, build_deck_file

SEED_FACTS = ["1936", "1938", "1932", "1934", "1922", "26,000", "35,000", "14/16", "3/5", "Ryutin", "Kirov",
              "Bukharin", "Yezhov", "Ordzhonikidze"]


def found(sentence: str, known_names=(), subject=(), always=(), never=(), auto=True) -> list[evidence.Evidence]:
    """What the finder chooses in one sentence, best first."""
    finder = evidence.Finder(known=known_names, subject=subject, always=always, never=never, auto=auto)
    return finder.find([sentence]).get(0, [])


def deletions(sentence: str, **kw) -> list[str]:
    return [piece.text for piece in found(sentence, **kw)]


def test_old_money_with_a_half_and_shillings_alone():
    assert sorted(deletions("a labourer got ~1½d a day, by 1400 3d")) == ["1400", "1½d", "3d"]
    assert sorted(deletions("in 1380 1s (12d) a head in the 70s")) == ["12d", "1380", "1s"]  # (not the decade)
    assert deletions("overseers fined 20s if they did not") == ["20s"]  # (after a verb of paying)
    assert deletions("paid 5s a week") == ["5s a week"]


def test_dates_and_ranges():
    assert deletions("in 1937- 38 there were purges") == ["1937- 38"]
    assert deletions("the boycott of 1955-56 and the 1930s") == ["1955-56", "1930s"]
    # a short end no later than the year is no range's end: a year, then a count
    assert deletions("the first law 1898 - 19 battleships") == ["1898", "19"]


def test_figures():
    assert deletions("3/5 marshals and 14/16 army commanders purged") == ["3/5", "14/16"]
    assert deletions("35,000 officers shot and 90% of voters and 1.8 million deaths") == [
        "35,000", "90%", "1.8 million"]


def test_names_mid_sentence_and_all_caps():
    assert deletions("loyalty to those who allowed them into the Party (STALIN)", subject=frozenset()) == [
        "STALIN"]
    assert deletions("in 1932 Ryutin issued a document") == ["1932", "Ryutin"]


def test_sentence_initial_word_is_a_name_only_when_not_ordinary_english():
    assert deletions("Ordzhonikidze, Commissar for Heavy Industry, objected") == [
        "Ordzhonikidze", "Commissar for Heavy Industry"]
    assert deletions("Overall the purges safeguarded his position") == []
    assert deletions("Similarly, there were purges") == []


def test_subject_and_never_and_always():
    assert deletions("Stalin feared Kirov", subject=frozenset({"stalin"})) == ["Kirov"]
    assert deletions("Kirov and the Politburo", never=["Politburo"]) == ["Kirov"]
    assert deletions("the secret police grew", always=["secret police"]) == ["secret police"]
    assert deletions("the secret police grew in 1934", auto=False, always=["secret police"]) == ["secret police"]


def test_possessive_stays_outside_the_deletion():
    sentence = "Bukharin’s article of 1938"
    assert cloze_html(sentence, found(sentence)) == "{{c1::Bukharin}}’s article of {{c2::1938}}"


def test_every_fact_is_found_and_repeats_share_a_number():
    """No fact is lost to a cap: the finder returns them all (align.py asks them three a note)."""
    sentence = "Bukharin Zinoviev Kamenev Rykov all had power bases, with Zinoviev in Leningrad"
    text = cloze_html(sentence, found(sentence))
    numbers = set(re.findall(r"\{\{c(\d)::", text))
    assert numbers == {"1", "2", "3", "4", "5"}
    assert len(re.findall(r"\{\{c\d::Zinoviev\}\}", text)) == 2
    assert len(found(sentence)) == 6
    limited = evidence.Finder(limit=3).find([sentence])[0]  # a caller may still ask for fewer
    assert sorted({p.text for p in limited}) == ["Bukharin", "Kamenev", "Zinoviev"]


def test_braces_in_notes_cannot_open_a_cloze():
    sentence = "a {{c1::trap}} in 1936"
    html = cloze_html(sentence, found(sentence))
    assert html == "a &#123;&#123;c1::trap&#125;&#125; in {{c1::1936}}"


def test_seed_deck_clozes_the_facts_an_essay_needs(seed_source, tmp_path, anki, monkeypatch):
    col = anki()
    col.import_apkg(build_deck_file(seed_source, tmp_path / "build", monkeypatch))
    cards = col.cards_of("ankigen: Evidence cloze")
    assert_renders_cleanly(cards)
    hidden = set()
    for card in cards:
        hidden |= set(re.findall(r'data-cloze="([^"]*)"', card.question))
    hidden = {h.replace("&#x2C;", ",").replace("&#x2F;", "/").replace("&#x20;", " ") for h in hidden}
    for fact in SEED_FACTS:
        assert fact in hidden, f"{fact} is never clozed"
    # Every cloze card shows, on its back, where the fact fits in the argument.
    for card in cards:
        assert "From:" in card.answer_text
    assert not any(h.lower() == "stalin" for h in hidden), "the essay's subject is not evidence"


@pytest.mark.parametrize("name", ["collectivisation", "weimar", "civil_rights", "tudors"])
def test_unseen_notes_get_their_facts_clozed_without_a_sidecar(name, tmp_path):
    shutil.copy(FIXTURES / f"{name}.txt", tmp_path / f"{name}.txt")
    deck = prepare(tmp_path / f"{name}.txt").deck
    clozes = [n.fields[0] for n in deck.notes if n.notetype.key == "cloze"]
    hidden = [h for f in clozes for h in re.findall(r"\{\{c\d::(.*?)\}\}", f)]
    assert len(clozes) >= 8
    assert any(re.fullmatch(r"1[5-9]\d\d(\s?[-–]\s?\d{2,4})?", h) for h in hidden), "no dates"
    assert any(re.search(r"[A-Z][a-z]+", h) and not re.search(r"\d", h) for h in hidden), "no names"
    for field in clozes:
        assert re.search(r"\{\{c1::", field), "cloze numbering must start at c1"


def test_civil_rights_facts(tmp_path):
    shutil.copy(FIXTURES / "civil_rights.txt", tmp_path / "civil_rights.txt")
    deck = prepare(tmp_path / "civil_rights.txt").deck
    hidden = {h for n in deck.notes if n.notetype.key == "cloze"
              for h in re.findall(r"\{\{c\d::(.*?)\}\}", n.fields[0])}
    for fact in ["1955", "381", "90%", "NAACP", "Rosa Parks"]:
        assert any(fact in h for h in hidden), fact
    # The essay question ("... movement 1954- 68") shows 1954 above every card: never asked on its own.
    assert "1954" not in hidden


def test_a_bullet_opens_a_sentence(tmp_path):
    """An ordinary word at the start of a bullet item opens a sentence: it is not taken for part of a name."""
    notes = tmp_path / "n.txt"
    notes.write_text("P1- purges\n- Similarly Kovelin used the Lenin Enrolment in 1924\n"
                     "- Overall Yezhov purged 3/5 marshals\n", encoding="utf-8")
    deck = prepare(notes).deck
    clozes = [n.fields[0] for n in deck.notes if n.notetype.key == "cloze"]
    assert clozes == ["Similarly {{c1::Kovelin}} used the {{c2::Lenin Enrolment}} in {{c3::1924}}",
                      "Overall {{c1::Yezhov}} purged {{c2::3/5}} marshals"]


def test_ordinary_words_come_from_the_shipped_word_list():
    """(tests/test_wordlist.py checks that list against pyspellchecker's, word by word.)"""
    assert evidence.is_ordinary("Overall") and evidence.is_ordinary("Worker’s") and not evidence.is_ordinary("Zinoviev")


def test_sentences_keep_their_closing_quotes():
    back = ["Stresemann said Germany was “dancing on a volcano.” Kirov was shot in 1934. (Yagoda) ran the NKVD",
            "• Ryutin wrote 200 pages. “Stalin must go” it said"]
    assert evidence.card_sentences([back]) == [[
        "Stresemann said Germany was “dancing on a volcano.”", "Kirov was shot in 1934.", "(Yagoda) ran the NKVD",
        "Ryutin wrote 200 pages.", "“Stalin must go” it said"]]


def test_every_repeat_in_a_long_sentence_is_clozed_with_its_number():
    sentence = "In 1936 Kirov and Yezhov met" + " then in 1936 Kirov and Yezhov met" * 3000
    picked = found(sentence)
    text = cloze_html(sentence, picked)
    assert text.count("{{c1::1936}}") == 3001
    assert text.count("{{c2::Kirov}}") == text.count("{{c3::Yezhov}}") == 3001
    assert len(picked) == 3 * 3001


def test_a_front_that_is_a_name_is_asked_from_its_back(tmp_path):
    """A front that is only facts (a name, its date) gives a cloze that asks them from the back's first
    sentence; not when that sentence repeats them, says too little, or the front is more than facts."""
    notes = tmp_path / "n.txt"
    notes.write_text("P1- example, Committee of Public Safety 1793\nIt ran the Terror with twelve members.\n"
                     "P1- Kirov\nKirov was shot in Leningrad in 1934.\n"
                     "P1- Act of Six Articles\nconfirmed:\n- the Mass\n"
                     "P1- how the Terror worked\nRobespierre led it from the Tuileries.\n", encoding="utf-8")
    clozes = [n.fields[0] for n in prepare(notes).deck.notes if n.notetype.key == "cloze"]
    asked = [c for c in clozes if c.startswith("{{c1::Committee")]
    assert asked == ["{{c1::Committee of Public Safety}} {{c2::1793}}: It ran the Terror with twelve members."]
    assert not any(c.startswith(("{{c1::Kirov}}:", "{{c1::Act of Six Articles}}:")) for c in clozes)


def clozes_of(tmp_path, text: str) -> list[str]:
    """The Text field of every cloze note of a notes file holding `text`."""
    notes = tmp_path / "n.txt"
    notes.write_text(text, encoding="utf-8")
    return [n.fields[0] for n in prepare(notes).deck.notes if n.notetype.key == "cloze"]


def test_a_front_of_a_name_with_an_article_is_asked_from_its_back(tmp_path):
    clozes = clozes_of(tmp_path, "1- Mao\nHow far did Mao transform China 1949-76\nP3: the laogai\nlabour reform "
                       "camps, maybe 10 million people at any one time\nP3: the Great Bible\na Bible in English in "
                       "every great church from 1539\n")
    assert "the {{c1::laogai}}: labour reform camps, maybe 10 million people at any one time" in clozes
    # a back that says the name already cannot ask it
    assert not any("{{c1::Great Bible}}:" in c for c in clozes)


def test_a_cloze_card_never_shows_its_answer_above_the_gap(seed_source, tmp_path, anki, monkeypatch):
    """The context line names the card's front (`From: example, Kirov`) and the paragraph's theme: the
    answers of the note's gaps are hidden there, on the front and the back, as Anki renders them."""
    col = anki()
    col.import_apkg(build_deck_file(seed_source, tmp_path / "build", monkeypatch))
    cards = col.cards_of("ankigen: Evidence cloze")
    assert_renders_cleanly(cards)
    kirov = [c for c in cards if "popular leader of the Party in Leningrad" in c.question_text
             and 'data-cloze="Kirov"' in c.question]
    assert kirov and all("From: example, […]" in c.question_text for c in kirov)
    for card in cards:
        context = html.unescape(re.sub(r"<[^>]+>", " ", re.search(r'<div class="ag-context">(.*?)</div>',
                                                                   card.question).group(1)))
        essay, _, below = context.partition("  ")  # the essay question, then the paragraph and the front
        for answer in re.findall(r'data-cloze="([^"]*)"', card.question):
            answer = html.unescape(answer).replace("&#x2C;", ",").replace("&#x20;", " ")
            assert not re.search(rf"(?<!\w){re.escape(answer)}(?!\w)", below, re.I), (answer, context)


def test_a_lost_lock_finds_the_card_of_a_cloze_whose_context_hides_its_answer(seed_source, tmp_path, monkeypatch):
    from ankigen.lock import parse_lock
    from ankigen.recover import recover_lock

    apkg = build_deck_file(seed_source, tmp_path / "build", monkeypatch)
    lock_file = seed_source / "stalin-power.lock"
    lock = parse_lock(lock_file.read_text(encoding="utf-8"), lock_file)
    recovered = recover_lock(apkg)
    assert recovered is not None
    cards = {e.guid: e.card for e in lock.entries if e.kind == "cloze"}
    assert {e.guid: e.card for e in recovered.entries if e.kind == "cloze"} == cards
    assert all(cards.values())


def test_an_example_front_of_a_name_is_asked_from_its_back(tmp_path):
    clozes = clozes_of(tmp_path, "6) Tudor rebellions\nTo what extent did the threat from rebellions change "
                       "1489-1569\nP2 - e.g. Amicable Grant 1525\nWolsey asked for money without parliament for war "
                       "with France after Pavia.\n")
    assert ("{{c1::Amicable Grant}} {{c2::1525}}: Wolsey asked for money without parliament for war with France "
            "after Pavia.") in clozes


def test_case_blind_passes_look_only_where_their_words_stand():
    """A case-blind rule run only over the lines holding its words finds what a pass over the whole text
    finds (`figures.in_lines`), and the characters that would fool a search of the lower-cased text are all
    known (a text holding one is searched whole)."""
    folding = {c for c in map(chr, range(0x80, 0x110000)) if re.fullmatch("[a-z]", c, re.IGNORECASE)}
    assert folding | {c for c in map(chr, range(0x110000)) if len(c.lower()) != 1} == set(figures.FOLDS_TO_ASCII)
    text = "\n".join([
        "About Two MILLION died; half a million fled", "nothing here", "a third of the land, three-quarters",
        "THREE HUNDRED THOUSAND", "one third", "two-thirds.", "the ſecond thouſand", "fifty thousand\x85x"])
    for pattern, words in ((figures._WORD_NUMBER, figures._SCALE_WORDS),
                           (figures._FRACTIONS, figures._FRACTION_WORDS)):
        for sample in (text, text.replace("ſ", "s"), text.replace("\n", "\n\n")):
            whole = [(m.span(), m.group()) for m in pattern.finditer(sample)]
            assert [(m.span(), m.group()) for m in figures.in_lines(pattern, sample, words)] == whole
            assert whole


def test_lower_case_dates_and_acts_are_looked_for_only_where_they_can_be():
    """`figures._lower_rules`, a pass over the lines with an article or a year after a month, an act or "of",
    finds what a pass of its pattern over the whole text finds."""
    text = "\n".join([
        "on 18 june 1815 wellington won", "in october 1903 the wspu began", "x (sept. 1923) and sep 1924",
        "the cat and mouse act 1913 passed", "the act of 1920, the acts of 2001", "in 1928 stalin won",
        "article 48 let him rule", "nothing here 1999", "the (new) poor law act 1834.", "may 2001, jan. 1950",
        "group areas act 1950 moved them", "the conciliation bill 1910"])
    whole = [(m.span(), m.group()) for m in figures._LOWER_RULES.finditer(text)]
    assert len(whole) >= 9
    for sample in (text, text.replace("\n", "\n\n"), text.replace("\n", " ")):
        assert ([(m.span(), m.group()) for m in figures._lower_rules(sample)]
                == [(m.span(), m.group()) for m in figures._LOWER_RULES.finditer(sample)])


def test_numbers_are_tried_only_where_one_may_start():
    """`figures._numbers`, which tries `_NUMBERS` only where one of its matches may start, finds what a pass of
    the pattern over the whole text finds: over the corpus notes and the text of the rule's own examples."""
    from pathlib import Path

    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "corpus").glob("*.txt"))]
    texts.append("£5,000 a year, R644, Rs. 20, c.1495, ca. 1780, Sept '50, '65, the '60s, 10–11 August 1792, 1,000")
    for text in texts:
        assert ([(m.span(), m.lastgroup) for m in figures._numbers(text)]
                == [(m.span(), m.lastgroup) for m in figures._NUMBERS.finditer(text)])


def test_lower_case_offices_are_looked_for_where_their_words_stand():
    """`lowercase.lower_case_offices` looks only in the lines holding one of `_OFFICE_WORDS`: every match of its
    pattern holds one of them."""
    from ankigen import lowercase, rx

    assert sorted(lowercase._OFFICE_WORDS) == sorted(rx.needed(lowercase._OFFICE.pattern))


def test_letter_classes_hold_the_letters_they_name():
    """names.UPPER and names.LETTER, written as ranges, hold exactly the capitals and letters they name."""
    from ankigen import names

    upper, letter = re.compile(f"[{names.UPPER}]"), re.compile(f"[{names.LETTER}]")
    for c in map(chr, range(0x300)):
        ascii_letter = c.isascii() and c.isalpha()
        assert bool(upper.fullmatch(c)) == ((c.isascii() and c.isupper()) or (0xC0 <= ord(c) < 0x180 and c.isupper()
                                                                            and c != "×"))
        assert bool(letter.fullmatch(c)) == (ascii_letter or (0xC0 <= ord(c) < 0x250 and c.isalpha()))


def test_a_context_line_hides_its_answers_as_one_pattern_of_them_would():
    """`Hiding.hide` (each answer's places found on its own, a plain answer's in the lower-cased line) hides
    what `re.sub` of the alternatives of the answers the line may show, longest first, hides: random lines
    of letters that fold, apostrophes, dashes, spaces and signs."""
    import random

    from ankigen.anki_notes import HIDDEN, Hiding, _same, answer_pattern

    rng = random.Random(7)
    for alphabet in ("aAb ’'-–é1.", "kKsSaA_·,. \u212a\u017f\u0130\u0131iIé"):
        for _ in range(3000):
            line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
            answers = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(3)]
            present = sorted((a for a in answers if a.strip() and _same(a) in _same(line)), key=len, reverse=True)
            pattern = "|".join(answer_pattern(a) for a in present)
            expected = re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", HIDDEN, line, flags=re.IGNORECASE) if present else line
            assert Hiding(line).hide(Hiding.answers(answers)) == expected, (line, answers)
