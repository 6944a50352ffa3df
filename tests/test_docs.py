"""The README keeps its promises: two set-up commands at the top, the second one what CI runs, every
command documented."""

from __future__ import annotations

import re
from pathlib import Path

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


def test_every_command_is_in_the_readme():
    for name in cli.commands:
        assert f"ankigen {name}" in README, name


def test_every_screenshot_linked_exists():
    for link in re.findall(r"\((docs/[^)]+\.png)\)", README):
        assert (ROOT / link).is_file(), link
