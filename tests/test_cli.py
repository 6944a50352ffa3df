"""The command line, through click's CliRunner: exact messages and exit codes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ankigen.cli import cli

from .conftest import FIXTURES

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


@pytest.fixture
def runner(monkeypatch) -> CliRunner:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return CliRunner()


def _commands(group: click.Group) -> list[str]:
    return sorted(group.commands)


@pytest.mark.parametrize("command", _commands(cli))
def test_every_command_has_help(runner, command):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: cli {command} [OPTIONS]")
    doc = cli.commands[command].help or ""
    assert doc.strip(), f"{command} has no help text"


def test_top_level_help_lists_every_command(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in _commands(cli):
        assert re.search(rf"^  {command}\b", result.output, re.M), command


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.output == "ankigen, version 0.1.0\n"


def test_build_prints_one_summary_line_and_writes_the_deck(runner, tmp_path, monkeypatch):
    src = tmp_path / "source"
    src.mkdir()
    shutil.copy(FIXTURES / "weimar.txt", src / "weimar.txt")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["build", str(src), "-o", "out"])
    assert result.exit_code == 0, result.output
    assert Path("out/weimar.apkg").is_file()
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert re.fullmatch(
        rf"{re.escape(str(src / 'weimar.txt'))} -> out/weimar\.apkg: deck “Weimar golden years”, \d+ notes, "
        r"\d+ cards \(1 essay plan, 16 questions, \d+ evidence, \d+ judgements\); (\d+) new, 0 changed, "
        r"0 unchanged",
        lines[0],
    ), lines[0]
    assert (src / "weimar.lock").is_file()


def test_quiet_build_prints_nothing(runner, tmp_path):
    src = tmp_path / "source"
    src.mkdir()
    shutil.copy(FIXTURES / "tudors.txt", src / "tudors.txt")
    result = runner.invoke(cli, ["build", str(src), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0
    assert result.output == ""


def test_check_points_at_both_lines_and_exits_1(runner, tmp_path):
    notes = tmp_path / "bad.txt"
    notes.write_text(BAD_NOTES, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(notes)])
    assert result.exit_code == 1
    assert f"{notes}:6: warning: P7 is not in the plan (the plan has P1, P2) [unplanned-paragraph]\n" in result.output
    assert f"{notes}:8: error: the front “analysis” has no back [no-back]\n" in result.output
    assert result.output.endswith("1 notes file checked: 1 error, 5 warnings\n")


def test_check_passes_the_shipped_notes(runner):
    result = runner.invoke(cli, ["check", "source"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("1 notes file checked: 0 errors, 1 warning\n")


def test_check_strict_counts_warnings(runner):
    result = runner.invoke(cli, ["check", "--strict", "source"])
    assert result.exit_code == 1


def test_build_refuses_a_deck_with_errors_but_builds_the_others(runner, tmp_path):
    src = tmp_path / "source"
    src.mkdir()
    (src / "bad.txt").write_text(BAD_NOTES, encoding="utf-8")
    shutil.copy(FIXTURES / "tudors.txt", src / "tudors.txt")
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{src / 'bad.txt'}:8: error: the front “analysis” has no back [no-back]" in result.stderr
    assert f"{src / 'bad.txt'}: not built: 1 error (see above)" in result.stderr
    assert not (out / "bad.apkg").exists()
    assert (out / "tudors.apkg").is_file()


def test_missing_path_is_one_clear_line(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / 'nope.txt'}: error: no such file [unreadable]\n" \
        f"{tmp_path / 'nope.txt'}: not built: 1 error (see above)\n"


def test_empty_source_folder(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(cli, ["build", str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'empty'}: no notes files (*.txt) found\n"


def test_build_folder_that_is_a_file(runner, tmp_path):
    (tmp_path / "out").write_text("not a folder")
    result = runner.invoke(cli, ["build", "source", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {tmp_path / 'out'}: is a file, not a folder: remove it or choose another with --out\n"
    )


def test_help_does_not_import_genanki():
    import subprocess
    import sys

    code = "import sys; from ankigen.cli import main; sys.argv=['ankigen','--help'];\n" \
           "try:\n    main()\nexcept SystemExit: pass\nprint('genanki' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")


def test_check_does_not_import_genanki(tmp_path):
    import subprocess
    import sys

    code = "import sys; from ankigen.cli import main; sys.argv=['ankigen','check','source'];\n" \
           "try:\n    main()\nexcept SystemExit: pass\nprint('genanki' in sys.modules)"
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root).stdout
    assert out.strip().endswith("False")


def test_progress_never_shows_when_stderr_is_not_a_terminal(runner, tmp_path, monkeypatch):
    import ankigen.cli as cli_module

    monkeypatch.setattr(cli_module, "PROGRESS_BYTES", 0)  # even a small build would show it on a terminal
    src = tmp_path / "source"
    src.mkdir()
    shutil.copy(FIXTURES / "tudors.txt", src / "tudors.txt")
    result = runner.invoke(cli, ["build", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert result.stderr == ""


def test_progress_shows_on_a_terminal_unless_quiet(runner, tmp_path, monkeypatch):
    import ankigen.cli as cli_module

    monkeypatch.setattr(cli_module, "PROGRESS_BYTES", 0)
    monkeypatch.setattr(cli_module, "_interactive", lambda: True)
    src = tmp_path / "source"
    src.mkdir()
    shutil.copy(FIXTURES / "tudors.txt", src / "tudors.txt")
    result = runner.invoke(cli, ["build", str(src), "-o", str(tmp_path / "out")])
    assert "Parsing notes" in result.stderr and "Packaging cards" in result.stderr
    result = runner.invoke(cli, ["build", str(src), "-o", str(tmp_path / "out"), "-q"])
    assert result.stderr == ""
