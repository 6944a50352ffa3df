"""Where one `ankigen build` spends its time, measured in-process (run it in a fresh process).

    python bench/breakdown.py NOTES OUT.apkg [--fix NAME ...]

Prints one JSON object: seconds and peak RSS (KiB, after the step) for each step, in the order
`ankigen build` does them (build.prepare + build.package), plus the sub-steps of deck building.
`--fix NAME` applies a monkeypatch from bench/fixes.py first, to measure a proposed fix without touching
ankigen/. `deck_sha` (a hash of every note of the deck) lets bench/experiment.py check that a fix changes
nothing but the time.
"""

from __future__ import annotations

import argparse
import functools
import gc
import hashlib
import importlib
import json
import os
import resource
import sys
import time
from pathlib import Path

T0 = time.perf_counter()


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


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("notes", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--fix", action="append", default=[], help="a fix from bench/fixes.py (repeatable)")
    args = ap.parse_args(argv)

    steps: dict[str, dict[str, float]] = {}
    sub: dict[str, float] = {}

    cpu = [time.process_time()]

    def step(name: str, start: float) -> float:
        now, now_cpu = time.perf_counter(), time.process_time()
        steps[name] = {"s": now - start, "cpu": now_cpu - cpu[0], "rss_kib": _rss()}
        cpu[0] = now_cpu
        return now

    t = time.perf_counter()
    from ankigen import build as B
    from ankigen import check as C
    from ankigen import deck, evidence, parser
    from ankigen import lock as L
    from ankigen import sidecar as S

    t = step("import ankigen (no genanki)", t)
    from ankigen import package as PK

    t = step("import ankigen.package + genanki", t)
    if args.fix:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        importlib.import_module("fixes").apply(args.fix)

    def timed(module, attr: str, key: str) -> None:
        original = getattr(module, attr)

        @functools.wraps(original)
        def wrapper(*a, **k):
            s, c = time.perf_counter(), time.process_time()
            try:
                return original(*a, **k)
            finally:
                sub[key] = sub.get(key, 0.0) + time.perf_counter() - s
                sub[key + " cpu"] = sub.get(key + " cpu", 0.0) + time.process_time() - c

        setattr(module, attr, wrapper)

    timed(deck, "card_guids", "guids")
    timed(deck, "qa_notes", "qa notes")
    timed(deck, "evidence_notes", "cloze (evidence_notes)")
    timed(deck, "judgement_notes", "judgement_notes")

    gc.disable()  # as `ankigen build` does (cli.build)
    t = time.perf_counter()
    cpu[0] = time.process_time()
    notes = parser.read_notes(args.notes)
    t = step("parse (read_notes)", t)
    side = S.load_sidecar(args.notes)
    t = step("sidecar", t)
    evidence._frequencies()
    t = step("spellchecker word list (lazy, first use)", t)
    deck, extra = deck.build_deck(notes, side)
    t = step("build_deck", t)
    findings = C.check_notes(notes, side, deck) + list(extra)
    t = step("check_notes", t)
    stamped = B.stamp_deck(deck, L.Lock(), B.clock())
    L.dump_lock(stamped.lock)
    t = step("digests + lock (stamp, dump_lock)", t)
    cards = PK.write_apkg(deck, stamped, args.out)
    t = step("package (write_apkg)", t)

    size = args.notes.stat().st_size
    total, total_cpu, peak = time.perf_counter() - T0, time.process_time(), _rss()
    digest = hashlib.sha256(repr((deck.name, deck.deck_id, deck.description)).encode())
    for n in deck.notes:  # what a fix must not change: every note's type, identity, fields and tags
        digest.update(repr((n.notetype.id, n.guid, n.fields, n.tags, n.line, n.label)).encode())
    print(
        json.dumps(
            with_rates(
                {
                    "bytes": size,
                    "cards_in_notes": len(notes.cards),
                    "notes_in_deck": len(deck.notes),
                    "cards_in_deck": cards,
                    "deck_sha": digest.hexdigest(),
                    "fixes": args.fix,
                    "errors": sum(1 for f in findings if f.level.value == "error"),
                    "steps": steps,
                    "build_deck_parts": sub,
                    "total_in_process_s": total,
                    "total_in_process_cpu": total_cpu,
                    "peak_rss_kib": peak,
                    "python": sys.version.split()[0],
                    "pid": os.getpid(),
                }
            )
        )
    )


def with_rates(result: dict) -> dict:
    """MB/s (1 MB = 10^6 bytes of notes) of parsing, and of parsing plus cloze finding (evidence_notes)."""
    size = result["bytes"]
    parse = result["steps"]["parse (read_notes)"]
    parts = result["build_deck_parts"]
    cloze, cloze_cpu = parts.get("cloze (evidence_notes)", 0.0), parts.get("cloze (evidence_notes) cpu", 0.0)
    result["parse_mb_s"] = size / 1e6 / parse["s"]
    result["parse_cloze_mb_s"] = size / 1e6 / (parse["s"] + cloze)
    result["parse_cloze_mb_s_cpu"] = size / 1e6 / (parse["cpu"] + cloze_cpu)
    return result


if __name__ == "__main__":
    main()
