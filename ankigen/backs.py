"""Back rules: which line breaks in a card's back were made by a PDF or a narrow window (join them) and
which the student meant (keep them). `join_back` turns the physical lines under a front into the back's
blocks: at each line break a rule of `BACK_KEEP_RULES` keeps the break, else any rule of
`BACK_JOIN_RULES` joins the two lines, else the next line starts a new block."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import rx
from .kinds import is_scale
from .namedtuples import NamedTuple
from .rules import ABBREVIATIONS, bullet, ends_dangling


class BlockShape(NamedTuple):
    """What the join rules may know of the whole back: is it a hard-wrapped textbook paragraph?"""

    wrapped: bool
    width: int
    midway: int = 0  # line breaks that visibly fall mid-sentence (a lower-case start, a dangling end)
    full: int = 0  # lines (but the last) of nearly the widest line's width: a PDF's lines are all so
    prose: bool = False  # its lines hold sentences that end with full stops: a line with none ends mid-sentence


JoinRule = Callable[[str, str, BlockShape], bool]

TYPED_LINE = 110  # characters: a longer line was typed as one paragraph, not wrapped by a PDF or window


# A line ends a sentence at `.`, `!` or `?` (and a closing quote or bracket), but not at an ellipsis, an
# initial (`Ulysses S.`, `U.S.`) or an abbreviation that a sentence goes on after (`e.g.`, `c.`, `St.`).
_SENTENCE_STOP = rx.compile(r"[.!?][”’\"')\]]?$")
_NOT_A_STOP = rx.compile(rf"(?:\.\.|…|(?:^|[\s(.])(?:[A-Za-z]|e\.g|i\.e|{'|'.join(ABBREVIATIONS)})\.)$")


def ends_sentence(text: str) -> bool:
    """Does the line end a sentence (`... survived the power struggle.`)?"""
    tail = text.rstrip()[-12:]  # the tail only: both patterns look at the line's end
    return _SENTENCE_STOP.search(tail) is not None and _NOT_A_STOP.search(tail) is None


KeepRule = JoinRule


def typed_sentence(prev: str, nxt: str, shape: BlockShape) -> bool:
    """A line that ends a sentence, with the next sentence on a line of its own, is the student's own
    line break, even when they start the next sentence in lower case (`... survived the power struggle.` /
    `he was therefore able ...`): a long back stays a list of points a phone can show. Only inside a
    hard-wrapped textbook paragraph does a sentence end at a line break by chance."""
    return not shape.wrapped and ends_sentence(prev)


def scale_line(prev: str, nxt: str, shape: BlockShape) -> bool:
    """A scale (`fundamental - partial - superficial`) is a line of its own, whatever starts the line after
    it: the student's answer to it (`in the end only a partial change ...`) is not part of the scale."""
    return is_scale(prev) or is_scale(nxt)


# Words a line goes on with from the line above (`After the removal` / `of the Left and Right ...`, `most
# english sheriffs` / `were replaced by normans by 1071`).
_GOES_ON = frozenset("""of to in on at by for with from into onto over about against between than as under within
without towards toward through during upon via and or but nor that which who whose whom because while although
though whereas if until till unless since was were is are had has have would could should will""".split())


def typed_point(prev: str, nxt: str, shape: BlockShape) -> bool:
    """In a back typed a point a line (no textbook wrapping), a line that left room for the next line's first
    word ended where the student ended it, though the next point starts in lower case and no full stop ends
    the line: `sheriff comes from shire reeve (scir-gerefa), the king's officer in each shire` / `collected
    the geld ...`. Not a line that stops mid-phrase (`... survey all the`), nor one the next goes on from
    (`After the removal` / `of the Left ...`), nor a back of one or two lines (no width to judge by), nor a
    back of sentences with full stops (`... refused to agree. Party leaders ignored official` / `orders ...`:
    its writer ends a point with a full stop)."""
    if (shape.wrapped or shape.prose or not shape.width or not nxt[:1].islower() or ends_dangling(prev)
            or prev.count("(") > prev.count(")")):  # (`... (secret ballot and no property` / `qualification), ...`)
        return False
    first, last = nxt.split(" ", 1)[0], prev.rsplit(" ", 1)[-1]
    return (first.lower() not in _GOES_ON and last.lower() not in _GOES_ON
            and len(prev) + 1 + len(first) <= 0.75 * shape.width)


BACK_KEEP_RULES: tuple[tuple[str, KeepRule], ...] = (
    ("typed_sentence", typed_sentence),
    ("scale_line", scale_line),
    ("typed_point", typed_point),
)


def lowercase_start(prev: str, nxt: str, shape: BlockShape) -> bool:
    """A line that starts in lower case continues the sentence above (`... survey all the` / `material`),
    unless the line above is a long typed paragraph: then the student started a new point in lower case."""
    return nxt[:1].islower() and len(prev) <= TYPED_LINE


def dangling_end(prev: str, nxt: str, shape: BlockShape) -> bool:
    """A line that stops on `the`, `of`, `Stalin’s` or a comma continues below."""
    return ends_dangling(prev)


_LAST_SENTENCE = rx.compile(r"[.!?]\s+(\S+(?:\s+\S+)?)$")


def cut_sentence(prev: str, nxt: str, shape: BlockShape) -> bool:
    """A line that ends one sentence and starts the next with just a word or two (`... Arkansas. Governor`)
    was cut mid-sentence: the next line goes on with it."""
    m = _LAST_SENTENCE.search(prev[-120:])  # the tail only: a regex over a 1 MB line would be quadratic
    return m is not None and m.group(1)[-1] not in ".!?:;" and bullet(nxt) is None


def wrapped_block(prev: str, nxt: str, shape: BlockShape) -> bool:
    """Inside a hard-wrapped textbook paragraph every full-width line continues below."""
    return shape.wrapped and len(prev) >= 0.7 * shape.width


def wrapped_line(prev: str, nxt: str, shape: BlockShape) -> bool:
    """In a back that a PDF wrapped somewhere (one of its breaks falls mid-sentence), a full-width line that
    ends no sentence, where the next line's first word would not have fitted, was wrapped too: `... votes of
    John Redmond's Irish` / `Parliamentary Party after ...`, `... edited the Ems` / `Telegram 13 July`.
    (Points typed a line each, `Trial of 16 ...` / `Trial of 21 ...`, break nowhere mid-sentence; and the one
    long line of a back typed otherwise is no wrapped line: a PDF's lines are of one width, two or more.)"""
    if (not shape.midway or not shape.width or shape.full < 2 or len(prev) < 0.8 * shape.width
            or ends_sentence(prev)):
        return False
    first = nxt.split(" ", 1)[0]
    return len(prev) + 1 + len(first) > 0.95 * shape.width and bullet(nxt) is None


BACK_JOIN_RULES: tuple[tuple[str, JoinRule], ...] = (
    ("lowercase_start", lowercase_start),
    ("dangling_end", dangling_end),
    ("cut_sentence", cut_sentence),
    ("wrapped_block", wrapped_block),
    ("wrapped_line", wrapped_line),
)


def block_shape(lines: Sequence[str]) -> BlockShape:
    """A back is a hard-wrapped paragraph when it has 3+ lines of textbook width and at least half of its
    line breaks visibly fall mid-sentence."""
    plain = [ln for ln in lines if bullet(ln) is None]
    if len(plain) < 3:
        return BlockShape(False, 0)
    lengths = sorted(len(ln) for ln in plain[:-1])
    width = lengths[-1]
    median = lengths[len(lengths) // 2]
    prose = any(ends_sentence(a) or _STOP_INSIDE.search(a) for a in plain)
    if not 35 <= median <= 110 or width > 130:
        return BlockShape(False, width, prose=prose)
    breaks = list(zip(plain, plain[1:], strict=False))
    # a break after a full stop is no sign of wrapping: students start sentences in lower case too
    midway = sum(1 for a, b in breaks if not ends_sentence(a)
                 and (lowercase_start(a, b, BlockShape(False, 0)) or ends_dangling(a)))
    full = sum(1 for n in lengths if n >= 0.8 * width)
    # a textbook's breaks are forced: a line with room left for the next one's first word was typed so
    typed = not prose and any(typed_point(a, b, BlockShape(False, width)) for a, b in breaks)
    return BlockShape(midway * 2 >= len(breaks) and not typed, width, midway, full, prose)


_BROKEN_WORD = rx.compile(r"[A-Za-z]-$")
_STOP_INSIDE = rx.compile(r"[a-z]{2}[.!?] [A-Z]")  # a sentence that ends inside a line: "... to agree. Party ..."


def join_lines(prev: str, nxt: str) -> str:
    """Two pieces of one sentence, joined with a space; a word broken at a hyphen (`five-` / `year plan`,
    `Schleswig-` / `Holstein`) is joined without one."""
    if _BROKEN_WORD.search(prev[-2:]) and nxt[:1].isalpha():  # (the tail only: a block can grow long)
        return prev + nxt
    return prev + " " + nxt


def joins(prev: str, nxt: str, shape: BlockShape) -> bool:
    """Does the line `nxt` go on with the line `prev` above it? A keep rule says no before any join rule
    is asked."""
    # (loops, as find_front's: no generator at each line break; 10,000 cards, join_back 90 -> 81 ms)
    for _, rule in BACK_KEEP_RULES:
        if rule(prev, nxt, shape):
            return False
    for _, rule in BACK_JOIN_RULES:
        if rule(prev, nxt, shape):
            return True
    return False


def _numbered_items(raw: str, item: str) -> list[str]:
    """The items of a numbered list written in one line (`1. UN resolution 82 2. Soviet boycott 3. 16 nations`):
    each its own item, as if it had its own line; any other bullet is one item."""
    if not raw.startswith(("1. ", "1) ")):
        return [item]
    mark = raw[1]
    parts, rest, n = [], item, 2
    while (at := rest.find(f" {n}{mark} ")) > 0:
        parts.append(rest[:at])
        rest, n = rest[at + len(f" {n}{mark} "):], n + 1
    return [*parts, rest]


def join_back(lines: Sequence[str]) -> tuple[str, ...]:
    """Join the physical lines of a back into blocks; bullets stay items, prefixed with "• "."""
    shape = block_shape(lines)
    blocks: list[str] = []
    prev = ""  # the physical line above, or "" after a blank line (nothing to continue)
    for raw in lines:
        if raw == "":
            prev = ""
            continue
        item = bullet(raw)
        if item is not None:
            blocks.extend("• " + part for part in _numbered_items(raw, item))
        elif blocks and prev and joins(prev, raw, shape):
            blocks[-1] = join_lines(blocks[-1], raw)
        else:
            blocks.append(raw)
        prev = raw
    return tuple(blocks)
