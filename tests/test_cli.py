"""The command line, through click's CliRunner: the whole output of each message, and the exit codes.

Paths in the messages come from tmp folders (the `project` fixture), never from the working directory.
`result.output` is what a user sees (stdout and stderr interleaved); `result.stdout` and `result.stderr`
say which stream each line went to.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import ankigen
from ankigen.cli import cli

BAD_NOTES = """\
1- Weimar flashcards
How far did Weimar recover 1924-29
P1- economy. P2- politics
P1- Dawes Plan
1924 loans from the USA, 800 million marks
P7- culture
Bauhaus 1919 and Metropolis 1927
P2- analysis
"""


def bad_notes_findings(path: Path) -> str:
    """What `check` says of BAD_NOTES at `path`."""
    return (
        f"{path}:2: warning: the essay as a whole has no judgement: the thesis uses no words of degree; say it in "
        "the sidecar (essay: {judgement: ...}) [no-judgement]\n"
        f"{path}:3: warning: P2 of the plan has no cards [empty-paragraph]\n"
        f"{path}:3: warning: P1: no judgement: the plan and analysis use no words of degree; say it in the "
        "sidecar (paragraphs: {P1: {judgement: ...}}) [no-judgement]\n"
        f"{path}:3: warning: P2: no judgement: the plan and analysis use no words of degree; say it in the "
        "sidecar (paragraphs: {P2: {judgement: ...}}) [no-judgement]\n"
        f"{path}:6: warning: P7 is not in the plan (the plan has P1, P2) [unplanned-paragraph]\n"
        f"{path}:8: warning: the front “analysis” has no back yet: that card is left out until you write it "
        "[no-back]\n"
        f"{path.with_suffix('.yaml')}:2: error: the sidecar names P9, which neither the plan nor any card has "
        "[sidecar-paragraph]\n"
    )


BAD_SIDECAR = "paragraphs:\n  P9: {theme: Culture}\n"



def seed_findings(notes: Path) -> str:
    return (
        f"{notes}:17: warning: the back is 933 characters long: split it into cards so it fits a phone screen "
        "[long-back]\n"
        "1 notes file checked: 0 errors, 1 warning\n"
    )


def weimar_warnings(notes: Path) -> str:
    return (
        f"{notes}:2: warning: the essay as a whole has no judgement: the thesis uses no words of degree; say it "
        "in the sidecar (essay: {judgement: ...}) [no-judgement]\n"
        f"{notes}:3: warning: P2: no judgement: the plan and analysis use no words of degree; say it in the "
        "sidecar (paragraphs: {P2: {judgement: ...}}) [no-judgement]\n"
    )  # (P3's analysis: "Foreign policy was a big success", a verdict since the tenth session)


TUDORS_BUILT = ("deck “Tudors Religion”, 56 notes (1 essay plan, 14 questions, 35 evidence clozes, 6 judgements) "
                "making 91 cards; 56 new, 0 changed, 0 unchanged notes\n")


def new_deck(notes: Path) -> str:
    """What the first build of a notes file says of its new lock."""
    return (f"{notes.with_suffix('.lock')}: written for a new deck: commit it with the notes (if this deck was "
            "shared before, restore its lock from git and build again)\n")


def test_top_level_help_lists_every_command(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in sorted(cli.commands):
        assert re.search(rf"^  {command}\b", result.output, re.M), command


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.output == "ankigen, version 0.1.0\n"


def test_build_prints_one_summary_line_and_writes_the_deck(runner, project, monkeypatch):
    notes = project.fixture("weimar")
    monkeypatch.chdir(project.root)  # so that the deck's path is printed as given: out/weimar.apkg
    result = runner.invoke(cli, ["build", str(project.source), "-o", "out"])
    assert result.exit_code == 0, result.output
    assert Path("out/weimar.apkg").is_file()
    summary = f"{notes} -> out/weimar.apkg: deck “Weimar golden years”, 64 notes (1 essay plan, 16 questions, " \
              "44 evidence clozes, 3 judgements) making 113 cards; {} new, 0 changed, {} unchanged notes\n"
    assert result.stdout == summary.format(64, 0) + new_deck(notes)
    assert result.stderr == weimar_warnings(notes)
    assert result.output == weimar_warnings(notes) + summary.format(64, 0) + new_deck(notes)
    assert (project.source / "weimar.lock").is_file()
    # built again, unchanged: nothing to do, and it says so
    again = runner.invoke(cli, ["build", str(project.source), "-o", "out"])
    assert (again.exit_code, again.stdout) == (0, f"{notes} -> out/weimar.apkg: up to date: nothing changed "
                                                  "since it was built\n")
    # the deck gone, built again: the lock says every note is as it was
    Path("out/weimar.apkg").unlink()
    again = runner.invoke(cli, ["build", str(project.source), "-o", "out"])
    assert (again.exit_code, again.stdout) == (0, summary.format(0, 64))


def test_quiet_build_prints_nothing(runner, project):
    project.fixture("tudors")
    result = runner.invoke(cli, ["build", str(project.source), "-o", str(project.out), "-q"])
    assert result.exit_code == 0
    assert result.output == ""
    assert (project.out / "tudors.apkg").is_file()


def test_check_points_at_both_lines_and_exits_1(runner, project):
    notes = project.notes("bad", BAD_NOTES, sidecar=BAD_SIDECAR)
    result = runner.invoke(cli, ["check", str(notes)])
    assert result.exit_code == 1
    assert result.output == bad_notes_findings(notes) + "1 notes file checked: 1 error, 6 warnings\n"
    assert result.stderr == ""


def test_check_passes_the_shipped_notes(runner, seed_source):
    result = runner.invoke(cli, ["check", str(seed_source)])
    assert result.exit_code == 0, result.output
    assert result.output == seed_findings(seed_source / "stalin-power.txt")


def test_check_strict_counts_warnings(runner, seed_source):
    result = runner.invoke(cli, ["check", "--strict", str(seed_source)])
    assert result.exit_code == 1  # for its one warning: the same output as without --strict
    assert result.output == seed_findings(seed_source / "stalin-power.txt")


def test_build_refuses_a_deck_with_errors_but_builds_the_others(runner, project):
    bad = project.notes("bad", BAD_NOTES, sidecar=BAD_SIDECAR)
    tudors = project.fixture("tudors")
    out = project.out
    result = runner.invoke(cli, ["build", str(project.source), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == bad_notes_findings(bad) + f"{bad}: not built: 1 error (see above)\n"
    assert result.stdout == f"{tudors} -> {out / 'tudors.apkg'}: {TUDORS_BUILT}" + new_deck(tudors)
    assert not (out / "bad.apkg").exists()
    assert (out / "tudors.apkg").is_file()
    # quiet: the errors still, nothing else
    quiet = runner.invoke(cli, ["build", str(project.source), "-o", str(out), "-q"])
    assert quiet.exit_code == 1
    assert quiet.output == (f"{bad.with_suffix('.yaml')}:2: error: the sidecar names P9, which neither the plan "
                            "nor any card has [sidecar-paragraph]\n"
                            f"{bad}: not built: 1 error (see above)\n")


def test_missing_path_is_one_clear_line(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / 'nope.txt'}: error: no such file [unreadable]\n" \
        f"{tmp_path / 'nope.txt'}: not built: 1 error (see above)\n"
    assert result.output == result.stderr


def test_empty_source_folder(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(cli, ["build", str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'empty'}: no notes files (*.txt) found\n"
    assert result.output == result.stderr


def test_build_folder_that_is_a_file(runner, seed_source, tmp_path):
    (tmp_path / "out").write_text("not a folder")
    result = runner.invoke(cli, ["build", str(seed_source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path / 'out'}: is a file, not a folder: remove it or choose another with --out\n"
    )
    assert result.stderr == result.output


def _imports_genanki(*args: str) -> bool:
    """Whether `ankigen ARGS` imports genanki, run in a fresh interpreter on the ankigen under test."""
    code = f"import sys; from ankigen.cli import main; sys.argv={['ankigen', *args]!r};\n" \
           "try:\n    main()\nexcept SystemExit: pass\nprint('genanki' in sys.modules)"
    here = str(Path(ankigen.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")]))}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env).stdout
    assert out.strip().endswith(("True", "False")), out
    return out.strip().endswith("True")


def test_help_does_not_import_genanki():
    assert not _imports_genanki("--help")


def test_check_does_not_import_genanki(seed_source):
    assert not _imports_genanki("check", str(seed_source))
    assert _imports_genanki("build", str(seed_source), "-q", "-o", str(seed_source.parent / "build"))


def test_progress_never_shows_when_stderr_is_not_a_terminal(runner, project, monkeypatch):
    import ankigen.cli as cli_module

    monkeypatch.setattr(cli_module, "PROGRESS_BYTES", 0)  # even a small build would show it on a terminal
    tudors = project.fixture("tudors")
    result = runner.invoke(cli, ["build", str(project.source), "-o", str(project.out)])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.output == f"{tudors} -> {project.out / 'tudors.apkg'}: {TUDORS_BUILT}" + new_deck(tudors)


def test_progress_shows_on_a_terminal_unless_quiet(runner, project, monkeypatch):
    import ankigen.cli as cli_module

    monkeypatch.setattr(cli_module, "PROGRESS_BYTES", 0)
    monkeypatch.setattr(cli_module, "_interactive", lambda: True)
    project.fixture("tudors")
    result = runner.invoke(cli, ["build", str(project.source), "-o", str(project.out)])
    assert "Parsing notes" in result.stderr and "Packaging cards" in result.stderr
    result = runner.invoke(cli, ["build", str(project.source), "-o", str(project.out), "-q"])
    assert result.stderr == ""


def test_check_and_build_say_how_many_notes_are_retired(runner, seed_source, tmp_path):
    notes = seed_source / "stalin-power.txt"
    text = notes.read_text(encoding="utf-8")
    start, end = text.index("P3- example, Kirov\n"), text.index("P3- examples, Some members")
    notes.write_text(text[:start] + text[end:], encoding="utf-8")  # a card deleted: its notes are retired
    checked = runner.invoke(cli, ["check", str(seed_source)])
    assert checked.exit_code == 0
    assert checked.output == (
        seed_findings(notes).splitlines(keepends=True)[0]
        + f"{notes}: 4 notes retired (gone from the notes, kept in the deck): students find them with "
          "tag:Stalin_Power::retired to suspend or delete them\n"
        + "1 notes file checked: 0 errors, 1 warning\n")
    built = runner.invoke(cli, ["build", str(seed_source), "-o", str(tmp_path / "out")])
    assert ", 4 retired (tag Stalin_Power::retired)" in built.stdout
