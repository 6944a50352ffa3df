"""Where one `ankigen build` spends its time, measured in-process (run it in a fresh process).

    python bench/breakdown.py NOTES OUT.apkg

Prints one JSON object: seconds, CPU seconds and peak RSS (KiB, after the step) of each step, in the order
`ankigen build` does them: build.prepare, then stamping the lock and package.write_apkg. The parts of
prepare (parsing, deck building and its sub-steps, check) are timed by wrapping the functions named in
PARTS wherever ankigen's modules hold them; a function no module holds any more is listed under
"missing_parts" (rename it in PARTS after a refactor).
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

T0 = time.perf_counter()

# Functions timed inside build.prepare: (function name, label); a label with "  " in front is part of the
# label above it. The labels are what bench/run.py prints.
PARTS = (
    ("read_notes", "parse (read_notes)"),
    ("load_sidecar", "sidecar"),
    ("build_deck", "build_deck"),
    ("find_evidence", "  evidence (find_evidence)"),
    ("align", "  align with the lock"),
    ("question_notes", "  question notes"),
    ("evidence_notes", "  cloze notes (evidence_notes)"),
    ("judgement_notes", "  judgement_notes"),
    ("check_notes", "check_notes"),
)
PARSE, CLOZE = "parse (read_notes)", "  evidence (find_evidence)"


def _rss() -> int:
    """Peak RSS of this process in KiB. VmHWM belongs to this process's own memory map; ru_maxrss would
    start at the peak of the parent that spawned it (Linux carries it across fork and exec)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Steps:
    """Consecutive steps: each `done(name)` records the time since the previous one."""

    def __init__(self) -> None:
        self.steps: dict[str, dict[str, float]] = {}
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def restart(self) -> None:
        """Start the next step now (what went before is not a step)."""
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def done(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.steps[name] = {"s": wall - self._wall, "cpu": cpu - self._cpu, "rss_kib": _rss()}
        self._wall, self._cpu = wall, cpu


def time_parts(parts: dict[str, dict[str, float]]) -> list[str]:
    """Wrap each function of PARTS in every loaded ankigen module that holds it (where it is defined and
    where it is imported), adding its time to `parts[label]`. Returns the names no module holds."""
    missing = []
    for name, label in PARTS:
        holders = [m for key, m in list(sys.modules.items())
                   if key.startswith("ankigen") and callable(getattr(m, name, None))]
        if not holders:
            missing.append(name)
            continue
        parts[label] = {"s": 0.0, "cpu": 0.0, "calls": 0}
        for original in {getattr(m, name) for m in holders}:
            wrapper = _timed(original, parts[label])
            for m in holders:
                if getattr(m, name) is original:
                    setattr(m, name, wrapper)
    return missing


def _timed(original: Callable, into: dict[str, float]) -> Callable:
    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            into["s"] += time.perf_counter() - wall
            into["cpu"] += time.process_time() - cpu
            into["calls"] += 1

    return wrapper


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("notes", type=Path)
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)

    steps = Steps()
    from ankigen import build

    steps.done("import ankigen (no genanki)")
    from ankigen.package import write_apkg

    steps.done("import ankigen.package + genanki")
    parts: dict[str, dict[str, float]] = {}
    missing = time_parts(parts)

    gc.disable()  # as `ankigen build` does (cli.build)
    steps.restart()
    # The spellchecker's word list is loaded on first use; timed apart (if evidence still has it) so that
    # it does not count as finding clozes.
    words = getattr(sys.modules.get("ankigen.evidence"), "_frequencies", None)
    if words is not None:
        words()
        steps.done("spellchecker word list (lazy, first use)")
    prepared = build.prepare(args.notes)
    steps.done("prepare (build.prepare)")
    assert prepared.deck is not None and prepared.notes is not None, prepared.findings
    # Stamped, and the lock written to its scratch file, as `ankigen build` does (build.stage: which lets go of
    # the lock's entries once written). The deck is written as before, with the description it had.
    staged = build.stage(prepared, build.clock())
    steps.done("digests + lock (stamp, dump_lock)")
    cards = write_apkg(prepared.deck, staged.stamped, args.out)
    staged.lock_data.close()
    steps.done("package (write_apkg)")

    result = {
        "bytes": args.notes.stat().st_size,
        "cards_in_notes": len(prepared.notes.cards),
        "notes_in_deck": len(prepared.deck.notes),
        "cards_in_deck": cards,
        "errors": len(prepared.errors),
        "steps": steps.steps,
        "prepare_parts": parts,
        "missing_parts": missing,
        "total_in_process_s": time.perf_counter() - T0,
        "total_in_process_cpu": time.process_time(),
        "peak_rss_kib": _rss(),
        "python": sys.version.split()[0],
        "pid": os.getpid(),
    }
    print(json.dumps(with_rates(result)))


def with_rates(result: dict) -> dict:
    """MB/s (1 MB = 10^6 bytes of notes) of parsing, and of parsing plus cloze finding (evidence_notes)."""
    size = result["bytes"]
    parts = result["prepare_parts"]
    zero = {"s": 0.0, "cpu": 0.0}
    parse, cloze = parts.get(PARSE, zero), parts.get(CLOZE, zero)
    result["parse_mb_s"] = size / 1e6 / parse["s"] if parse["s"] else None
    result["parse_cloze_mb_s"] = size / 1e6 / (parse["s"] + cloze["s"]) if parse["s"] else None
    result["parse_cloze_mb_s_cpu"] = size / 1e6 / (parse["cpu"] + cloze["cpu"]) if parse["cpu"] else None
    return result


if __name__ == "__main__":
    main()
