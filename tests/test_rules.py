"""Each named parser rule on its own, then small whole-file cases for what students vary."""

from __future__ import annotations

import pytest

from ankigen import parser
from ankigen.parser import Line, parse_text
from ankigen.records import Kind
from ankigen.text import tidy


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
    assert parser.marker_front(text) == expected


@pytest.mark.parametrize("text", ["Party leaders ignored", "P0- nothing", "P1 1936 trial", "Politburo",
                                  "PS- note"])
def test_not_a_marker(text):
    assert parser.marker_front(text) is None


def test_split_glued_front():
    parts = parser.split_glued(Line(11, "who owed their position to STALIN and were loyal. P2- opposition to policies"))
    assert [p.text for p in parts] == [
        "who owed their position to STALIN and were loyal.", "P2- opposition to policies"]
    assert {p.no for p in parts} == {11}


def test_split_glued_leaves_a_mention_alone():
    assert len(parser.split_glued(Line(1, "as I argue in P2 the purges mattered"))) == 1


def test_plan_items_one_line():
    items = parser.plan_items(Line(3, "P1- a lot, secured his position. P2- tightened control. P3- limits"))
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
    assert parser.ends_dangling(text) is dangling


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
    assert parser.question_front(text) is is_question


def test_title():
    assert parser.title("1- Stalin Power Flashcards") == (1, "Stalin Power Flashcards")
    assert parser.title("4 - Weimar golden years") == (4, "Weimar golden years")
    assert parser.title("P1- analysis") is None


def test_join_back_rules_each_on_their_own():
    shape = parser.BlockShape(False, 0)
    assert parser.lowercase_start("impossible for him to survey all the", "material necessary", shape)
    assert not parser.lowercase_start("x" * 200, "boycott lasted 381 days", shape)
    assert parser.dangling_end("a collection of Stalin’s cronies. They are often portrayed as dull,", "Mediocre", shape)
    prev = "tried to enrol at Central High School in Little Rock, Arkansas. Governor"
    assert parser.cut_sentence(prev, "Orval", shape)
    assert not parser.cut_sentence("Trial of 16 – left 1936 Zin and Kam", "Trial of 21", shape)
    assert parser.wrapped_block("Molotov remained loyal to Stalin even when his wife was imprisoned", "During",
                           parser.BlockShape(True, 70))


def test_two_separate_lines_stay_two_blocks():
    assert parser.join_back(["Trial of 16 – left 1936 Zin and Kam", "Trial of 21 right- Bukharin and Rykov"]) == (
        "Trial of 16 – left 1936 Zin and Kam", "Trial of 21 right- Bukharin and Rykov")


def test_textbook_paragraph_is_joined():
    lines = [
        "When Stalin wanted to execute Ryutin, who had denounced",
        "Stalin in 1932, the Politburo refused to agree and Ryutin was",
        "sentenced to ten years in a labour camp.",
    ]
    assert parser.join_back(lines) == (" ".join(lines),)


def test_bullets_stay_items():
    assert parser.join_back(["Causes:", "- poor harvests", "• kulaks resisted", "1) grain crisis 1928"]) == (
        "Causes:", "• poor harvests", "• kulaks resisted", "• grain crisis 1928")


def test_tidy():
    assert tidy("  Stalin‘s  power\t") == "Stalin’s power"
    assert tidy("his authority.Bukharin and Lenin , with") == "his authority. Bukharin and Lenin, with"
    assert tidy("the U.S.S.R. grew 1.8 million") == "the U.S.S.R. grew 1.8 million"
    assert tidy("a \tb\u00a0 c \u00a0d  ,e") == "a b c d,e"  # any run of blanks is one space
    assert tidy("workers‘ rights, Stalin`s and Stalin’s") == "workers’ rights, Stalin’s and Stalin’s"


@pytest.mark.parametrize("front, kind", [
    ("analysis", Kind.ANALYSIS), ("Analysis of the purges", Kind.ANALYSIS), ("example, Kirov", Kind.EXAMPLE),
    ("examples, Some members", Kind.EXAMPLE), ("e.g. the Terror", Kind.EXAMPLE), ("power of opponents", Kind.POINT),
])
def test_front_kind_marked(front, kind):
    assert parser.front_kind(front, ["back"], marked=True) is kind


def test_scale_question():
    assert parser.front_kind("How can you describe change", ["Fundamental/ partial/ superficial"], False) is Kind.SCALE
    assert parser.scale_options(["Fundamental/ partial/ superficial"]) == ("Fundamental", "partial", "superficial")
    assert parser.front_kind("Who was Ryutin", ["A critic of Stalin in 1932"], False) is Kind.QUESTION


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
