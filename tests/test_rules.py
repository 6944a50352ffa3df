"""Each named parser rule on its own, then small whole-file cases for what students vary."""

from __future__ import annotations

import pytest

from ankigen import backs, fronts, kinds, layouts, markdown, parser, questions, rules
from ankigen.check import check_notes
from ankigen.parser import parse_text
from ankigen.records import Essay, Kind
from ankigen.rules import Line
from ankigen.sidecar import Sidecar
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
    ("P2 – Paragraph 2: League of Nations", ("P2", "League of Nations")),
    ("P1 - Para 1 weaknesses", ("P1", "weaknesses")),
    ("P1 - Paragraph 2: a slip", ("P1", "Paragraph 2: a slip")),  # another number: the student's words
    ("P2 = poor relief act 1552", ("P2", "poor relief act 1552")),  # "=" for a separator
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
    assert len(rules.split_glued(Line(1, "he used the post, see textbook p45. the left was split by 1927"))) == 1
    # a cross-reference in a bracket
    assert len(rules.split_glued(Line(1, "Schechter 1935 and Butler 1936 (see P2) showed the court could"))) == 1


@pytest.mark.parametrize("text, front", [
    ("as Corfu showed. p3- Manchuria 1931-33", "p3- Manchuria 1931-33"),
    ("the loan was dropped. p2 - marriage and babies", "p2 - marriage and babies"),
    ("were loyal to him. P2: opposition", "P2: opposition"),
    ("by 1870 they were electing congressmen.P3- forty acres", "P3- forty acres"),
    ("the Depression was the main cause. P1) unemployment", "P1) unemployment"),
    ("the KPD got 100 seats in November 1932. P1 )how did the nazi vote change", "P1 )how did the nazi vote change"),
    ("Nazis had no chance to get elected. p3- 1928 election", "p3- 1928 election"),  # a year opens the front
    ("South Carolina seceded 20 December 1860 p3 - Fort Sumter", "p3 - Fort Sumter"),  # no full stop, lower case
    ("the general act was signed on the last day P2. how was the land taken", "P2. how was the land taken"),
])
def test_split_glued_lower_case_and_spaced_markers(text, front):
    assert [p.text for p in rules.split_glued(Line(1, text))][-1] == front


def test_split_glued_with_no_full_stop_before_a_spaced_marker():
    text = "at Teano 26 October 1860 Garibaldi handed the south to the king P3 - Napoleon III"
    assert [p.text for p in rules.split_glued(Line(1, text))] == [
        "at Teano 26 October 1860 Garibaldi handed the south to the king", "P3 - Napoleon III"]
    # unspaced or lower case, a marker after a word is more likely a mention, and after a word a phrase goes on
    # from it is one (`this links to P1 - the Liberals`)
    for mention in ("the king P3-Napoleon", "as in p3 - see above", "the T-34 P2 tank",
                    "this links to P1 - the Liberals, who could not coerce Ulster",
                    "In 1945 the P5 - permanent members"):
        assert len(rules.split_glued(Line(1, mention))) == 1


def test_front_rule_section_front():
    """`Conclusion -` (or `overall:`, `Intro`) on a line of its own, text under it: a card of the essay."""
    notes = parse_text("P4- analysis\nonly partly changed.\nconclusion -\noverall the vote was transformed by 1928\n")
    assert [(c.paragraph, c.kind.value, c.front) for c in notes.cards] == [
        ("P4", "analysis", "analysis"), (None, "conclusion", "conclusion")]
    # the heading with its text after it on the same line; an introduction is the essay's argument, no card
    split = parse_text("1- Stalin\nHow far did his power change\nIntro - in 1928 he led a collective leadership.\n"
                       "P1- the purges\n1936-38 show trials.\nConclusion: Stalin’s power was transformed\n"
                       "Who gained most from the purges?\nthe NKVD and the new cadres\n")
    assert split.essay.thesis == "Intro - in 1928 he led a collective leadership."
    assert [(c.paragraph, c.kind.value, c.front, c.back) for c in split.cards] == [
        ("P1", "point", "the purges", ("1936-38 show trials.",)),
        (None, "conclusion", "Conclusion", ("Stalin’s power was transformed",)),
        (None, "question", "Who gained most from the purges?", ("the NKVD and the new cadres",))]  # the essay's
    assert rules.section_heading("Overall the purges safeguarded his power") is None  # a sentence, not a heading


def test_paragraph_rule_conclusion():
    assert kinds.conclusion(None, Kind.CONCLUSION, "P4") == (None,)
    assert kinds.conclusion(None, Kind.QUESTION, "P4") is None


def test_a_question_answered_after_a_dash_is_a_front_but_in_an_analysis():
    line = Line(24, "was it free - yes at first, but Gaitskell's 1951 budget brought in charges")
    assert [p.text for p in questions.split_answered(line)] == [
        "was it free", "yes at first, but Gaitskell's 1951 budget brought in charges"]
    assert questions.split_answered(line, kept=True) == [line]  # the argument asking itself
    notes = parse_text("1- NHS\nHow far did Labour transform welfare 1945-51\nP1: e.g. demand\n187 million "
                       "prescriptions by 1951\nwas it free - yes at first, but charges came in 1951\n"
                       "Pl: analysis\nwas it a success - partly, but the cost rose\nP2- housing\n"
                       "how many houses were built - about 1 million by 1951\n")
    assert [c.front for c in notes.cards] == ["e.g. demand", "was it free", "analysis", "housing"]
    assert notes.cards[-1].back == ("how many houses were built - about 1 million by 1951",)  # the dash kept
    plain = Line(1, "the NHS - set up 5 July 1948")
    assert questions.split_answered(plain) == [plain]  # no question before the dash: one line


def test_a_question_answered_on_the_line_below_is_a_front_but_in_an_analysis():
    """`did the alliances make war certain` after a back with no full stop, then `no, ...`: the answer below
    shows it was asked; in an analysis the argument asks itself and answers, one card."""
    notes = parse_text("6 - ww1\nHow far was Germany responsible for the war\nP2 - armies\nThree Year Law 1913, "
                       "Germany 761,000 (Army Bill 1913 added 136,000), Austria-Hungary\n478,000, Britain only "
                       "247,000 and the BEF was 6 divisions about 100,000 men.\n"
                       "Russia's Great Programme 1913 would make its army 40% bigger by 1917 - M of MAIN\n"
                       "did the alliances make war certain\n"
                       "no, Italy stayed out in 1914\n"
                       "P2 - analysis\nthe alliances mattered less than the plans of the generals, who had\n"
                       "planned since 1905 to attack France first and so turned a Balkan war into a\nworld war "
                       "that the alliances on their own would never have made - A of MAIN\n"
                       "did the alliances make war certain\nno, they were defensive\n")
    assert [c.front for c in notes.cards] == ["armies", "did the alliances make war certain", "analysis"]
    assert notes.cards[-1].back[-1].endswith("no, they were defensive")


def test_split_answered_question():
    parts = questions.split_answered(Line(16, "why did Amritsar matter? turned moderates against the Raj"))
    assert [(p.no, p.text) for p in parts] == [(16, "why did Amritsar matter?"),
                                               (16, "turned moderates against the Raj")]
    assert [p.text for p in questions.split_answered(Line(1, "Who was Stresemann? - Foreign Minister 1923-29"))] == [
        "Who was Stresemann?", "Foreign Minister 1923-29"]
    assert [p.text for p in questions.split_answered(Line(1, "why did it fail? Aske trusted Henry"))] == [
        "why did it fail?", "Aske trusted Henry"]  # an answer that starts with a name
    # an argument that asks itself a question and weighs it, or answers it in a sentence, stays one line of
    # its back; so does an exam question with its instruction
    for line in ("Was it really about religion? not really, the Crown got the land",
                 "Did it work? Partly, as the south stayed poor", "in 1936 Stalin asked why? the answer was fear",
                 "Was this a success? The state got grain", "How far was Stalin responsible? Explain your answer."):
        assert len(questions.split_answered(Line(1, line))) == 1
    notes = parse_text("1- Stalin\nHow far was Stalin responsible for the purges? explain your answer\n"
                       "P1- a lot, Stalin. P2- some, Yezhov\nP1- the trials\n1936-38\n")
    assert notes.essay.question == "How far was Stalin responsible for the purges? explain your answer"


@pytest.mark.parametrize("text", ["read the textbook. p2-3 has the figures", "it grew. p2 was the best page",
                                  "the help. p. 2- see below", "see the table. p2-1928 figures"])
def test_split_glued_leaves_page_references_alone(text):
    assert len(rules.split_glued(Line(1, text))) == 1


@pytest.mark.parametrize("text, typo", [
    ("Pl - Austro-Prussian war 1866", ("P1", "Austro-Prussian war 1866", "Pl -")),
    ("PI- the Emancipation Proclamation", ("P1", "the Emancipation Proclamation", "PI-")),
    ("P2; economic growth", ("P2", "economic growth", "P2;")),
    ("P£- Railway Protection Movement", ("P3", "Railway Protection Movement", "P£-")),
    ("p# - the New Deal", ("P3", "the New Deal", "p# -")),
    ("Pl) the 95 theses", ("P1", "the 95 theses", "Pl)")),
    ("P 2- opposition", ("P2", "opposition", "P 2-")),
    ("P30 Vauban", ("P3", "Vauban", "P30")),  # `P3)` typed without shift
])
def test_marker_typo(text, typo):
    assert rules.marker_typo(text) == typo


@pytest.mark.parametrize("text", ["P2- a real marker", "Pl analysis", "Plans for the railways", "PI 3.14",
                                  "P2; 1936", "Pl - 1866", "P 0- none",
                                  "P£5 a week", "P$ 400", "P30 1707", "P10 - a tenth paragraph"])
def test_not_a_marker_typo(text):
    assert rules.marker_typo(text) is None


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
    ("how much change was there", True),
    ("how much did things change", True),
    ("why was Berlin blockaded", True),
    ("did the army support Ulster?", True),
    ("who led the Dail?", True),
    ("who was elected in 1932", False),  # a relative clause that starts a wrapped line
    ("who voted for the nazis", False),  # `who ...` goes on from the line above as often as it asks
    ("when did the army turn", True),
    ("who was tied to a chair because of his wounds", False),
    ("when he was arrested in 1936", False),
    ("did the army support Ulster", False),  # a verb first, in lower case: only with its question mark
    ("why did this matter, because TV showed the violence", False),  # asked and answered in the back
    ("was it about religion? not really", False),
    ("how much the party had changed by then", False),
    ("who were the ras", True),  # `who`, a verb and its subject: a question's word order
    ("why didnt the king declare martial law", True),  # a negative typed without its apostrophe
    ("so how far was it luther", True),  # the essay's question asked again, after a joining word
    ("So who was to blame", False),
    ("and then the war came", False),
])
def test_question_front(text, is_question):
    assert questions.question_front(text) is is_question


@pytest.mark.parametrize("text, asked", [
    ("did the Table of Ranks open up the nobility", True),  # did, the, a name in capitals, then its verb
    ("did the work of ten men", False),
    ("did the Tsar’s bidding for years", False),
])
def test_a_question_about_a_thing_named_in_capitals(text, asked):
    assert questions.noun_question(text) is asked


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


def test_back_rule_wrapped_line():
    """A full-width line of a back a PDF wrapped somewhere, broken where the next word would not fit."""
    lines = [
        "The third Home Rule Bill was introduced in April 1912 because",
        "Asquith's Liberals needed the votes of John Redmond's Irish",
        "Parliamentary Party after the 1910 elections. The Parliament Act",
        "1911 meant the Lords could only delay it for 2 years",
    ]
    shape = backs.block_shape(lines)
    assert not shape.wrapped and shape.midway == 1  # one break of three visibly mid-sentence
    assert backs.wrapped_line(lines[1], lines[2], shape) and backs.wrapped_line(lines[2], lines[3], shape)
    assert backs.join_back(lines) == (" ".join(lines),)
    # points typed a line each, of much the same width, break nowhere mid-sentence: they stay points
    typed = ["Trial of 16 – left 1936 Zinoviev and Kamenev", "Trial of 21 – right 1938 Bukharin and Rykov",
             "Trial of 17 – 1937 Radek and Pyatakov shot"]
    assert backs.join_back(typed) == tuple(typed)
    # a line with room left for the next word was broken by the student
    short = ["The third Home Rule Bill was introduced in April 1912 because", "Asquith needed Redmond's Irish",
             "Parliamentary Party votes after the 1910 elections to stay in office"]
    assert not backs.wrapped_line(short[1], short[2], backs.block_shape(short))
    # the one long line of a back of points, one of them broken mid-sentence: no PDF's width
    points = ["Trial of 16 – left 1936 Zinoviev and Kamenev shot after a show trial",
              "Trial of 21 right- Bukharin and Rykov 1938", "Yezhov purged the", "NKVD itself in 1938"]
    assert backs.join_back(points) == (points[0], points[1], "Yezhov purged the NKVD itself in 1938")


@pytest.mark.parametrize("text, ends", [
    ("to have survived the power struggle.", True),
    ("was it a dictatorship?", True),
    ("he called it “a revolution from above.”", True),
    ("became General Secretary of the Party 1922.", True),
    ("the purges of 1937-38", False),
    ("with his cronies agreeing,", False),
    ("Ulysses S.", False),  # an initial: the name goes on below
    ("the U.S.", False),
    ("industries e.g.", False),  # an abbreviation a sentence goes on after
    ("born c.", False),
    ("and so on...", False),  # an ellipsis: the thought goes on
])
def test_ends_sentence(text, ends):
    assert backs.ends_sentence(text) is ends


def test_back_keep_rule_typed_sentence():
    prev = "By the end of 1930 Stalin was the only member in the politburo to have survived the power struggle."
    assert backs.typed_sentence(prev, "he was therefore able to create", backs.BlockShape(False, 0))
    # inside a hard-wrapped textbook paragraph a sentence ends at a line break by chance
    assert not backs.typed_sentence(prev, "he was therefore able to create", backs.BlockShape(True, 100))
    assert not backs.typed_sentence("impossible for him to survey all the", "material", backs.BlockShape(False, 0))


def test_a_line_that_ends_on_an_accented_word_does_not_dangle():
    assert not rules.ends_dangling("P3: Code Napoléon")  # not "on"
    assert not rules.ends_dangling("troops under Marshal Pétain")  # not "in"
    assert rules.ends_dangling("the Code of the")


def test_a_lower_case_question_after_a_bullet_is_a_front():
    notes = parse_text("1- Luther\nHow far was Luther responsible for the Reformation 1517-55\nP3) the towns\n"
                       "- over 50 of the 65 imperial cities protestant by the 1540s\n- councils liked control\n"
                       "did the peasants war help or hurt luther\n- Twelve Articles at Memmingen March 1525\n")
    assert [c.front for c in notes.cards] == ["the towns", "did the peasants war help or hurt luther"]


def test_back_keep_rule_typed_point():
    lines = ["sheriff comes from shire reeve (scir-gerefa), the king's officer in each shire",
             "collected the geld and the king's rents from his estates, paid a fixed sum (the farm) and kept the rest",
             "by the 1080s nearly all Normans: Urse d'Abetot in Worcestershire, Picot in Cambridgeshire, Geoffrey de "
             "Mandeville in London",
             "after 1075 only a few earls were left (Chester, Shrewsbury, Kent until 1082) so the sheriffs answered to "
             "the king"]
    shape = backs.block_shape(lines)
    assert backs.typed_point(lines[0], lines[1], shape)  # the next point's first word would have fitted
    assert backs.join_back(lines)[0] == lines[0]
    # a line that stops mid-phrase, inside a bracket or on a word that goes on; a next line that goes on
    assert not backs.typed_point("only 2 done by 1884 (secret ballot and no property", "qualification), annual", shape)
    assert not backs.typed_point("elections every 7 years till", "the Parliament Act 1911", shape)
    assert not backs.typed_point("After the removal", "of the Left and Right Opposition groups", shape)
    assert not backs.typed_point("impossible for him to survey all the", "material", shape)
    # a full-width line (a wrap), a textbook paragraph, a back of two lines: no width to judge by
    assert not backs.typed_point(lines[1][:90], "kept the rest", shape)
    assert not backs.typed_point(lines[0], lines[1], backs.BlockShape(True, 100))
    assert not backs.typed_point(lines[0], lines[1], backs.BlockShape(False, 0))
    # a next line that goes on with a verb; a back of sentences with a line longer than a textbook's
    assert not backs.typed_point("most english sheriffs", "were replaced by normans by 1071", shape)
    prose = ["Kirov was the most popular member and at the 17th party Congress in 1934 when Kirov",
             "received a wave of support. Some delegates wanted him to replace Stalin as General Secretary of the "
             "party in 1934 and this frightened him a lot", "x y z."]
    assert backs.join_back(prose)[0].startswith(prose[0] + " received")


def test_back_keep_rule_scale_line():
    shape = backs.BlockShape(False, 0)
    assert backs.scale_line("fundamental - partial - superficial", "in the end only a partial change by 94", shape)
    assert backs.scale_line("he said it was", "fundamental, partial or superficial", shape)
    assert not backs.scale_line("the change was partial in", "the countryside", shape)
    lines = ["fundamental - partial - superficial", "in the end only a partial change by 94 for most black people"]
    assert backs.join_back(lines) == tuple(lines)
    card = parse_text("1- SA\nHow far did lives change 1948-94\nP1- analysis\na massive change\n"
                      "how much did their lives change\nfundamental - partial - superficial\n"
                      "in the end only a partial change by 94\n").cards[-1]
    assert (card.kind, card.paragraph, card.scale) == (Kind.SCALE, None, ("fundamental", "partial", "superficial"))
    assert kinds.scale_answer(card) == ("in the end only a partial change by 94",)


# The seed's longest back (P4, 933 characters, one line in the seed), as a student who types a sentence
# a line writes it, some sentences starting in lower case.
LONG_TYPED_BACK = [
    "Became General Secretary of the Party 1922.",
    "this meant he was head of the Party secretariat, which was responsible for the day-to-day running.",
    "This gave STALIN specific powers of influence: head of secret police reported to him regularly.",
    "26,000 personal files on Party members, he decided the agenda of Party meetings so restricted debate.",
    "Lenin Enrolment meant new, poorly educated and politically naive workers joined the Party.",
    "they realised that retaining their privileges depended on loyalty to those who let them in (STALIN).",
    "As GS, responsible for supervising Lenin Enrolment.",
    "had the right to appoint people to Party positions so a tool to promote his own supporters.",
    "When it came to votes on Party issues, STALIN could outvote and outmanoeuvre opponents.",
    "Party Congresses became dominated by people who owed their positions and loyalty to STALIN.",
    "so by 1928 he was already powerful before the purges began.",
]


def test_a_long_back_typed_a_sentence_a_line_keeps_its_lines():
    """Issue 13: a 900-character back stays the student's points, one a line on a phone, not one wall of
    text; lower-case sentence starts do not make it look like a wrapped textbook paragraph."""
    assert sum(len(line) for line in LONG_TYPED_BACK) > 900
    assert not backs.block_shape(LONG_TYPED_BACK).wrapped
    assert backs.join_back(LONG_TYPED_BACK) == tuple(LONG_TYPED_BACK)


def test_a_long_back_keeps_its_lines_and_its_long_back_warning():
    text = "P4- already powerful before as general Secretary\n" + "\n".join(LONG_TYPED_BACK) + "\n"
    notes = parse_text(text)
    assert notes.cards[0].back == tuple(LONG_TYPED_BACK)
    assert [f.code for f in check_notes(notes, Sidecar(), None) if f.code == "long-back"] == ["long-back"]


def test_a_wrapped_paragraph_still_joins_where_a_line_ends_a_sentence():
    lines = [
        "After the removal of the Left and Right Opposition groups during the",
        "debate over industrialisation, it is tempting to see the Politburo as",
        "a collection of Stalin’s cronies, often portrayed as dull yes-men.",
        "there is undoubtedly a lot of truth in this view. Molotov remained",
        "loyal to Stalin even when his wife was imprisoned during the purges.",
    ]
    assert backs.block_shape(lines).wrapped
    assert backs.join_back(lines) == (" ".join(lines),)


def test_join_lines_mends_a_word_broken_at_a_hyphen():
    assert backs.join_lines("the first five-", "year plan") == "the first five-year plan"
    assert backs.join_lines("Trial of 16 –", "left") == "Trial of 16 – left"
    assert backs.join_lines("over Schleswig-", "Holstein, 1864") == "over Schleswig-Holstein, 1864"


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


@pytest.mark.parametrize("back", ["fundamental – partial – superficial", "fundamental, partial or superficial",
                                  "Fundamental - partial - superficial", "fundamental–partial–superficial"])
def test_scale_written_with_dashes_or_commas(back):
    assert parser.scale_options([back]) == ("fundamental", "partial", "superficial") or parser.scale_options(
        [back]) == ("Fundamental", "partial", "superficial")
    # A scale of degree words is a scale whatever the front asks.
    assert parser.front_kind("How can you describe Bismarck’s role", [back], False)[0] is Kind.SCALE


@pytest.mark.parametrize(("front", "question", "options"), [
    ("How much change was there - fundamental / partial / superficial", "How much change was there",
     ("fundamental", "partial", "superficial")),
    ("how important: main cause / one of several / minor", "how important", ("main cause", "one of several", "minor")),
    ("How far did it change? a lot, some, none", "How far did it change", ("a lot", "some", "none")),
])
def test_a_scale_on_the_question_s_own_line(front, question, options):
    inline = kinds.scale_in_front(front)
    assert inline is not None and (inline.question, inline.options) == (question, options)
    # the card asks the question; its back is the scale, then what the student answered under it
    card = parse_text(f"1- x\nHow far did it change 1900-10\nP1- analysis\na lot\n{front}\n"
                      "Overall only a partial change\n").cards[-1]
    assert (card.front.rstrip("?"), card.kind, card.scale, card.paragraph) == (question, Kind.SCALE, options, None)
    assert card.back == (inline.written.removeprefix("? "), "Overall only a partial change")
    assert kinds.scale_answer(card) == ("Overall only a partial change",)


def test_a_scale_with_pipes():
    assert kinds.scale_options(["fundamental | partial | superficial"]) == ("fundamental", "partial", "superficial")


@pytest.mark.parametrize("front", ["Why was the army important - money, men, leadership",
                                   "What was Bismarck's role: diplomat, war-maker, unifier",
                                   "How much did it cost - £5, £6"])
def test_a_list_after_a_question_is_no_scale(front):
    assert kinds.scale_in_front(front) is None


def test_a_scale_of_importance_under_a_question_of_importance():
    assert parser.front_kind("How important is a cause", ("decisive / important / minor",), False) == (
        Kind.SCALE, ("decisive", "important", "minor"))
    assert parser.front_kind("Why was the army important", ("money, men, leadership",), False)[0] is Kind.QUESTION


def test_a_list_of_names_is_no_scale():
    assert parser.front_kind("Who were the left opposition", ["Zinoviev, Kamenev or Trotsky"], False) == (
        Kind.QUESTION, None)
    assert parser.scale_options(["short-term - long-term"]) == ("short-term", "long-term")


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
    # One a line and straight on into the first front, P1 again: P1 and P2 cannot be cards with no back.
    essay, end = parser.read_plan(lines_of("P1: land reform", "P2: the Great Leap", "P1: the Agrarian Reform Law",
                                           "1950 landlords"), 0, Essay())
    assert ([i.text for i in essay.plan], end) == (["land reform", "the Great Leap"], 2)
    assert parser.read_plan(lines_of("P1: a", "P2: b", "P2: c", "back"), 0, Essay()) is None


def test_a_plan_on_one_line_with_no_separators():
    items = rules.plan_items(Line(1, "P1 foreign help P2 republican divisions P3 franco's leadership"))
    assert [(i.paragraph, i.text) for i in items] == [("P1", "foreign help"), ("P2", "republican divisions"),
                                                      ("P3", "franco's leadership")]
    assert rules.plan_items(Line(1, "P1 analysis of the purges")) is None  # a front
    assert rules.plan_items(Line(1, "P1 the purges in P3 of the notes")) is None  # no P2 after P1


def test_header_rule_plan_as_bullets_under_its_heading():
    """`Plan` and then a bullet a paragraph, numbered in order, or by the marker a bullet has."""
    essay, end = parser.read_plan(lines_of("Plan", "- welfare state, a massive change", "- nationalisation",
                                           "Argument: a lot changed"), 0, Essay())
    assert ([(i.paragraph, i.text) for i in essay.plan], essay.plan_line, end) == (
        [("P1", "welfare state, a massive change"), ("P2", "nationalisation")], 2, 3)
    essay, _ = parser.read_plan(lines_of("Plan:", "", "* P1. monetarism", "* P2. privatisation", "P1. x"), 0, Essay())
    assert [(i.paragraph, i.text) for i in essay.plan] == [("P1", "monetarism"), ("P2", "privatisation")]
    assert parser.read_plan(lines_of("- welfare state", "- nationalisation", "P1. x"), 0, Essay()) is None  # no heading
    assert parser.read_plan(lines_of("Plan", "- welfare state", "P1. x"), 0, Essay()) is None  # one bullet
    essay, _ = parser.read_plan(lines_of("Plan", "- P1 monetarism", "-P2 continuity", "Argument: x"), 0, Essay())
    assert [(i.paragraph, i.text) for i in essay.plan] == [("P1", "monetarism"), ("P2", "continuity")]  # -P2


def test_header_rule_thesis():
    lines = lines_of("It could be argued that", "his power grew.", "", "P1- opponents", "1936")
    assert parser.read_thesis(lines, 0, Essay()) == (
        Essay(thesis="It could be argued that his power grew.", thesis_line=1), 3)
    assert parser.read_thesis(lines_of("no front follows", "at all"), 0, Essay()) is None


def test_front_rule_marker_front():
    assert fronts.read_marker_front(lines_of("P2- opposition", "1932 Ryutin"), 0) == (
        fronts.Front("P2", "opposition", 1, True), 1)
    assert fronts.read_marker_front(lines_of("P2-", "", "opposition", "1932"), 0) == (
        fronts.Front("P2", "opposition", 1, True), 3)
    assert fronts.read_marker_front(lines_of("1932 Ryutin"), 0) is None


def test_a_scale_on_the_question_s_own_line_is_a_front():
    lines = lines_of("P4 - analysis", "states rights only mattered b/c of slavery",
                     "how important: main cause / one of several / minor", "overall slavery was the main cause")
    assert fronts.read_question_front(lines, 2) == (fronts.Front(None, lines[2].text, 3, False), 3)
    # with no answer under it, the scale on its line is its back
    notes = parse_text("1- x\nHow far were taxes responsible for the war\np1 - analysis\nthe main cause\n"
                       "how important: main cause / one of several / minor\np2 - Boston Massacre 1770\n5 killed\n")
    assert [(c.front, c.kind) for c in notes.cards][1:] == [("how important", Kind.SCALE),
                                                            ("Boston Massacre 1770", Kind.POINT)]


@pytest.mark.parametrize(("text", "front"), [
    ("Was monetarism a success", True), ("Did privatisation work", True), ("Were taxes the real reason", True),
    ("Did not attend the meeting", False), ("Was responsible for the NKVD", False), ("Did nothing to stop it", False),
])
def test_a_question_about_a_thing_named_by_a_lower_case_noun(text, front):
    assert questions.question_front(text) is front


def test_a_marker_with_a_full_stop_glued_after_a_sentence():
    assert [p.text for p in rules.split_glued(Line(1, "deregulated the City. P3. privatisation of BT"))] == [
        "deregulated the City.", "P3. privatisation of BT"]
    assert len(rules.split_glued(Line(1, "it links to P3. The end"))) == 1  # a mention


def test_a_question_of_being_in_lower_case():
    assert questions.auxiliary_question("was slavery the main cause")
    assert questions.auxiliary_question("were taxes really the reason for the war")
    assert not questions.auxiliary_question("was finally the law of the land")
    assert not questions.auxiliary_question("was also the first to go")


def test_a_question_about_a_thing_a_noun_names_after_a_wrapped_back():
    """`did monetarism get inflation down` after the last line of a wrapped back, which ends no sentence."""
    lines = lines_of("P1. Howe budget June 1979", "the MTFS set targets for money supply growth 4 years ahead. the",
                     "pound went up to $2.40 in 1980 so exports got too expensive. the 1981 budget",
                     "of a recession, 364 economists wrote to The Times to say it was wrong",
                     "did monetarism get inflation down", "inflation was 10.3% when she came in")
    assert fronts.read_question_front(lines, 4) == (fronts.Front(None, lines[4].text, 5, False), 5)
    assert not questions.noun_question("did make a lot of money that year")


def test_a_question_in_word_order_after_a_back_of_one_line():
    lines = lines_of("P2. iron and steel", "Iron and Steel Act 1949 very controversial, the Lords delayed it",
                     "did the workers get more say", "not really, the same managers ran the pits")
    assert fronts.read_question_front(lines, 2) == (fronts.Front(None, lines[2].text, 3, False), 3)


def test_a_question_in_word_order_after_a_back_has_ended():
    """`did the armed struggle change anything`: a verb, its subject and more, in lower case with no `?`, on a
    line of its own after a sentence (or a long typed line) has ended; never a line that goes on from above."""
    long_line = "state of emergency, ANC and PAC banned 8 April 1960, Sobukwe got 3 years then kept on Robben Island"
    lines = lines_of(long_line + " for three years", "did the armed struggle change anything", "MK set up in 1961")
    assert fronts.read_question_front(lines, 1) == (fronts.Front(None, lines[1].text, 2, False), 2)
    lines = lines_of("the purges of the army in 1937 and", "did the most damage to the economy", "in 1941")
    assert fronts.read_question_front(lines, 1) is None  # it goes on from the line above
    assert questions.auxiliary_question("was the army still loyal in 1917")
    assert questions.auxiliary_question("did taxes cause the revolution")
    assert not questions.auxiliary_question("did stick to the constitution until 1930 tho")  # no subject
    assert not questions.auxiliary_question("was a monarchist, and a war hero")


def test_front_rule_question_front():
    lines = lines_of("Why was Brown v Board important", "it overturned Plessy v Ferguson")
    assert fronts.read_question_front(lines, 0) == (fronts.Front(None, lines[0].text, 1, False), 1)
    assert fronts.read_question_front(lines_of("P1- analysis", "Why was it important", "because"), 1) is None
    assert fronts.read_question_front(lines_of("Why was it important", "P1- x"), 0) is None  # no back


def test_front_rule_heading_front():
    lines = lines_of("P1- allies to enemies", "March 1947, $400 million aid to Greece and Turkey, the US would support "
                     "free peoples resisting communism = containment of the USSR", "Marshall Plan",
                     "June 1947 announced by George Marshall, $13 billion")
    assert fronts.read_heading_front(lines, 2) == (fronts.Front(None, "Marshall Plan", 3, False), 3)
    # The first line under a front is its back, and a heading needs a back of a sentence below it.
    assert fronts.read_heading_front(lines_of("P3- limits", "After the removal", "of the Left and Right groups"),
                                     1) is None
    assert fronts.read_heading_front(lines_of("P1- x", "It was signed.", "Berlin Wall", "built 1961"), 2) is None
    assert fronts.read_heading_front(lines_of("P1- x", "It was signed.", "Sergei Kirov",
                                              "was shot on 1 December 1934 in Leningrad"), 2) is None
    # Not in a paragraph's cards (no marker above), nor the end of a full-width wrapped line, nor a list.
    assert fronts.read_heading_front(lines_of("It was signed.", "Marshall Plan", "June 1947 announced by "
                                              "George Marshall"), 1) is None
    wrapped = lines_of("P2- agencies", "home, Nansen passports for refugees. Health Organisation",
                       "hour week. Slavery Commission freed 200,000 slaves in Sierra", "Leone Government",
                       "The Assembly met once a year and decided")
    assert fronts.read_heading_front(wrapped, 3) is None
    names = lines_of("P1- x", "The left opposition.", "Lev Kamenev", "Grigory Zinoviev", "both shot in August 1936")
    assert fronts.read_heading_front(names, 2) is None and fronts.read_heading_front(names, 3) is None


def test_front_wraps():
    lines = lines_of("P3- concern over Stalin’s", "increasing use of brutality.", "Ordzhonikidze objected.")
    wrapped = fronts.Front("P3", "concern over Stalin’s increasing use of brutality.", 1, True)
    assert fronts.read_marker_front(lines, 0) == (wrapped, 2)
    assert fronts.front_wraps(fronts.Front("P3", "concern over Stalin’s", 1, True), lines, 1) == (wrapped, 2)
    assert fronts.front_wraps(fronts.Front("P3", "power of opponents", 1, True), lines, 1) == (
        fronts.Front("P3", "power of opponents", 1, True), 1)


def test_logical_lines_keep_the_plan_whole_and_split_glued_fronts():
    lines = parser.logical_lines(["1- T", "P1- a lot. P2- control.", "were loyal. P2- opposition"])
    assert [(ln.no, ln.text) for ln in lines] == [
        (1, "1- T"), (2, "P1- a lot. P2- control."), (3, "were loyal."), (3, "P2- opposition")]


def test_mend_typos_reads_a_slip_as_its_marker():
    lines, typos = parser.mend_typos(lines_of("P1- e.g. Danish war", "beat Denmark", "Pl - Austro-Prussian war",
                                              "7 weeks", "P2- Zollverein", "1834", "P2; economic growth", "coal"))
    assert [ln.text for ln in lines if ln.no in (3, 7)] == ["P1- Austro-Prussian war", "P2- economic growth"]
    assert [(no, t.written) for no, t in typos] == [(3, "Pl -"), (7, "P2;")]


@pytest.mark.parametrize("texts", [
    ("Pl - a slip in notes with no real markers", "back"),
    ("P1- x", "back", "P 3- skips a paragraph", "back"),
    ("P1- x", "P2; straight under a front is its back", "back"),
])
def test_mend_typos_leaves_what_is_not_safe(texts):
    lines, typos = parser.mend_typos(lines_of(*texts))
    assert [ln.text for ln in lines] == list(texts) and typos == []


def test_marker_typo_is_a_warning_with_its_line():
    notes = parse_text("P1- Danish war\nbeat Denmark 1864\nPl - Austro-Prussian war\n7 weeks 1866\n", "n.txt")
    assert [(c.paragraph, c.front) for c in notes.cards] == [("P1", "Danish war"), ("P1", "Austro-Prussian war")]
    assert [(f.line, f.code, f.message) for f in notes.findings] == [
        (3, "marker-typo", "“Pl -” read as P1: did you mean P1-?")]


# ---------------------------------------------------------------------------------- paragraph rules

def test_paragraph_rule_own_marker():
    assert kinds.own_marker("P2", Kind.POINT, "P1") == ("P2",)
    assert kinds.own_marker(None, Kind.QUESTION, "P1") is None


def test_paragraph_rule_scale_card():
    assert kinds.scale_card(None, Kind.SCALE, "P3") == (None,)
    assert kinds.scale_card(None, Kind.QUESTION, "P3") is None


def test_paragraph_rule_stands_in():
    assert kinds.stands_in(None, Kind.QUESTION, "P2") == ("P2",)
    assert kinds.stands_in(None, Kind.QUESTION, None) == (None,)
    # The paragraph the notes stand in: opened by a marker, closed by the essay's conclusion.
    assert kinds.paragraph_after("P2", ["1932 Ryutin"], "P1") == "P2"
    assert kinds.paragraph_after(None, ["a back"], "P2") == "P2"
    assert kinds.paragraph_after("P3", ["x", "Overall the economy changed a lot."], "P2") is None


def test_questions_belong_to_the_paragraph_they_stand_in():
    text = ("Who was Stresemann?\nForeign Minister 1923-29\nP1- Rentenmark\nNov 1923 new currency\n"
            "What was the Young Plan?\n1929 reparations cut\nHow can you describe change\n"
            "Fundamental/ partial/ superficial\nP2- analysis\nOverall it was a golden age.\n"
            "What does Gosplan mean\nState Planning Committee\n")
    assert fronts_of(text) == [(None, "Who was Stresemann?"), ("P1", "Rentenmark"), ("P1", "What was the Young Plan?"),
                               (None, "How can you describe change"), ("P2", "analysis"),
                               (None, "What does Gosplan mean")]


def test_theme_is_the_plan_else_the_first_point_front():
    notes = parse_text("P1- analysis\nit mattered\nP1- Montgomery bus boycott\n381 days\nP1- Birmingham\n1963\n")
    assert notes.theme("P1") == "Montgomery bus boycott" and notes.theme("P2") is None
    planned = parse_text("1- T\nHow far did it change\nP1- a lot. P2- little\nP1- Montgomery\n381 days\n")
    assert planned.theme("P1") == "a lot"


def test_every_rule_in_the_tables_has_its_test():
    tables = {"header_rule": parser.HEADER_RULES, "front_rule": fronts.FRONT_RULES, "back_rule": backs.BACK_JOIN_RULES,
              "back_keep_rule": backs.BACK_KEEP_RULES, "paragraph_rule": kinds.PARAGRAPH_RULES}
    missing = [f"test_{table}_{name}" for table, rules_ in tables.items() for name, _ in rules_
               if f"test_{table}_{name}" not in globals()]
    assert missing == []


# ---------------------------------------------------------------------------- whole files, as students vary

def fronts_of(text: str) -> list[tuple[str | None, str]]:
    return [(c.paragraph, c.front) for c in parse_text(text).cards]


@pytest.mark.parametrize("marker", ["P1-", "P1:", "P1 -", "p1-", "P1 –", "P1."])
def test_marker_styles(marker):
    text = f"1- Test\nHow far did things change\n{marker} the first point\n1936 a back line\n"
    assert fronts_of(text) == [("P1", "the first point")]


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
    assert fronts_of(text) == [("P1", "kulaks")]


def test_front_wrapping_onto_next_line():
    text = "P3- examples, Some members expressed concern over Stalin’s\nincreasing use of brutality.\n" \
           "Ordzhonikidze raised objections.\n"
    assert fronts_of(text) == [
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
    assert fronts_of("P2-\nopposition to policies\n1932 Ryutin\n") == [("P2", "opposition to policies")]


def test_text_with_no_fronts_has_no_cards():
    notes = parse_text("just some thoughts about Stalin\nand more\n", "n.txt")
    assert notes.cards == ()
    assert [f.code for f in notes.findings] == ["stray-text", "no-cards"]


def test_an_argument_under_the_first_paragraph_s_heading_is_the_thesis():
    text = ("Civil War\nHow far was Charles I responsible for the war\nP1- Charles. P2- Scotland\n"
            "Paragraph 1 - Charles and the Personal Rule 1629–40\n"
            "It could be argued that Charles was the main cause. P1- Charles’s beliefs\nbecame king 1625\n"
            "Paragraph 2 - Scotland\nthe Scots rebelled in 1638\n")
    notes = parse_text(text)
    assert notes.essay.thesis == "It could be argued that Charles was the main cause."
    assert notes.essay.thesis_line == 5
    assert fronts_of(text) == [("P1", "Charles’s beliefs"), ("P2", "Scotland")]  # a heading with a back stays


def test_a_heading_over_ordinary_text_stays_a_card():
    text = ("Civil War\nHow far was Charles I responsible for the war\n"
            "Paragraph 1 - Charles\nhe became king in 1625\nP1- money\nShip Money 1635\n")
    assert fronts_of(text) == [("P1", "Charles"), ("P1", "money")]


def test_a_question_after_a_typed_line_that_stops_on_a_dangling_word_is_a_front():
    typed = "the economy was starting to recover and Mussolini came to power when the red threat was all over"
    text = (f"1- Italy\nHow far was the crisis responsible\nP1) the crisis\n{typed} and done with by then\n"
            "why did the liberals fail\nthe liberals had ruled Italy through trasformismo\n")
    assert fronts_of(text)[-1] == ("P1", "why did the liberals fail")


def test_a_question_after_a_paragraph_s_analysis_opens_the_next_paragraph():
    text = ("1- Italy\nHow far was the crisis responsible\nP1) strikes\n1,800 strikes in 1919\n"
            "P1) analysis\nthe crisis was only partly responsible.\nwhy did the liberals fail\n"
            "they lost their majority in 1919\nP2) 1919 election\nPSI 156 seats\n"
            "P2) 5 Prime Ministers in 4 years\nOrlando, Nitti, Giolitti, Bonomi and Facta, none lasted a year.\n"
            "who were the ras\nlocal fascist bosses like Balbo\n")
    assert fronts_of(text) == [("P1", "strikes"), ("P1", "analysis"), ("P2", "why did the liberals fail"),
                               ("P2", "1919 election"), ("P2", "5 Prime Ministers in 4 years"),
                               ("P2", "who were the ras")]


def test_an_essay_question_with_no_title_leads_to_the_fronts_through_its_argument():
    text = ("To what extent did Weimar Germany recover under Stresemann 1924–29\n"
            "Stresemann brought a real recovery abroad but only a partial one at home.\n"
            "Paragraph 1: the economy\np1- Dawes Plan 1924\nreparations cut to 1,000 million marks a year\n")
    notes = parse_text(text)
    assert notes.essay.question == "To what extent did Weimar Germany recover under Stresemann 1924–29"
    assert notes.essay.thesis == "Stresemann brought a real recovery abroad but only a partial one at home."


def test_the_label_before_an_essay_question_is_dropped():
    notes = parse_text("Weimar\nQ: To what extent did Weimar recover 1924–29\nP1- Dawes Plan\nloans from 1924\n")
    assert notes.essay.question == "To what extent did Weimar recover 1924–29"


def test_headings_over_every_paragraph_are_the_plan_when_there_is_none():
    text = ("Weimar\nTo what extent did Weimar recover 1924–29\nParagraph 1: the economy\np1- Dawes Plan\n"
            "loans from 1924\nParagraph 2: foreign policy\np2- Locarno\nborders accepted 1925\n")
    notes = parse_text(text)
    assert [(p.paragraph, p.text) for p in notes.essay.plan] == [("P1", "the economy"), ("P2", "foreign policy")]
    assert [f.code for f in notes.findings] == []  # a heading of the plan has no back to miss
    partial = text.replace("Paragraph 2: foreign policy\n", "")
    assert parse_text(partial).essay.plan == ()  # a heading for every paragraph, or no plan


@pytest.mark.parametrize(("text", "front"), [
    ("the ANC and PAC were banned 8 April 1960 P2: Rivonia trial", "P2: Rivonia trial"),
    ("the SA had 400,000 men by 1932 P2) the elections", "P2) the elections"),
])
def test_split_glued_with_no_full_stop_before_a_marker_a_student_writes_so(text, front):
    assert [p.text for p in rules.split_glued(Line(1, text))][-1] == front


def test_a_heading_of_one_word_is_a_front_where_a_heading_would_be():
    text = ("Weimar\nTo what extent did Weimar recover 1924–29\nP1- Young Plan\n* reduced reparations in 1929\n"
            "* 59 years to pay\nRentenmark\nnew currency in November 1923 after the hyperinflation\n"
            "P1- analysis\nonly a partial recovery.\nHowever\nthis was not all of it by any means at all\n")
    assert fronts_of(text) == [("P1", "Young Plan"), ("P1", "Rentenmark"), ("P1", "analysis")]


# From the sixth session's held-out files, read in the seventh: a student who hard-wraps to the edge and ends no
# line with a full stop asks lower-case questions on lines of their own.
def test_a_question_on_its_own_line_after_a_full_width_line_with_no_full_stop():
    back = "the land was divided up more and more among the cottiers and labourers who rented conacre for a season"
    text = (f"P1: dependence on the potato\n{back}\nhow much of the crop was lost\npotato output fell by 3/4\n"
            "P3: Russell\nthe workhouses were full and over 900,000 people in all went through them in the year of\n"
            "1849 but nothing more was done by the government in London to help the poor at all that year\n"
            "could the government have stopped the exports\nfood still went to England\n")
    assert fronts_of(text) == [("P1", "dependence on the potato"), ("P1", "how much of the crop was lost"),
                               ("P3", "Russell"), ("P3", "could the government have stopped the exports")]


def test_a_modal_question_has_have_or_be_after_its_subject():
    assert questions.modal_question("could the government have stopped the exports")
    assert questions.modal_question("should the british have done something")
    assert not questions.modal_question("could not be stopped by the government")  # goes on from above
    assert not questions.modal_question("would be the end of the famine")
    assert not questions.modal_question("could the government stop it")  # no have or be: decided elsewhere


def test_a_word_said_twice_ends_a_line():
    assert not rules.ends_dangling("the land was divided up more and more")
    assert rules.ends_dangling("the land was divided up more")


def test_a_question_put_as_a_clause_ends_a_front():
    text = "P3 - who the MPs were\nMPs not paid till 1911 so only the rich could stand, about 400 of the 658 MPs\n"
    assert fronts_of(text) == [("P3", "who the MPs were")]
    assert rules.ends_dangling("MPs not paid till 1911 and they were")


def test_a_scale_of_importance_is_a_line_of_its_own():
    assert kinds.is_scale("main reason / important / minor")
    assert kinds.is_scale("main cause / one of several / minor")
    assert kinds.is_scale("main cause / one of several causes / minor cause")  # an option of four words
    assert not kinds.is_scale("Lenin / Trotsky / Stalin")


# From probe notes in the habits suggested to the writer of the second blind batch (never from its files).
def test_point_headings_head_paragraphs_as_paragraph_headings_do():
    text = ("How far was Sun responsible for the fall of the Qing 1911-12\n"
            "Sun was important but the army mattered more.\n"
            "Point 1 - Sun and the Tongmenghui\nP1- the Tongmenghui\nset up in Tokyo 1905\n"
            "point 2: the army\nP2- Wuchang Uprising\n10 October 1911 the New Army rose\n")
    notes = parse_text(text)
    assert notes.essay.thesis == "Sun was important but the army mattered more."
    assert fronts_of(text) == [("P1", "the Tongmenghui"), ("P2", "Wuchang Uprising")]
    assert rules.marker_front("Point 3 of the Fourteen Points said") is None  # no separator: a back's line


def test_a_list_of_points_in_a_back_is_no_paragraph_headings():
    text = ("How far did the League keep the peace\nP1- Wilson's aims\nPoint 1 - open diplomacy, no secret treaties\n"
            "Point 8 - Alsace-Lorraine back to France\nPoint 14 - a League of Nations to keep peace\n"
            "P2- Corfu 1923\nMussolini invaded Corfu\n")
    assert fronts_of(text) == [("P1", "Wilson’s aims"), ("P2", "Corfu 1923")]
    assert parse_text(text).cards[0].back[-1] == "Point 14 - a League of Nations to keep peace"


def test_a_short_how_much_line_does_not_break_the_parser():
    assert parse_text("P1 - famine\nthe famine was bad.\nhow much\n").cards[0].front == "famine"
    assert not questions.lowercase_question("how much")


def test_a_list_of_main_and_key_things_is_no_scale():
    assert kinds.front_kind("Why did the rising fail", ["main leaders arrested, several towns lost"], False)[0] \
        is not Kind.SCALE
    assert not kinds.is_scale("key industries, main railways, coal")



# From probe notes in the habits the writer of the fifteenth batch reported (before its files were read).
def test_markers_in_brackets_are_markers_where_a_marker_may_stand():
    text = ("How far was gold responsible for the Boer War\n[P1] gold [P2] Rhodes [P3} Milner\n"
            "[P1] the gold fields\ngold found on the Witwatersrand 1886\n[p2] the Jameson Raid\n"
            "500 men rode in 29 December 1895, it failed. [P2} the telegram\nthe Kaiser sent it 3 January 1896\n"
            "(P3) Milner\nhe was High Commissioner from 1897, the army (P2) was loyal\n")
    notes = parse_text(text)
    assert [(i.paragraph, i.text) for i in notes.essay.plan] == [("P1", "gold"), ("P2", "Rhodes"), ("P3", "Milner")]
    assert fronts_of(text) == [("P1", "the gold fields"), ("P2", "the Jameson Raid"), ("P2", "the telegram"),
                               ("P3", "Milner")]
    assert notes.cards[-1].back == ("he was High Commissioner from 1897, the army (P2) was loyal",)  # a mention


def test_cards_numbered_under_their_paragraph_number_are_marked_cards():
    text = ("How far did tenants' lives change 1870-1903\nPARA 1 - the land acts\n1.1 the first act\n"
            "compensation 1870\nonly 1.5 million acres sold\n1.2 the second act\nfair rents 1881, cut by 20% "
            "1.3 arrears\ndebts wiped 1882\nPARA 2 - the League\n2.1 Davitt\nthe League set up 1879\n"
            "2.2 analysis\na real change.\n")
    assert fronts_of(text) == [("P1", "the first act"), ("P1", "the second act"), ("P1", "arrears"),
                               ("P2", "Davitt"), ("P2", "analysis")]
    assert parse_text(text).cards[0].back == ("compensation 1870 only 1.5 million acres sold",)  # a figure


def test_numbered_lines_without_paragraphs_numbered_so_are_back_lines():
    text = "How far did it change 1900-10\nP1- the army\n1.5 million men in 1905\n2.5 per cent died\n"
    assert fronts_of(text) == [("P1", "the army")]


def test_bullets_pasted_from_a_word_processor_are_bullets():
    text = "How far did it change 1880-94\nP1 - Witte\no Witte was finance minister 1892\no the rouble on gold 1897\n"
    assert parse_text(text).cards[0].back == ("• Witte was finance minister 1892", "• the rouble on gold 1897")


def test_a_short_how_many_question_is_a_front():
    assert questions.question_front("how many died")
    assert questions.question_front("how long did it last")
    assert not questions.question_front("how many of them")



# From the sixteenth batch's misses (read once it was scored).
def test_a_marker_after_the_front_in_a_file_that_writes_them_so():
    text = ("To what extent did independence change the Congo, 1959-65?\nBula Matari (P1)\nthe state from 1908\n"
            "so what? (P1)\na massive change in law.\n----------\nKatanga (P2)\n"
            "Tshombe broke away 1960, see Lumumba (P3)\n"
            "so what? (P2)\nonly a partial change.\n")
    assert fronts_of(text) == [("P1", "Bula Matari"), ("P1", "so what?"), ("P2", "Katanga"), ("P2", "so what?")]
    assert parse_text(text).cards[2].back == ("Tshombe broke away 1960, see Lumumba (P3)",)  # a back's mention


def test_a_file_that_opens_its_lines_with_bracketed_markers_glues_and_mistypes_them_too():
    text = ("How far was the poll tax responsible for the revolt of 1381?\n(P1) the poll taxes\n4d a head in 1377\n"
            "(P2) the Black Death\nhalf died 1348-49\n(P3) John Ball\na radical priest\n(P3 what did Ball want\n"
            "all men equal, so be careful with the source (P3) the church as a landlord\nthe abbeys kept serfs\n")
    assert fronts_of(text) == [("P1", "the poll taxes"), ("P2", "the Black Death"), ("P3", "John Ball"),
                               ("P3", "what did Ball want"), ("P3", "the church as a landlord")]


def test_a_question_and_its_answer_labelled_q_and_a():
    text = ("How far was the poll tax responsible for the revolt of 1381?\nP1- the tax\n4d a head in 1377 and the "
            "rebels burnt the Savoy on 13 June 1381\nQ: who did the rebels kill in London\nA: Archbishop Sudbury\n")
    cards = parse_text(text).cards
    assert [(c.front, c.back) for c in cards[1:]] == [("who did the rebels kill in London?", ("Archbishop Sudbury",))]


def test_a_question_of_how_much_after_the_last_analysis_is_the_essay_s():
    text = ("How far did it change 1959-65\nP1- Katanga\nit broke away 1960\nP1- so what?\nonly a partial change.\n"
            "how much did it change out of 10\n3/10 - more continuity than change\n")
    assert fronts_of(text)[-1] == (None, "how much did it change out of 10")



# From the seventeenth batch's misses (read once it was scored).
def test_a_marker_with_an_arrow_and_a_question_labelled_q_alone():
    text = ("Q: How far was Britain responsible for the violence of Partition in 1947?\nP1 > Attlee's deadline\n"
            "he would leave by June 1948.\nQ: why 15 August?\nhe chose it on 4 June 1947.\n"
            "it was the anniversary of Japan's surrender.P2 > the Radcliffe Line\nLahore went to Pakistan.\n")
    notes = parse_text(text)
    assert notes.essay.question == "How far was Britain responsible for the violence of Partition in 1947?"
    assert fronts_of(text) == [("P1", "Attlee’s deadline"), ("P1", "why 15 August?"), ("P2", "the Radcliffe Line")]


def test_paragraphs_spelt_out_over_questions_with_a_plan_numbered_in_brackets():
    text = ("How successful was Solidarity 1980-89?\n(1) 1980-81 a huge success\n(2) martial law, very little success\n"
            "judging success\ntotal success -- qualified success -- limited success -- failure\n"
            "PARAGRAPH ONE - 1980-81\nWhy did the strikes start in 1980?\n-- meat prices put up 1.07.80\n"
            "-- a strike 14.08.80\nThe Gdansk deal\nthe Gdańsk Agreement was signed on 31.08.80 by both sides\n"
            "so what?\na huge success.\nPARAGRAPH TWO - martial law\nWhy did Jaruzelski act?\n"
            "martial law came on 13.12.81. Who was Father Popiełuszko?\na priest murdered 19.10.84\n")
    notes = parse_text(text)
    assert [(i.paragraph, i.text) for i in notes.essay.plan] == [("P1", "1980-81 a huge success"),
                                                                  ("P2", "martial law, very little success")]
    assert fronts_of(text) == [(None, "judging success"), ("P1", "Why did the strikes start in 1980?"),
                               ("P1", "The Gdansk deal"), ("P1", "so what?"), ("P2", "Why did Jaruzelski act?"),
                               ("P2", "Who was Father Popiełuszko?")]
    assert [c.kind for c in notes.cards][:4] == [Kind.SCALE, Kind.QUESTION, Kind.QUESTION, Kind.ANALYSIS]
    assert notes.cards[1].back == ("• meat prices put up 1.07.80", "• a strike 14.08.80")  # `--` bullets


def test_a_joined_question_of_a_verb_and_its_subject():
    assert questions.question_front("so do i agree??")
    assert questions.question_front("so was it worth it")


def test_cards_lettered_under_their_paragraph_and_its_number_alone():
    text = ("Algerian War\nHOW SUCCESSFUL WAS THE FLN 1954-62\nplan\nP1 = the war inside (failure)\nP2 = the world\n"
            "1a - Toussaint Rouge\n1 Nov 1954 the FLN attacked\n1 - EVAL\n2/10 militarily a failure.\n"
            "2a - Sakiet\nFR planes bombed it 8 Feb 1958\n2c-torture scandal\nLa Question 1958\n2 - EVAL\n"
            "9/10 a huge success\n")
    assert fronts_of(text) == [("P1", "Toussaint Rouge"), ("P1", "EVAL"), ("P2", "Sakiet"),
                               ("P2", "torture scandal"), ("P2", "EVAL")]
    assert [c.kind for c in parse_text(text).cards][1] == Kind.ANALYSIS


def test_do_i_agree_after_the_last_analysis_asks_the_essay():
    text = ("\"Prohibition failed because it could not be enforced.\" Assess this view.\nP1- the law\n"
            "the Volstead Act 1919\nP1- link back\nonly a minor reason.\nso do i agree??\nonly partly\n")
    assert fronts_of(text)[-1] == (None, "so do i agree??")



# A second read's counter-examples to the tenth session's layouts: each stays as the session start read it.
@pytest.mark.parametrize(("text", "fronts"), [
    ("P1- opposition\nRyutin platform 1932 called Stalin the evil genius (p45)\nKirov got more votes than Stalin "
     "in 1934 (p47)\nP2- the purges\n3/5 marshals purged 1937-38 (p52)\n",  # page references
     [("P1", "opposition"), ("P2", "the purges")]),
    ("P1- the army\nit was loyal in 1917 and mattered more so P2 > P1 because it acted only after the strikes\n",
     [("P1", "the army")]),  # a ranking
    ("1.1 the coupon election\nreasons the coupon hurt them:\n1) Asquith lost his seat\n2) only 36 Liberals\n"
     "1.2 analysis\na massive change.\n", [("P1", "the coupon election"), ("P1", "analysis")]),  # a list in a back
    ("P1- the landings 6 June 1944\n6.30 am Americans land on Utah and Omaha\n7.25 am British land on Gold\n",
     [("P1", "the landings 6 June 1944")]),  # times of day
    ("P1- Cromwell\nhe ran the government from 1532\nlinks to Anne Boleyn (P3)\nlinks back to the break (P2)\n",
     [("P1", "Cromwell")]),  # cross-references
    ("P1- show trials\n- the trial of the 16 in August 1936 included\nZinoviev and Kamenev\nboth shot after "
     "confessing to a plot\n", [("P1", "show trials")]),  # a wrapped bullet
    ("P1- the navy\nthe convoy system came in 1917.\nQ-ships were merchant ships with hidden guns.\n",
     [("P1", "the navy")]),
    ("P1- the plans\ncoal rose to 64 million tons in 1932. Was this a success?\nnot for the workers\n",
     [("P1", "the plans")]),  # a back asking itself
])
def test_what_the_tenth_sessions_layouts_leave_alone(text, fronts):
    assert fronts_of("How far did Stalin change the USSR 1928-41\n" + text) == fronts


def test_an_own_marker_before_a_verb_is_a_mention_in_a_file_of_bracketed_markers():
    text = ("How far was Hitler secure by 1934\n[P1] the SA\n3 million men in 1934\n[P2] the army\n"
            "The army (P2) was relieved as the SA wanted to absorb it.\n[P3] the church\nthe Concordat 1933\n")
    assert parse_text(text).cards[1].back == ("The army (P2) was relieved as the SA wanted to absorb it.",)



# From the nineteenth batch's misses (held out when scored, read since).
@pytest.mark.parametrize(("text", "fronts"), [
    # cards lettered under a marker, and glued so
    ("how far was Britain's recovery down to the National Government 1929-39\n"
     "P1a - why did Labour fall in 1931??\nthe May Committee in July 1931 said cut £96m\n"
     "P1b - leaving gold\n21 Sept 1931 the pound fell to $3.40\nP2 b - Ottawa Conference 1932\n"
     "imperial preference for the Empire, trading estates at Team Valley 1936 P2c - tariffs\n"
     "a 10% tariff from 1 March 1932\n",
     [("P1", "why did Labour fall in 1931??"), ("P1", "leaving gold"), ("P2", "Ottawa Conference 1932"),
      ("P2", "tariffs")]),
    # a bracketed marker with its opening left off, and a Q: question alone among them
    ("To what extent did the war change the Cold War in Asia?\n(P1) background\nKorea split in 1945\n"
     "Q: why did Kim think the US would not fight?\nAcheson's speech 12 Jan 1950\n(P1) the invasion\n"
     "25 Jun 1950 the KPA crossed\nP2] the Chinese\nthey crossed the Yalu Oct 1950\n(P2) analysis\n"
     "a massive change.\n",
     [("P1", "background"), ("P1", "why did Kim think the US would not fight?"), ("P1", "the invasion"),
      ("P2", "the Chinese"), ("P2", "analysis")]),
])
def test_what_the_nineteenth_batch_taught(text, fronts):
    assert fronts_of(text) == fronts


# From the twentieth batch's misses (held out when scored, read at the session's end).
@pytest.mark.parametrize(("text", "fronts"), [
    ("\"Slavery was the main cause of the Civil War.\" Assess this view\nP.1 slavery // P.2 the parties\n"
     "P.1 - Compromise of 1850\nClay's deal, California free\nP.2 - the Whigs\nthe party broke up by 1856\n",
     [("P1", "Compromise of 1850"), ("P2", "the Whigs")]),  # `P.1 -` markers, a plan with `//`
    ("how far did 1905 change the way russia was governed 1905-1914?\nP1 => Bloody Sunday\n9th Jan 1905 Gapon "
     "led the workers\nP1 => analysis\nonly a limited change.\n", [("P1", "Bloody Sunday"), ("P1", "analysis")]),
    ("How far was Mandela responsible for the end of apartheid 1985-94?\nessay plan\n1st - Mandela in prison\n"
     "2nd - de Klerk\n1st para: Mandela\nwhy did Mandela turn down Botha's offer in 1985?\nhe would not reject "
     "violence 10/2/85\neval: so Mandela was only partly responsible for it\n2nd para: de Klerk\n"
     "why did de Klerk free him?\nthe speech of 2/2/90\n",
     [("P1", "why did Mandela turn down Botha’s offer in 1985?"), ("P1", "eval"),
      ("P2", "why did de Klerk free him?")]),  # ordinal headings over questions, `eval:` with its text
])
def test_what_the_twentieth_batch_taught(text, fronts):
    assert fronts_of(text) == fronts


def test_a_ranking_that_opens_a_line_is_no_marker():
    assert rules.marker_front("P1>P2>P3, the war caused the shortages") is None
    assert rules.marker_front("P2 > P1 because the army acted later") is None
    assert rules.marker_front("P1 > Attlee's deadline") == ("P1", "Attlee's deadline")


def test_a_second_read_of_the_last_layouts():
    """A plan of ordinals on one line and a list of them in a back; an evaluation under the conclusion's heading;
    `->` in a plan."""
    text = ("How far was Mandela responsible for the end of apartheid 1985-94?\n"
            "1st - Mandela, 2nd - de Klerk, 3rd - international pressure\n1st para: Mandela\n"
            "why did Mandela turn down Botha's offer in 1985?\nhe would not reject violence, 10/2/85\n"
            "3rd para: international pressure\nwhat did sanctions do?\n1st - 1986 Commonwealth sanctions, 2nd - "
            "1986 US act\nConclusion\nevaluation: overall a fundamental change as apartheid ended\n")
    notes = parse_text(text)
    assert [(i.paragraph, i.text) for i in notes.essay.plan] == [("P1", "Mandela"), ("P2", "de Klerk"),
                                                                  ("P3", "international pressure")]
    assert [(c.paragraph, c.kind.value, c.front) for c in notes.cards][1:] == [
        ("P3", "question", "what did sanctions do?"), (None, "conclusion", "Conclusion")]
    plan = rules.plan_items(Line(1, "P1 -> Trotsky, P2 -> White disunity"))
    assert [i.text for i in plan] == ["Trotsky", "White disunity"]


def test_header_rule_late_plan():
    """A plan after the thesis, on a line headed `Plan -`, where none came before it: the thesis stops at it."""
    notes = parse_text("ch.7 - Gandhi\nHow far was Gandhi responsible for the growth of nationalism?\nThesis: Gandhi "
                       "was only partly responsible\nPlan - P1 Gandhi's methods; P2 British mistakes\nP1 => who was "
                       "Gandhi\nlawyer, back in India Jan 1915\nP2 => Amritsar\n13 April 1919\n")
    assert [(i.paragraph, i.text) for i in notes.essay.plan] == [
        ("P1", "Gandhi’s methods"), ("P2", "British mistakes")]  # (apostrophes tidied)
    assert notes.essay.thesis == "Thesis: Gandhi was only partly responsible"
    lines = lines_of("Thesis: it was x", "Plan - P1 a; P2 b", "P1- a", "1915")
    assert parser.read_late_plan(lines, 1, Essay(thesis="x")) == (Essay(thesis="x", plan=(
        rules.PlanItem("P1", "a", 2), rules.PlanItem("P2", "b", 2)), plan_line=2), 2)
    assert parser.read_late_plan(lines, 1, Essay(plan=(rules.PlanItem("P1", "a", 1),))) is None  # one plan only


@pytest.mark.parametrize(("text", "found"), [
    ("P1 | railways", ("P1", "railways")), ("P2|cost", ("P2", "cost")),
    ("P3 \\ authoritarian empire 1852-60", ("P3", "authoritarian empire 1852-60")),
    ("P.4- Constituent Assembly", ("P4", "Constituent Assembly")),
    ("p.45 says the army was loyal", None),  # a page, no marker (`p.4-` is one where the notes write `P.1 -`)
])
def test_markers_with_a_bar_a_backslash_or_a_dot(text, found):
    assert rules.marker_front(text) == found


@pytest.mark.parametrize(("line", "parts"), [
    ("terror only kept the rear quiet while Trotsky fought!! P.3 - the decrees Oct-Nov 1917",
     ["terror only kept the rear quiet while Trotsky fought!!", "P.3 - the decrees Oct-Nov 1917"]),
    ("Motilal wrote the Nehru Report 1928 (dominion status)P3 => Bose",
     ["Motilal wrote the Nehru Report 1928 (dominion status)", "P3 => Bose"]),
    ("Butler 1936 (see P2)showed it", ["Butler 1936 (see P2)showed it"]),  # no marker after the bracket
])
def test_a_front_glued_after_a_marker_with_a_dot_or_a_bracket(line, parts):
    assert [ln.text for ln in rules.split_glued(Line(1, line))] == parts


def test_a_marked_question_of_how_much_is_its_paragraphs_analysis():
    """`P2 | how much change` (and a marked `mini conclusion`) weighs the paragraph: an analysis; a question of
    fact that opens with `how far` is a point."""
    assert kinds.front_kind("how much change", ["Paris was transformed"], True) == (Kind.ANALYSIS, None)
    assert kinds.front_kind("mini conclusion", ["still massively important"], True) == (Kind.ANALYSIS, None)
    assert kinds.front_kind("how important was this?", ["very"], True) == (Kind.ANALYSIS, None)
    assert kinds.front_kind("how far did wages rise", ["from 10s to 12s"], True) == (Kind.POINT, None)


def test_scales_after_a_question_mark_and_dash_and_of_responsibility():
    found = kinds.scale_in_front("how important? - decisive / important / minor")
    assert found is not None
    assert (found.question, found.options) == ("how important", ("decisive", "important", "minor"))
    notes = parse_text("How far was Gandhi responsible?\nP4 => princes\n565 princely states\nhow responsible was G "
                       "overall?\nmain reason / one of several / minor\none of several - only partly responsible\n")
    scale = notes.cards[-1]
    assert (scale.front, scale.kind, scale.paragraph) == ("how responsible was G overall?", Kind.SCALE, None)


@pytest.mark.parametrize(("line", "front"), [
    ("background - how did LN end up emperor?", "how did LN end up emperor?"),
    ("Context: why was the tsar weak?", "why was the tsar weak?"),
])
def test_a_question_under_a_one_word_label_is_a_front(line, front):
    found = fronts.read_question_front(lines_of(line, "nephew of Napoleon I, elected 10 Dec 1848", "P1- x"), 0)
    assert found is not None and found[0].text == front
    assert fronts._unlabelled("Q: why 15 August?") == "Q: why 15 August?"  # (the Q:/A: layout's own label)
    assert fronts._unlabelled("background - the tsar was weak") == "background - the tsar was weak"  # no question


def test_a_tilde_marker_and_one_glued_after_a_full_stop():
    assert rules.marker_front("P1~ mansabdari") == ("P1", "mansabdari")
    assert rules.marker_front("P2 ~ sulh-i kul") == ("P2", "sulh-i kul")
    assert [ln.text for ln in rules.split_glued(Line(1, "Aurangzeb brought jizya back in 1679.P3~ Rajputs"))] == [
        "Aurangzeb brought jizya back in 1679.", "P3~ Rajputs"]


def test_paragraphs_headed_with_a_word_and_a_number():
    """`Argument 1 - politics` over questions with no marker anywhere: a paragraph's heading, as `Paragraph 1 -` is;
    one such line alone, or numbers out of order, are left as they are."""
    lines = ["Q = How far did Atatürk transform Turkey 1923-38?", "Argument 1 - politics", "How did the sultanate go?",
             "  abolished 1 Nov 1922", "Argument 2 - religion, law + culture", "Hat Law? 25 Nov 1925 - fez banned"]
    out = layouts.word_headings(lines)
    assert (out[1], out[4]) == ("Paragraph 1 - politics", "Paragraph 2 - religion, law + culture")
    assert layouts.word_headings(lines[:4]) == lines[:4]
    notes = parse_text("\n".join(lines) + "\n")
    assert [(c.paragraph, c.front) for c in notes.cards] == [("P1", "How did the sultanate go?"), ("P2", "Hat Law?")]
    assert notes.essay.question == "How far did Atatürk transform Turkey 1923-38?"  # (`Q =` is its label)


def test_paragraphs_headed_with_a_number_and_a_bracket():
    """`1) CRISIS IN SPAIN 1808` over cards, with a plan of the same numbers one a line before: the headings and the
    plan; a list numbered line after line in a back is no heading."""
    lines = ["Essay q: How far was Bolivar responsible for independence 1808-26?", "1) crisis in Spain", "2) Bolívar",
             "", "1) CRISIS IN SPAIN 1808", "what happened at Bayonne in 1808", "  > Napoleon invaded Spain",
             "how important?", "one of several causes - without 1808 there are no juntas", "2) BOLIVAR", "who was he",
             "  > b. 24 July 1783 in Caracas"]
    out = layouts.numbered_headings(lines)
    assert (out[1], out[2], out[4], out[9]) == ("P1- crisis in Spain", "P2- Bolívar", "Paragraph 1 - CRISIS IN SPAIN "
                                                "1808", "Paragraph 2 - BOLIVAR")
    notes = parse_text("\n".join(lines) + "\n")
    assert [(c.paragraph, c.front, c.kind) for c in notes.cards] == [
        ("P1", "what happened at Bayonne in 1808", Kind.QUESTION), ("P1", "how important?", Kind.ANALYSIS),
        ("P2", "who was he", Kind.QUESTION)]
    listed = ["How far was X responsible?", "P1- x", "1) one", "2) two", "3) three"]
    assert layouts.numbered_headings(listed) == listed



def test_headings_with_no_marker_where_nothing_else_finds_a_card():
    """Notes of short headings over their facts, no marker or number anywhere: after a blank line (`Religion`), or
    labelling a list (`1. Money:` / `- Tenth Penny 1569`): each heading a paragraph and its card, in order; never
    the title, a sentence, a question or a list's item."""
    after_blank = ("Revolt of the Netherlands\nEssay: How far was religion the main cause of the revolt 1566-81?\n\n"
                   "Religion\nCalvinism spread in the south in the 1560s\nIconoclastic Fury August 1566\n\n"
                   "Taxes\nAlba brought in the Tenth Penny in 1569\n\nNobles\nEgmont and Hoorn executed June 1568\n")
    notes = parse_text(after_blank)
    assert notes.essay.question == "How far was religion the main cause of the revolt 1566-81?"
    assert [(c.paragraph, c.front, len(c.back)) for c in notes.cards] == [
        ("P1", "Religion", 2), ("P2", "Taxes", 1), ("P3", "Nobles", 1)]
    assert not [f for f in notes.findings if f.severity == "error"]
    labels = parse_text("DUTCH REVOLT\n1. Religion:\n- Calvinism spread in the 1560s\n- hedge preaching 1566\n"
                        "2. Money:\n- Tenth Penny 1569, a 10% sales tax\n")
    assert [(c.paragraph, c.front, c.back) for c in labels.cards] == [
        ("P1", "Religion", ("• Calvinism spread in the 1560s", "• hedge preaching 1566")),
        ("P2", "Money", ("• Tenth Penny 1569, a 10% sales tax",))]
    not_headings = ["Title", "", "Calvinism spread fast in the south in the 1560s and the nobles did nothing.",
                    "more text", "", "why did it spread?", "answer", "", "- a bullet", "more"]
    assert layouts.bare_headings(not_headings) == not_headings
    assert layouts.bare_headings(["Title", "", "Religion", "text"]) == ["Title", "", "Religion", "text"]  # (one)


def test_headings_with_no_marker_are_not_read_where_cards_are_found():
    """A file whose cards the other rules find keeps its short lines after blank lines as they were."""
    text = "1- Stalin\nP1- power\nhe won\n\nTrotsky\nexiled 1929\n\nBukharin\nshot 1938\n"
    assert [c.front for c in parse_text(text).cards] == [c.front for c in parse_text(text.replace("\n\n", "\n")).cards]
    assert "Trotsky" not in [c.front for c in parse_text(text).cards]


def test_notes_exported_from_a_markdown_editor():
    """`# title`, `## P1 - ...` over `### ...` cards: the paragraph's heading and its cards, marked with it; without
    markers the shallowest level written twice heads the paragraphs; bold marks go, their words stay; one `# `
    line alone is the student's own."""
    marked = ("# Stalin power flashcards\nEssay: To what extent did Stalin's power change 1928-53?\n\n"
              "## P1 - power of opponents\n### Who was Trotsky\n- exiled 1929, killed in Mexico 1940\n### Bukharin\n"
              "- shot in **1938** after the show trial\n## P2 - terror\n### how many died in the purges\n"
              "- about 750,000 shot 1937-38\n")
    notes = parse_text(marked)
    assert notes.essay.title == "Stalin power flashcards"
    assert [(c.paragraph, c.front, c.back) for c in notes.cards] == [
        ("P1", "Who was Trotsky", ("• exiled 1929, killed in Mexico 1940",)),
        ("P1", "Bukharin", ("• shot in 1938 after the show trial",)),
        ("P2", "how many died in the purges", ("• about 750,000 shot 1937-38",))]
    unmarked = ["# Revolt", "## Religion", "### hedge preaching", "crowds of 15,000 in 1566", "## Taxes",
                "Alba brought in the Tenth Penny in 1569"]
    assert markdown.markdown_headings(unmarked) == ["Revolt", "Paragraph 1 - Religion", "P1- hedge preaching",
                                                    "crowds of 15,000 in 1566", "P2- Taxes", unmarked[-1]]
    assert markdown.markdown_headings(["# 1 reason was the war", "text"]) == ["# 1 reason was the war", "text"]


def test_questions_numbered_with_their_label():
    """`Q3. who ...` with its `A. ...` under it: the question and its answer, as `Q:` is read."""
    lines = ["P1- power", "he won", "Q3. Who was Trotsky", "A. exiled 1929", "Q-ships were used in 1917"]
    assert layouts.question_and_answer(lines)[2:] == ["Who was Trotsky?", "exiled 1929", "Q-ships were used in 1917"]


def test_a_marker_over_questions_each_with_its_back():
    """`P1) power of opponents` right over `Who was Trotsky?` and its back, the paragraph asking again below: the
    marker heads its questions, the first one too; asked once, the question is the marker card's back."""
    asked = "Essay: How far did Stalin's power change?\nP1) power of opponents\nWho was Trotsky?\nexiled 1929\n" \
            "Bukharin?\nshot in 1938 after the show trial\nP2) terror\n"
    assert [(c.paragraph, c.front) for c in parse_text(asked + "what was it?\nmass arrests\n").cards] == [
        ("P1", "Who was Trotsky?"), ("P1", "Bukharin?"), ("P2", "terror")]
    once = "Essay: How far did Stalin's power change?\nP1) power of opponents\nWho was Trotsky?\nexiled 1929\n"
    assert [(c.front, c.back) for c in parse_text(once).cards] == [
        ("power of opponents", ("Who was Trotsky?", "exiled 1929"))]


def test_questions_over_lists_in_lower_case():
    """In notes that ask over lists: `what industry did he build` (a noun, then a verb before its subject) and a
    short line with its question mark between two lists' items (`estado novo?`) are questions; a list's own item
    asking, or a line of a back, is not."""
    assert questions.question_front("what industry did he build")
    assert questions.question_front("which party did they ban")
    assert not questions.question_front("what industry there was grew fast")
    text = ("Essay: To what extent did Vargas transform Brazil 1930-45\nP1- politics\nwhat did he do to the states?\n"
            "- shut Congress in 1930\n- new constitution 16th July 1934\nestado novo?\n- ANL banned July 1935\n"
            "- was it a change?\n- the army backed him\n")
    assert [c.front for c in parse_text(text).cards] == ["what did he do to the states?", "estado novo?"]


def test_circled_numbers_pt_markers_and_fronts_split_as_anki_splits_them():
    """`① what was the state of G.?` and `Pt.3 -`/`pt2 -`/`Pt 4-` are markers; `Rentenmark :: introduced 1923` is a
    front and its back; one circled line alone is the student's own."""
    text = ("Essay: How successful was Stresemann 1923-29?\n① what was the state of G.?\n"
            "Ruhr occupied 11 January 1923\n① Rentenmark :: introduced 15 November 1923\nbacked by land\n"
            "② Locarno\nsigned 1 December 1925\n")
    assert [(c.paragraph, c.front, c.back) for c in parse_text(text).cards] == [
        ("P1", "what was the state of G.?", ("Ruhr occupied 11 January 1923",)),
        ("P1", "Rentenmark", ("introduced 15 November 1923 backed by land",)),
        ("P2", "Locarno", ("signed 1 December 1925",))]
    assert markdown.circled_markers(["① one", "text"]) == ["① one", "text"]
    for marker in ("Pt1 -", "pt2 -", "Pt.3 -", "Pt 4-"):
        assert rules.marker_front(f"{marker} who were the conversos?") is not None, marker
    assert rules.marker_front("Pt boats were used") is None
    assert rules.marker_front("Pt 2 of the Schlieffen plan failed in Belgium") is None
    assert [c.back for c in parse_text("Who led the Bolsheviks?\nLenin :: with Trotsky\n").cards] == [
        ("Lenin :: with Trotsky",)]


def test_fronts_that_point_at_their_back():
    """`unequal treaties ->` over its back, under `PART 1 -`: a front of paragraph 1; before any paragraph, its
    words without the arrow; in a file that points so once or twice, the arrows stay."""
    lines = ["Significance words ->", "crucial / contributory / minor", "Paragraph 1 - imperialism",
             "unequal treaties ->", "Treaty of Nanjing 1842", "defeat by Japan ->", "Shimonoseki 1895",
             "- a list -> its item"]
    assert markdown.pointing_fronts(lines) == ["Significance words", lines[1], lines[2], "P1- unequal treaties",
                                               lines[4], "P1- defeat by Japan", lines[6], lines[7]]
    assert markdown.pointing_fronts(lines[3:]) == lines[3:]


@pytest.mark.parametrize(("front", "kind"), [
    ("how successful?", Kind.ANALYSIS), ("extent?", Kind.ANALYSIS), ("significance", Kind.ANALYSIS),
    ("how successful was the Dawes Plan", Kind.POINT), ("extent of the damage", Kind.POINT),
])
def test_a_marked_front_that_weighs_its_paragraph(front, kind):
    assert kinds.front_kind(front, ("very successful, inflation stopped",), True)[0] == kind

def test_an_analysis_numbered_as_its_paragraph():
    assert rules.analysis_alone("analysis 2") and rules.analysis_alone("so what?") and not rules.analysis_alone("2")
    labelled = Line(1, "analysis 1: a transformation of the state, a 600 yr old")
    assert [ln.text for ln in rules.split_labelled(labelled)] == [
        "analysis 1", "a transformation of the state, a 600 yr old"]


def test_lower_case_headings_under_a_paragraph_heading_in_words():
    """`3rd para: economy` / `debt crisis 1985` / its back / `end of the Cold War` / ...: in notes that head their
    paragraphs in words and write no marker over their cards, a short line in lower case between backs is a front
    (the first one under the heading too); under a marker front it stays a line of the back."""
    notes = parse_text("Q. How far was Mandela responsible for the end of apartheid?\n1st para: Mandela\n"
                       "talks from prison\nfrom late 1985 secret talks with the Justice Minister Kobie Coetsee.\n"
                       "release and the talks\nreleased 11/2/90 after 27 years in prison on Robben Island.\n"
                       "2nd para: economy\ndebt crisis 1985\nChase Manhattan bank refused to roll over its loans.\n"
                       "weighing a factor\nmain reason → one of the reasons → minor\n")
    assert [(c.paragraph, c.front) for c in notes.cards] == [
        ("P1", "talks from prison"), ("P1", "release and the talks"), ("P2", "debt crisis 1985"),
        (None, "weighing a factor")]
    assert notes.cards[-1].kind is Kind.SCALE  # (a heading over a scale of importance)
    marked = parse_text("How far was Mandela responsible?\nP1- talks\nfrom late 1985 secret talks with Coetsee.\n"
                        "release and the talks\nreleased 11/2/90 after 27 years.\n")
    assert [c.front for c in marked.cards] == ["talks"]


def test_an_analysis_label_glued_after_a_full_stop():
    glued = Line(1, "whites kept some power.eval: de Klerk was a minor factor")
    assert [ln.text for ln in rules.split_labelled(glued)] == ["whites kept some power.", "eval",
                                                               "de Klerk was a minor factor"]
    assert [ln.text for ln in rules.split_labelled(Line(1, "it said eval: no"))] == ["it said eval: no"]


def test_second_read_counter_examples_of_layouts():
    """Lists in a back are no paragraph headings (numbered `1.` items apart under sub-bullets, with no plan of the
    same numbers; `Reason 1 -` lines one after another); a clause opening with `when` under a heading is no
    question; `p.34-36` is a page, `p.4-` a marker only in notes that write `P.1 -`."""
    listed = ("Why did the Provisional Government fail in 1917?\n1. it kept fighting the war\n  - June offensive 1917 "
              "failed\n2. it left land to the Constituent Assembly\n  - peasants seized land anyway\n"
              "Who was Kerensky?\n  - PM from July 1917\n")
    assert [(c.paragraph, c.front) for c in parse_text(listed).cards] == [
        (None, "Why did the Provisional Government fail in 1917?"), (None, "Who was Kerensky?")]
    reasons = ["Why did the Tsar fall in 1917?", "Reasons:", "Reason 1 - the war, 2 million dead",
               "Reason 2 - the economy, bread prices", "Who was Rasputin?", "a monk, killed Dec 1916"]
    assert layouts.word_headings(reasons) == reasons
    clause = parse_text("How far was Lenin responsible?\nParagraph 1 - War Communism\nwhen grain was seized peasants "
                        "hid it\nCheka shot hoarders 1918\n")
    assert [(c.paragraph, c.front) for c in clause.cards] == [("P1", "War Communism")]
    assert rules.marker_front("p.34-36 Hodder textbook") is None
    assert layouts.dotted_markers(["P.1 - a", "x", "P.2 - b", "p.4- Constituent Assembly", "p.34-36 Hodder"]) == [
        "P.1 - a", "x", "P.2 - b", "P.4- Constituent Assembly", "p.34-36 Hodder"]
    assert layouts.dotted_markers(["P1- a", "p.4- the textbook has a map"]) == ["P1- a", "p.4- the textbook has a map"]
    scale = parse_text("How far did collectivisation succeed?\nhow successful was collectivisation?\ngrain down, "
                       "kulaks deported, famine\n")
    assert scale.cards[0].kind is Kind.QUESTION


def test_paragraphs_lettered_a_b_c():
    """`=== A: Hong himself ===`, cards `A1. who was hong`, `A - how far?`, a plan `A) hong  B) qing`, and a card
    glued after a full stop (`... in 1855. A5. after 1856`): paragraphs 1, 2, ...; too few such cards, nothing."""
    lines = ["plan - A) hong  B) qing fightback", "=== A: Hong himself ===", "A1. who was hong xiuquan",
             "hakka from guangdong", "A2. capture of Nanjing", "took it 19 March 1853. A3. after 1856",
             "trusted only his family", "A - how far?", "THE main reason", "=== B: qing fightback ===",
             "B1. Zeng Guofan", "raised the Xiang Army 1853"]
    out = layouts.lettered_paragraphs(lines)
    assert out[0] == "P1- hong  P2- qing fightback" and out[1] == "Paragraph 1 - Hong himself"
    assert (out[2], out[5], out[7], out[10]) == ("P1- who was hong xiuquan", "took it 19 March 1853. P1- after 1856",
                                                 "P1- how far?", "P2- Zeng Guofan")
    assert layouts.lettered_paragraphs(lines[:4]) == lines[:4]  # (one card: no layout)


def test_a_second_title_line_before_a_labelled_question():
    notes = parse_text("14/3 lesson notes - china 1839-1912 (unit 2)\nTaiping Rebellion\nESSAY: How far was Hong "
                       "responsible for the failure of the Taiping Rebellion, 1851-64?\nP1- Hong\nfailed the exams 4 "
                       "times\n")
    assert notes.essay.question == "How far was Hong responsible for the failure of the Taiping Rebellion, 1851-64?"
    assert rules.without_label("Essay title: To what extent did Vargas transform Brazil") == (
        "To what extent did Vargas transform Brazil")
    assert rules.without_label("essay -> How far was the weather responsible") == "How far was the weather responsible"


def test_a_marker_heading_questions_over_bullets():
    """`P1 = politics` / `what was the old republic like before 1930?` / `- ...`: the marker heads the paragraph's
    questions; `P1 -- the medal` is a marker with a doubled dash."""
    notes = parse_text("To what extent did Vargas transform Brazil 1930-45\nP1 = politics\nwhat was the old republic "
                       "like before 1930?\n- only ~5% of ppl voted\nhow did V get power?\n- revolt 3rd Oct 1930\n"
                       "how much change?\nmassive change, brazil went from a loose federation run by 2 states to a "
                       "dictatorship\n")
    assert [(c.paragraph, c.front, c.kind) for c in notes.cards] == [
        ("P1", "what was the old republic like before 1930?", Kind.QUESTION),
        ("P1", "how did V get power?", Kind.QUESTION), ("P1", "how much change?", Kind.ANALYSIS)]
    assert rules.marker_front("P1 -- the medal") == ("P1", "the medal")
    assert rules.marker_typo("P£ -- what was philips plan?") == rules.Typo("P3", "what was philips plan?", "P£ --")
    assert kinds.front_kind("so how important", ["a minor reason"], True) == (Kind.ANALYSIS, None)
    assert kinds.front_kind("how important was the weather", ["the main reason"], True) == (Kind.ANALYSIS, None)


THIRD_READ = {  # a third read's counter-examples, each a class of student writing (inputs as the reader wrote them)
    "comments": ("Q. How far was Nelson Mandela responsible for the end of apartheid 1985-94?\n1st para: Mandela\n"
                 "why did Mandela turn down Botha's offer in 1985?\n31/1/85 Botha offered to free him if he rejected "
                 "violence.\nvery clever move\nkept his authority with the ANC and the townships, he would not split "
                 "from MK\n2nd para: de Klerk\nwho was de Klerk\nBotha had a stroke Jan 1989, de Klerk became NP "
                 "leader Feb 1989\n"),
    "initials": ("Taiping Rebellion\nESSAY: How far was Hong's leadership responsible for the failure of the Taiping "
                 "Rebellion?\n=== A: Hong himself ===\nA1. who was hong xiuquan\nhakka from guangdong\nA2. capture of "
                 "Nanjing\n19 March 1853 took Nanjing\nH - shut himself away in the palace w/ his wives for 11 yrs\n"
                 "A - how far?\nH = THE main reason\n=== B: qing fightback ===\nB1. Zeng Guofan\nraised the Xiang "
                 "Army from 1853\nE: britain + france wanted the qing to survive after 1860\n"),
    "capitals": ("Q: How far was Ferdinand VII's captivity responsible for Spanish American independence?\n"
                 "1) CRISIS IN SPAIN 1808\nwhat happened at Bayonne in 1808\nCharles IV and Ferdinand VII gave up "
                 "the throne\n"
                 "2) BOLIVAR\nwho was Bolivar\ncreole from Caracas, Jamaica Letter 1815\n"),
    "one_card": ("Q: How far was economic failure the reason Vargas fell in 1945?\nArgument 1 - politics\nwhy did "
                 "Vargas take power in 1930?\nthe 1930 revolution after Prestes won the rigged election\nArgument 2 - "
                 "the economy\ncoffee prices fell 1929 from 22.5 cents/lb to 8 cents\nArgument 3 - the war\nwhy did "
                 "Brazil join the Allies?\nAug 1942 after U-boats sank Brazilian ships\n"),
    "when": ("Q: How far was Mandela responsible for the end of apartheid?\nParagraph 1 - Mandela\n"
             "when did Botha offer to release him\nJan 1985, if he rejected violence, he refused\n"),
    "q_card": ("Armada 1588\nElizabeth I and Spain\nQ: why did Philip send the Armada?\nrevenge for the execution "
               "of Mary Queen of Scots in Feb 1587\nP1- the weather\nstorms Sept 1588, c.24 ships wrecked\n"),
    "facts": ("Q: How far was the Treaty of Versailles responsible for the outbreak of WW2?\nP1- Versailles\n"
              "the treaty of 1919\nP1a - how important was the war guilt clause\narticle 231, Germany blamed for "
              "the war\n"),
}


def test_third_read_counter_examples():
    cards = {name: [(c.paragraph, c.front, c.kind) for c in parse_text(text).cards]
             for name, text in THIRD_READ.items()}
    assert "very clever move" not in [f for _, f, _ in cards["comments"]]  # a comment, no heading
    assert any("shut himself away" in " ".join(c.back) for c in parse_text(THIRD_READ["initials"]).cards)  # H - ...
    assert [(p, f) for p, f, _ in cards["capitals"]] == [("P1", "what happened at Bayonne in 1808"),
                                                         ("P2", "who was Bolivar")]  # capitals need no plan
    assert [p for p, _, _ in cards["one_card"]] == ["P1", "P2", "P3"]  # a heading over one line
    assert cards["when"][0][:2] == ("P1", "when did Botha offer to release him")
    assert parse_text(THIRD_READ["q_card"]).essay.question is None  # a card's `Q:`, no essay question
    assert cards["facts"][-1] == ("P1", "how important was the war guilt clause", Kind.POINT)  # its back holds facts
