"""Sidecars kept between runs (`ankigen/kept_yaml.py`): one read back is the very data and lines PyYAML
makes of it, only plain data is kept, and a file that cannot be used is never an error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ankigen import kept_yaml
from ankigen.errors import SidecarError
from ankigen.sidecar import parse_sidecar

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = (ROOT / "source" / "stalin-power.yaml").read_text(encoding="utf-8")


@pytest.fixture
def kept(tmp_path, monkeypatch):
    """kept_yaml with an empty file of its own, written as where Python writes bytecode."""
    monkeypatch.setattr(kept_yaml, "_FILE", tmp_path / "kept_yaml.marshal")
    monkeypatch.setattr(kept_yaml, "_KEPT", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path / "kept_yaml.marshal"


def _next_run(monkeypatch) -> None:
    monkeypatch.setattr(kept_yaml, "_KEPT", kept_yaml._read())


@pytest.mark.parametrize("text", [
    SHIPPED,
    "deck: History::Stalin::Power\nparagraphs:\n  P1: {theme: Show trials}\n  p2: Terror\nscale: fundamental/partial\n",
    "cloze: false\nessay: {judgement: 3, reasoning: 1.5}\nparagraphs:\n  P1:\n",
    "paragraphs:\n  P1: &b {theme: x}\n  P2:\n    <<: *b\n    judgement: partial\n",
    "",
])
def test_a_kept_sidecar_is_what_pyyaml_makes(kept, monkeypatch, text):
    path = Path("s.yaml")
    first = parse_sidecar(text, path)
    assert kept.exists()
    _next_run(monkeypatch)
    assert kept_yaml.get(text) is not None
    monkeypatch.setitem(sys.modules, "yaml", None)  # read back without PyYAML
    assert parse_sidecar(text, path) == first


@pytest.mark.parametrize("text", ["deck: 2024-01-01\n", "deck: !!set {a: null}\n", "deck: [unclosed\n"])
def test_only_plain_valid_yaml_is_kept(kept, text):
    try:
        parse_sidecar(text, Path("s.yaml"))
    except SidecarError:
        pass
    assert kept_yaml.get(text) is None and not kept.exists()


def test_the_last_sidecars_are_kept(kept, monkeypatch):
    texts = [f"deck: D{i}\n" for i in range(kept_yaml.KEEP + 2)]
    for text in texts:
        parse_sidecar(text, Path("s.yaml"))
    _next_run(monkeypatch)
    assert list(kept_yaml._KEPT) == texts[2:]


def test_a_file_that_cannot_be_used_is_ignored(kept, monkeypatch):
    for data in (b"", b"not marshal", kept_yaml.marshal.dumps((("another python", None), {"deck: x\n": b""}))):
        kept.write_bytes(data)
        assert kept_yaml._read() == {}
    monkeypatch.setattr(kept_yaml, "_KEPT", {"deck: x\n": b"damaged"})
    assert parse_sidecar("deck: x\n", Path("s.yaml")).deck == "x"


def test_nothing_is_written_where_python_writes_no_bytecode(kept, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    parse_sidecar(SHIPPED, Path("s.yaml"))
    assert not kept.exists()


def test_a_read_only_place_is_no_error(kept, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(kept_yaml, "_FILE", blocker / "kept_yaml.marshal")  # its folder cannot be made
    assert parse_sidecar(SHIPPED, Path("s.yaml")).essay_judgement == "fundamental"
    assert list(tmp_path.iterdir()) == [blocker]
