"""Bad input and faults: a clear message, nothing lost, nothing run (one test per case)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ankigen import package as package_module
from ankigen.build import build_paths, prepare
from ankigen.cli import cli
from ankigen.parser import parse_bytes, read_notes

from .conftest import FIXTURES, assert_renders_cleanly

SEED = FIXTURES / "seed-stalin-power.txt"


def cards_of(data: bytes, name: str = "n.txt"):
    notes = parse_bytes(data, Path(name))
    return notes, [(c.paragraph, c.kind, c.front, c.back) for c in notes.cards]


@pytest.fixture
def clean():
    cards = cards_of(SEED.read_bytes())[1]
    assert len(cards) == 14  # so that "the same cards" below means something
    return cards


@pytest.mark.parametrize("variant", ["bom", "crlf", "cr", "bom+crlf"])
def test_utf8_variants_give_the_same_cards(variant, clean):
    text = SEED.read_text(encoding="utf-8")
    if "crlf" in variant:
        text = text.replace("\n", "\r\n")
    elif variant == "cr":
        text = text.replace("\n", "\r")
    data = text.encode("utf-8")
    if "bom" in variant:
        data = b"\xef\xbb\xbf" + data
    notes, cards = cards_of(data)
    assert cards == clean
    for card in notes.cards:
        for text in (card.front, *card.back):
            assert "\r" not in text and "\ufeff" not in text
    assert notes.essay.title == "Stalin Power Flashcards"


def test_windows_1252_gives_the_same_cards_with_a_warning(clean):
    data = SEED.read_text(encoding="utf-8").encode("cp1252")
    notes, cards = cards_of(data)
    assert cards == clean
    assert [(f.code, f.message) for f in notes.findings if f.code == "encoding"] == [
        ("encoding", "not UTF-8: read as Windows-1252; save the file as UTF-8 to be sure")]


def test_utf16_is_read_too(clean):
    data = SEED.read_text(encoding="utf-8").encode("utf-16")
    assert cards_of(data)[1] == clean


EMPTY = "error: the file is empty: write your notes in it (see “Write your first notes file” in the README) [empty]"
NO_CARDS = ("error: no cards found: write fronts as `P1- ...` lines or questions, each followed by its back "
            "[no-cards]")


@pytest.mark.parametrize("content, message", [
    (b"\x7fELF\x02\x01binary\x00\x00stuff", "error: is not a notes file: it is not plain text (it holds binary "
     "data): save it as Plain Text (.txt) [unreadable]"),
    (b"PK\x03\x04\x14\x00\x00\x00binary\x00\x00stuff", "error: is not a notes file: it is a zipped document, not "
     "plain text: save it as Plain Text (.txt) [unreadable]"),
    (b"", EMPTY),
    (b"\xef\xbb\xbf   \r\n\t\n", EMPTY),
    (b"1- Stalin Power Flashcards\n", NO_CARDS),
])
def test_unusable_files_give_one_clear_error_and_the_others_still_build(content, message, project, runner):
    bad = project.notes("bad", content)
    project.fixture("tudors")
    result = runner.invoke(cli, ["build", str(project.source), "-o", str(project.out)])
    assert result.exit_code == 1
    assert result.stderr == f"{bad}: {message}\n{bad}: not built: 1 error (see above)\n"
    assert "Traceback" not in result.output + result.stderr
    assert (project.out / "tudors.apkg").is_file()


def test_a_folder_given_as_notes_file(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    p = prepare(tmp_path / "dir.txt")
    assert [f.message for f in p.errors] == ["is a folder, not a notes file"]


def test_failed_packaging_leaves_the_previous_deck_and_lock_untouched(seed_source, tmp_path, monkeypatch,
                                                                        runner):
    out = tmp_path / "out"
    _, built = build_paths([seed_source], out)
    deck_before = built[0].output.read_bytes()
    lock_before = (seed_source / "stalin-power.lock").read_bytes()
    notes = seed_source / "stalin-power.txt"
    notes.write_text(notes.read_text(encoding="utf-8") + "\nP4- example\nIn 1924 a new card.\n", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(package_module.zipfile.ZipFile, "writestr", boom)
    result = runner.invoke(cli, ["build", str(seed_source), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (  # the notes' findings first: they were found before packaging failed
        f"{notes}:17: warning: the back is 933 characters long: split it into cards so it fits a phone screen "
        f"[long-back]\nError: {out / 'stalin-power.apkg'}: cannot write the deck: No space left on device\n")
    assert built[0].output.read_bytes() == deck_before
    assert (seed_source / "stalin-power.lock").read_bytes() == lock_before
    assert sorted(p.name for p in out.iterdir()) == ["stalin-power.apkg"]  # no temporary file left behind


def test_unchanged_notes_and_lock_are_never_rewritten(seed_source, tmp_path, fixed_clock):
    lock = seed_source / "stalin-power.lock"
    notes = seed_source / "stalin-power.txt"
    stamps = (lock.stat().st_mtime_ns, notes.stat().st_mtime_ns)
    build_paths([seed_source], tmp_path / "out")
    assert (lock.stat().st_mtime_ns, notes.stat().st_mtime_ns) == stamps


def test_unexpected_failure_is_one_line_and_debug_shows_the_traceback(monkeypatch, seed_source, tmp_path, runner):
    import ankigen.build as build_module

    def broken(*args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(build_module, "prepare", broken)
    result = runner.invoke(cli, ["build", str(seed_source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr == ("Error: internal error: RuntimeError: disk on fire "
                             "(run `ankigen --debug ...` for details)\n")
    assert result.output == result.stderr
    result = runner.invoke(cli, ["--debug", "build", str(seed_source), "-o", str(tmp_path / "out")])
    assert isinstance(result.exception, RuntimeError)
    assert str(result.exception) == "disk on fire"


def test_script_in_notes_is_shown_as_text_never_run(tmp_path, anki, fixed_clock):
    (tmp_path / "x.txt").write_text(
        "1- XSS\nHow far did it change\nP1- a lot. P2- some\nP1- <script>alert('owned')</script> front\n"
        "<img src=x onerror=alert(1)> in 1936 {{c1::Kirov}} & {{Front}}\n", encoding="utf-8")
    _, built = build_paths([tmp_path / "x.txt"], tmp_path / "out")
    col = anki()
    col.import_apkg(built[0].output)
    cards = col.render_all()
    for card in cards:
        for side in (card.question, card.answer):
            assert "<script>alert" not in side and "<img src=x" not in side
    qa = next(c for c in cards if c.note_type == "ankigen: Question")
    assert "<script>alert('owned')</script> front" in qa.question_text
    assert "{{c1::Kirov}} & {{Front}}" in qa.answer_text
    clozes = [c for c in cards if c.note_type == "ankigen: Evidence cloze"]
    assert clozes, "the notes' 1936 makes an evidence cloze"
    assert all("{{" not in c.question_text for c in clozes)


def test_notes_file_names_cannot_escape_the_build_folder(tmp_path, project, fixed_clock):
    weird = project.notes("..notes", (FIXTURES / "tudors.txt").read_bytes())
    out = tmp_path / "out"
    _, built = build_paths([weird], out)
    assert built[0].output.parent == out
    assert built[0].output.resolve().is_relative_to(out.resolve())


def test_a_one_megabyte_line(tmp_path):
    line = ("the purges of 1937 removed Bukharin and 35,000 officers " * 18000)[:1_000_000]
    path = tmp_path / "long.txt"
    path.write_text(f"1- Long\nHow far\nP1- a lot. P2- some\nP1- long one\n{line}\nP2- short\n1936\n")
    p = prepare(path)
    assert [c.front for c in p.notes.cards] == ["long one", "short"]
    assert len(p.notes.cards[0].back_text) == len(line.strip())


def test_a_file_with_many_cards(tmp_path):
    rows = ["3- Many", "How far did it change", "P1- a lot. P2- some"]
    for i in range(3000):
        rows += [f"P{i % 2 + 1}- point {i}", f"In {1900 + i % 90} Ryutin{i} issued {i} papers."]
    path = tmp_path / "many.txt"
    path.write_text("\n".join(rows))
    assert len(read_notes(path).cards) == 3000


def test_big_deck_imports(tmp_path, anki, fixed_clock):
    rows = ["3- Many", "How far did it change", "P1- a lot. P2- some"]
    for i in range(400):
        rows += [f"P{i % 2 + 1}- point {i}", f"In {1900 + i % 90} Ryutin{i} issued {i} papers."]
    (tmp_path / "many.txt").write_text("\n".join(rows))
    _, built = build_paths([tmp_path / "many.txt"], tmp_path / "out")
    col = anki()
    col.import_apkg(built[0].output)
    assert_renders_cleanly(col.render_all())
    assert col.col.note_count() == len(built[0].deck.notes)


def test_a_clock_behind_the_lock_is_a_warning(seed_source, monkeypatch):
    import time

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(time, "time", lambda: 1_000_000_000.0)  # 9 September 2001
    findings = [f for f in prepare(seed_source / "stalin-power.txt").findings if f.code == "clock-behind"]
    assert [str(f).split(":")[0] for f in findings] == [str(seed_source / "stalin-power.lock")]
    assert "this machine's clock (9 September 2001) is behind the lock's newest change" in findings[0].message


def test_a_lock_with_windows_line_ends_holding_the_same_text_is_not_rewritten(tmp_path):
    """The lock is compared as text is read, whatever its line ends (git may check it out with \\r\\n)."""
    from ankigen.files import write_bytes_if_changed

    lock = tmp_path / "notes.lock"
    data = '{\n  "ankigen-lock": 2,\n  "name": "Stalin’s power"\n}\n'.encode()
    assert write_bytes_if_changed(lock, data)  # no file yet
    lock.write_bytes(data.replace(b"\n", b"\r\n"))
    assert not write_bytes_if_changed(lock, data)
    assert lock.read_bytes() == data.replace(b"\n", b"\r\n")
    assert write_bytes_if_changed(lock, data.replace(b"2", b"3"))
    assert lock.read_bytes() == data.replace(b"2", b"3")
