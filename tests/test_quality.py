"""Floors on the quality table (bench/quality.py) so a rule change cannot quietly lose ground.

Every deck of the labelled corpus (tests/corpus/) is built once and measured. For each deck the fraction
of labelled fronts found (and found in the right paragraph), of labelled facts clozed and of labelled
verdicts matched must stay at or above its floor; the fraction of junk deletions and of judgement cards
whose front gives the answer away must stay at or below its ceiling. The numbers are today's, rounded
down (ceilings up) to a twentieth. When a change lifts a deck, raise its floor here in the same commit;
when a change lowers one on purpose, say why in the commit that lowers it.

The three held-out files (`tuning: false`) are measured like the others: their floors guard against a rule
tuned on the rest that breaks them. Don't tune rules by reading them (nor their `-v` report).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.quality import (  # noqa: E402
    CORPUS,
    Note,
    Row,
    asked,
    check_labels,
    corpus_files,
    deletions,
    load_labels,
    measure_all,
    verdict_of,
)


@dataclass(frozen=True)
class Floor:
    fronts_found: float
    fronts_paragraph: float
    facts_clozed: float
    junk_max: float
    verdicts_right: float
    giveaways_max: float
    cloze_giveaways_max: float
    false_fronts_max: float = 0.0


# Measured at the end of the fifth session's quality work (issue 12), then at the end of each session since (the
# twelfth's: one hundred and one files, eighty-nine of them written blind; boxer_rebellion, spanish_inquisition and
# weimar_hyperinflation_end written blind in it, scored once, then read and tuned on). Held out: dutch_revolt, henry_ii,
# japan_occupation (written blind at the eleventh session's start, never read; their floors are their first scores,
# taken once that session's rules were written; dutch_revolt built no card then, and builds since the
# twelfth session's `layouts.bare_headings`: its floors are its score then, scored once, still unread). Read and
# tuned on in the eleventh session: bolshevik_consolidation, indian_nationalism_gandhi, napoleon_iii (held out in
# the tenth), akbar_mughal, ataturk_turkey, bolivar_independence, armada, taiping, vargas_brazil (written blind in
# it, each batch read once scored); in the tenth
# crusades, indian_mutiny, weimar_culture (held out in the ninth), corn_laws, japan_militarism, mau_mau,
# peasants_revolt, cultural_revolution, congo_crisis, partition_india, prohibition, polish_solidarity,
# wars_of_roses, new_economic_policy, algerian_war, great_depression_britain, korean_war, thirty_years_war,
# american_civil_war, apartheid_end, russian_revolution_1905 (written blind in it, each batch read once scored;
# the last two of them held out until the one after was written); in the ninth ww1_causes,
# black_death, louis_xiv, alexander_ii, mccarthyism, ottoman_decline, nasser_suez, tudor_poor_law, gorbachev,
# detente, glorious_revolution, india_after_1857; in the eighth napoleon, new_deal, luther_reformation,
# peter_great, chartism, scramble_africa, norman_conquest, sun_yatsen, twenties_america; in the seventh
# labour_welfare, reform_acts, russian_civil_war, cuban_revolution, french_wars_religion, irish_famine,
# spanish_civil_war, vietnam_war, ww1_women; earlier american_revolution, meiji_japan, thatcher_economy, apartheid,
# nicholas_ii, weimar_recovery, hitler_rise, suffrage, khrushchev; english_civil_war, seen by accident. A cloze
# card's give-away is its answer shown on its front outside the gap (the context line, the sentence).
FLOORS = {
    "akbar_mughal": Floor(1.00, 1.00, 0.85, 0.00, 1.00, 0.00, 0.00),
    "alexander_ii": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "algerian_war": Floor(1.00, 1.00, 0.95, 0.05, 1.00, 0.00, 0.00),
    "american_civil_war": Floor(0.85, 0.85, 0.90, 0.00, 0.80, 0.00, 0.05),
    "american_revolution": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "apartheid": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "apartheid_end": Floor(0.80, 0.80, 0.85, 0.00, 1.00, 0.00, 0.05, 0.10),
    "armada": Floor(1.00, 1.00, 1.00, 0.05, 1.00, 0.00, 0.05, 0.05),
    "ataturk_turkey": Floor(0.90, 0.90, 1.00, 0.00, 1.00, 0.00, 0.05, 0.10),
    "bismarck": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "black_death": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "bolivar_independence": Floor(1.00, 1.00, 0.90, 0.05, 1.00, 0.00, 0.05),
    "bolshevik_consolidation": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "boxer_rebellion": Floor(1.00, 0.95, 0.90, 0.05, 0.40, 0.00, 0.05),
    "british_empire_decolonisation": Floor(1.00, 1.00, 0.90, 0.00, 1.00, 0.00, 0.05),
    "chartism": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "civil_rights_mlk": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "cold_war": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "cold_war_origins": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "congo_crisis": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "corn_laws": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "crusades": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "cuban_revolution": Floor(1.00, 1.00, 0.90, 0.05, 1.00, 0.00, 0.05),
    "cultural_revolution": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "deng_china": Floor(1.00, 1.00, 0.90, 0.05, 1.00, 0.00, 0.05),
    "detente": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "dutch_revolt": Floor(0.05, 0.00, 0.95, 0.05, 0.20, 0.00, 0.05, 0.80),
    "elizabeth_religion": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "english_civil_war": Floor(1.00, 1.00, 0.90, 0.00, 1.00, 0.00, 0.00),
    "french_revolution": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "french_wars_religion": Floor(1.00, 1.00, 0.90, 0.05, 1.00, 0.00, 0.05),
    "german_unification_1848": Floor(1.00, 1.00, 0.90, 0.00, 1.00, 0.00, 0.00),
    "glorious_revolution": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "gorbachev": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "great_depression_britain": Floor(1.00, 1.00, 0.90, 0.00, 0.40, 0.00, 0.05),
    "henry_ii": Floor(0.85, 0.85, 0.85, 0.05, 0.20, 0.00, 0.05, 0.10),
    "henry_vii": Floor(1.00, 1.00, 0.90, 0.05, 1.00, 0.00, 0.05),
    "henry_viii_government": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "hitler_rise": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "india_after_1857": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "india_independence": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.00),
    "indian_mutiny": Floor(1.00, 1.00, 0.90, 0.05, 1.00, 0.00, 0.05),
    "indian_nationalism_gandhi": Floor(1.00, 1.00, 0.95, 0.05, 0.80, 0.00, 0.05),
    "industrial_revolution": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "irish_famine": Floor(1.00, 1.00, 0.90, 0.00, 1.00, 0.00, 0.05),
    "irish_independence": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "italian_unification": Floor(1.00, 1.00, 0.95, 0.05, 1.00, 0.00, 0.05),
    "japan_militarism": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "japan_occupation": Floor(0.50, 0.50, 0.95, 0.00, 0.40, 0.00, 0.05, 0.35),
    "khrushchev": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "korean_war": Floor(0.90, 0.90, 0.90, 0.00, 0.80, 0.00, 0.05, 0.15),
    "labour_welfare": Floor(1.00, 1.00, 0.90, 0.05, 1.00, 0.00, 0.05),
    "league_of_nations": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "louis_xiv": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "luther_reformation": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "mao_china": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "mau_mau": Floor(1.00, 1.00, 0.95, 0.05, 1.00, 0.00, 0.00),
    "mccarthyism": Floor(1.00, 1.00, 0.90, 0.05, 1.00, 0.00, 0.00),
    "meiji_japan": Floor(1.00, 1.00, 0.95, 0.05, 1.00, 0.00, 0.00),
    "mussolini_rise": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "napoleon": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "napoleon_iii": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "nasser_suez": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "nazi_women": Floor(1.00, 1.00, 0.95, 0.05, 1.00, 0.00, 0.00),
    "new_deal": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "new_economic_policy": Floor(1.00, 1.00, 0.90, 0.00, 1.00, 0.00, 0.05),
    "nicholas_ii": Floor(1.00, 1.00, 0.90, 0.00, 1.00, 0.00, 0.05),
    "norman_conquest": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "ottoman_decline": Floor(1.00, 1.00, 0.90, 0.00, 1.00, 0.00, 0.05),
    "partition_india": Floor(1.00, 1.00, 0.90, 0.05, 1.00, 0.00, 0.05),
    "peasants_revolt": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "peter_great": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "polish_solidarity": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00, 0.10),
    "prohibition": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "reconstruction": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "reform_acts": Floor(1.00, 1.00, 0.90, 0.05, 1.00, 0.00, 0.05),
    "russia_tsars": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "russian_civil_war": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "russian_revolution_1905": Floor(0.90, 0.90, 0.95, 0.00, 1.00, 0.00, 0.05),
    "scramble_africa": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "spanish_civil_war": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.00),
    "spanish_inquisition": Floor(0.85, 0.85, 0.95, 0.05, 0.20, 0.00, 0.00, 0.15),
    "stalin_economy": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "suffrage": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "sun_yatsen": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "taiping": Floor(1.00, 1.00, 0.85, 0.05, 1.00, 0.00, 0.05),
    "thatcher_economy": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "thirty_years_war": Floor(1.00, 1.00, 0.90, 0.05, 1.00, 0.00, 0.00),
    "trade_unions": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "tudor_poor_law": Floor(1.00, 1.00, 0.90, 0.05, 1.00, 0.00, 0.00),
    "tudor_rebellions": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "twenties_america": Floor(1.00, 1.00, 0.95, 0.05, 1.00, 0.00, 0.05),
    "vargas_brazil": Floor(0.90, 0.90, 1.00, 0.00, 1.00, 0.00, 0.05),
    "vietnam_war": Floor(1.00, 1.00, 0.90, 0.00, 1.00, 0.00, 0.05),
    "wars_of_roses": Floor(1.00, 1.00, 1.00, 0.05, 1.00, 0.00, 0.05, 0.10),
    "weimar_crises": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "weimar_culture": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.00),
    "weimar_hyperinflation_end": Floor(0.85, 0.85, 1.00, 0.00, 0.60, 0.00, 0.05),
    "weimar_recovery": Floor(1.00, 1.00, 1.00, 0.00, 1.00, 0.00, 0.05),
    "ww1_causes": Floor(1.00, 1.00, 0.95, 0.00, 1.00, 0.00, 0.05),
    "ww1_women": Floor(1.00, 1.00, 0.90, 0.00, 1.00, 0.00, 0.05),
}
# (verdicts 0.94, from 0.95, in the twelfth session: the three decks it wrote blind judge on scales no rule reads
# yet, ticks (✓✓✓), significance words (crucial / contributory) and a numbered key (3 = radical), 6/15 right; the
# other 98 decks' verdicts are what they were, 465/482)
TOTAL = Floor(0.95, 0.95, 0.95, 0.05, 0.94, 0.00, 0.05, 0.05)
HELD_OUT = ("dutch_revolt", "henry_ii", "japan_occupation")


@pytest.fixture(scope="module")
def measured() -> dict[str, Row]:
    rows, total = measure_all()
    return {r.deck: r for r in rows} | {"total": total}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _check(row: Row, floor: Floor) -> list[str]:
    got = {
        "fronts found": (_ratio(row.fronts_found, row.fronts), floor.fronts_found, ">="),
        "fronts in the right paragraph": (_ratio(row.fronts_paragraph, row.fronts), floor.fronts_paragraph, ">="),
        "facts clozed": (_ratio(row.facts_clozed, row.facts), floor.facts_clozed, ">="),
        "verdicts right": (_ratio(row.verdicts_right, row.verdicts), floor.verdicts_right, ">="),
        "junk deletions": (_ratio(row.junk, row.deletions), floor.junk_max, "<="),
        "judgement fronts giving the answer away": (_ratio(row.giveaways, row.judgements), floor.giveaways_max,
                                                    "<="),
        "cloze cards giving the answer away": (_ratio(row.cloze_giveaways, row.cloze_cards), floor.cloze_giveaways_max,
                                               "<="),
        "false fronts": (_ratio(row.false_fronts, row.questions), floor.false_fronts_max, "<="),
    }
    return [
        f"{name}: {value:.2f}, {'floor' if op == '>=' else 'ceiling'} {limit:.2f}"
        for name, (value, limit, op) in got.items()
        if (value < limit - 1e-9 if op == ">=" else value > limit + 1e-9)
    ]


def test_every_corpus_file_has_floors() -> None:
    assert sorted(p.stem for p in corpus_files()) == sorted(FLOORS)


def test_one_hundred_and_one_files_three_held_out() -> None:
    files = corpus_files()
    assert len(files) == 101
    assert sorted(p.stem for p in files if not load_labels(p).tuning) == sorted(HELD_OUT)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_labels_are_sound(name: str) -> None:
    assert check_labels(CORPUS / f"{name}.txt") == []


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_deck_holds_its_floors(measured: dict[str, Row], name: str) -> None:
    row = measured[name]
    lost = _check(row, FLOORS[name])
    # (a held-out deck's misses are not shown: whoever reads them could tune rules to them)
    details = [] if name in HELD_OUT else [f"  {k}: {item}" for k, items in row.details.items() for item in items]
    assert not lost, f"{name} lost ground: " + "; ".join(lost) + "\n" + "\n".join(details)


def test_total_holds_its_floors(measured: dict[str, Row]) -> None:
    assert _check(measured["total"], TOTAL) == []


@pytest.mark.parametrize(("fact", "cloze", "whole"), [
    ("£20 a month", "fine raised to {{c1::£20 a month}} in 1581", True),  # the deletion is the fact
    ("£20 a month", "fine raised to {{c1::£20}} a month in 1581", True),  # its figure, the rate beside the gap
    ("£20", "fine raised to {{c1::£20 a month}} in 1581", True),
    ("123 priests", "About {{c1::123}} priests were executed", True),  # what is counted beside the gap
    ("Act of Resumption 1486", "the {{c1::Act of Resumption}} {{c2::1486}} took back lands", True),  # side by side
    ("Act of Resumption 1486", "the {{c1::Act of Resumption}} 1486 took back lands", False),  # its year shown
    ("Edmund Campion", "{{c1::Jesuits Edmund Campion}} came 1580", False),  # the deletion asks more names
    ("7 times in 24 years", "met {{c1::7}} times in {{c2::24 years}}", False),  # words between the deletions
    ("divine right of kings", "believed in the {{c1::divine right}} of kings", False),  # ordinary words: as written
    ("kolkhoz", "peasants left the {{c1::kolkhoz}}", True),
    ("two million women", "about {{c1::two million}} women took over men's jobs", True),  # figures in words
])
def test_a_fact_is_asked_whole(fact: str, cloze: str, whole: bool) -> None:
    assert asked(fact, deletions(cloze)) is whole


def test_a_verdict_on_the_notes_own_scale_is_read_at_its_place() -> None:
    scale = "".join(f'<button data-choice="{c}">{c}</button>' for c in ("decisive", "important", "minor"))
    assert verdict_of(Note("judgement", {"Scale": scale, "Judgement": "important"}, ())) == "partial"
    assert verdict_of(Note("judgement", {"Scale": scale, "Judgement": "Fundamental"}, ())) == "fundamental"
    assert verdict_of(Note("judgement", {"Scale": scale, "Judgement": ""}, ())) == "none"
