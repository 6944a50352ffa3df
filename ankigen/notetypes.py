"""The note types ankigen writes, as plain data: fixed ids, field names, template names, HTML and CSS.

Anki matches a note type by id and updates it in place only while its field names and template names stay
the same; change one and every student's collection gets a duplicate note type ("Question+") and the
changed notes are refused as conflicting. So the ids and names below are a contract:
- templates' HTML and the CSS may change freely: the digest gives the note type a newer time, and Anki
  updates it (tests/test_updates.py: a restyled note type reaches every student);
- a new field or template means a new note type: a new key and id beside the old one, which stays in `ALL`
  so that notes made with it can still be written retired; the lock aligns notes only with notes of the
  same key, so the old notes are retired and the new ones are new (tests/test_updates.py: a release that
  adds a field leaves no conflict and no orphan).

This module imports nothing from genanki; `package.py` turns these records into genanki models.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from .namedtuples import NamedTuple

# Named tuples, not frozen dataclasses: as immutable, and far cheaper to define on import (cachegrind, `ankigen
# check`: a frozen dataclass costs about 3.7 M instructions to make, a named tuple under 1 M).


class Template(NamedTuple):
    name: str
    front: str
    back: str


class NoteType(NamedTuple):
    key: str  # how the rest of ankigen names it
    id: int  # fixed forever
    name: str
    fields: tuple[str, ...]
    templates: tuple[Template, ...]
    css: str
    cloze: bool = False
    sort_field: int = 0

    def digest(self) -> str:
        """A hash of everything Anki stores for the note type, so a change gets a newer `mod`."""
        return _digest(self)


@cache
def _digest(nt: NoteType) -> str:
    """`NoteType.digest`, made once a process for each note type: every deck a build writes asks it twice,
    every deck it finds up to date once (an unchanged course of 30 decks: 120 times, 7% of its time)."""
    data = json.dumps(
        [nt.id, nt.name, nt.fields, [(t.name, t.front, t.back) for t in nt.templates], nt.css, nt.cloze, nt.sort_field]
    )
    return hashlib.sha256(data.encode()).hexdigest()[:16]


CSS = """\
.card {
  font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 20px;
  line-height: 1.45;
  color: #1d1d1f;
  background: #fbfaf7;
  text-align: left;
  margin: 0;
  padding: 0;
}
.ag { max-width: 38em; margin: 0 auto; padding: 14px 16px 24px; box-sizing: border-box; }
.ag-context { font-size: 13px; line-height: 1.35; color: #6b6459; margin-bottom: 10px; }
.ag-context .ag-para { font-weight: 600; color: #8a4b12; }
.ag-context .ag-essay { font-style: italic; }
.ag-front { font-size: 22px; font-weight: 600; }
.ag-back p { margin: 0 0 .6em; }
.ag-back ul, .ag-plan ul { margin: .2em 0 .6em; padding-left: 1.2em; }
.ag-back li { margin: .15em 0; }
.ag-label { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: #6b6459;
  margin: 12px 0 4px; }
.ag-plan li { margin: .3em 0; }
.ag-plan .ag-para { font-weight: 600; color: #8a4b12; }
.ag-argument { border-left: 3px solid #c9a36b; padding-left: 10px; }
.ag-source { font-size: 11px; color: #7a7268; margin-top: 18px; }
.ag + .ag { padding-top: 0; }
.cloze { font-weight: 700; color: #0b5cad; }
.ag-cloze-text { font-size: 21px; }
.ag-scale { display: flex; flex-wrap: wrap; gap: 8px; margin: 14px 0 4px; }
.ag-choice { display: inline-block; margin: 0; min-height: 44px; padding: 8px 16px; border: 1px solid #c9bfae;
  border-radius: 22px; background: #fff; color: #1d1d1f; font: inherit; font-size: 17px; line-height: 1.2;
  cursor: pointer; user-select: none; -webkit-user-select: none; -webkit-appearance: none; appearance: none;
  -webkit-tap-highlight-color: transparent; touch-action: manipulation; }
.ag-choice.ag-picked { background: #0b5cad; border-color: #0b5cad; color: #fff; }
.ag-verdict { font-size: 22px; font-weight: 700; text-transform: capitalize; }
.ag-verdict .ag-none { display: block; font-size: 17px; font-weight: 400; font-style: italic; text-transform: none; }
.ag-match { font-size: 15px; margin-top: 4px; }
.ag-match.ag-yes { color: #1a7f37; }
.ag-match.ag-no { color: #b42318; }
hr#answer { border: 0; border-top: 1px solid #e2dccf; margin: 16px 0; }
@media (max-width: 480px) {
  .card { font-size: 18px; }
  .ag { padding: 10px 12px 18px; }
  .ag-front { font-size: 20px; }
}
.nightMode.card, .nightMode .card, .night_mode.card, .night_mode .card { color: #e8e6e3; background: #1e1f22; }
.nightMode .ag-context, .night_mode .ag-context, .nightMode .ag-label, .night_mode .ag-label { color: #a8a29a; }
.nightMode .ag-para, .night_mode .ag-para { color: #f0b872 !important; }
.nightMode .cloze, .night_mode .cloze { color: #79b8ff; }
.nightMode .ag-choice, .night_mode .ag-choice { background: #2b2d31; color: #e8e6e3; border-color: #4a4d55; }
.nightMode .ag-choice.ag-picked, .night_mode .ag-choice.ag-picked { background: #2f6fbf; border-color: #2f6fbf;
  color: #fff; }
.nightMode .ag-argument, .night_mode .ag-argument { border-left-color: #8a6a3b; }
.nightMode hr#answer, .night_mode hr#answer { border-top-color: #3a3c42; }
.nightMode .ag-source, .night_mode .ag-source { color: #9a948b; }
.nightMode .ag-none, .night_mode .ag-none { color: #c9c4bc; }
.nightMode .ag-match.ag-yes, .night_mode .ag-match.ag-yes { color: #56d364; }
.nightMode .ag-match.ag-no, .night_mode .ag-match.ag-no { color: #ff7b72; }
"""

_CONTEXT = (
    '<div class="ag-context">{{#Paragraph}}<span class="ag-para">{{Paragraph}}</span>'
    "{{#Theme}} · {{Theme}}{{/Theme}}<br>{{/Paragraph}}"
    '<span class="ag-essay">{{Essay}}</span></div>'
)

QA = NoteType(
    key="qa",
    id=1742903311,
    name="ankigen: Question",
    fields=("Front", "Back", "Essay", "Paragraph", "Theme", "Kind", "Source"),
    templates=(
        Template(
            "Recall",
            '<div class="ag">' + _CONTEXT + '<div class="ag-front">{{Front}}</div></div>',
            '<div class="ag">' + _CONTEXT + '<div class="ag-front">{{Front}}</div>'
            '<hr id="answer"><div class="ag-back">{{Back}}</div>'
            '<div class="ag-source">{{Source}}</div></div>',
        ),
    ),
    css=CSS,
)

ESSAY = NoteType(
    key="essay",
    id=1742903312,
    name="ankigen: Essay plan",
    fields=("Question", "Plan", "Argument", "Deck", "Source"),
    templates=(
        Template(
            "Plan",
            '<div class="ag"><div class="ag-context">Essay plan · {{Deck}}</div>'
            '<div class="ag-front">{{Question}}</div>'
            '<div class="ag-label">Plan the paragraphs and the argument</div></div>',
            '<div class="ag"><div class="ag-context">Essay plan · {{Deck}}</div>'
            '<div class="ag-front">{{Question}}</div><hr id="answer">'
            '{{#Plan}}<div class="ag-label">Plan</div><div class="ag-plan">{{Plan}}</div>{{/Plan}}'
            '{{#Argument}}<div class="ag-label">Argument</div>'
            '<div class="ag-argument">{{Argument}}</div>{{/Argument}}'
            '<div class="ag-source">{{Source}}</div></div>',
        ),
    ),
    css=CSS,
)

CLOZE = NoteType(
    key="cloze",
    id=1742903313,
    name="ankigen: Evidence cloze",
    fields=("Text", "Context", "Source"),
    templates=(
        Template(
            "Evidence",
            # The front says where the sentence belongs (essay, paragraph, card), small, as a question's does.
            '<div class="ag ag-evidence"><div class="ag-context">{{Context}}</div>'
            '<div class="ag-cloze-text">{{cloze:Text}}</div></div>',
            '<div class="ag ag-evidence"><div class="ag-context">{{Context}}</div>'
            '<div class="ag-cloze-text">{{cloze:Text}}</div><hr id="answer">'
            '<div class="ag-source">{{Source}}</div></div>',
        ),
    ),
    css=CSS,
    cloze=True,
)

# The judgement card. The student taps a choice; the back always states the notes' verdict (or that they
# give none) and, if a choice was tapped, compares it. On phones: AnkiDroid loads the back as a new page
# (script variables are lost, sessionStorage survives), so the choice is kept in sessionStorage under the
# card's own key (the Scale field's data-key, the note's GUID); AnkiMobile passes a tap only to a <button>,
# an <a>, an element with onclick or class `tappable`, so the choices are tappable buttons, and a tap on one
# goes no further (it must not flip the card). With scripts off the choices do nothing and the back still
# shows the verdict.
_PICK_SCRIPT = """<script>
(function () {
  var box = document.querySelector(".ag-judge .ag-scale");
  if (!box) { return; }
  var key = "ankigen-choice:" + (box.getAttribute("data-key") || "");
  try { sessionStorage.removeItem(key); } catch (e) {}
  window.ankigenChoice = "";
  var items = box.querySelectorAll(".ag-choice");
  function pick(ev) {
    ev.preventDefault();
    ev.stopPropagation();
    for (var j = 0; j < items.length; j++) { items[j].classList.remove("ag-picked"); }
    ev.currentTarget.classList.add("ag-picked");
    var value = ev.currentTarget.getAttribute("data-choice");
    window.ankigenChoice = value;
    try { sessionStorage.setItem(key, value); } catch (e) {}
  }
  for (var i = 0; i < items.length; i++) { items[i].addEventListener("click", pick); }
})();
</script>"""

_MATCH_SCRIPT = """<script>
(function () {
  var box = document.getElementById("ag-match");
  var scale = document.querySelector(".ag-judge .ag-scale");
  if (!box || !scale) { return; }
  var picked = "";
  try { picked = sessionStorage.getItem("ankigen-choice:" + (scale.getAttribute("data-key") || "")) || ""; }
  catch (e) {}
  picked = picked || window.ankigenChoice || "";
  if (!picked) { return; }
  var items = scale.querySelectorAll(".ag-choice");
  var verdictBox = document.querySelector(".ag-verdict");
  var verdict = verdictBox ? verdictBox.textContent.trim().toLowerCase() : "";
  var onScale = false;
  for (var i = 0; i < items.length; i++) {
    var value = items[i].getAttribute("data-choice");
    if (value === picked) { items[i].classList.add("ag-picked"); }
    if (value === verdict) { onScale = true; }
  }
  if (!onScale) {
    box.className = "ag-match";
    box.textContent = "You chose " + picked + ".";
    return;
  }
  var same = picked === verdict;
  box.className = "ag-match " + (same ? "ag-yes" : "ag-no");
  box.textContent = same ? "Your choice matches: " + picked : "You chose " + picked + "; the notes say " + verdict;
})();
</script>"""

_JUDGE_FRONT = (
    '<div class="ag ag-judge"><div class="ag-context"><span class="ag-para">{{Paragraph}}</span>'
    '<br><span class="ag-essay">{{Essay}}</span></div>'
    '<div class="ag-front">{{Claim}}</div>'
    '{{#Evidence}}<div class="ag-label">Key evidence</div><div class="ag-back">{{Evidence}}</div>{{/Evidence}}'
    "{{Scale}}"
)

JUDGEMENT = NoteType(
    key="judgement",
    id=1742903314,
    name="ankigen: Judgement",
    fields=("Claim", "Essay", "Paragraph", "Evidence", "Scale", "Judgement", "Reasoning", "Source"),
    templates=(
        Template(
            "Judge",
            _JUDGE_FRONT + _PICK_SCRIPT + "</div>",
            _JUDGE_FRONT + '</div><div class="ag"><hr id="answer">'
            '<div class="ag-label">The notes’ judgement</div><div class="ag-verdict">{{Judgement}}</div>'
            '<div id="ag-match" class="ag-match"></div>'
            '{{#Reasoning}}<div class="ag-label">Why</div><div class="ag-back">{{Reasoning}}</div>'
            "{{/Reasoning}}"
            '<div class="ag-source">{{Source}}</div></div>' + _MATCH_SCRIPT,
        ),
    ),
    css=CSS,
)

ALL: tuple[NoteType, ...] = (QA, ESSAY, CLOZE, JUDGEMENT)
