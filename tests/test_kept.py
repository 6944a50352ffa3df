"""Work kept between runs (`ankigen/kept.py`): read back only under the key it was made with, never an error;
and the digest of ankigen's own files kept under their sizes and times (`uptodate._own_files`)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from ankigen import kept, uptodate


@pytest.fixture
def writable(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def test_data_is_read_back_only_under_its_key(tmp_path, writable):
    path = tmp_path / "x.marshal"
    kept.write(path, ("key", 1), {"a": [1, 2.5, None]})
    assert kept.read(path, ("key", 1)) == {"a": [1, 2.5, None]}
    assert kept.read(path, ("key", 2)) is None


def test_a_file_that_cannot_be_used_is_no_error(tmp_path, writable, monkeypatch):
    path = tmp_path / "x.marshal"
    for data in (b"", b"not marshal", kept.marshal.dumps(("one item",))):
        path.write_bytes(data)
        assert kept.read(path, "key") is None
    assert kept.read(tmp_path / "missing.marshal", "key") is None
    blocker = tmp_path / "file"
    blocker.write_text("")
    kept.write(blocker / "x.marshal", "key", "data")  # its folder cannot be made
    kept.write(tmp_path / "y.marshal", "key", object())  # nothing marshal can write
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "x.marshal"]
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    kept.write(tmp_path / "z.marshal", "key", "data")
    assert not (tmp_path / "z.marshal").exists()


def _digest_of_contents() -> str:
    folder = Path(uptodate.__file__).parent
    own = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        own.update(path.relative_to(folder).as_posix().encode() + b"\x1f" + path.read_bytes())
    return own.hexdigest()


def test_the_digest_of_ankigens_files_is_of_their_contents_made_or_kept(tmp_path, writable, monkeypatch):
    monkeypatch.setattr(uptodate, "_KEPT", tmp_path / "uptodate.marshal")
    made = uptodate._own_files.__wrapped__()
    assert made == _digest_of_contents()
    assert (tmp_path / "uptodate.marshal").exists()  # kept, under the files' sizes and times
    assert uptodate._own_files.__wrapped__() == made  # read back


def test_a_digest_kept_under_other_sizes_or_times_is_not_used(tmp_path, writable, monkeypatch):
    monkeypatch.setattr(uptodate, "_KEPT", tmp_path / "uptodate.marshal")
    uptodate._own_files.__wrapped__()
    key, _ = kept.marshal.loads((tmp_path / "uptodate.marshal").read_bytes())
    name, size, mtime = key[0]
    stale = ((name, size, mtime - 1), *key[1:])  # a file changed since
    kept.write(tmp_path / "uptodate.marshal", stale, "0" * 64)
    assert uptodate._own_files.__wrapped__() == _digest_of_contents()
