"""`ankigen new "Weimar Recovery"`: a first notes file, `source/weimar-recovery.txt`, written in the notes'
own format so that a student sees every part of it (title, essay question, plan, argument, fronts and
backs) and can replace each line with their own. It builds as it is, with no warning (a test says so).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .errors import NotesError
from .files import write_atomic

# Each line says what it is. The plan's words of degree ("a lot", "partly") and the argument's give the
# judgement cards their verdicts; the example's back holds a date, a figure and a name to cloze.
SKELETON = """\
1- {title}
How far did it change, and between which dates? (Write your essay question here.)
P1- changed a lot, your first paragraph's point. P2- only partly, your second paragraph's point
It could be argued that it changed a lot overall. (Your argument: how much changed, and why, in a sentence or two.)
P1- example, your first front: a point or a question to recall
The back: what to remember, with dates, figures and names, as in "the Dawes Plan of 1924 lent Germany 800 million marks"
P2- analysis
Why it changed only partly. Replace every line with your own notes (source/stalin-power.txt is a full example).
"""


def slug(title: str) -> str:
    """`A-level History` -> `a-level-history`: a file name that every system and every shell accepts."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def skeleton(title: str) -> str:
    return SKELETON.format(title=" ".join(title.split()))


def write_skeleton(title: str, folder: Path) -> Path:
    """Write `folder/<slug>.txt` (creating the folder); never over a file that exists."""
    name = slug(title)
    if not name:
        raise NotesError(f"“{title}” has no letters or digits to name a notes file after: give a title such as "
                         "\"Weimar Recovery\"")
    path = folder / f"{name}.txt"
    if path.exists():
        raise NotesError("already exists: ankigen new never overwrites a notes file; edit it, or choose "
                         "another title", path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NotesError(f"cannot create the folder: {exc.strerror}", folder) from None
    data = skeleton(title).encode("utf-8")
    write_atomic(path, lambda fh: fh.write(data), what="the notes file")
    return path
