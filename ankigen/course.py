"""`ankigen build --course "A-level History"`: every notes file's deck in one package, `build/a-level-history.apkg`,
each as a subdeck (`A-level History::Stalin Power`) under a top deck that describes the course.

Each deck keeps its own identity, exactly as when it is built alone: its own lock, GUIDs, note times and
deck id, and the same notes (a deck's tags and fields use its own name, never the course's). So the same
notes built as single decks and as a course update the same cards in a student's Anki. Only the deck name
in the package differs, and Anki uses it for cards it has not seen: an import never moves a card a student
already has, so cards imported from a single deck stay in that deck.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import description
from .anki_notes import AnkiDeck
from .build import Built, Prepared, buildable, clock, stage, write_lock
from .errors import BuildError
from .files import ensure_out_dir
from .findings import plural
from .identity import deck_id_for
from .inputs import course_name, course_output
from .lock import Stamped
from .skeleton import slug
from .uptodate import fingerprint


@dataclass(frozen=True)
class Course:
    name: str
    output: Path
    decks: tuple[Built, ...]
    cards: int

    def summary(self) -> str:
        """The line after the decks' own: what was written, and where a student's cards go."""
        return (f"{self.output}: course “{self.name}”, {plural(len(self.decks), 'deck')}, "
                f"{plural(self.cards, 'card')}. In Anki, new cards go to these decks; cards a student already "
                "has stay in the deck they are in (Anki moves no card when it imports)")


def package_course(prepared: Sequence[Prepared], name: str, out_dir: Path, now: int | None = None,
                   progress: Callable[[int], None] | None = None) -> Course:
    """Write `out_dir/<slug>.apkg` with a subdeck per prepared file, then each file's lock. Every file
    must have been prepared without errors (a course shared without one of its decks would confuse)."""
    from .package import write_decks  # genanki is loaded only when a deck is written

    name = course_name(name)
    ready = buildable(prepared)
    assert len(ready) == len(prepared), "every notes file of a course must build"
    _no_two_alike(ready, name)
    ensure_out_dir(out_dir)
    when = clock() if now is None else now
    staged = [stage(p, when) for p in ready]
    decks = [(s.deck._replace(name=f"{name}::{s.deck.name}"), s.stamped) for s in staged]
    latest = max(_changed_at(s.stamped) for s in staged)
    about = description.course(name, [d.name for d, _ in decks], latest)
    top = AnkiDeck(name, deck_id_for(f"course~{slug(name)}"), about, slug(name), ())
    output = course_output(out_dir, name)
    comment = fingerprint([s.prepared.path for s in staged], [s.lock_data for s in staged], f"course:{name}")
    cards = write_decks(decks, output, progress, parents=[top], comment=comment)
    built = tuple(write_lock(s, output, cards.get(deck.deck_id, 0))._replace(deck=deck)
                  for s, (deck, _) in zip(staged, decks, strict=True))
    return Course(name, output, built, sum(cards.values()))


def _changed_at(stamped: Stamped) -> int:
    """When a deck last changed: its lock's record of it, else its newest note's time."""
    return stamped.lock.changes.time if stamped.lock.changes else stamped.latest


def _no_two_alike(prepared: Sequence[Prepared], name: str) -> None:
    """Two notes files that make the same deck name would be one deck in Anki, and one stem one .apkg."""
    seen: dict[str, Path] = {}
    for p in prepared:
        assert p.deck is not None
        other = seen.setdefault(p.deck.name.lower(), p.path)
        if other != p.path:
            raise BuildError(f"and {other} both make the deck “{name}::{p.deck.name}”: give one a `deck:` in its "
                             "sidecar", p.path)
