"""A student's Anki, lived over several builds: one persistent collection, decks imported and re-imported
with the desktop dialog's defaults, cards studied between builds; and a notes project rebuilt with a clock
that moves forward a day per build, its lock files kept as a student's repo keeps them.

Written against ankigen's public surface only (the `ankigen build` command, the .apkg it writes, the notes
and sidecar formats), so the scenarios in test_updates.py survive a rewrite of ankigen's identity layer.

    project = Project(tmp_path, seed=True)          # a copy of source/stalin-power.{txt,yaml,lock}
    student = Student(tmp_path / "anki")
    built = project.build()                         # -> Built(apkgs, output, exit_code)
    student.import_deck(built.apkg); student.study_all()
    before = student.snapshot()                     # card id -> CardState
    project.edit("stalin-power.txt", "16", "sixteen")
    built = project.build(); student.import_deck(built.apkg)
    check_all(student, built, before)               # no orphan, no duplicate, no "No cloze", same facts
"""

from __future__ import annotations

import difflib
import html
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source"
SEED_STEM = "stalin-power"

FIRST_CLOCK = 1_900_000_000  # later than every time in the shipped lock
DAY = 86_400
LIGHT_EDIT = 0.75  # difflib ratio above which a fact counts as the same fact, lightly edited
NO_CLOZE = "No cloze"  # what Anki renders for a cloze number the note has no deletion for


# ------------------------------------------------------------------------------------------ text

def text_of(markup: str) -> str:
    """Anki's HTML as the text a student reads: style and script removed, tags gone, entities decoded."""
    markup = re.sub(r"<(style|script)\b.*?</\1>", "", markup, flags=re.S | re.I)
    markup = re.sub(r"<[^>]+>", " ", markup)
    return re.sub(r"\s+", " ", html.unescape(markup)).strip()


_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


def cloze_fact(field: str, ord_: int) -> str:
    """The text of the deletions a cloze card asks: those numbered ord + 1 in the note's first field."""
    wanted = ord_ + 1
    return " … ".join(text_of(m.group(2)) for m in _CLOZE.finditer(field) if int(m.group(1)) == wanted)


def is_retired(tags: Sequence[str]) -> bool:
    return any(t.lower().endswith("::retired") for t in tags)


# A judgement card's claim when the notes give its paragraph no words (no plan, no point card): a
# placeholder, not a fact, which the notes may later name ("Paragraph 3" -> "the Machine Tractor Stations").
PLACEHOLDER = re.compile(r"Paragraph \d+")


def same_fact(old: str, new: str, edits: Mapping[str, str] | None = None) -> bool:
    """The same fact, or lightly edited (ratio ≥ LIGHT_EDIT), or exactly the scenario's expected edit; a
    placeholder claim may become a named one."""
    if old == new or PLACEHOLDER.fullmatch(old):
        return True
    for before, after in (edits or {}).items():
        if old.replace(before, after) == new:
            return True
    return bool(old) and bool(new) and difflib.SequenceMatcher(None, old, new).ratio() >= LIGHT_EDIT


# ------------------------------------------------------------------------------------------ the deck

@dataclass(frozen=True)
class DeckNote:
    guid: str
    tags: tuple[str, ...]
    first_field: str

    @property
    def retired(self) -> bool:
        return is_retired(self.tags)


def deck_notes(apkg: Path) -> dict[str, DeckNote]:
    """The notes of a built .apkg by GUID, read from its collection with sqlite3 (a package in Anki's newer
    format, collection.anki21b, is read by importing it into a scratch collection instead)."""
    with zipfile.ZipFile(apkg) as zf:
        names = set(zf.namelist())
        if "collection.anki21b" in names:
            return _deck_notes_via_anki(apkg)
        member = "collection.anki21" if "collection.anki21" in names else "collection.anki2"
        with tempfile.TemporaryDirectory() as tmp:
            db_path = Path(tmp) / "c.anki2"
            db_path.write_bytes(zf.read(member))
            db = sqlite3.connect(db_path)
            try:
                rows = db.execute("SELECT guid, tags, flds FROM notes").fetchall()
            finally:
                db.close()
    return {g: DeckNote(g, tuple(t.split()), f.split("\x1f")[0]) for g, t, f in rows}


def _deck_notes_via_anki(apkg: Path) -> dict[str, DeckNote]:
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Student(Path(tmp))
        try:
            scratch.import_deck(apkg)
            return {n.guid: DeckNote(n.guid, n.tags, n.first_field) for n in scratch.notes().values()}
        finally:
            scratch.close()


# ------------------------------------------------------------------------------------------ the student

@dataclass(frozen=True)
class CardState:
    """One card as the student has it."""

    cid: int
    nid: int
    guid: str
    ord: int
    deck: str
    notetype: str
    question: str  # rendered by Anki, HTML stripped
    answer: str
    fact: str  # what the card asks: a cloze card's deletion, else the note's first field (the front)
    studied: bool  # has review history (revlog rows)
    reviews: int
    tags: tuple[str, ...]
    note_mod: int

    @property
    def retired(self) -> bool:
        return is_retired(self.tags)

    @property
    def back(self) -> str:
        """What the answer side adds to the question side (Anki's answer repeats the question first)."""
        return self.answer[len(self.question):].strip() if self.answer.startswith(self.question) else self.answer


@dataclass(frozen=True)
class NoteState:
    nid: int
    guid: str
    notetype: str
    first_field: str  # HTML stripped
    paragraph: str  # the Paragraph field where the note type has one
    tags: tuple[str, ...]
    mod: int
    second_field: str = ""  # HTML stripped: a question's back, a cloze's context

    @property
    def retired(self) -> bool:
        return is_retired(self.tags)


class Student:
    """One persistent Anki collection (the official `anki` package) in a folder."""

    def __init__(self, folder: Path):
        from anki.collection import Collection

        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.col = Collection(str(folder / "collection.anki2"))

    def close(self) -> None:
        self.col.close()

    def import_deck(self, apkg: Path):
        """File → Import… with the dialog's defaults: no scheduling from the package, update notes and note
        types when the incoming one is newer, no note type merging. Returns Anki's import log."""
        from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
        from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition as Update

        options = ImportAnkiPackageOptions(
            merge_notetypes=False,
            update_notes=Update.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            update_notetypes=Update.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            with_scheduling=False,
            with_deck_configs=False,
        )
        return self.col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options)).log

    def study_all(self, ease: int = 3) -> int:
        """Answer every card the student can see (not suspended or buried) once, so each has history."""
        answered = 0
        for cid in self.col.find_cards("-is:suspended -is:buried"):
            card = self.col.get_card(cid)
            card.start_timer()
            self.col.sched.answerCard(card, ease)
            answered += 1
        return answered

    def notes(self) -> dict[str, NoteState]:
        out = {}
        for nid in self.col.find_notes(""):
            note = self.col.get_note(nid)
            names = [f["name"] for f in note.note_type()["flds"]]
            paragraph = note["Paragraph"] if "Paragraph" in names else ""
            out[note.guid] = NoteState(nid, note.guid, note.note_type()["name"], text_of(note.fields[0]),
                                       text_of(paragraph), tuple(note.tags), note.mod, text_of(note.fields[1]))
        return out

    def snapshot(self) -> dict[int, CardState]:
        out = {}
        for cid in self.col.find_cards(""):
            card = self.col.get_card(cid)
            note = card.note()
            notetype = note.note_type()
            if notetype["type"] == 1:  # cloze
                fact = cloze_fact(note.fields[0], card.ord)
            else:
                fact = text_of(note.fields[0])
            reviews = self.col.db.scalar("SELECT count() FROM revlog WHERE cid = ?", cid)
            out[cid] = CardState(
                cid, note.id, note.guid, card.ord, self.col.decks.name(card.odid or card.did), notetype["name"],
                text_of(card.question()), text_of(card.answer()), fact, reviews > 0, reviews, tuple(note.tags),
                note.mod,
            )
        return out


# ------------------------------------------------------------------------------------------ the project

@dataclass(frozen=True)
class Built:
    apkgs: list[Path]
    output: str  # what `ankigen build` printed (stdout and stderr)
    exit_code: int

    @property
    def apkg(self) -> Path:
        assert len(self.apkgs) == 1, f"expected one deck, got {self.apkgs}\n{self.output}"
        return self.apkgs[0]


class Project:
    """A student's notes folder (`source/`) and build folder, rebuilt with `ankigen build` a day apart."""

    def __init__(self, root: Path, seed: bool = False, folder: str = "source"):
        self.root = root
        self.source = root / folder
        self.out = root / "build"
        self.source.mkdir(parents=True, exist_ok=True)
        self.builds = 0
        if seed:
            for suffix in (".txt", ".yaml", ".lock"):
                shutil.copy(SEED / f"{SEED_STEM}{suffix}", self.source / f"{SEED_STEM}{suffix}")

    def path(self, name: str) -> Path:
        return self.source / name

    def read(self, name: str) -> str:
        return self.path(name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        self.path(name).write_text(text, encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace the one occurrence of `old` (the scenario is wrong if it is not there exactly once)."""
        text = self.read(name)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
        self.write(name, text.replace(old, new))

    def delete(self, name: str) -> None:
        self.path(name).unlink()

    @property
    def clock(self) -> int:
        return FIRST_CLOCK + self.builds * DAY

    def build(self, *paths: Path | str, check: bool = True) -> Built:
        """`ankigen build PATHS -o build` (default: the source folder) at this build's clock."""
        from click.testing import CliRunner

        from ankigen.cli import cli

        args = ["build", *(str(p) for p in (paths or (self.source,))), "-o", str(self.out)]
        result = CliRunner().invoke(cli, args, env={"SOURCE_DATE_EPOCH": str(self.clock)})
        self.builds += 1
        output = result.output
        if result.exception and not isinstance(result.exception, SystemExit):
            output += f"\n{type(result.exception).__name__}: {result.exception}"
        apkgs = sorted(self.out.glob("*.apkg")) if self.out.is_dir() else []
        if check:
            assert result.exit_code == 0, f"ankigen build failed ({result.exit_code}):\n{output}"
        return Built(apkgs, output, result.exit_code)

    def output_without_paths(self, built: Built) -> str:
        """The build's output with the project's folder removed, so a word in a tmp path cannot match."""
        return built.output.replace(str(self.root), "<project>")


# ------------------------------------------------------------------------------------------ invariants

def assert_no_orphan(student: Student, *apkgs: Path) -> None:
    """Every note in the collection is in the latest built deck(s) (a note tagged `...::retired` there counts
    as present): nothing left behind that the notes no longer make."""
    present: set[str] = set()
    for apkg in apkgs:
        present |= set(deck_notes(apkg))
    orphans = [n for n in student.notes().values() if n.guid not in present]
    assert not orphans, f"{len(orphans)} orphan note(s) in the collection, not in the deck: " + "; ".join(
        f"{n.notetype}: {n.first_field[:80]!r}" for n in orphans[:8])


def assert_no_duplicate(student: Student) -> None:
    """No two live notes of one note type asking the same thing (same first and second fields, same paragraph:
    a student may write `P1- example` over several backs)."""
    seen: dict[tuple[str, str, str, str], list[NoteState]] = defaultdict(list)
    for n in student.notes().values():
        if not n.retired:
            seen[(n.notetype, n.paragraph, n.first_field, n.second_field)].append(n)
    dups = {k: v for k, v in seen.items() if len(v) > 1}
    assert not dups, "duplicate notes: " + "; ".join(
        f"{k[0]} {k[1]} {k[2][:80]!r} x{len(v)}" for k, v in list(dups.items())[:8])


def assert_no_missing_cloze(snapshot: Mapping[int, CardState]) -> None:
    """No card renders Anki's "No cloze N found on card" (a cloze number the note has no deletion for)."""
    broken = [c for c in snapshot.values() if NO_CLOZE in c.question or NO_CLOZE in c.answer]
    assert not broken, f"{len(broken)} card(s) render {NO_CLOZE!r}: " + "; ".join(
        f"card {c.ord + 1} of {c.guid}: {c.question[:100]!r}" for c in broken[:6])


def assert_same_facts(before: Mapping[int, CardState], after: Mapping[int, CardState],
                      edits: Mapping[str, str] | None = None, kinds: Sequence[str] | None = None) -> None:
    """Every card studied before still asks the same fact (or a light edit of it, or exactly the scenario's
    expected edit), unless the deck now retires it. `kinds`: only cards of these note types."""
    changed = []
    for cid, old in before.items():
        if not old.studied or old.retired or (kinds and old.notetype not in kinds):
            continue
        new = after.get(cid)
        assert new is not None, f"a studied card vanished: {old.notetype} {old.fact!r}"
        if new.retired:
            continue
        if not same_fact(old.fact, new.fact, edits):
            changed.append((old, new))
    assert not changed, f"{len(changed)} studied card(s) now ask another fact: " + "; ".join(
        f"{o.notetype} card {o.ord + 1}: {o.fact!r} -> {n.fact!r}" for o, n in changed[:8])


def assert_studied_cards_live(before: Mapping[int, CardState], apkg: Path) -> None:
    """Every card studied before is still in the deck and not retired: its history goes on with it."""
    deck = deck_notes(apkg)
    lost = [c for c in before.values()
            if c.studied and not c.retired and (c.guid not in deck or deck[c.guid].retired)]
    assert not lost, f"{len(lost)} studied card(s) dropped from the deck (history left behind): " + "; ".join(
        f"{c.notetype}: {c.fact!r}" for c in lost[:8])


def assert_no_new_note(before: Mapping[str, NoteState], after: Mapping[str, NoteState]) -> None:
    new = [n for g, n in after.items() if g not in before]
    assert not new, f"{len(new)} new note(s): " + "; ".join(f"{n.notetype}: {n.first_field[:80]!r}" for n in new[:8])


def assert_edit_visible(snapshot: Mapping[int, CardState], text: str) -> None:
    """The edited text appears on some live card (front or back, as Anki renders it)."""
    want = re.sub(r"\s+", " ", text).strip()
    assert any(want in c.question or want in c.answer for c in snapshot.values() if not c.retired), \
        f"the edit {want!r} appears on no card"


def check_all(student: Student, apkgs: Path | Sequence[Path], before: Mapping[int, CardState] | None = None,
              edits: Mapping[str, str] | None = None) -> dict[int, CardState]:
    """The invariants every scenario keeps after an import; returns the new snapshot."""
    apkgs = [apkgs] if isinstance(apkgs, Path) else list(apkgs)
    after = student.snapshot()
    assert_no_orphan(student, *apkgs)
    assert_no_duplicate(student)
    assert_no_missing_cloze(after)
    if before is not None:
        assert_same_facts(before, after, edits)
    return after
