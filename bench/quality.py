"""How good are the decks ankigen makes? Measured against the labelled corpus in tests/corpus/.

For every `tests/corpus/X.txt` with its teacher's labels `X.labels.yaml`, build the deck with ankigen (one
file at a time, from a temporary copy, so the lock file is written only there) and read the built `.apkg`
back: the collection inside it, its note types by name and its notes' fields and tags. Only that surface is
used (never ankigen's internal records), so the measure holds while the code is rewritten.

    python bench/quality.py              # one row per deck, and a total row
    python bench/quality.py --json       # the same, as JSON
    python bench/quality.py --markdown   # the README's table
    python bench/quality.py -v           # also what was missed, which deletions are junk, wrong verdicts
    python bench/quality.py tests/corpus/cold_war.txt   # some files only

The measures (see tests/corpus/README.md for the labels):

- fronts found: labelled fronts matched by a question card (case, apostrophes, dashes, spaces and end
  punctuation normalised), and of those, how many carry the labelled paragraph tag (`<Deck>::P1`; none for
  a front the teacher puts in no paragraph);
- false fronts: question cards that answer no labelled front (a line of a back, the plan or the argument
  taken for a front), out of the deck's question cards;
- facts clozed: labelled facts that are a whole deletion `{{cN::...}}` of some evidence cloze;
- junk deletions: deletions that are fragments (a letter or an initial, a cut word, part of a longer
  labelled name), one ordinary English word, or the deck's subject (words of the essay question or deck name,
  or a term found on most of the deck's cards); a deletion equal to a labelled fact is never junk;
- verdicts right: each labelled verdict (P1..., essay) against the judgement card's; "none" is right when
  no judgement card gives a verdict for it;
- give-aways: judgement cards whose front (claim, key evidence) holds a word of degree;
- cloze give-aways: evidence cloze cards (one per deletion number) whose front shows the deleted text
  outside its gap: in the context above the sentence (the paragraph's theme, the card's front) or
  elsewhere in the sentence, not deleted there.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "corpus"
EPOCH = "1700000000"

QUESTION = "ankigen: Question"
CLOZE = "ankigen: Evidence cloze"
JUDGEMENT = "ankigen: Judgement"
VERDICTS = ("fundamental", "partial", "superficial")
# Words of degree: on the front of a judgement card they give the answer away.
DEGREE = re.compile(
    r"\b(?:fundamental(?:ly)?|partial(?:ly)?|partly|superficial(?:ly)?|limited|limits?|only|massive(?:ly)?|"
    r"huge(?:ly)?|a ?lot|some|continuity|transform(?:ed|ation|s)?|already|very little|little change|"
    r"no real change|most important|most significant|main (?:factor|cause|reason)|(?:small|minor) (?:part|role|"
    r"factor)|part of the reason|decisive|crucial|"
    r"(?:stayed|remained|was|were) (?:basically |mostly |largely )?the same|the same as before|unchanged|trigger|"
    r"catalyst|among (?:many|several|others))\b",
    re.IGNORECASE,
)
_DELETION = re.compile(r"\{\{c(\d+)::(.*?)(?:::[^{}]*?)?\}\}", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-", "\u00a0": " "})
_SUBJECT_STOP = {"the", "of", "and", "in", "to", "a", "an", "how", "far", "what", "extent", "did", "was",
                 "were", "change", "changed", "between", "from", "for", "by", "responsible", "success",
                 "flashcards", "on", "under", "with", "its", "their", "do", "you", "agree"}


# ------------------------------------------------------------------------------------------- text


def plain(field_html: str) -> str:
    """A field's text: tags dropped (a <br> or list item is a space), entities decoded, spaces collapsed."""
    text = re.sub(r"<br\s*/?>|</li>|</p>", " ", field_html)
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def norm(text: str) -> str:
    """For comparing a label with a card: case, apostrophes, dashes, spaces and end punctuation."""
    text = plain(text).translate(_APOSTROPHES).lower()
    text = re.sub(r"\s*-\s*", "-", text) if re.search(r"\d\s*-\s*\d", text) else text
    return " ".join(text.split()).strip(" .,:;?!-")


def read_notes_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ------------------------------------------------------------------------------------------ labels


@dataclass(frozen=True)
class Front:
    paragraph: str | None
    text: str


@dataclass(frozen=True)
class Labels:
    student: str
    tuning: bool
    fronts: tuple[Front, ...]
    facts: tuple[str, ...]
    verdicts: dict[str, str]


def load_labels(notes: Path) -> Labels:
    data = yaml.safe_load(notes.with_name(notes.stem + ".labels.yaml").read_text(encoding="utf-8"))
    return Labels(
        student=" ".join(str(data["student"]).split()),
        tuning=bool(data["tuning"]),
        fronts=tuple(Front(f["paragraph"], str(f["text"])) for f in data["fronts"]),
        facts=tuple(str(f) for f in data["facts"]),
        verdicts={str(k): str(v) for k, v in data["verdicts"].items()},
    )


def check_labels(notes: Path) -> list[str]:
    """What is wrong with a file's labels (or the file): empty when they are sound."""
    problems: list[str] = []
    labels = load_labels(notes)
    text = read_notes_text(notes)
    lines = text.rstrip("\n").split("\n")
    flat = norm(" ".join(lines))
    if not 60 <= len(lines) <= 140:
        problems.append(f"{len(lines)} lines, not 60-140")
    if not 10 <= len(labels.fronts) <= 20:
        problems.append(f"{len(labels.fronts)} fronts, not 10-20")
    if not 20 <= len(labels.facts) <= 30:
        problems.append(f"{len(labels.facts)} facts, not 20-30")
    if len(set(labels.facts)) != len(labels.facts):
        problems.append("a fact is labelled twice")
    for front in labels.fronts:
        if norm(front.text) not in flat:
            problems.append(f"front not in the notes: {front.text!r}")
        if front.paragraph is not None and not re.fullmatch(r"P\d", front.paragraph):
            problems.append(f"bad paragraph {front.paragraph!r}")
    for fact in labels.facts:
        if not re.search(r"(?<![\w])" + re.escape(norm(fact)) + r"(?![\w])", flat):
            problems.append(f"fact not in the notes as written: {fact!r}")
    paragraphs = {f.paragraph for f in labels.fronts if f.paragraph}
    for key, verdict in labels.verdicts.items():
        if verdict not in (*VERDICTS, "none"):
            problems.append(f"{key}: verdict {verdict!r}")
        if key != "essay" and key not in paragraphs:
            problems.append(f"verdict for {key}, which has no fronts")
    if "essay" not in labels.verdicts:
        problems.append("no essay verdict")
    missing = paragraphs - set(labels.verdicts)
    if missing:
        problems.append(f"no verdict for {sorted(missing)}")
    return problems


# ------------------------------------------------------------------------------------------ decks


@dataclass(frozen=True)
class Note:
    kind: str  # the note type's name
    fields: dict[str, str]
    tags: tuple[str, ...]

    def paragraph(self) -> str | None:
        """P1... from the note's tags; "essay" for the whole-essay cards; None when in no paragraph."""
        for tag in self.tags:
            last = tag.rsplit("::", 1)[-1]
            if re.fullmatch(r"P\d+", last):
                return last
            if last == "essay" and tag.count("::") == 1:
                return "essay"
        return None


def read_apkg(apkg: Path) -> list[Note]:
    """Every note in a built deck, its fields by name (from the collection's own note types)."""
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(apkg) as zf:
            zf.extract("collection.anki2", tmp)
        con = sqlite3.connect(Path(tmp) / "collection.anki2")
        try:
            models = json.loads(con.execute("select models from col").fetchone()[0])
            rows = con.execute("select mid, flds, tags from notes order by id").fetchall()
        finally:
            con.close()
    names = {int(k): (m["name"], [f["name"] for f in sorted(m["flds"], key=lambda f: f["ord"])])
             for k, m in models.items()}
    notes = []
    for mid, flds, tags in rows:
        name, field_names = names[mid]
        notes.append(Note(name, dict(zip(field_names, flds.split("\x1f"), strict=True)), tuple(tags.split())))
    return notes


def build(notes: Path) -> tuple[list[Note], list[str]]:
    """Build one notes file with ankigen from a temporary copy: the notes of its deck (none when ankigen
    refuses the file) and the errors it reported."""
    from ankigen.build import build_paths

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        shutil.copy2(notes, src / notes.name)
        old = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = EPOCH
        try:
            prepared, built = build_paths([src], Path(tmp) / "out")
        finally:
            if old is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = old
        errors = [str(f).replace(str(src) + os.sep, "") for p in prepared for f in p.errors]
        return (read_apkg(built[0].output) if built else []), errors


# ---------------------------------------------------------------------------------------- measures


@dataclass
class Row:
    deck: str
    tuning: bool
    built: bool = True
    fronts: int = 0
    fronts_found: int = 0
    fronts_paragraph: int = 0
    questions: int = 0  # the deck's question cards
    false_fronts: int = 0  # question cards of no labelled front: a line of a back, the plan or the argument
    facts: int = 0
    facts_clozed: int = 0
    deletions: int = 0
    junk: int = 0
    verdicts: int = 0
    verdicts_right: int = 0
    judgements: int = 0
    giveaways: int = 0
    cloze_cards: int = 0
    cloze_giveaways: int = 0
    details: dict[str, list[str]] = field(default_factory=dict)

    def add(self, other: Row) -> None:
        for name in ("fronts", "fronts_found", "fronts_paragraph", "questions", "false_fronts", "facts",
                     "facts_clozed", "deletions",
                     "junk", "verdicts", "verdicts_right", "judgements", "giveaways", "cloze_cards",
                     "cloze_giveaways"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def match_fronts(labels: Sequence[Front], cards: Sequence[Note]) -> tuple[int, int, list[str]]:
    """(found, with the right paragraph, what was missed). Each card answers one label: first the labels
    whose front and paragraph both match, then the rest by front alone."""
    pool = [(norm(c.fields.get("Front", "")), c.paragraph()) for c in cards]
    used = [False] * len(pool)
    matched: dict[int, str | None] = {}
    for exact in (True, False):
        for i, front in enumerate(labels):
            if i in matched:
                continue
            want = norm(front.text)
            for j, (text, para) in enumerate(pool):
                if not used[j] and text == want and (not exact or para == front.paragraph):
                    used[j] = True
                    matched[i] = para
                    break
    missed = []
    for i, front in enumerate(labels):
        if i not in matched:
            missed.append(f"missed {front.paragraph or '-'}: {front.text}")
        elif matched[i] != front.paragraph:
            missed.append(f"paragraph {matched[i] or '-'} not {front.paragraph or '-'}: {front.text}")
    right = sum(1 for i, f in enumerate(labels) if i in matched and matched[i] == f.paragraph)
    missed += [f"false front {para or '-'}: {text}" for (text, para), hit in zip(pool, used, strict=True) if not hit]
    return len(matched), right, missed


@dataclass(frozen=True)
class Deletion:
    text: str  # as written in the deletion (plain text)
    before: str  # the character before it in the sentence ("" at the start)
    after: str  # the character after it
    sentence: str  # the sentence with every cloze marker removed
    start: int  # where the deletion is in that sentence


def deletions(cloze_text: str) -> list[Deletion]:
    """The deletions of one evidence cloze, each placed in the sentence with the markers taken out."""
    text = html.unescape(_TAG.sub("", cloze_text))
    pieces, spans, pos, out_len = [], [], 0, 0
    for m in _DELETION.finditer(text):
        pieces.append(text[pos:m.start()])
        out_len += m.start() - pos
        spans.append((out_len, m.group(2)))
        pieces.append(m.group(2))
        out_len += len(m.group(2))
        pos = m.end()
    pieces.append(text[pos:])
    sentence = "".join(pieces)
    found = []
    for start, inner in spans:
        end = start + len(inner)
        found.append(Deletion(inner, sentence[start - 1:start] if start else "", sentence[end:end + 1],
                              sentence, start))
    return found


def cloze_fronts(note: Note) -> dict[int, tuple[set[str], str]]:
    """The front of each card of an evidence cloze note, as text: {number: (its answers, what the front
    shows besides the gap)}, the context above and the sentence with that number's deletions taken out
    and the others shown."""
    text = html.unescape(_TAG.sub("", note.fields.get("Text", "")))
    context = plain(note.fields.get("Context", ""))
    out: dict[int, tuple[set[str], str]] = {}
    for n in sorted({int(m.group(1)) for m in _DELETION.finditer(text)}):
        answers = {m.group(2) for m in _DELETION.finditer(text) if int(m.group(1)) == n}
        shown = _DELETION.sub(lambda m, n=n: " [...] " if int(m.group(1)) == n else m.group(2), text)
        out[n] = (answers, context + " | " + shown)
    return out


def _fold(text: str) -> str:
    """Case, apostrophes and dashes folded, one character for one (positions stay)."""
    return text.translate(_APOSTROPHES).lower()


_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
billion half quarter quarters third thirds""".split())


def _content(text: str) -> list[str]:
    """The words that carry a fact: its figures (with their signs, in words too) and capitalised words; not the
    ordinary words beside them (what is counted, a unit or a rate: `123 priests`, `£20 a month`)."""
    words = re.findall(r"[£$€¥]?[\w’'.,–-]*\w%?", text.translate(_APOSTROPHES))
    return [w.lower() for w in words if re.search(r"\d", w) or w[:1].isupper() or w.lower() in _NUMBER_WORDS]


def asked(fact: str, found: Sequence[Deletion]) -> bool:
    """Is the labelled fact asked whole? A deletion is the fact; or, in a sentence that holds the fact, one
    deletion, or deletions side by side (an act and its year asked apart: `Act of Resumption`, `1486`), asks
    exactly its figures and names, the ordinary words beside them (what is counted, a unit, a rate) in the
    gap or beside it: how teachers write such a fact varies (`123 priests` or `123`, `£20 a month` or `£20`)."""
    want, content = norm(fact), _content(fact)
    if any(norm(d.text) == want for d in found):
        return True
    if not content:
        return False  # a fact of ordinary words (divine right of kings) is asked only as written
    by_sentence: dict[str, set[tuple[int, int]]] = {}
    for d in found:
        by_sentence.setdefault(d.sentence, set()).add((d.start, d.start + len(d.text)))
    for sentence, spans in by_sentence.items():
        at = _fold(sentence).find(_fold(fact))
        if at < 0:
            continue
        for start, end in _side_by_side(sentence, sorted(spans)):
            if start < at + len(fact) and at < end and _content(sentence[start:end]) == content:
                return True
    return False


def _side_by_side(sentence: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each deletion's span, and each run of deletions with only spaces or punctuation between them."""
    out = list(spans)
    for i, (start, end) in enumerate(spans):
        for s2, e2 in spans[i + 1:]:
            if sentence[end:s2].strip(" ,;:") or s2 < end:
                break
            end = e2
            out.append((start, end))
    return out


def shows_answer(answer: str, front: str) -> bool:
    """Is the answer (a whole word or phrase, case and apostrophes aside) on the front?"""
    want = norm(answer)
    return bool(want) and re.search(rf"(?<!\w){re.escape(want)}(?!\w)", norm(front)) is not None


def _word_set(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'’-]*", text.lower()) if w not in _SUBJECT_STOP}


def junk_reason(d: Deletion, facts: Sequence[str], subject: set[str], common: set[str],
                asked_facts: Iterable[str] = ()) -> str | None:
    """Why a deletion is junk, or None. `common` holds the terms found on most of the deck's cards;
    `asked_facts`, the facts asked whole (`asked`): a deletion that asks a part of one beside the rest is no
    junk (`Act of Resumption` beside `1486`)."""
    from ankigen.evidence import is_ordinary

    n = norm(d.text)
    if n in {norm(f) for f in facts}:
        return None
    letters = re.sub(r"[^A-Za-z]", "", d.text)
    if not re.search(r"\d", d.text) and (len(letters) <= 1 or re.fullmatch(r"[A-Z]\.?", d.text.strip())):
        return "fragment"
    if (d.before and d.before.isalnum()) or (d.after and d.after.isalnum()):
        return "cut word"
    if d.after == "." and re.search(r"(?:^|\s)[A-Z][a-z]?$", d.text.strip()) and re.match(
            r"\.\s*[A-Z]", d.sentence[d.start + len(d.text):]):
        return "cut at an initial"  # Ulysses S|. Grant, St|. Petersburg (not a sentence's end: mehmed V|.)
    if not re.search(r"\d", d.text):
        sentence = norm(d.sentence)
        for fact in set(facts) - set(asked_facts):
            f = norm(fact)
            if len(f) > len(n) and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", f) and f in sentence:
                at = sentence.find(f)
                mine = len(norm(d.sentence[:d.start]))
                if at - 1 <= mine <= at + len(f):
                    return f"part of {fact!r}"
    words = re.findall(r"[A-Za-z’'-]+", d.text)
    acronym = len(words) == 1 and len(words[0]) > 1 and words[0].isupper()
    if not re.search(r"\d", d.text) and len(words) == 1 and not acronym and is_ordinary(words[0]):
        return "ordinary word"
    if words and not re.search(r"\d", d.text) and {w.lower() for w in words} <= subject:
        return "subject"
    if n in common:
        return "on most cards"
    return None


def _common_terms(notes: Sequence[Note], candidates: Iterable[str]) -> set[str]:
    """The deletions whose text is on more than half of the deck's question and cloze cards."""
    texts = [norm(" ".join(n.fields.values())) for n in notes if n.kind in (QUESTION, CLOZE)]
    common = set()
    for term in set(candidates):
        if not texts or re.search(r"\d", term):
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
        if sum(1 for t in texts if pattern.search(t)) * 2 > len(texts):
            common.add(term)
    return common


def verdict_of(note: Note) -> str:
    """The card's verdict in the labels' words: a scale word it shows, or, on the notes' own scale
    (`decisive / important / minor`, `massive / important / limited / not at all`), the label's word at the
    same place: its first word is fundamental, its last superficial, and on a longer scale than three the
    words between are read to the nearer of the three (as `judgement.on_scale` maps the other way)."""
    text = plain(note.fields.get("Judgement", "")).lower()
    for v in VERDICTS:
        if v in text:
            return v
    scale = [html.unescape(c) for c in re.findall(r'data-choice="([^"]*)"', note.fields.get("Scale", ""))]
    if len(scale) >= len(VERDICTS) and text.strip() in scale:
        return VERDICTS[round(scale.index(text.strip()) * (len(VERDICTS) - 1) / (len(scale) - 1))]
    return "none"


def measure(notes_path: Path, deck_notes: Sequence[Note] | None = None) -> Row:
    """The row of the quality table for one corpus file (building its deck unless given the notes)."""
    labels = load_labels(notes_path)
    errors: list[str] = []
    if deck_notes is None:
        deck, errors = build(notes_path)
    else:
        deck = list(deck_notes)
    row = Row(notes_path.stem, labels.tuning, built=bool(deck))
    row.details = {"errors": errors}
    questions = [n for n in deck if n.kind == QUESTION]
    row.fronts = len(labels.fronts)
    row.fronts_found, row.fronts_paragraph, row.details["fronts"] = match_fronts(labels.fronts, questions)
    row.questions = len(questions)
    row.false_fronts = sum(1 for d in row.details["fronts"] if d.startswith("false front"))
    _measure_clozes(row, labels, deck, questions)
    _measure_judgements(row, labels, [n for n in deck if n.kind == JUDGEMENT])
    return row


def _measure_clozes(row: Row, labels: Labels, deck: Sequence[Note], questions: Sequence[Note]) -> None:
    """Facts clozed, junk deletions and cloze cards that show their answer."""
    cloze_notes = [n for n in deck if n.kind == CLOZE]
    found = [d for n in cloze_notes for d in deletions(n.fields.get("Text", ""))]
    clozed = {norm(d.text) for d in found}
    row.facts = len(labels.facts)
    asked_facts = [f for f in labels.facts if norm(f) in clozed or asked(f, found)]
    row.facts_clozed = len(asked_facts)
    row.details["facts"] = [f"not clozed: {f}" for f in labels.facts if f not in asked_facts]
    row.details["cloze giveaways"] = []
    for n in cloze_notes:
        for number, (answers, front) in cloze_fronts(n).items():
            row.cloze_cards += 1
            shown = sorted(a for a in answers if shows_answer(a, front))
            if shown:
                row.cloze_giveaways += 1
                row.details["cloze giveaways"].append(f"c{number} {shown[0]!r} on its front: {front[:150]}")
    essay = next((plain(n.fields.get("Essay", "")) for n in questions), "")
    deck_names = {t.split("::", 1)[0].replace("_", " ") for n in deck for t in n.tags}
    subject = _word_set(essay + " " + " ".join(deck_names))
    common = _common_terms(deck, (norm(d.text) for d in found))
    row.deletions = len(found)
    row.details["junk"] = []
    for d in found:
        reason = junk_reason(d, labels.facts, subject, common, asked_facts)
        if reason:
            row.junk += 1
            row.details["junk"].append(f"{reason}: {d.text}")


def _measure_judgements(row: Row, labels: Labels, judgements: Sequence[Note]) -> None:
    """Verdicts right, and judgement fronts that give the answer away."""
    given: dict[str | None, str] = {}
    for n in judgements:
        given.setdefault(n.paragraph(), verdict_of(n))
    row.verdicts = len(labels.verdicts)
    row.details["verdicts"] = []
    for key, want in labels.verdicts.items():
        got = given.get(key, "none") if row.built else "no deck"
        if got == want:
            row.verdicts_right += 1
        else:
            row.details["verdicts"].append(f"{key}: {got}, labelled {want}")
    row.judgements = len(judgements)
    row.details["giveaways"] = []
    for n in judgements:
        # (the essay card's claim is the essay's question, as the teacher set it: `How far did the Labour
        # government transform ...` asks, it gives nothing away)
        shown = ("Evidence",) if n.paragraph() == "essay" else ("Claim", "Evidence")
        front = " ".join(plain(n.fields.get(name, "")) for name in shown)
        hit = DEGREE.search(front)
        if hit:
            row.giveaways += 1
            row.details["giveaways"].append(f"{n.paragraph() or '-'}: {hit.group(0)!r} in the front")


def corpus_files(paths: Sequence[Path] = ()) -> list[Path]:
    return sorted(Path(p) for p in paths) if paths else sorted(CORPUS.glob("*.txt"))


def measure_all(paths: Sequence[Path] = ()) -> tuple[list[Row], Row]:
    rows = [measure(p) for p in corpus_files(paths)]
    total = Row("total", tuning=False, built=all(r.built for r in rows))
    for r in rows:
        total.add(r)
    return rows, total


# ------------------------------------------------------------------------------------------ output


def _frac(a: int, b: int) -> str:
    return f"{a}/{b} {100 * a / b:3.0f}%" if b else f"{a}/{b}   -"


def table(rows: Sequence[Row], total: Row) -> str:
    head = ("deck", "tune", "fronts found", "para right", "false fronts", "facts clozed", "junk dels", "verdicts",
            "give-aways", "cloze give-aways")
    unbuilt = sum(1 for r in rows if not r.built)

    def name(r: Row) -> str:
        if r is total:
            return f"total ({unbuilt} not built)" if unbuilt else "total"
        return r.deck if r.built else r.deck + " (NOT BUILT)"

    body = [
        (name(r), "" if r is total else "yes" if r.tuning else "held", _frac(r.fronts_found, r.fronts),
         _frac(r.fronts_paragraph, r.fronts), _frac(r.false_fronts, r.questions), _frac(r.facts_clozed, r.facts),
         _frac(r.junk, r.deletions),
         _frac(r.verdicts_right, r.verdicts), _frac(r.giveaways, r.judgements),
         _frac(r.cloze_giveaways, r.cloze_cards))
        for r in [*rows, total]
    ]
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths, strict=True)))
             for line in [head, *body]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.insert(len(lines) - 1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown(rows: Sequence[Row], total: Row) -> str:
    """The table as the README shows it: a row per deck, then the tuning, held-out and total rows."""
    def cell(a: int, b: int) -> str:
        return f"{a}/{b} ({100 * a / b:.0f}%)" if b else f"{a}/{b}"

    def line(name: str, tuning: str, r: Row) -> str:
        cells = (cell(r.fronts_found, r.fronts), cell(r.fronts_paragraph, r.fronts), cell(r.false_fronts, r.questions),
                 cell(r.facts_clozed, r.facts),
                 cell(r.junk, r.deletions), cell(r.verdicts_right, r.verdicts), cell(r.giveaways, r.judgements),
                 cell(r.cloze_giveaways, r.cloze_cards))
        return f"| {name} | {tuning} | " + " | ".join(cells) + " |"

    groups = []
    for label, keep in (("tuning", True), ("held out", False)):
        group = Row(label, tuning=keep)
        members = [r for r in rows if r.tuning is keep]
        for r in members:
            group.add(r)
        groups.append(line(f"**{label} ({len(members)})**", "", group))
    return "\n".join([
        "| deck | tuning | fronts found | right paragraph | false fronts | facts clozed | junk deletions "
        "| verdicts right | give-aways | cloze give-aways |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *(line(f"`{r.deck}`", "yes" if r.tuning else "**held out**", r) for r in rows),
        *groups, line("**total**", "", total)])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="corpus notes files (default: all of tests/corpus)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("-v", "--verbose", action="store_true", help="say what was missed and why")
    parser.add_argument("--markdown", action="store_true", help="print the table as the README shows it")
    args = parser.parse_args(argv)
    rows, total = measure_all(args.paths)
    if args.markdown:
        print(markdown(rows, total))
        return 0
    if args.json:
        out = [asdict(r) for r in rows] + [asdict(total)]
        if not args.verbose:
            for r in out:
                r.pop("details")
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(table(rows, total))
    if args.verbose:
        for r in rows:
            print(f"\n{r.deck}")
            for name, items in r.details.items():
                for item in items:
                    print(f"  {name}: {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
