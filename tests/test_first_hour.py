"""The first hour of a new user, through the command line: `ankigen new`, running in the wrong folder, a
file that is not plain text, a front with no back yet, a typo in the sidecar, flags where a user types
them. Each message is asserted whole, as a user reads it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ankigen import build as build_module
from ankigen.cli import cli
from ankigen.skeleton import skeleton


def test_new_writes_a_skeleton_that_builds_with_no_warning(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["new", "Weimar Recovery"])
    assert (result.exit_code, result.output) == (0, "source/weimar-recovery.txt: written: replace its lines with "
                                                    "your notes, then run `ankigen build`\n")
    notes = Path("source/weimar-recovery.txt")
    assert notes.read_text(encoding="utf-8") == skeleton("Weimar Recovery")
    assert notes.read_text(encoding="utf-8").startswith("1- Weimar Recovery\n")
    check = runner.invoke(cli, ["check"])
    assert (check.exit_code, check.output) == (0, "1 notes file checked: 0 errors, 0 warnings\n")
    built = runner.invoke(cli, ["build"])
    assert built.exit_code == 0
    assert built.stderr == ""
    assert built.stdout.splitlines()[0] == (
        "source/weimar-recovery.txt -> build/weimar-recovery.apkg: deck “Weimar Recovery”, 8 notes (1 essay plan, "
        "2 questions, 2 evidence clozes, 3 judgements) making 10 cards; 8 new, 0 changed, 0 unchanged notes")


def test_new_never_overwrites_a_notes_file(runner, project):
    notes = project.notes("weimar-recovery", "my own notes\n")
    result = runner.invoke(cli, ["new", "Weimar  Recovery", "--source", str(project.source)])
    assert (result.exit_code, result.output) == (1, f"Error: {notes}: already exists: ankigen new never overwrites "
                                                    "a notes file; edit it, or choose another title\n")
    assert notes.read_text(encoding="utf-8") == "my own notes\n"


def test_new_from_inside_source_writes_there(runner, project, monkeypatch):
    project.source.mkdir()
    monkeypatch.chdir(project.source)
    result = runner.invoke(cli, ["new", "Weimar Recovery"])
    assert (result.exit_code, result.output) == (0, "weimar-recovery.txt: written: replace its lines with your "
                                                    "notes, then run `ankigen build`\n")
    assert [p.name for p in project.source.iterdir()] == ["weimar-recovery.txt"]


def test_new_needs_a_title_to_name_the_file(runner, tmp_path):
    result = runner.invoke(cli, ["new", "???", "--source", str(tmp_path)])
    assert (result.exit_code, result.output) == (1, "Error: “???” has no letters or digits to name a notes file "
                                                    "after: give a title such as \"Weimar Recovery\"\n")


def test_outside_a_project_build_says_where_it_looked(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["build"])
    assert (result.exit_code, result.output) == (1, (
        f"Error: no source/ folder in {tmp_path}: run ankigen in the folder that holds source/, name the notes "
        "files (ankigen build notes.txt), or start one with ankigen new \"Title\"\n"))
    assert list(tmp_path.iterdir()) == []


def test_inside_source_build_never_makes_source_build(runner, project, monkeypatch):
    notes = project.fixture("tudors")
    monkeypatch.chdir(project.source)
    result = runner.invoke(cli, ["build"])
    assert (result.exit_code, result.output) == (1, (
        f"Error: {project.source} is the source folder itself: run ankigen in the folder above it (cd ..), "
        "where it finds source/ and writes build/\n"))
    named = runner.invoke(cli, ["build", "tudors.txt", "-q"])  # named from inside: build/ beside source/
    assert named.exit_code == 0
    assert sorted(p.name for p in project.source.iterdir()) == ["tudors.lock", "tudors.txt"]
    assert (project.out / "tudors.apkg").is_file()
    assert notes.with_suffix(".lock").is_file()


def test_a_notes_file_named_without_its_suffix(runner, seed_source, monkeypatch):
    monkeypatch.chdir(seed_source.parent)
    result = runner.invoke(cli, ["check", "source/stalin-power"])
    assert (result.exit_code, result.output) == (1, (
        "source/stalin-power: error: no such file: did you mean source/stalin-power.txt? [unreadable]\n"
        "1 notes file checked: 1 error, 0 warnings\n"))


def test_an_empty_file_says_it_is_empty(runner, project):
    empty = project.notes("empty", "")
    result = runner.invoke(cli, ["check", str(empty)])
    assert (result.exit_code, result.output) == (1, (
        f"{empty}: error: the file is empty: write your notes in it (see “Write your first notes file” in the "
        "README) [empty]\n1 notes file checked: 1 error, 0 warnings\n"))


def _zip(*names: str, mimetype: str = "") -> bytes:
    """A zip as office suites write them: an OpenDocument's first entry is its `mimetype`, stored."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as zf:
        if mimetype:
            zf.writestr("mimetype", mimetype)
        for name in names:
            zf.writestr(name, "x", compress_type=zipfile.ZIP_DEFLATED)
    return data.getvalue()


@pytest.mark.parametrize("content, what", [
    (_zip("[Content_Types].xml", "word/document.xml"), "a Word document"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF"),
    (_zip("content.xml", mimetype="application/vnd.oasis.opendocument.text"), "an OpenDocument text"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} P1- analysis}", "a Rich Text document"),
    (_zip("Index/Document.iwa", "Metadata/Properties.plist"), "a Pages document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "a Word document"),
])
def test_a_document_is_recognised_by_its_first_bytes(content, what, runner, project):
    """Whatever it is called (a student renamed essay.docx to essay.txt): what it is, and what to do."""
    notes = project.notes("essay", content)
    result = runner.invoke(cli, ["check", str(notes)])
    assert (result.exit_code, result.output) == (1, (
        f"{notes}: error: is not a notes file: it is {what}, not plain text: save it as Plain Text (.txt) "
        "[unreadable]\n1 notes file checked: 1 error, 0 warnings\n"))


def test_a_document_in_source_is_skipped_with_what_to_do(runner, project):
    tudors = project.fixture("tudors")
    (project.source / "essay.docx").write_bytes(_zip("word/document.xml"))
    result = runner.invoke(cli, ["check", str(project.source)])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        f"{project.source / 'essay.docx'}: skipped: a Word document, not plain text: save it as Plain Text (.txt)")
    assert str(tudors) not in result.output.splitlines()[0]


def test_a_front_with_no_back_yet_is_left_out_and_the_rest_builds(runner, project):
    notes = project.notes("w", "1- W\nP1- example, Dawes\nIn 1924 the Dawes Plan lent 800 million marks.\n"
                               "P1- analysis\n")
    result = runner.invoke(cli, ["build", str(project.source), "-o", str(project.out)])
    assert result.exit_code == 0
    assert result.stderr == (f"{notes}:4: warning: the front “analysis” has no back yet: that card is left out "
                             "until you write it [no-back]\n")
    assert result.stdout.splitlines()[0] == (
        f"{notes} -> {project.out / 'w.apkg'}: deck “W”, 2 notes (0 essay plans, 1 question, 1 evidence cloze, "
        "0 judgements) making 4 cards; 2 new, 0 changed, 0 unchanged notes")


def test_a_typo_in_a_sidecar_key_names_the_key_meant(runner, project):
    notes = project.fixture("tudors")
    notes.with_suffix(".yaml").write_text("paragraphs:\n  P2:\n    judgment: partial\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(notes)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{notes.with_suffix('.yaml')}:3: error: unknown setting `paragraphs.P2.judgment`: did you mean "
        "`judgement`? (known here: judgement, reasoning, theme) [sidecar]")


def test_bare_ankigen_shows_the_help_and_succeeds(runner):
    bare = runner.invoke(cli, [], prog_name="ankigen")
    helped = runner.invoke(cli, ["--help"], prog_name="ankigen")
    assert bare.exit_code == 0
    assert bare.output == helped.output
    assert "Start a notes file with `ankigen new \"Title\"`." in " ".join(bare.output.split())


@pytest.mark.parametrize("args", [["--debug", "check"], ["check", "--debug"]])
def test_debug_before_or_after_the_command_shows_the_traceback(args, runner, project, monkeypatch):
    project.fixture("tudors")

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(build_module, "prepare", broken)
    plain = runner.invoke(cli, ["check", str(project.source)])
    assert (plain.exit_code, plain.output) == (2, "Error: internal error: RuntimeError: a bug (run `ankigen --debug "
                                                  "...` for details)\n")
    debug = runner.invoke(cli, [*args, str(project.source)])
    assert isinstance(debug.exception, RuntimeError)
