"""Front rules: which lines of the notes start a card, tried at every line after the header by
`parser.py` (as mistune's block parser tries its rules): `marker_front` (`P1-`, `P1:`, `P1 -`, `p1-`,
`P1 –`, `Paragraph 1:`, or `P2-` alone with the front on the next line), `section_front` (`Conclusion -`,
`Overall:`, `Intro` on a line of its own), `question_front` (a short line
that asks a question, with or without `?`, in lower case too, followed by its back) and `heading_front` (a
bare heading such as `Marshall Plan` inside a paragraph's cards). `front_wraps` joins a front that runs
onto the next line."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from . import rx
from .backs import TYPED_LINE, ends_sentence, join_lines
from .kinds import analysis_front, is_scale, scale_in_front
from .namedtuples import NamedTuple
from .namewords import GRAMMAR
from .questions import AUXILIARY, auxiliary_question, modal_question, noun_question, question_front
from .rules import (
    CONCLUDING,
    Line,
    analysis_alone,
    bullet,
    ends_dangling,
    heading,
    marker_front,
    plan_items,
    section_heading,
)


def skip_blank(lines: Sequence[Line], k: int) -> int:
    while k < len(lines) and not lines[k].text:
        k += 1
    return k


def next_text(lines: Sequence[Line], k: int) -> str:
    """The next non-blank line's text from index k (without copying the list: files can be huge)."""
    k = skip_blank(lines, k)
    return lines[k].text if k < len(lines) else ""


class Front(NamedTuple):
    paragraph: str | None  # "P2", or None for a question or heading front (`kinds.PARAGRAPH_RULES` place it)
    text: str
    line: int
    marked: bool  # written with a paragraph marker


FrontRule = Callable[[Sequence[Line], int], tuple[Front, int] | None]


def read_marker_front(lines: Sequence[Line], i: int) -> tuple[Front, int] | None:
    """`P2- opposition to policies before`; `P2-` alone takes the next text line as its front."""
    found = marker_front(lines[i].text)
    if found is None:
        return None
    paragraph, text = found
    k = i + 1
    if not text:
        k = skip_blank(lines, k)
        if k < len(lines) and not marker_front(lines[k].text):
            text = lines[k].text
            k += 1
    return front_wraps(Front(paragraph, text, lines[i].no, True), lines, k)


def read_question_front(lines: Sequence[Line], i: int) -> tuple[Front, int] | None:
    """A bare question (`questions.question_front`) that is a line of its own (not the end of the line above,
    nor the first line under a front) and is followed by its back (not by another front)."""
    text = _unlabelled(lines[i].text)
    inline = scale_in_front(text) is not None  # (`how important: main cause / one of several / minor`)
    # (a short heading over a scale is the scale card's front whatever it asks: `judging success` / `total
    # success -- qualified success -- ...`)
    heads_scale = (len(text.split()) <= 6 and not text.endswith(".") and not text.lower().startswith(CONCLUDING)
                   and is_scale(next_text(lines, i + 1)))  # (not `Overall Stalin's power changed`: a back's line)
    if not (question_front(text) or inline or heads_scale or _under_heading(lines, i) or _short_over_list(lines, i) or (
            auxiliary_question(text) and (
            i == 0 or _ended(lines, i - 1) or _answered_below(lines, i)
            or ((noun_question(text) or modal_question(text)) and not ends_dangling(lines[i - 1].text))))):
        return None
    nxt = next_text(lines, i + 1)
    if i > 0 and (above := lines[i - 1]).text:
        # (a question answered by a scale on the next line is a front whatever the line above ends on:
        # `... which group you look at` / `how can you describe the change` / `fundamental - partial - ...`)
        # (a line typed as one paragraph that stops on `over` or `to` ended there: it was not wrapped)
        if (ends_dangling(above.text) and not is_scale(nxt) and len(above.text) <= TYPED_LINE) or (
                above.no == lines[i].no and not (above.text.endswith(".") and (text.endswith("?")
                                                                              or analysis_alone(text)))):
            return None  # it goes on from the line above, or was split from the middle of a line (not a question
            # asked after the line's last sentence: `... in Oslo. Who was Father Popiełuszko?`)
        if marker_front(above.text) and plan_items(above) is None and not heads_scale and not (
                PARAGRAPH_HEADING.match(above.text) and (question_front(text) or _under_heading(lines, i))) and not (
                asked_over_bullets(lines, i)):
            return None  # the first line under a front is its back (a paragraph's heading heads its questions)
    if (not nxt or marker_front(nxt) is not None or question_front(nxt)) and not inline:
        return None  # (a scale on the question's line is a back of its own: `how important: main cause / ...`)
    return front_wraps(Front(None, text, lines[i].no, False), lines, i + 1)


def asked_over_bullets(lines: Sequence[Line], i: int) -> bool:
    """A question with its question mark over a bulleted back, right under a marker (`P1 = politics` / `what was the
    old republic like before 1930?` / `- "café com leite" politics ...`): the marker heads its paragraph's
    questions, as a paragraph's heading in words does."""
    text = lines[i].text
    if not (text.endswith("?") and question_front(text)):
        return False
    return bullet(next_text(lines, i + 1)) is not None or _asked_again(lines, i)


def _asked_again(lines: Sequence[Line], i: int, reach: int = 40) -> bool:
    """Does the paragraph ask another question of its own line, with its back under it, before the next marker
    (`P1) power of opponents` / `Who was Trotsky?` / `exiled 1929` / `Bukharin?` / `shot 1938`)? Then the marker
    heads its questions, the first one's too."""
    for k in range(i + 2, min(len(lines), i + reach)):
        text = lines[k].text
        if marker_front(text):
            return False
        if text.endswith("?") and question_front(text) and lines[k - 1].no != lines[k].no and (
                nxt := next_text(lines, k + 1)) and not question_front(nxt) and not marker_front(nxt):
            return True
    return False


def _short_over_list(lines: Sequence[Line], i: int) -> bool:
    """A short line with its question mark, of no sentence or list, over a list, the line above in a list too
    (`- ... and votes for women` / `estado novo?` / `- ANL banned July 1935`): a question of its own, whatever its
    first word, in notes that ask their questions over lists."""
    text = lines[i].text
    return (text.endswith("?") and len(text.split()) <= 5 and "," not in text and bullet(text) is None
            and i > 0 and bullet(next_text(lines, i + 1)) is not None and _in_list(lines, i - 1))


def _in_list(lines: Sequence[Line], k: int, reach: int = 4) -> bool:
    """Is line k a list's item, or a line of one wrapped under it?"""
    for j in range(k, max(-1, k - reach), -1):
        if not lines[j].text or marker_front(lines[j].text) or question_front(lines[j].text):
            return False
        if bullet(lines[j].text) is not None:
            return True
    return False


def _under_heading(lines: Sequence[Line], i: int) -> bool:
    """A short line opening with a question's word at once under a paragraph's heading (`Paragraph 1 - CRISIS IN
    SPAIN` / `what happened at Bayonne in 1808`): the first question of the paragraph, not a back (a heading
    with a back of its own is a front, and its back would open so rarely)."""
    words = lines[i].text.lower().split()
    return (i > 0 and bool(PARAGRAPH_HEADING.match(lines[i - 1].text)) and 3 <= len(words) <= 10
            and (words[1] in AUXILIARY or (words[0] in ("what", "who") and words[1].endswith("ed")))
            and words[0] in ("what", "why", "how", "who", "when", "where", "which")
            and "," not in lines[i].text and not lines[i].text.endswith("."))  # (not `when grain was seized ...`)


# A word labelling the question after it: `background - how did LN end up emperor?`, `Context: why was ...?` (not
# `Q:`, a layout's own label: `layouts.question_and_answer`).
_LABEL = rx.compile(r"^[A-Za-z]{3,}\s*[-–—:]\s+(?=\S.*\?$)")


def _unlabelled(text: str) -> str:
    """The question a one-word label heads (`background - how did LN end up emperor?` -> the question), else the
    text as it is."""
    m = _LABEL.match(text) if text.endswith("?") else None
    return text[m.end():] if m and question_front(text[m.end():]) else text


# A paragraph's heading in words (`Paragraph 1 - 1980-81`, `PARA 2: martial law`): a heading over the fronts
# under it, which may be questions.
PARAGRAPH_HEADING = rx.compile(r"^\s*Para(?:graph)?\s*\d", re.IGNORECASE)


# An answer that opens its line: `no, Italy stayed out in 1914 ...`, `yes - the army ...`.
_ANSWER = rx.compile(r"^(?:yes|no|not really|partly)(?:\s*[,:;]|\s+[-–—])", re.IGNORECASE)  # (not no-one)


def _answered_below(lines: Sequence[Line], i: int) -> bool:
    """Does the next line answer line i (`did the alliances make war certain` / `no, Italy stayed out ...`),
    outside an analysis (where the argument asks itself and answers: one card)?"""
    if not _ANSWER.match(next_text(lines, i + 1)):
        return False
    for j in range(i - 1, max(-1, i - 40), -1):
        if (found := marker_front(lines[j].text)) and plan_items(lines[j]) is None:
            return not analysis_front(found[1])
    return True


def _ended(lines: Sequence[Line], k: int) -> bool:
    """Does line k end what it says: a sentence; or, stopping on no dangling word (a student who writes no
    full stops), a long typed line, the short last line of a wrapped block, or a back of one line?"""
    text = lines[k].text
    if ends_sentence(text):
        return True
    if not text or ends_dangling(text):
        return False
    if bullet(text) is not None:
        return True  # a bullet is an item: it ends at its line's end (`- town councils liked ...` / `did ...`)
    one_line = k > 0 and (marker_front(lines[k - 1].text) is not None or question_front(lines[k - 1].text))
    return len(text) > TYPED_LINE or one_line or _ends_back(lines, k)


def read_section_front(lines: Sequence[Line], i: int) -> tuple[Front, int] | None:
    """A heading for a part of the essay on a line of its own (`Conclusion -`, `overall:`, `Intro`) and the
    text under it: a card of the essay, in no paragraph."""
    heading_word = section_heading(lines[i].text)
    if heading_word is None:
        return None
    nxt = next_text(lines, i + 1)
    if not nxt or marker_front(nxt) is not None:
        return None
    return Front(None, lines[i].text.rstrip(" -:–—."), lines[i].no, False), i + 1


def read_heading_front(lines: Sequence[Line], i: int) -> tuple[Front, int] | None:
    """A bare heading used as a front (`Marshall Plan`, then its back), inside a paragraph's cards: the
    shape of `rules.heading`; a paragraph marker above it; the line above ends a back (`_ends_back`) and is
    no heading itself (a list of names, one a line); the line below starts a back of five words or more
    that is no heading, front or continuation (`of the Left and Right ...`). One word will do (`Rentenmark`)."""
    text = lines[i].text
    if i == 0 or not (heading(text) or _one_word_heading(text) or (
            _LOWER_HEADING.match(text) and text.split(None, 1)[0] not in GRAMMAR | _COMMENTS
            and not ends_dangling(text) and _under_worded_heading(lines, i))):
        return None
    above = lines[i - 1].text
    if above and (heading(above) or not _ends_back(lines, i - 1)) and not PARAGRAPH_HEADING.match(above):
        return None  # (the first card under a paragraph's heading in words: `Paragraph 3 - economy` / `debt crisis`)
    k = skip_blank(lines, i + 1)
    if k == len(lines) or lines[k].no == lines[i].no:
        return None
    nxt = lines[k].text
    words = nxt.split()
    if len(words) < 5 or words[0].lower() in _CONTINUES or heading(nxt) or marker_front(nxt) or question_front(nxt):
        return None
    return (Front(None, text, lines[i].no, False), i + 1) if _in_paragraph(lines, i) else None


# A heading in lower case, two to five words (`talks from prison`, `debt crisis 1985`): a front only in notes
# that head their paragraphs in words and write no marker over their cards (`_under_worded_heading`).
_LOWER_HEADING = rx.compile(r"^[a-z][\w’'-]*(?: (?:[+&] )?[\w’'&-]+){1,4}$")


# Words that open a student's comment on the line above, not a heading: `very clever move`, `huge propaganda win`.
_COMMENTS = frozenset("very really so quite huge massive big good bad clever great important key massively hugely "
                      "basically also then just probably maybe".split())


def _under_worded_heading(lines: Sequence[Line], i: int, reach: int = 40) -> bool:
    """Is the nearest marker above line i a paragraph's heading in words (`Paragraph 2 - de Klerk`, as `1st para:`
    and `Argument 2 -` are read), with no marker front of a card between?"""
    for j in range(i - 1, max(-1, i - reach), -1):
        if marker_front(lines[j].text) and plan_items(lines[j]) is None:
            return bool(PARAGRAPH_HEADING.match(lines[j].text))
    return False


# A heading of one capitalised word: `Rentenmark`, `Locarno` (not a word of grammar: `However`).
_ONE_WORD = rx.compile(r"[A-Z][a-z’'-]{3,}")


def _one_word_heading(text: str) -> bool:
    return _ONE_WORD.fullmatch(text) is not None and text.lower() not in GRAMMAR


# First words of a line that go on with the line above (`Sergei Kirov` / `was shot in December 1934`).
_CONTINUES = frozenset("of and or nor but than that which whose whom was were is are had has have did".split())
_SENTENCE_END = ".!?”\")"


def _ends_back(lines: Sequence[Line], k: int) -> bool:
    """Does line k end a back: a back line (not a front) that ends a sentence, or a long typed line, or
    the short last line of a wrapped block (a full-width line of a wrapped block goes on below)?"""
    text = lines[k].text
    if marker_front(text) or question_front(text) or ends_dangling(text):
        return False
    if text.endswith(tuple(_SENTENCE_END)) or len(text) > TYPED_LINE or (bullet(text) and not text[-1:].islower()):
        return True  # (a list's item ends on its line, on a figure or a name: not `... 1936 included` / `Zinoviev`)
    width = 0
    for j in range(k - 1, max(-1, k - 9), -1):  # the back's lines above, up to its front or a blank line
        if not lines[j].text or marker_front(lines[j].text) or question_front(lines[j].text):
            break
        width = max(width, len(lines[j].text))
    return len(text) < 0.7 * width


def _in_paragraph(lines: Sequence[Line], i: int, reach: int = 60) -> bool:
    """Is there a paragraph marker front (not the plan) within `reach` lines above line i?"""
    above = range(i - 1, max(-1, i - reach), -1)
    return any(marker_front(lines[j].text) and plan_items(lines[j]) is None for j in above)


FRONT_RULES: tuple[tuple[str, FrontRule], ...] = (
    ("marker_front", read_marker_front),
    ("section_front", read_section_front),
    ("question_front", read_question_front),
    ("heading_front", read_heading_front),
)


def find_front(lines: Sequence[Line], i: int) -> tuple[Front, int] | None:
    for _, rule in FRONT_RULES:
        if found := rule(lines, i):
            return found
    return None


def front_wraps(front: Front, lines: Sequence[Line], k: int) -> tuple[Front, int]:
    """Every front rule ends here: a front that stops on `Stalin’s` or `the` runs onto the next line(s),
    from index k, up to a blank line or a marker."""
    text, start = front.text, k
    while text and ends_dangling(text) and k < len(lines) and lines[k].text and not marker_front(lines[k].text):
        text = join_lines(text, lines[k].text)
        k += 1
    return (front, k) if k == start else (Front(front.paragraph, text, front.line, front.marked), k)


