"""The README keeps its promises: two set-up commands at the top, the second one what CI runs, every
command documented; and every command (and the group) has help text."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ankigen.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", README, re.S)


def test_the_readme_opens_with_the_two_setup_commands():
    top = README.split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)\n```", top, re.S)
    assert len(blocks) == 2
    install_and_build, install_and_test = blocks
    assert "pip install ." in install_and_build and install_and_build.endswith("ankigen build")
    assert install_and_test == 'pip install -e ".[test]" && pytest'


def test_ci_runs_the_readmes_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _blocks()[1] in ci.splitlines()


def test_ci_runs_ruff_and_mypy_before_the_tests():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    tests = lines.index(_blocks()[1])
    assert lines.index("ruff check .") < tests
    assert lines.index("mypy ankigen") < tests


def test_every_command_is_in_the_readme():
    for name in cli.commands:
        assert f"ankigen {name}" in README, name


def test_every_screenshot_linked_exists():
    for link in re.findall(r"\((docs/[^)]+\.png)\)", README):
        assert (ROOT / link).is_file(), link


@pytest.mark.parametrize("command", [None, *sorted(cli.commands)])
def test_every_command_has_help(command):
    """`ankigen --help` and `ankigen <command> --help`: a usage line and the command's own help text."""
    args = [command] if command else []
    result = CliRunner().invoke(cli, [*args, "--help"], prog_name="ankigen")
    assert result.exit_code == 0, result.output
    arguments = {"new": "TITLE"}.get(command or "", "[PATHS]...")
    usage = "Usage: ankigen [OPTIONS] [COMMAND] [ARGS]..." if command is None else \
        f"Usage: ankigen {command} [OPTIONS] {arguments}"
    assert result.output.startswith(usage + "\n\n")
    cmd: click.Command = cli if command is None else cli.commands[command]
    doc = (cmd.help or "").strip()
    assert doc, f"{command or 'the group'} has no help text"
    first_words = " ".join(doc.split()[:6])
    assert first_words in " ".join(result.output.split()), "the help text is not shown"
    for param in cmd.params:
        if isinstance(param, click.Option):
            assert param.help, f"{command or 'the group'}: {param.opts} has no help text"


def test_the_readme_says_how_to_write_a_first_notes_file():
    """A new user learns that the shipped notes are an example to replace, and how to start their own."""
    section = README.split("\n## Write your first notes file\n", 1)[1].split("\n## ", 1)[0]
    assert "are an example" in section and "replace them with your own" in section
    assert 'ankigen new "Weimar Recovery"' in section and "source/weimar-recovery.txt" in section


def test_the_readme_documents_the_course_and_the_description():
    assert 'ankigen build --course "A-level History"' in README
    assert "Anki moves no card when it imports" in README
    assert "`description:`" in README
