"""An unchanged rebuild is skipped only when nothing the deck is built from has changed: any doubt rebuilds."""

from __future__ import annotations

import shutil
import zipfile

from ankigen.cli import cli
from ankigen.uptodate import is_up_to_date

from .conftest import SOURCE


def seed_project(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for suffix in (".txt", ".yaml", ".lock"):
        shutil.copy(SOURCE / f"stalin-power{suffix}", source / f"stalin-power{suffix}")
    return source, tmp_path / "build"


def test_an_unchanged_rebuild_is_skipped_and_says_so(tmp_path, runner):
    source, out = seed_project(tmp_path)
    first = runner.invoke(cli, ["build", str(source), "-o", str(out)])
    assert first.exit_code == 0, first.output
    apkg = out / "stalin-power.apkg"
    assert zipfile.ZipFile(apkg).comment.startswith(b"ankigen-inputs:")  # what it was built from
    before = apkg.read_bytes()
    again = runner.invoke(cli, ["build", str(source), "-o", str(out)])
    assert again.exit_code == 0
    assert again.stdout == f"{source / 'stalin-power.txt'} -> {apkg}: up to date: nothing changed since it was built\n"
    assert apkg.read_bytes() == before
    assert runner.invoke(cli, ["build", "-q", str(source), "-o", str(out)]).output == ""


def test_any_change_rebuilds(tmp_path, runner):
    source, out = seed_project(tmp_path)
    notes, apkg = source / "stalin-power.txt", out / "stalin-power.apkg"
    changes = (
        lambda: notes.write_text(notes.read_text(encoding="utf-8") + "\nP4- example\nIn 1939 a pact.\n",
                                 encoding="utf-8"),
        lambda: (source / "stalin-power.yaml").write_text("deck: History::Stalin\n", encoding="utf-8"),
        lambda: (source / "stalin-power.lock").unlink(),
        lambda: apkg.write_bytes(b"not a deck"),
        lambda: apkg.unlink(),
    )
    for change in changes:
        assert runner.invoke(cli, ["build", "-q", str(source), "-o", str(out)]).exit_code == 0
        assert is_up_to_date([notes], apkg)
        change()
        assert not is_up_to_date([notes], apkg)
    result = runner.invoke(cli, ["build", str(source), "-o", str(out)])
    assert "up to date" not in result.output and apkg.is_file()


def test_a_course_is_up_to_date_only_as_a_whole(tmp_path, runner):
    source, out = seed_project(tmp_path)
    args = ["build", str(source), "-o", str(out), "--course", "A-level History"]
    assert runner.invoke(cli, args).exit_code == 0
    again = runner.invoke(cli, args)
    assert again.stdout == (f"{out / 'a-level-history.apkg'}: course “A-level History” up to date: nothing changed "
                            "since it was built\n")
    assert not is_up_to_date([source / "stalin-power.txt"], out / "a-level-history.apkg")  # other settings


def test_ankigens_own_files_are_found_as_pathlib_finds_them():
    """The digest of ankigen's own files reads them in `sorted(Path.rglob)` order, leaving out `__pycache__`."""
    import hashlib
    from pathlib import Path

    from ankigen import uptodate

    folder = Path(uptodate.__file__).parent
    files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert [parts for parts, _ in sorted(uptodate._files(str(folder), ()))] == [
        p.relative_to(folder).parts for p in files]
    own = hashlib.sha256()
    for path in files:
        own.update(path.relative_to(folder).as_posix().encode() + b"\x1f" + path.read_bytes())
    uptodate._own_files.cache_clear()
    assert uptodate._own_files() == own.hexdigest()
