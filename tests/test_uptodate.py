"""An unchanged rebuild is skipped only when nothing the deck is built from has changed: any doubt rebuilds."""

from __future__ import annotations

from pathlib import Path

from ankigen.uptodate import is_up_to_date, record, record_path


def project(tmp_path: Path) -> tuple[list[Path], Path]:
    notes, sidecar, lock, out = (tmp_path / n for n in ("n.txt", "n.yaml", "n.lock", "n.apkg"))
    notes.write_text("P1- a\nb\n", encoding="utf-8")
    lock.write_text("{}", encoding="utf-8")
    out.write_bytes(b"deck")
    return [notes, sidecar, lock], out


def test_recorded_and_unchanged_is_up_to_date(tmp_path):
    inputs, out = project(tmp_path)
    assert not is_up_to_date(inputs, out)  # never built: no record
    record(inputs, out)
    assert record_path(out).is_file()
    assert is_up_to_date(inputs, out)
    assert not is_up_to_date(inputs, out, settings="--course X")  # other settings: another build


def test_any_change_rebuilds(tmp_path):
    inputs, out = project(tmp_path)
    notes, sidecar, lock = inputs
    for change in (lambda: notes.write_text("P1- a\nc\n", encoding="utf-8"),
                   lambda: sidecar.write_text("deck: X\n", encoding="utf-8"),  # a sidecar appears
                   lambda: lock.unlink(),
                   lambda: out.write_bytes(b"replaced by hand"),
                   lambda: out.unlink()):
        if not out.exists():
            out.write_bytes(b"deck")
        record(inputs, out)
        assert is_up_to_date(inputs, out)
        change()
        assert not is_up_to_date(inputs, out)


def test_a_damaged_record_rebuilds(tmp_path):
    inputs, out = project(tmp_path)
    record_path(out).write_bytes(b"\xff\xfe")
    assert not is_up_to_date(inputs, out)
    record_path(out).write_text("", encoding="ascii")
    assert not is_up_to_date(inputs, out)
