"""Judgements: words of degree, the sidecar, no guesses, and the judgement card as Anki renders it."""

from __future__ import annotations

import re
import shutil

import pytest

from ankigen import claims, judgement, judgement_notes, verdicts
from ankigen.build import prepare
from ankigen.parser import parse_text

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
    ("not a lot changed", 2),  # little change, as teachers read it (`not much change` in a plan)
    ("not a fundamental change", 1),  # a strong word negated: some change
    ("a massive decline in territory", 0),  # the essay's measure of change: decline, as recovery
    ("very little decline in the core of the empire", 2),
])
def test_degree(text, level):
    assert judgement.degree(text)[0] == level


def test_no_degree_no_guess():
    assert judgement.degree("tightened control by quashing opposition") is None
    assert judgement.infer("tightened control by quashing opposition", ["Stalin strengthened his grip"]) is None


def test_scale_positions():
    assert judgement.position("Fundamental", ["fundamental", "partial", "superficial"]) == 0
    assert judgement.on_scale(2, ["big", "some", "none"]) == "none"
    assert judgement.on_scale(1, ["huge", "big", "some", "little", "none"]) == "some"


def test_seed_judgements_from_plan_and_sidecar(seed_source):
    deck = prepare(seed_source / "stalin-power.txt").deck
    verdicts = {n.fields[2]: n.fields[5] for n in deck.notes if n.notetype.key == "judgement"}
    assert verdicts == {"P1": "fundamental", "P2": "fundamental", "P3": "partial", "P4": "superficial",
                        "Whole essay": "fundamental"}


def test_without_the_sidecar_p2_and_the_essay_are_practised_with_no_verdict(seed_source):
    """No words of degree settle P2 or the essay: their cards stay (P2 has an analysis, the essay an
    argument), say the notes give no verdict, and `check` still warns."""
    (seed_source / "stalin-power.yaml").unlink()
    p = prepare(seed_source / "stalin-power.txt")
    judgements = {n.fields[2]: n for n in p.deck.notes if n.notetype.key == "judgement"}
    assert set(judgements) == {"P1", "P2", "P3", "P4", "Whole essay"}
    assert all(n.entry.retired is None for n in judgements.values())
    for key in ("P2", "Whole essay"):
        assert judgement_notes.NO_VERDICT in judgements[key].fields[5]
    assert "strengthen his personal role" in judgements["P2"].fields[6]  # the back shows the analysis
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
        # AnkiMobile passes a tap only to a button (or class tappable): every choice is one
        assert card.question.count('<button type="button" class="ag-choice tappable"') == 3
    keys = [re.search(r'data-key="([^"]+)"', card.question).group(1) for card in cards]
    assert len(set(keys)) == len(cards)  # the tapped choice is kept per card


def test_unseen_notes_get_judgements_where_the_notes_settle_them(tmp_path):
    shutil.copy(FIXTURES / "collectivisation.txt", tmp_path / "collectivisation.txt")
    deck = prepare(tmp_path / "collectivisation.txt").deck
    verdicts = {n.fields[2]: n.fields[5] for n in deck.notes if n.notetype.key == "judgement"}
    # P2: the plan says "some continuity", the analysis concludes "so in this sense there was continuity":
    # the analysis, written after the evidence, wins
    assert verdicts == {"P1": "fundamental", "P2": "superficial", "P3": "partial", "Whole essay": "fundamental"}


# ------------------------------------------------------------------------------ classes of phrasing

@pytest.mark.parametrize("text, level", [
    ("This was a fundamental change", judgement.FUNDAMENTAL),
    ("emancipation was a real change for families", judgement.FUNDAMENTAL),
    ("Political rights changed a lot, in 1860 no black man could vote", judgement.FUNDAMENTAL),
    ("The dissolution changed religious life massively", judgement.FUNDAMENTAL),
    ("Bismarck played a massive part", judgement.FUNDAMENTAL),
    ("unification was only partly down to Bismarck", judgement.PARTIAL),
    ("Only a limited change as the king still chose his ministers", judgement.PARTIAL),
    ("There was a lot of continuity with before 1933", judgement.SUPERFICIAL),
    ("These weaknesses were already there before the 1930s", judgement.SUPERFICIAL),
    ("popular religion barley changed", judgement.SUPERFICIAL),
    # how much a factor mattered, in a causation essay's words
    ("The war was the most important factor, Britain could not afford to stay", judgement.FUNDAMENTAL),
    ("Cavour's diplomacy w/ France, the main cause", judgement.FUNDAMENTAL),
    ("Bose and the mutiny were only part of why Britain left but they sped it up", judgement.PARTIAL),
    ("the elites only played a small part in the end", judgement.SUPERFICIAL),
    ("religion was a minor factor", judgement.SUPERFICIAL),
    ("only a few wanted land ∴ a minor factor", judgement.SUPERFICIAL),  # after "therefore", as a sign
    ("so a minor factor overall", judgement.SUPERFICIAL),
    ("loot had very little to do with it for most of them", judgement.SUPERFICIAL),
    ("loot had nothing to do with it for most of them", judgement.SUPERFICIAL),
    ("a huge success, in 16 months they shared power", judgement.FUNDAMENTAL),  # of a `how successful` essay
    ("very little success in these years", judgement.SUPERFICIAL),
    ("only a limited success at first", judgement.PARTIAL),
    ("2/10 militarily a failure", judgement.SUPERFICIAL),
    ("Judgement - minor. the wars were about Warwick", judgement.SUPERFICIAL),
    ("his government was only a very small part of why the famine got so bad", judgement.SUPERFICIAL),
    ("It was not the main cause", judgement.PARTIAL),  # negated
    ("Propaganda played no small part", judgement.FUNDAMENTAL),
    ("Propaganda was not a minor factor", judgement.FUNDAMENTAL),
    # how much it mattered, said with the verb
    ("the economic effects of the war mattered a lot because without them there were no riots", judgement.FUNDAMENTAL),
    ("the Zemgor really mattered to the army", judgement.FUNDAMENTAL),
    ("the duma hardly mattered in February", judgement.SUPERFICIAL),
    ("religion didnt really matter much by 1640", judgement.SUPERFICIAL),
    ("the war was massively responsible for his fall", judgement.FUNDAMENTAL),
    # more words of degree for change, and the essay's own verbs of change
    ("it was a significant change in who governed", judgement.FUNDAMENTAL),
    ("the biggest change of all", judgement.FUNDAMENTAL),
    ("it changed everything for the peasants", judgement.FUNDAMENTAL),
    ("Japan modernised a lot in industry", judgement.FUNDAMENTAL),
    ("this was real modernisation of the army", judgement.FUNDAMENTAL),
    ("only a small change really", judgement.SUPERFICIAL),
    ("the war had little impact on the colonists", judgement.SUPERFICIAL),
    ("a moderate change", judgement.PARTIAL),
    # and for causes
    ("taxes were one of several causes", judgement.PARTIAL),
    ("a long term cause but not the only one", judgement.PARTIAL),
    ("this was important but not decisive", judgement.PARTIAL),
    ("they were key to the outbreak", judgement.FUNDAMENTAL),
    ("it was one of the main causes", judgement.FUNDAMENTAL),
    ("the army played a big role in 1917", judgement.FUNDAMENTAL),
    ("a big part of the reason", judgement.FUNDAMENTAL),
    # weighed against another factor in the same clause (from probe notes in a held-out file's habits)
    ("foreign help was less important than the divisions on the left", judgement.PARTIAL),
    ("it mattered less than the army", judgement.PARTIAL),
    ("Soviet aid was nowhere near as important as German help", judgement.SUPERFICIAL),
    ("this was the least important factor", judgement.SUPERFICIAL),
    ("it was far more important than anything else", judgement.FUNDAMENTAL),
    ("the church didnt matter that much", judgement.SUPERFICIAL),
])
def test_verdicts_from_the_notes_own_words(text, level):
    assert judgement.verdict(text) == level


@pytest.mark.parametrize("text", [
    "successes in the 1920s, a lot achieved in small disputes and by the agencies",
    'Kennedy said "a wall is a hell of a lot better than a war"',
    "Italy left in 1937 and Germany had already left in October 1933",
    "The NAACP had already started the movement before King",
    "he only acted because King and the marchers at Selma had forced the issue",
    "the Crown got huge amounts of land",
    "Similarly, there were purges in the secret police",
    "French troops stayed in Rome until 1870",
    "the army remained loyal to the Tsar",
    "A small part of the army mutinied in 1905",  # a share of something, not a factor's weight
    "It did not matter how good the system was if Henry turned against you",  # an idiom, not a weight
    "it did not matter that he was ill",
    "it made a little difference to the price",  # a little: some
    "the key was the army",
    "so a few families owned a big part of the economy",  # a share, not a factor's part
])
def test_words_of_degree_about_something_else_are_no_verdict(text):
    assert judgement.verdict(text) is None


@pytest.mark.parametrize("sentence, level", [
    ("Overall a fundamental change happened 1945-49 but 1949-62 was mostly continuity, so only partial change "
     "over the whole period.", judgement.PARTIAL),
    ("The language changed but not much else, both sides still saw each other as enemies so this was only a "
     "superficial change", judgement.SUPERFICIAL),
    ("Overall there was only limited change because the Nazis wanted women at home but the economy needed "
     "them at work, so ideology had to give way.", judgement.PARTIAL),
])
def test_the_conclusion_outweighs_the_concession(sentence, level):
    assert judgement.sentence_verdict(sentence) == level


@pytest.mark.parametrize("sentence, level", [
    # the opening clause sums up; the clauses after it are the parts it weighed
    ("Overall Weimar only partly recovered, the foreign policy was a real success but the economy was built on "
     "borrowed money and the politics hardly changed", judgement.PARTIAL),
    ("In conclusion the Church changed fundamentally, though the bishops were the same men", judgement.FUNDAMENTAL),
    # a concession first: the clause after it
    ("Overall, although the economy changed a lot, politics was only partly different", judgement.PARTIAL),
    # after a joining word
    ("So overall the war was massively responsible for the fall of the Tsar, it made every problem worse",
     judgement.FUNDAMENTAL),
    # the verdict said again at its end outweighs the opening
    ("Overall the electoral system changed a lot in who could vote but only partly in how it worked, it was a "
     "partial change.", judgement.PARTIAL),
])
def test_an_overall_sentence_opens_with_its_verdict(sentence, level):
    assert judgement.infer_overall(None, [sentence]) == level


def test_an_overall_sentence_with_no_full_stop_before_it_is_the_essays():
    """`... made them fatal` / `So overall the war was massively responsible ...`: wrapped into the last analysis
    with no full stop, it is still the essay's conclusion, and not the paragraph's verdict."""
    notes = parse_text("1- Tsar\nHow far was the war responsible for the fall of the Tsar\nP1- analysis\n"
                       "the war mattered a lot\nP2- analysis\nthe strikes only played a limited part, the war "
                       "made them fatal\nSo overall the war was massively responsible for the fall of the Tsar\n")
    assert verdicts.overall_lines(notes) == [
        "So overall the war was massively responsible for the fall of the Tsar"]
    p2 = verdicts.paragraph_of(notes, "P2")
    assert judgement.infer(None, p2.analysis_text) == judgement.PARTIAL


def test_a_paragraph_the_plan_left_out_is_judged_too():
    notes = parse_text("1- Attlee\nHow far did Britain change 1945-51\nP1- welfare\nP2- industry\n"
                       "P1- NHS\n1948\nP1- analysis\na massive change\nP2- analysis\nonly a partial change\n"
                       "P3- analysis\nvery little change\n")
    assert [i.paragraph for i in notes.essay.plan] == ["P1", "P2"]
    assert judgement_notes.judged_paragraphs(notes) == ["P1", "P2", "P3"]


def test_the_answer_under_the_scale_card_is_the_essays_verdict():
    notes = parse_text("1- SA\nHow far did the lives of black South Africans change 1948-94\nP1- analysis\n"
                       "a massive change for the worse\nhow much did their lives change\n"
                       "fundamental - partial - superficial\nin the end only a partial change by 94\n")
    assert verdicts.overall_lines(notes) == ["in the end only a partial change by 94"]
    assert judgement.infer_overall(None, verdicts.overall_lines(notes)) == judgement.PARTIAL


def test_a_causation_essay_judges_the_factor_it_names():
    """`Gandhi was only part of the reason ... but Britain's weakness was the most important factor`: the
    essay asks how far Gandhi was responsible, so the clause that names him is its verdict."""
    line = ("Overall Gandhi was only part of the reason, he made independence popular but it was Britain’s "
            "weakness after WW2 that was the most important factor")
    # an "Overall ..." sentence sums up in its opening clause; the clauses after it are what it weighed
    assert judgement.infer_overall(None, [line]) == judgement.PARTIAL
    about = judgement.factor_words("How far was Gandhi responsible for Indian independence in 1947")
    assert about == {"gandhi"}
    assert judgement.infer_overall(None, [line], about) == judgement.PARTIAL
    # the other capitalised words of the question are no factor: "German" is not Bismarck
    bismarck = judgement.factor_words("How far was Bismarck responsible for the unification of Germany by 1871")
    assert judgement.infer_overall(None, ["Overall Bismarck was only part of the reason, but German economic "
                                          "strength was the most important factor"], bismarck) == judgement.PARTIAL


@pytest.mark.parametrize(("question", "words"), [
    ("To what extent was the fall of the Weimar Republic due to the Depression", {"depression"}),
    ("How far was the Treaty of Versailles responsible for the problems of the Weimar Republic 1919–23",
     {"treaty", "versailles"}),
    ("How important was propaganda in keeping the Nazis in power", {"propaganda"}),
    ("To what extent did the Church of England change 1558–1603", set()),
])
def test_the_factor_a_causation_essay_weighs(question, words):
    assert judgement.factor_words(question) == words


@pytest.mark.parametrize("sentence", ["Overall the purges safeguarded Stalin’s position",
                                      "On balance the change was partial", "In conclusion it was partial"])
def test_overall_lines(sentence):
    assert judgement.is_overall(sentence)


def test_overall_after_is_the_essays_only_in_the_last_card():
    assert not judgement.is_overall("the overall death toll was 20 million")
    assert judgement.ends_overall("But Cavour was still the most important factor overall b/c without 1859 nothing")
    notes = parse_text("1- Cavour\nHow far was Cavour responsible for unification\nP1- analysis\n"
                       "Collectivisation was a partial success overall.\nP2- analysis\n"
                       "But Cavour was still the most important factor overall b/c without him nothing.\n")
    assert verdicts.overall_lines(notes) == [
        "But Cavour was still the most important factor overall b/c without him nothing."]


def test_the_analysis_wins_over_the_plan():
    assert judgement.infer("massive change in 1789", ["Historians say this was only a partial change"]) == 1
    assert judgement.infer("massive change in 1789", ["The king lost his power in 3 months"]) == 0


def test_an_overall_line_beats_a_concessive_argument():
    argued = "It could be argued that the big change came in 1945-49 and after that the rivalry continued"
    assert judgement.infer_overall(argued, []) == judgement.FUNDAMENTAL
    assert judgement.infer_overall(argued, ["Overall only a partial change over the whole period."]) == 1


@pytest.mark.parametrize("question, kind", [
    ("How far was Bismarck responsible for the unification of Germany by 1871", "cause"),
    ("To what extent was the fall of the Weimar Republic due to the Depression", "cause"),
    ("To what extent did the lives of German women change 1933-45", "change"),
    ('"The years 1924-29 were a golden age." How far do you agree', "view"),
])
def test_what_the_essay_weighs(question, kind):
    assert judgement.question_kind(question) == kind


# ------------------------------------------------------------------------------------ the front

@pytest.mark.parametrize("claim, shown", [
    ("a lot, secured his position as leader", "Secured his position as leader"),
    ("massive change, collectivisation ended", "Collectivisation ended"),
    ("Bismarck's diplomacy and the three wars, a massive role.", "Bismarck's diplomacy and the three wars"),
    ("constitutional monarchy only a limited change, king kept a veto", "constitutional monarchy, king kept a veto"),
    ("the Republic and the Terror transformed government", "the Republic and the Terror changed government"),
    ("Parliament and statute, huge change after 1529", "Parliament and statute, after 1529"),
    ("work, women only partly pushed out of jobs", "work, women pushed out of jobs"),
    ("the war brought continuity, women needed in the economy again", "the war, women needed in the economy again"),
    ("work and land, sharecropping so limited change", "work and land, sharecropping"),
    ("violence and the end of Reconstruction, superficial in the long run", "violence and the end of Reconstruction"),
    ("successes in the 1920s, a lot achieved in small disputes", "successes in the 1920s, achieved in small disputes"),
    ("Already powerful before as General Secretary", "As General Secretary"),
    ("personal limits of Stalin", "personal power of Stalin"),
    ("tightened control", "tightened control"),
    ("Cavour's diplomacy w/ France, the most important factor", "Cavour's diplomacy w/ France"),
    ("after Cavour, only a small part of unification", "after Cavour"),
    ("Gandhi was only part of the reason, he made it popular", "Gandhi, he made it popular"),
    ("continuity, the via media stayed the same after 1559", "The via media after 1559"),
    ("economic weakness, one factor among many", "economic weakness"),
    ("weakness of the liberal state, the most important", "weakness of the liberal state"),
    ("economic crisis, important but only partly responsible", "economic crisis"),
    ("Hitler, who was responsible", "Hitler, who was responsible"),  # no weight said
    ("long term problems, only partly to blame", "long term problems"),
    ("the revolutionaries, a minor factor", "the revolutionaries"),
    ("the economy, a real recovery", "the economy"),
    ("the empire's territory, a massive decline", "the empire's territory"),
    ("foreign policy, barely any change", "foreign policy"),
    ("the army, vital", "the army"),
    ("the Bolsheviks, not important until later", "the Bolsheviks, until later"),
    ("Rasputin, quite important", "Rasputin"),
    ("a significant change in who governed", "In who governed"),
    ("taxes, important but not decisive", "taxes"),
    ("farming, only a small change", "farming"),
    ("women, it changed everything", "women, it changed"),
    ("foreign help, less important than the divisions on the left", "foreign help"),
    ("the church, the least important factor", "the church"),
    ("pressure from the West (only explains Pearl Harbor?)", "pressure from the West"),  # an aside of degree
    ("Witte (the main reformer) and industry", "Witte and industry"),
    ("the military war inside ALG (failure)", "the military war inside ALG"),
    ("1988-89 Round Table + elections, only a limited success at first", "1988-89 Round Table + elections, at first"),
])
def test_the_front_never_gives_the_answer_away(claim, shown):
    assert claims.neutral(claim) == shown
    assert not claims.tilts(shown)


def test_theme_tags_are_short_and_free_of_degree(tmp_path):
    notes = tmp_path / "farming.txt"
    notes.write_text("Farming\nHow far did farming change 1928-41\nP1- massive change in agriculture, 6 million "
                     "peasants died. P2- some continuity\nP1- analysis\nA massive change.\n", encoding="utf-8")
    deck = prepare(notes).deck
    tags = {t for n in deck.notes for t in n.tags if "::theme::" in t}
    assert tags == {"Farming::theme::agriculture"}
    qa = next(n for n in deck.notes if n.notetype.key == "qa")
    assert qa.fields[4] == "In agriculture, 6 million peasants died"  # the context line above the card


# --------------------------------------------------------------------------------- judgement notes

def _judgements(tmp_path, text: str):
    notes = tmp_path / "notes.txt"
    notes.write_text(text, encoding="utf-8")
    p = prepare(notes)
    return {n.fields[2]: n for n in p.deck.notes if n.notetype.key == "judgement"}, p.findings


NO_PLAN = """Civil rights
How far was Martin Luther King responsible for the success of the civil rights movement 1955-68?
P1- Montgomery bus boycott
Lasted 381 days from December 1955, 50,000 black people walked. Ruled illegal in Browder v. Gayle 1956.
P1- analysis
King played a massive role because he got the media on the side of the movement.
How can you describe King's role
Decisive / important / minor
P2- Brown v. Board of Education 1954
Chief Justice Earl Warren ruled 9–0 that separate schools were unequal.
P2- analysis
The NAACP had already started the movement before King.
Overall King was the most important single person but he was only partly responsible.
"""


def test_no_plan_line_still_gives_judgements(tmp_path):
    made, _ = _judgements(tmp_path, NO_PLAN)
    assert set(made) == {"P1", "P2", "Whole essay"}
    assert made["P1"].fields[5] == "decisive"  # the notes' own scale card
    assert made["P1"].fields[0] == "Montgomery bus boycott"  # no plan: the paragraph's first point


def test_no_verdict_but_an_analysis_is_still_practised(tmp_path):
    made, findings = _judgements(tmp_path, NO_PLAN)
    assert judgement_notes.NO_VERDICT in made["P2"].fields[5]
    assert "already started the movement" in made["P2"].fields[6]
    assert [f.code for f in findings if "P2" in f.message] == ["no-judgement"]


def test_a_causation_essay_asks_how_important(tmp_path):
    made, _ = _judgements(tmp_path, NO_PLAN)
    assert "How important was this factor?" in made["P1"].fields[4]
    assert "How important overall?" in made["Whole essay"].fields[4]
    assert all(f'data-choice="{c}"' in made["P1"].fields[4] for c in ("decisive", "important", "minor"))


def test_an_overall_line_ending_the_last_analysis_is_the_essays(tmp_path):
    made, _ = _judgements(tmp_path, NO_PLAN)
    assert made["Whole essay"].fields[5] == "important"  # "only partly": the middle of the notes' scale
    assert "Overall" not in made["P2"].fields[6] and "Overall" in made["Whole essay"].fields[6]


def test_key_evidence_is_whole_sentences():
    assert judgement_notes.whole_sentences(["Enforcement Acts 1870 and Ulysses S.", "Grant sent troops.",
                                            "F.", "W. de Klerk freed Mandela 1990."]) == [
        "Enforcement Acts 1870 and Ulysses S. Grant sent troops.", "F. W. de Klerk freed Mandela 1990."]


def test_whole_sentences_looks_for_an_abbreviation_where_a_full_search_finds_it():
    # (it searches only the end of a piece: the same as searching it all)
    pattern = judgement_notes._ABBREVIATION
    words = ["X", "No", "St", "Dr", "Mrs", "Capt", "U.S", "vs", "c", "Sept", "etc", ""]
    for before in ("", "a", "(", "the troops of ", "Grant (", "1918 and\n", "\n"):
        for word in words:
            for after in (".", ".\n", "", ". ", "..", ".x"):
                text = f"{before}{word}{after}"
                found = pattern.search(text, max(0, len(text) - judgement_notes._TAIL)) is not None
                assert found == (pattern.search(text) is not None), text


def test_key_evidence_is_chosen_by_relevance(tmp_path):
    made, _ = _judgements(tmp_path, """Farming
How far did farming change 1928-41
P1- collectivisation of the farms
P1- facts
Stalin met Bukharin in 1928. The weather in 1929 was cold. By 1936 90% of farms were collective farms.
P1- analysis
A massive change: collective farms replaced private farming.
""")
    assert made["P1"].fields[3] == "<ul><li>Stalin met Bukharin in 1928.</li>" \
        "<li>By 1936 90% of farms were collective farms.</li></ul>" or \
        "By 1936 90% of farms were collective farms." in made["P1"].fields[3]
    assert "weather" not in made["P1"].fields[3]


def test_a_judgement_keeps_its_claim_when_the_card_it_came_from_is_deleted(tmp_path):
    """With no plan, a paragraph's claim is its point card's front; delete that card and the studied
    judgement card keeps asking about the same thing (its claim from the lock), not "Paragraph 2"."""
    from ankigen.build import stamp_deck
    from ankigen.inputs import lock_path
    from ankigen.lock import dump_lock

    notes = tmp_path / "n.txt"
    text = ("How far did the countryside change\nP2- private plots\nBy 1937 plots gave 52% of vegetables.\n"
            "P2- analysis\nPeasants worked harder on their plots, so this was only a partial change.\n")
    notes.write_text(text, encoding="utf-8")
    first = prepare(notes, now=1_700_000_000)
    lock_path(notes).write_text(dump_lock(stamp_deck(first, 1_700_000_000).lock), encoding="utf-8")
    notes.write_text(text.replace("P2- private plots\nBy 1937 plots gave 52% of vegetables.\n", ""), encoding="utf-8")
    claims = [n.fields[0] for n in prepare(notes, now=1_700_086_400).deck.notes
              if n.notetype.key == "judgement" and n.fields[2] == "P2"]
    assert claims == ["private plots"]


def test_a_cause_that_only_set_things_off():
    assert judgement.verdict("religion and the Irish rebellion, only a trigger") == judgement.SUPERFICIAL
    assert judgement.verdict("the Depression was the catalyst") == judgement.PARTIAL
    assert claims.neutral("religion and the Irish rebellion, only a trigger") == "religion and the Irish rebellion"


def test_with_no_argument_a_causation_essay_is_judged_by_its_own_factor_s_paragraph(tmp_path):
    text = ("How far was the economic crisis responsible for Mussolini becoming Prime Minister in 1922\n"
            "P1) economic crisis, only partly responsible. P2) weakness of the liberal state, the most important\n"
            "P1) inflation\nprices rose by about 400% between 1915 and 1920.\n"
            "P2) elections\nthe PSI won 156 seats in 1919.\n")
    made, _ = _judgements(tmp_path, text)
    assert "partial" in made["Whole essay"].fields[5]
    assert "P1: economic crisis" in made["Whole essay"].fields[6]  # the reasoning: the factor's plan line


@pytest.mark.parametrize(("text", "level"), [
    ("barely any change in the countryside", judgement.SUPERFICIAL),
    ("the recovery was only on the surface", judgement.SUPERFICIAL),
    ("this was not really a change", judgement.SUPERFICIAL),
    ("it was a real recovery", judgement.FUNDAMENTAL),
    ("it was a limited recovery", judgement.PARTIAL),
    ("the war was crucial", judgement.FUNDAMENTAL),
    ("the war was very important", judgement.FUNDAMENTAL),
    ("the tsar was largely to blame", judgement.FUNDAMENTAL),
    ("the crucial year 1929 saw the crash", None),  # not said of a factor
    ("the war was important", None),  # how important, the notes don't say
    ("The Bolsheviks were not important in February", judgement.SUPERFICIAL),
    ("Rasputin was of little importance", judgement.SUPERFICIAL),
    ("This was quite important as it made the royal family look bad", judgement.PARTIAL),
])
def test_more_ways_to_say_how_much(text, level):
    assert judgement.infer(None, (text,)) == level


@pytest.mark.parametrize(("thesis", "level"), [
    ("It could be argued that the war was the main cause, but Nicholas' own weakness was more important",
     judgement.PARTIAL),
    ("I think the war was important but the tsar himself was more to blame", judgement.PARTIAL),
    ("The war was the main reason because it broke the army, though long term problems mattered too",
     judgement.FUNDAMENTAL),
    ("the war was the most important factor, more important than Rasputin", judgement.FUNDAMENTAL),
])
def test_a_factor_another_outweighs_is_partly_responsible(thesis, level):
    about = judgement.factor_words("How far was the First World War responsible for the fall of Nicholas II in 1917")
    assert judgement.infer_overall(thesis, [], about) == level


@pytest.mark.parametrize(("text", "level"), [
    ("the war was a major factor", judgement.FUNDAMENTAL),
    ("the army was not a major factor", judgement.PARTIAL),
])
def test_a_major_factor(text, level):
    assert judgement.infer(None, (text,)) == level
    assert "major" not in claims.neutral(f"the war, {text.split(' was ')[1]}")


def test_a_lower_case_so_overall_after_a_full_stop_is_the_essays():
    line = ("Not much changed here, there was very little change in housing and schools. so overall Labour only "
            "partly transformed the welfare state")
    assert [judgement.is_overall(s) for s in judgement.sentences(line)] == [False, True]


def test_a_lower_case_in_conclusion_with_no_full_stop_before_it_is_the_essays():
    """`... back to the cold war` / `in conclusion relations only partly changed ...`: the line start the back's
    unwrapping joined still opens the essay's conclusion; "overall" mid-sentence does not."""
    notes = parse_text("#2 detente\nHow far did relations change\nP1- analysis\na massive change\nP2- analysis\n"
                       "very little changed underneath, it was back to the cold war\nin conclusion relations only "
                       "partly changed\n")
    assert verdicts.overall_lines(notes) == ["in conclusion relations only partly changed"]
    p2 = verdicts.paragraph_of(notes, "P2")
    assert judgement.infer(None, p2.analysis_text) == judgement.SUPERFICIAL
    assert judgement.sentences("the overall death toll was huge") == ["the overall death toll was huge"]


@pytest.mark.parametrize("sentence, level", [
    ("Only a partial change, all the men at the top were Normans now, but the parish priests stayed English and "
     "the king kept the Church under him just as Edward had", judgement.PARTIAL),
    ("A massive change - the peasants lost their land but a few kept a private plot", judgement.FUNDAMENTAL),
])
def test_a_verdict_stated_first_outweighs_the_reasons_after_it(sentence, level):
    assert judgement.sentence_verdict(sentence) == level


@pytest.mark.parametrize("sentence, level", [
    ("Some change, but mostly continuity", judgement.SUPERFICIAL),  # the clause after "but" concludes
    ("The biggest change, collectivisation, was brutal but only partly carried out", judgement.PARTIAL),
])
def test_an_opening_that_is_no_verdict_of_its_own(sentence, level):
    assert judgement.sentence_verdict(sentence) == level


@pytest.mark.parametrize("text, level", [
    ("Not much different from before 1789, the préfets were just the old intendants", judgement.SUPERFICIAL),
    ("This was a total break with the revolution's idea that the people are sovereign", judgement.FUNDAMENTAL),
    ("only half a change, the Code kept the gains of 1789", judgement.PARTIAL),
    ("But he was important rather than the main reason, Hus had said the same", judgement.PARTIAL),
])
def test_more_words_of_degree(text, level):
    assert judgement.verdict(text) == level


def test_no_word_of_importance_is_left_on_a_claim():
    assert claims.neutral("Charles V distracted by France and the Turks, minor") == (
        "Charles V distracted by France and the Turks")
    assert claims.neutral("Edward VI was a minor, so Somerset ruled") == "Edward VI was a minor, so Somerset ruled"
    # a comparison stays one, never its opposite; a break stays, its degree goes
    assert claims.neutral("Not much different from before 1789") == "Compared with before 1789"
    assert claims.neutral("the government was not that different from the Directory") == (
        "the government compared with the Directory")
    assert claims.neutral("it was a total break with Rome") == "it was a break with Rome"


@pytest.mark.parametrize("answer, level", [
    ("important - he started it but the princes were the main reason", judgement.PARTIAL),  # the middle option
    ("main reason, without him nothing", judgement.FUNDAMENTAL),
    ("minor really", judgement.SUPERFICIAL),
    ("he mattered but not most", None),  # no option opens the answer: the other rules judge it
])
def test_the_option_an_answer_under_a_scale_opens_with(answer, level):
    notes = parse_text("3 - Luther\nHow far was Luther responsible for the Reformation 1517-55\nP1) ideas\n"
                       "he wrote a lot\nso how far was it luther\nmain reason / important / minor\n"
                       f"{answer}\n")
    assert verdicts.answered_option(notes) == level


def test_a_scale_on_its_question_s_line_is_no_answer_to_itself():
    notes = parse_text("3 - Luther\nHow far was Luther responsible for the Reformation 1517-55\nP1) ideas\n"
                       "he wrote a lot\nhow important: main cause / one of several / minor\nminor really\n")
    assert verdicts.answered_option(notes) == judgement.SUPERFICIAL  # "minor", not the scale's "main cause"


def _every_rule_neutral(claim: str) -> str:
    """`claims.neutral` as it was before rules were skipped by their strings: every rule, in turn."""
    text = claim
    for regex, replacement in claims._NEUTRAL:
        text = regex.sub(replacement, text)
    text = claims._SPACE_BEFORE_STOP.sub(r"\1", " ".join(text.split()))
    text = claims._STOPS.sub(r"\1", text)
    text = claims._DANGLING.sub("", text).strip()
    if text and not claim.startswith(text[:1]):
        text = text[:1].upper() + text[1:]
    return text


def test_neutral_and_tilts_skip_only_rules_that_cannot_match():
    """The rules of `claims` are searched only in texts holding their strings (`rx.needed`): the same claims, and
    the same texts tilt, as when every rule is searched; over every plan line, front and back sentence of the
    fixture notes, and texts whose replacements bring another rule's words."""
    texts = ["the Terror transformed government", "Stalin's power remained LIMITED, mostly", "ſome change",
             "It was only a small change, the most important factor", "a TRANSFORMATION that barely changed"]
    for path in sorted(FIXTURES.glob("*.txt")):
        notes = parse_text(path.read_text(encoding="utf-8"), path)
        texts += [item.text for item in notes.essay.plan]
        texts += [s for card in notes.cards for s in [card.front, *judgement.sentences(card.back_text)]]
    for text in texts:
        assert claims.neutral(text) == _every_rule_neutral(text), text
        expected = bool(claims._HEDGES.search(text)) or any(r.search(text) for r, _ in claims._NEUTRAL)
        assert claims.tilts(text) == expected, text


@pytest.mark.parametrize("text, level", [
    ("total war changed British society", None),  # a total war, no total change
    ("complete victory changed the balance of power", None),
    ("Little change, except for the elite which was replaced completely, so overall a fundamental change",
     judgement.FUNDAMENTAL),  # the conclusion drawn after the opening outweighs it
])
def test_degree_words_that_are_about_something_else(text, level):
    assert judgement.verdict(text) == level


def test_an_overall_line_outweighs_the_answer_under_a_scale(tmp_path):
    text = ("1- WW1\nHow far were alliances responsible for the First World War\nP1- alliances\n"
            "the triple entente 1907\nhow important were alliances\nmain cause / contributory / minor\n"
            "minor - they were defensive\nP2- militarism\nthe naval race 1906-14\nP2- analysis\n"
            "Overall the alliances were the main cause, they turned a local war into a world war\n")
    judged, _ = _judgements(tmp_path, text)
    assert judged["Whole essay"].fields[5].lower() == "main cause"  # on the notes' scale, not the answer's "minor"
    without = text.replace("Overall the alliances were the main cause", "the alliances mattered")
    judged, _ = _judgements(tmp_path, without)
    assert judged["Whole essay"].fields[5].lower() == "minor"  # with no Overall line, the answer settles it


@pytest.mark.parametrize(("question", "verdict"), [
    ("To what extent did the lives of peasants change 1348-1450", "superficial"),
    ("How far was the revolt responsible for the end of serfdom", None),  # what it did, not how much it mattered
])
def test_a_verb_of_little_change_is_a_verdict_in_an_essay_about_change(tmp_path, question, verdict):
    notes = tmp_path / "peasants.txt"
    notes.write_text(f"{question}\nP1- the revolt\n1381, the charters were cancelled\nP1- analysis\nThe revolt "
                     "itself changed very little, the leaders were executed\n", encoding="utf-8")
    deck = prepare(notes).deck
    verdicts = {n.fields[2]: n.fields[5] for n in deck.notes if n.notetype.key == "judgement"}
    assert (verdicts["P1"] == verdict) if verdict else judgement_notes.NO_VERDICT in verdicts["P1"]


def test_a_scale_card_that_asks_about_another_factor_is_not_the_essays():
    """`how important was the naval race` in an essay on how far Germany was responsible: its answer weighs
    the naval race; `so how far was it germany` weighs the essay's factor."""
    question = "How far was Germany responsible for the outbreak of war in 1914"
    about = judgement.factor_words(question)
    for asked, level in (("how important was the naval race", None), ("so how far was it germany", 2)):
        notes = parse_text(f"6 - WW1\n{question}\nP1 - Weltpolitik\nfrom 1897\n{asked}\n"
                           "main cause / one of several / minor\nminor - explains why Britain was against Germany\n")
        assert verdicts.answered_option(notes, about) == level


def test_to_conclude_in_a_sentences_middle_opens_no_conclusion():
    assert judgement.sentences("it is hard to conclude that the war changed everything") == [
        "it is hard to conclude that the war changed everything"]


def test_a_bracket_that_weighs_nothing_stays_in_the_claim():
    assert claims.neutral("the army (Kwantung) acting on its own") == "the army (Kwantung) acting on its own"



@pytest.mark.parametrize("sentence", [
    # a second read's counter-examples: words of degree about something else than how much changed
    "It was not a failure, the five year plans doubled coal output",
    "It was a failure to deal with unemployment that let Hitler in",
    "The Reichstag fire had nothing to do with the Nazis",
    "Strength through Joy was a success with workers",
])
def test_success_and_failure_said_of_something_else_are_no_verdict(sentence):
    assert judgement.degree(sentence) is None


def test_success_in_the_end_is_a_verdict_and_an_aside_with_a_figure_stays_in_the_claim():
    assert judgement.degree("Overall = a huge success in the end")[0] == judgement.FUNDAMENTAL
    assert claims.neutral("Night of the Long Knives (85+ killed, most of them SA)") == (
        "Night of the Long Knives (85+ killed, most of them SA)")
    assert "failure" not in claims.neutral("the Five Year Plans, a failure for consumers")


def test_help_is_no_word_of_degree():
    assert judgement.degree("Whites got little help from the Allies") is None
    assert claims.neutral("Britain gave no help to the Czechs") == "Britain gave no help to the Czechs"


@pytest.mark.parametrize(("text", "level"), [
    ("not a lot - same centralised Bonapartist state, the peasants voted for him", judgement.SUPERFICIAL),
    ("women had the vote but not much power in parliament", None),  # not much of something else
    ("still massively important, without the Cheka the Bolshevicks would have lost control", judgement.FUNDAMENTAL),
    ("just as huge as terror, the Red Army was what actually beat the Whites", judgement.FUNDAMENTAL),
    ("the army was not as important as terror", judgement.PARTIAL),
    ("imo the British did a huge amount to create nationalism themselves", judgement.FUNDAMENTAL),
    ("a lot achieved in the 1920s", None),
])
def test_degrees_of_a_paragraphs_own_words(text, level):
    assert judgement.verdict(text) == level


def test_a_bottom_line_and_an_unpunctuated_so_overall_open_the_essays_conclusion():
    """`Bottom line = partial change ...` after a figure, and `... of it so overall terror was only partly ...`
    joined from two lines, are the essay's conclusion; `..., so overall a fundamental change` stays the sentence's."""
    split = judgement.sentences("Mexico 1861-67 disaster, Maximilian shot 1867 Bottom line = partial change, the "
                                "economy")
    assert split[1:] == ["Bottom line = partial change, the economy"] and judgement.is_overall(split[1])
    split = judgement.sentences("the Bols were organised enough to take advantage of it so overall terror was only "
                                "partly the reason")
    assert split == ["the Bols were organised enough to take advantage of it",
                     "so overall terror was only partly the reason"]
    assert len(judgement.sentences("Little change, except for the elite, so overall a fundamental change")) == 1


def test_the_students_view_inside_a_back_weighs_its_paragraph():
    """`imo ...` at the end of a point card's back, a line of its own or joined to the line above it, is the
    paragraph's analysis where the student writes no analysis card."""
    notes = parse_text("How far was Gandhi responsible for the growth of nationalism 1919-39?\nP1 => Salt March\n"
                       "12 March to 6 April 1930, 78 followers.\nimo G mattered MASSIVELY here, he made a mass "
                       "movement\nP2 => Simon Commission\n1927, all 7 members British. Irwin Declaration 31 Oct 1929\n"
                       "but no date\nimo the British did a huge amount to create nationalism themselves\n")
    views = [verdicts.paragraph_of(notes, p).analysis_text for p in ("P1", "P2")]
    assert views == [("imo G mattered MASSIVELY here, he made a mass movement",),
                     ("imo the British did a huge amount to create nationalism themselves",)]
    assert verdicts.views("it was lit. by gas in 1820") == []


def test_a_scale_written_weakest_first_is_read_strongest_first():
    assert verdicts.strongest_first(("superficial", "partial", "fundamental")) == (
        "fundamental", "partial", "superficial")
    assert verdicts.strongest_first(("main cause", "one of several", "minor")) == (
        "main cause", "one of several", "minor")


def test_an_analysis_that_answers_with_the_notes_own_scale():
    """`how important?` / `one of several causes - ... only the trigger`: the option it opens with, not the words
    of degree after it."""
    assert verdicts.opening_option("one of several causes - it was only the trigger",
                                          ("main cause", "one of several", "minor")) == judgement.PARTIAL
    assert verdicts.opening_option("a minor factor on its own", ("main cause", "one of several",
                                                                          "minor")) == judgement.SUPERFICIAL
    assert verdicts.opening_option("the legion mattered", ("main cause", "one of several", "minor")) is None


def test_a_verdict_said_first_and_ended_with_a_full_stop():
    assert judgement.verdict("only partly a change. it changed the emperors claim to authority but most ordinary "
                             "muslims carried on as before") == judgement.PARTIAL


@pytest.mark.parametrize(("text", "level"), [
    ("not a lot of change for the peasants", judgement.SUPERFICIAL),
    ("not much of a change, the nobles kept their land", judgement.SUPERFICIAL),
    ("not a lot of continuity, the state was transformed", judgement.PARTIAL),
    ("wasn't massively important on its own", None),  # a strong word negated settles nothing
    ("not extremely significant", None),
    ("the Red Army was just as big as the White armies by 1919", None),  # size, not importance
])
def test_second_read_counter_examples_of_degree(text, level):
    assert judgement.verdict(text) == level


def test_and_overall_inside_a_sentence_is_no_conclusion():
    assert judgement.sentences("union membership and overall strike numbers rose") == [
        "union membership and overall strike numbers rose"]


def test_an_option_is_matched_without_its_article_and_an_analysis_needs_a_separator_after_it():
    scale = ("the main cause", "one of several", "minor")
    assert verdicts.opening_option("the main cause - the whole economy", scale) == judgement.FUNDAMENTAL
    assert verdicts.opening_option("some historians say it was limited but really a huge change",
                                          ("huge", "some", "little"), strict=True) is None
    assert verdicts.opening_option("some - historians disagree", ("huge", "some", "little"), strict=True) == 1


def test_personally_opening_a_fact_is_no_view():
    assert verdicts.views("Personally led the rising in October 1917, a massive change of plan") == []
