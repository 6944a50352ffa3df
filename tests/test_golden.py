"""Golden tests: every fixture notes file, parsed, against its reviewed expected output (one test each)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ankigen.parser import read_notes

from .golden import render

FIXTURES = Path(__file__).parent / "fixtures" / "notes"
NOTES = sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("path", NOTES, ids=[p.stem for p in NOTES])
def test_golden(path: Path) -> None:
    expected_path = path.with_suffix(".expected")
    got = render(read_notes(path)).replace(str(path), path.name)
    if os.environ.get("ANKIGEN_UPDATE_GOLDEN"):
        expected_path.write_text(got, encoding="utf-8")
    assert expected_path.exists(), f"no golden file {expected_path.name}: run with ANKIGEN_UPDATE_GOLDEN=1"
    assert got == expected_path.read_text(encoding="utf-8")


def test_every_fixture_has_a_golden_file() -> None:
    assert len(NOTES) >= 5
    for path in NOTES:
        assert path.with_suffix(".expected").exists(), path.name
