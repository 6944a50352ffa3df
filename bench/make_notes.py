"""Synthetic revision notes in the style of source/stalin-power.txt, for benchmarks.

    python bench/make_notes.py 10000 -o /tmp/notes-10000.txt [--seed 7] [--verify]

One notes file with N question cards (fronts): a numbered title, the essay question, a one-line plan
P1..P4 (with varying words of degree), a thesis with a glued `P1:` front, then the cards of P1..P4 with
every front style the parser knows (`P1-`, `P2:`, `p3 -`, `P4 –`, analysis and example fronts, bare
questions), some fronts glued to the end of the previous back, some backs hard-wrapped at ~65 characters
with lower-case continuation lines, and backs full of dates, figures and invented names.

Deterministic: the same N and seed give the same bytes. Fronts are unique within their paragraph and
backs stay under 900 characters, so `ankigen check` reports no errors and no duplicate fronts.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

PARAGRAPHS = ("P1", "P2", "P3", "P4")

# Invented surnames from syllables, so that they are not English words (checked against the word list
# ankigen uses when it is installed).
_ONSETS = (
    "Bor",
    "Vel",
    "Zar",
    "Kov",
    "Mir",
    "Dub",
    "Tresh",
    "Gol",
    "Ryb",
    "Pav",
    "Lud",
    "Sev",
    "Vor",
    "Yezh",
    "Kal",
    "Zhu",
    "Orl",
    "Ush",
    "Dren",
    "Mak",
    "Tsar",
    "Grom",
    "Shev",
    "Plek",
)
_MIDDLES = ("", "a", "e", "i", "o", "ya", "in", "ov", "ur")
_ENDINGS = ("kin", "nov", "rov", "ski", "chev", "lin", "dze", "yan", "ets", "ich", "enko", "shvili")
_PLACE_ENDS = ("grad", "sk", "ovo", "insk", "abad")

NOUNS = (
    "purges",
    "show trials",
    "grain quotas",
    "secret police",
    "party congress",
    "Politburo votes",
    "Five-Year Plan targets",
    "Red Army command",
    "central committee",
    "ban on factions",
    "nomenklatura",
    "cult of personality",
    "Lenin Enrolment",
    "kulak resistance",
    "regional secretaries",
    "Komsomol",
    "Gosplan",
    "labour camps",
    "Orgburo",
    "party cards",
    "collective farms",
    "rail workers",
    "press censorship",
    "trade unions",
    "shock workers",
    "party purge commission",
    "internal passports",
    "border guards",
)
VERBS = ("purged", "arrested", "denounced", "promoted", "demoted", "exiled", "shot", "rehabilitated")
DEGREES = (
    "a lot",
    "fundamentally",
    "massively",
    "partially",
    "to some extent",
    "limited",
    "some change",
    "little change",
    "superficially",
    "completely",
    "partly",
    "huge",
)
PLAN_TEXTS = (
    "secured his position as leader and established dictatorship",
    "tightened control by quashing opposition",
    "personal limits of the leader",
    "already powerful before as General Secretary",
    "control of the secret police and the army",
    "limits imposed from within the leadership",
    "terror used against the regions",
    "the party changed by the Lenin Enrolment",
)

# Sentence starters and templates avoid question words and auxiliaries (How, When, Was, Did, ...) so
# that no back line reads as a bare question front.
SENTENCES = (
    "Trial of {n16} – {side} {year} {name} and {name2}.",
    "In {range} there were purges in the {noun}, most of whom were members of the Party.",
    "{frac} marshals and {frac2} army commanders {verb}.",
    "{fig} officers shot or imprisoned under {name} in {year}.",
    "{name} {verb} {fig3} of his own personnel and a quota system was used at local level.",
    "By {year} {name} was the only member of the {noun} to have survived the power struggle.",
    "In {year} {name} issued a document to members of the {noun} that was highly critical of the leader.",
    "The {ord} Party Congress in {year} gave {name} a wave of support and {pct} of the delegates stood.",
    "{name} held {fig} personal files on Party members and reported to {name2} regularly.",
    "Party leaders in {place} ignored official orders from Moscow during the {noun} of {range}.",
    "After the removal of {name} and {name2} the {noun} was crammed with cronies loyal to {name3}.",
    "The {noun} met {small} times in {year}, against {small2} times in {year2}.",
    "{name}, the popular leader of the Party in {place}, secured {pct} of the votes in {year}.",
    "Overall the {noun} safeguarded the leader’s position and {pct} of officials owed their post to {name}.",
    "{name} was sentenced to {small} years in a labour camp in {year} after {name2} refused to agree.",
    "Targets for {year} were cut by {pct} after {name} and the {noun} objected.",
    "Under {name} the {noun} grew from {fig} members in {year} to {fig2} in {year2}.",
    "As a result {name} was able to impose a firm grip on the {noun} through fear and intimidation.",
    "Similarly {name} used the {noun} to promote supporters, {frac} of whom came from {place}.",
    "This cut down the power of {name} and sped up the {noun} that {name2} had opposed.",
    "Another act of defiance came from {name} in {place} in {year} when {fig3} members walked out.",
    "{name}’s article on the {noun} made clear criticisms of the leader’s policies in {year}.",
)
ANALYSIS_SENTENCES = (
    "As a result the leader was able to strengthen his personal rule over the {noun} through fear.",
    "This proves that the leader’s position in {year} was insecure and fraught with potential dangers.",
    "It is tempting to see the {noun} of the {decade} as a collection of cronies such as {name}.",
    "There is undoubtedly a lot of truth in this view, although {name} opposed the {noun} in {year}.",
    "The change was partial: the {noun} still met {small} times a year and {name} kept his post.",
)

POINT_FRONTS = (
    "how {name} dealt with the {noun}",
    "{name}’s control of the {noun}",
    "role of the {noun} in {place}",
    "{noun} under {name}",
    "opposition from {name} over the {noun}",
    "impact of the {noun} on {name}",
    "limits set by {name} on the {noun}",
    "{name} and {name2} in the {noun}",
    "Personal limits, {name} never controlled the {noun}",
    "already powerful before as head of the {noun} in {place}",
)
ANALYSIS_FRONTS = (
    "analysis of {name}’s {noun}",
    "analysis, {noun} in {place}",
    "analysis of {name} and {name2}",
)
EXAMPLE_FRONTS = (
    "example, {name}",
    "example of Party opposition {name}",
    "examples, {name} and the {noun}",
    "example, {place} {noun}",
    "evidence of {name}’s {noun}",
)
QUESTION_FRONTS = (
    "How did {name} use the {noun}?",
    "Why was the {noun} important to {name}?",
    "What happened to {name} in {place}?",
    "Did {name} oppose the {noun} in {place}",
    "How far did the {noun} limit {name}",
)
MARKER_STYLES = ("{p}- ", "{p}: ", "{lp} - ", "{p} – ", "{p}-")
GLUE_STYLES = ("{p}- ", "{p}: ")  # what a glued front may look like ("... loyal. P2- opposition ...")

MAX_BACK = 850


def _names(rng: random.Random) -> list[str]:
    ordinary = _word_list()
    names = sorted(
        {
            o + m + e
            for o in _ONSETS
            for m in _MIDDLES
            for e in _ENDINGS
            if (o + m + e).lower() not in ordinary
        }
    )
    rng.shuffle(names)
    return names


def _word_list() -> frozenset[str]:
    try:
        from spellchecker import SpellChecker
    except ImportError:  # the generator still works without it, the syllables are already odd
        return frozenset()
    return frozenset(SpellChecker(language="en", distance=1).word_frequency.dictionary)


class Maker:
    def __init__(self, n: int, seed: int):
        self.n = n
        self.rng = random.Random(seed * 1_000_003 + n)
        self.names = _names(self.rng)
        self.places = sorted({o + e for o in _ONSETS for e in _PLACE_ENDS})
        self.seen: dict[str | None, set[str]] = {}

    def slots(self) -> dict[str, str]:
        r = self.rng
        year = r.randint(1917, 1953)
        return {
            "name": r.choice(self.names),
            "name2": r.choice(self.names),
            "name3": r.choice(self.names),
            "place": r.choice(self.places),
            "noun": r.choice(NOUNS),
            "verb": r.choice(VERBS),
            "year": str(year),
            "year2": str(r.randint(1917, 1953)),
            "decade": f"{r.choice((192, 193, 194))}0s",
            "range": f"{year}- {(year + 1) % 100:02d}"
            if r.random() < 0.5
            else f"{year}-{year + r.randint(1, 9)}",
            "fig": f"{r.randint(2, 99)},{r.randint(0, 999):03d}",
            "fig2": f"{r.randint(100, 999)},{r.randint(0, 999):03d}",
            "fig3": str(r.randint(100, 9000)),
            "frac": f"{r.randint(1, 4)}/5",
            "frac2": f"{r.randint(2, 15)}/16",
            "pct": f"{r.randint(5, 99)}%",
            "ord": f"{r.randint(10, 19)}th",
            "small": str(r.randint(2, 40)),
            "small2": str(r.randint(2, 40)),
            "n16": str(r.randint(12, 30)),
            "side": r.choice(("left", "right")),
        }

    def fill(self, template: str) -> str:
        return template.format(**self.slots())

    def front(self, paragraph: str | None, templates: tuple[str, ...]) -> str:
        seen = self.seen.setdefault(paragraph, set())
        for _ in range(1000):
            text = self.fill(self.rng.choice(templates))
            key = text.lower().replace("’", "'").rstrip("?")
            if key not in seen:
                seen.add(key)
                return text
        raise RuntimeError("could not find a unique front; add words to the generator")

    def back(self, analysis: bool, example: bool) -> list[str]:
        r = self.rng
        count = r.randint(2, 5) if analysis else r.randint(1, 4)
        pool = ANALYSIS_SENTENCES + SENTENCES if analysis else SENTENCES
        sentences: list[str] = []
        if example:  # an example always has a date to cloze
            sentences.append(self.fill(SENTENCES[1 + r.randint(0, 1)]))
        while len(sentences) < count:
            s = self.fill(r.choice(pool))
            if sum(len(x) + 1 for x in sentences) + len(s) > MAX_BACK - 120:
                break
            sentences.append(s)
        shape = r.random()
        if shape < 0.5:  # one long line, like most of the seed
            return [" ".join(sentences)]
        if shape < 0.7:  # one sentence a line
            return sentences
        if shape < 0.93:  # a textbook paragraph hard-wrapped at ~65 characters
            return wrap(" ".join(sentences), 65)
        return ["- " + s.rstrip(".") for s in sentences]  # bullets

    def marker(self, paragraph: str, glued: bool) -> str:
        style = self.rng.choice(GLUE_STYLES if glued else MARKER_STYLES)
        return style.format(p=paragraph, lp=paragraph.lower())

    def card_kinds(self) -> list[tuple[str | None, str]]:
        """(paragraph, kind) for each of the N cards, in file order."""
        r = self.rng
        per = [self.n // 4 + (1 if i < self.n % 4 else 0) for i in range(4)]
        out: list[tuple[str | None, str]] = []
        for paragraph, count in zip(PARAGRAPHS, per, strict=True):
            for i in range(count):
                if i == 0:
                    out.append((paragraph, "point"))
                    continue
                x = r.random()
                kind = (
                    "question"
                    if x < 0.04
                    else "scale"
                    if x < 0.045
                    else "analysis"
                    if x < 0.2
                    else "example"
                    if x < 0.35
                    else "point"
                )
                out.append((None if kind in ("question", "scale") else paragraph, kind))
        return out

    def text(self) -> str:
        r = self.rng
        leader = r.choice(self.names)
        degrees = r.sample(DEGREES, 4)
        plans = r.sample(PLAN_TEXTS, 4)
        lines = [
            f"{r.randint(1, 30)}- {leader} Power Flashcards",
            f"What extent did {leader}‘s power over the party change from 1928 to 53",
            " ".join(f"{p}- {d}, {t}." for p, d, t in zip(PARAGRAPHS, degrees, plans, strict=True)).rstrip(
                "."
            ),
        ]
        kinds = self.card_kinds()
        # The thesis carries the first front glued to its end: "... over the party. P1: power of opponents".
        thesis = (
            f"It could be argued that eliminating {leader}‘s opponents {r.choice(DEGREES)} changed his "
            f"personal rule and established a dictatorship over the party."
        )
        glue_next = thesis
        for paragraph, kind in kinds:
            analysis = kind == "analysis"
            example = kind == "example"
            if kind in ("question", "scale"):
                if glue_next is not None:
                    lines.append(glue_next)
                    glue_next = None
                if kind == "scale":
                    lines.append(self.front(None, ("How can you describe change in the {noun} of {place}",)))
                    lines.append("Fundamental/ partial/ superficial")
                    continue
                lines.append(self.front(None, QUESTION_FRONTS))
            else:
                assert paragraph is not None
                templates = ANALYSIS_FRONTS if analysis else EXAMPLE_FRONTS if example else POINT_FRONTS
                front = self.front(paragraph, templates)
                if glue_next is not None:
                    lines.append(f"{glue_next} {self.marker(paragraph, True)}{front}")
                    glue_next = None
                else:
                    lines.append(self.marker(paragraph, False) + front)
            back = self.back(analysis, example)
            if back[-1].endswith(".") and r.random() < 0.12:
                glue_next = back.pop()
                if not back:  # the whole back is the line the next front is glued to
                    back, glue_next = [glue_next], None
                    lines.extend(back)
                    continue
            lines.extend(back)
            if r.random() < 0.03:
                lines.append("")
        if glue_next is not None:
            lines.append(glue_next)
        return "\n".join(lines) + "\n"


def wrap(text: str, width: int) -> list[str]:
    """Hard-wrap like a textbook copied from a PDF: break only before a lower-case word, so that every
    continuation line starts in lower case (as in the seed)."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width and word[0].islower():
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def make_notes(n: int, seed: int = 7) -> str:
    return Maker(n, seed).text()


def verify(path: Path, n: int) -> None:
    """Parse with ankigen and make sure every generated front became a card (raises on a mismatch)."""
    from ankigen.parser import read_notes

    notes = read_notes(path)
    if len(notes.cards) != n:
        raise SystemExit(f"{path}: expected {n} cards, the parser found {len(notes.cards)}")
    if not notes.essay.plan or len(notes.essay.plan) != 4:
        raise SystemExit(f"{path}: the plan was not recognised: {notes.essay.plan!r}")
    longest = max(len(c.back_text) for c in notes.cards)
    if longest >= 900:
        raise SystemExit(f"{path}: a back has {longest} characters")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of cards (fronts)")
    ap.add_argument("-o", "--out", type=Path, help="file to write (default: stdout)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--verify", action="store_true", help="parse the result with ankigen and check the count")
    args = ap.parse_args(argv)
    text = make_notes(args.n, args.seed)
    if args.out is None:
        sys.stdout.write(text)
        return
    args.out.write_text(text, encoding="utf-8")
    if args.verify:
        verify(args.out, args.n)


if __name__ == "__main__":
    main()
