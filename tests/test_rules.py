"""Each named parser rule on its own, then small whole-file cases for what students vary."""

from __future__ import annotations

import pytest

from ankigen import backs, parser, rules
from ankigen.parser import parse_text
from ankigen.records import Essay, Kind
from ankigen.rules import Line
from ankigen.text import tidy_text


@pytest.mark.parametrize("text, expected", [
    ("P1- analysis", ("P1", "analysis")),
    ("P1: power of opponents", ("P1", "power of opponents")),
    ("P1 - power", ("P1", "power")),
    ("p1- power", ("P1", "power")),
    ("P3 – foreign policy", ("P3", "foreign policy")),
    ("P12) twelve", ("P12", "twelve")),
    ("Paragraph 2: politics", ("P2", "politics")),
    ("P1 analysis", ("P1", "analysis")),
    ("P2-", ("P2", "")),
])
def test_marker_front(text, expected):
    assert rules.marker_front(text) == expected


@pytest.mark.parametrize("text", ["Party leaders ignored", "P0- nothing", "P1 1936 trial", "Politburo",
                                  "PS- note"])
def test_not_a_marker(text):
    assert rules.marker_front(text) is None


def test_split_glued_front():
    parts = rules.split_glued(Line(11, "who owed their position to STALIN and were loyal. P2- opposition to policies"))
    assert [p.text for p in parts] == [
        "who owed their position to STALIN and were loyal.", "P2- opposition to policies"]
    assert {p.no for p in parts} == {11}


def test_split_glued_leaves_a_mention_alone():
    assert len(rules.split_glued(Line(1, "as I argue in P2 the purges mattered"))) == 1


def test_plan_items_one_line():
    items = rules.plan_items(Line(3, "P1- a lot, secured his position. P2- tightened control. P3- limits"))
    assert [(i.paragraph, i.text) for i in items] == [
        ("P1", "a lot, secured his position"), ("P2", "tightened control"), ("P3", "limits")]


@pytest.mark.parametrize("text, dangling", [
    ("increasing concern over Stalin’s", True),
    ("impossible for him to survey all the", True),
    ("Kirov, the popular leader of the Party in Leningrad and a", True),
    ("They are often portrayed as dull,", True),
    ("P3- Personal limits, was never an all-powerful dictator", False),
    ("opposition to policies before", False),
    ("sentenced to ten years in a labour camp.", False),
])
def test_ends_dangling(text, dangling):
    assert rules.ends_dangling(text) is dangling


@pytest.mark.parametrize("text, is_question", [
    ("How can you describe change", True),
    ("What happened at Little Rock?", True),
    ("Why was Brown v Board important", True),
    ("Who challenged King’s non violent approach", True),
    ("Describe the March on Washington", True),
    ("Did Kirov represent growing opposition", True),
    ("When Stalin wanted to execute Ryutin, who had denounced", False),
    ("Was responsible for supervising Lenin Enrolment", False),
    ("Stalin’s policies?", True),
    ("what happened next", False),
    ("How far was the economy really planned by the", False),
])
def test_question_front(text, is_question):
    assert rules.question_front(text) is is_question


def test_title():
    assert rules.title("1- Stalin Power Flashcards") == (1, "Stalin Power Flashcards")
    assert rules.title("4 - Weimar golden years") == (4, "Weimar golden years")
    assert rules.title("P1- analysis") is None


def test_back_rule_lowercase_start():
    shape = backs.BlockShape(False, 0)
    assert backs.lowercase_start("impossible for him to survey all the", "material necessary", shape)
    assert not backs.lowercase_start("x" * 200, "boycott lasted 381 days", shape)


def test_back_rule_dangling_end():
    shape = backs.BlockShape(False, 0)
    assert backs.dangling_end("a collection of Stalin’s cronies. They are often portrayed as dull,", "Mediocre", shape)
    assert not backs.dangling_end("sentenced to ten years in a labour camp.", "Ryutin", shape)


def test_back_rule_cut_sentence():
    shape = backs.BlockShape(False, 0)
    prev = "tried to enrol at Central High School in Little Rock, Arkansas. Governor"
    assert backs.cut_sentence(prev, "Orval", shape)
    assert not backs.cut_sentence("Trial of 16 – left 1936 Zin and Kam", "Trial of 21", shape)


def test_back_rule_wrapped_block():
    prev = "Molotov remained loyal to Stalin even when his wife was imprisoned"
    assert backs.wrapped_block(prev, "During", backs.BlockShape(True, 70))
    assert not backs.wrapped_block(prev, "During", backs.BlockShape(False, 70))


def test_join_lines_mends_a_word_broken_at_a_hyphen():
    assert backs.join_lines("the first five-", "year plan") == "the first five-year plan"
    assert backs.join_lines("Trial of 16 –", "left") == "Trial of 16 – left"


def test_two_separate_lines_stay_two_blocks():
    assert backs.join_back(["Trial of 16 – left 1936 Zin and Kam", "Trial of 21 right- Bukharin and Rykov"]) == (
        "Trial of 16 – left 1936 Zin and Kam", "Trial of 21 right- Bukharin and Rykov")


def test_textbook_paragraph_is_joined():
    lines = [
        "When Stalin wanted to execute Ryutin, who had denounced",
        "Stalin in 1932, the Politburo refused to agree and Ryutin was",
        "sentenced to ten years in a labour camp.",
    ]
    assert backs.join_back(lines) == (" ".join(lines),)


def test_bullets_stay_items():
    assert backs.join_back(["Causes:", "- poor harvests", "• kulaks resisted", "1) grain crisis 1928"]) == (
        "Causes:", "• poor harvests", "• kulaks resisted", "• grain crisis 1928")


def test_tidy():
    text = "  Stalin‘s  power\t\r\nhis authority.Bukharin and Lenin , with\rthe U.S.S.R. grew 1.8 million"
    assert tidy_text(text) == [
        "Stalin’s power", "his authority. Bukharin and Lenin, with", "the U.S.S.R. grew 1.8 million"]
    assert tidy_text("a \tb\u00a0 c \u00a0d  ,e") == ["a b c d,e"]  # any run of blanks is one space
    assert tidy_text("workers‘ rights, Stalin`s and Stalin’s") == ["workers’ rights, Stalin’s and Stalin’s"]
    assert tidy_text("\ufeffa\u200bb\x07c") == ["abc"]  # invisible and control characters go


@pytest.mark.parametrize("front, kind", [
    ("analysis", Kind.ANALYSIS), ("Analysis of the purges", Kind.ANALYSIS), ("example, Kirov", Kind.EXAMPLE),
    ("examples, Some members", Kind.EXAMPLE), ("e.g. the Terror", Kind.EXAMPLE), ("power of opponents", Kind.POINT),
])
def test_front_kind_marked(front, kind):
    assert parser.front_kind(front, ["back"], marked=True) == (kind, None)


def test_scale_question():
    scale = ("Fundamental", "partial", "superficial")
    assert parser.front_kind("How can you describe change", ["Fundamental/ partial/ superficial"], False) == (
        Kind.SCALE, scale)
    assert parser.scale_options(["Fundamental/ partial/ superficial"]) == scale
    assert parser.front_kind("Who was Ryutin", ["A critic of Stalin in 1932"], False) == (Kind.QUESTION, None)
    assert parser.front_kind("How far did it change", ["a lot / little", "more"], False) == (Kind.QUESTION, None)


def test_scale_card_carries_its_options():
    notes = parse_text("How can you describe change\nFundamental/ partial/ superficial\nP1- x\n1936 y\n")
    assert [(c.kind, c.scale) for c in notes.cards] == [
        (Kind.SCALE, ("Fundamental", "partial", "superficial")), (Kind.POINT, None)]


# ------------------------------------------------------------------ header and front rules, at a position

def lines_of(*texts: str) -> list[Line]:
    return [Line(no, text) for no, text in enumerate(texts, start=1)]


def test_header_rule_title():
    assert parser.read_title(lines_of("1- Stalin Power Flashcards", "x"), 0, Essay()) == (
        Essay(title="Stalin Power Flashcards", number=1), 1)
    assert parser.read_title(lines_of("Stalin power flashcards", "What extent did it change"), 0, Essay()) == (
        Essay(title="Stalin power flashcards"), 1)
    assert parser.read_title(lines_of("How far did it change", "P1- a"), 0, Essay()) is None  # the question


def test_header_rule_essay_question():
    lines = lines_of("1- Stalin", "What extent did Stalin’s power change", "P1- a. P2- b")
    assert parser.read_essay_question(lines, 1, Essay(title="Stalin", number=1)) == (
        Essay(title="Stalin", number=1, question=lines[1].text, question_line=2), 2)
    # Without a title, a question followed by its back is a card, not the essay question.
    assert parser.read_essay_question(lines_of("Why was Brown v Board important", "it overturned Plessy"),
                                      0, Essay()) is None
    # Under an unnumbered title only a line that reads as a question.
    assert parser.read_essay_question(lines_of("Stalin", "Power over the party"), 1, Essay(title="Stalin")) is None


def test_header_rule_plan():
    essay, end = parser.read_plan(lines_of("P1- a lot. P2- tightened control", "P1- x"), 0, Essay())
    assert ([i.paragraph for i in essay.plan], essay.plan_line, end) == (["P1", "P2"], 1, 1)
    essay, end = parser.read_plan(lines_of("P1- collectivisation", "P2- industry", "", "P1- kulaks"), 0, Essay())
    assert ([i.text for i in essay.plan], end) == (["collectivisation", "industry"], 2)
    assert parser.read_plan(lines_of("P1- kulaks", "1930 dekulakisation"), 0, Essay()) is None  # a card


def test_header_rule_thesis():
    lines = lines_of("It could be argued that", "his power grew.", "", "P1- opponents", "1936")
    assert parser.read_thesis(lines, 0, Essay()) == (
        Essay(thesis="It could be argued that his power grew.", thesis_line=1), 3)
    assert parser.read_thesis(lines_of("no front follows", "at all"), 0, Essay()) is None


def test_front_rule_marker_front():
    assert parser.read_marker_front(lines_of("P2- opposition", "1932 Ryutin"), 0) == (
        parser.Front("P2", "opposition", 1, True), 1)
    assert parser.read_marker_front(lines_of("P2-", "", "opposition", "1932"), 0) == (
        parser.Front("P2", "opposition", 1, True), 3)
    assert parser.read_marker_front(lines_of("1932 Ryutin"), 0) is None


def test_front_rule_question_front():
    lines = lines_of("Why was Brown v Board important", "it overturned Plessy v Ferguson")
    assert parser.read_question_front(lines, 0) == (parser.Front(None, lines[0].text, 1, False), 1)
    assert parser.read_question_front(lines_of("P1- analysis", "Why was it important", "because"), 1) is None
    assert parser.read_question_front(lines_of("Why was it important", "P1- x"), 0) is None  # no back


def test_front_wraps():
    lines = lines_of("P3- concern over Stalin’s", "increasing use of brutality.", "Ordzhonikidze objected.")
    wrapped = parser.Front("P3", "concern over Stalin’s increasing use of brutality.", 1, True)
    assert parser.read_marker_front(lines, 0) == (wrapped, 2)
    assert parser.front_wraps(parser.Front("P3", "concern over Stalin’s", 1, True), lines, 1) == (wrapped, 2)
    assert parser.front_wraps(parser.Front("P3", "power of opponents", 1, True), lines, 1) == (
        parser.Front("P3", "power of opponents", 1, True), 1)


def test_logical_lines_keep_the_plan_whole_and_split_glued_fronts():
    lines = parser.logical_lines(["1- T", "P1- a lot. P2- control.", "were loyal. P2- opposition"])
    assert [(ln.no, ln.text) for ln in lines] == [
        (1, "1- T"), (2, "P1- a lot. P2- control."), (3, "were loyal."), (3, "P2- opposition")]


def test_every_rule_in_the_tables_has_its_test():
    tables = {"header_rule": parser.HEADER_RULES, "front_rule": parser.FRONT_RULES, "back_rule": backs.BACK_JOIN_RULES}
    missing = [f"test_{table}_{name}" for table, rules_ in tables.items() for name, _ in rules_
               if f"test_{table}_{name}" not in globals()]
    assert missing == []


# ---------------------------------------------------------------------------- whole files, as students vary

def fronts(text: str) -> list[tuple[str | None, str]]:
    return [(c.paragraph, c.front) for c in parse_text(text).cards]


@pytest.mark.parametrize("marker", ["P1-", "P1:", "P1 -", "p1-", "P1 –", "P1."])
def test_marker_styles(marker):
    text = f"1- Test\nHow far did things change\n{marker} the first point\n1936 a back line\n"
    assert fronts(text) == [("P1", "the first point")]


def test_no_plan_no_thesis_no_title():
    text = "Why was Brown v Board important\nit overturned Plessy v Ferguson in 1954\n" \
           "What happened at Little Rock?\n1957, nine students\n"
    notes = parse_text(text)
    assert notes.essay.plan == () and notes.essay.thesis is None
    assert [c.front for c in notes.cards] == ["Why was Brown v Board important", "What happened at Little Rock?"]
    assert [c.back for c in notes.cards] == [("it overturned Plessy v Ferguson in 1954",), ("1957, nine students",)]


def test_plan_one_paragraph_a_line():
    text = "2- Economy\nHow far did the economy change\nP1- collectivisation\nP2- industry\n" \
           "Overall it changed a lot.\nP1- kulaks\n1930 dekulakisation\n"
    notes = parse_text(text)
    assert [i.paragraph for i in notes.essay.plan] == ["P1", "P2"]
    assert notes.essay.thesis == "Overall it changed a lot."
    assert fronts(text) == [("P1", "kulaks")]


def test_front_wrapping_onto_next_line():
    text = "P3- examples, Some members expressed concern over Stalin’s\nincreasing use of brutality.\n" \
           "Ordzhonikidze raised objections.\n"
    assert fronts(text) == [
        ("P3", "examples, Some members expressed concern over Stalin’s increasing use of brutality.")]


def test_lowercase_back_after_complete_front_stays_a_back():
    text = "P3- Personal limits, was never an all-powerful dictator\nimpossible for him to survey all\n"
    notes = parse_text(text)
    assert notes.cards[0].front == "Personal limits, was never an all-powerful dictator"
    assert notes.cards[0].back == ("impossible for him to survey all",)


def test_front_without_back_is_a_finding_not_a_card():
    notes = parse_text("P1- one\nback\nP2- two\n", "n.txt")
    assert [c.front for c in notes.cards] == ["one"]
    assert [(f.line, f.code) for f in notes.findings] == [(3, "no-back")]


def test_marker_alone_takes_the_next_line_as_front():
    assert fronts("P2-\nopposition to policies\n1932 Ryutin\n") == [("P2", "opposition to policies")]


def test_text_with_no_fronts_has_no_cards():
    notes = parse_text("just some thoughts about Stalin\nand more\n", "n.txt")
    assert notes.cards == ()
    assert [f.code for f in notes.findings] == ["stray-text", "no-cards"]
