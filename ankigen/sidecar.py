"""The optional YAML sidecar `source/<stem>.yaml`: what a heuristic cannot know, said by the user.

```yaml
deck: History::Stalin::Power      # deck name ("::" makes subdecks)
paragraphs:
  P1: {theme: Eliminating opponents, judgement: fundamental, reasoning: "..."}
essay: {judgement: partial, reasoning: "..."}
scale: [fundamental, partial, superficial]
cloze: {auto: true, always: [Politburo], never: [Party]}
```

Read with `yaml.safe_load` semantics only (SafeLoader): a `!!python/...` tag is an error, never code.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from . import kept_yaml, rx
from .errors import SidecarError
from .namedtuples import NamedTuple

if TYPE_CHECKING:
    import yaml

_PARAGRAPH = rx.compile(r"^[Pp](\d{1,2})$")

TOP_KEYS = {"deck", "description", "paragraphs", "essay", "scale", "cloze"}
PARAGRAPH_KEYS = {"theme", "judgement", "reasoning"}
ESSAY_KEYS = {"judgement", "reasoning"}
CLOZE_KEYS = {"auto", "always", "never"}


class ParagraphConfig(NamedTuple):
    theme: str | None = None
    judgement: str | None = None
    reasoning: str | None = None


class Sidecar(NamedTuple):
    """What a sidecar says. (A named tuple, not a frozen dataclass: as immutable, and about 5 M instructions
    cheaper to define on import, cachegrind. Its mappings are only read: the empty ones may be shared.)"""

    path: Path | None = None
    deck: str | None = None
    description: str | None = None
    paragraphs: Mapping[str, ParagraphConfig] = {}
    essay_judgement: str | None = None
    essay_reasoning: str | None = None
    scale: tuple[str, ...] | None = None
    cloze_auto: bool = True
    cloze_always: tuple[str, ...] = ()
    cloze_never: tuple[str, ...] = ()
    lines: Mapping[str, int] = {}  # "paragraphs.P7" -> line, for findings

    @property
    def clozes(self) -> bool:
        """Are there evidence clozes to make (found automatically, or the `always` terms)?"""
        return self.cloze_auto or bool(self.cloze_always)

    def paragraph(self, name: str | None) -> ParagraphConfig:
        return self.paragraphs.get(name or "", ParagraphConfig())


def sidecar_path(notes_path: Path) -> Path | None:
    for ext in (".yaml", ".yml"):
        candidate = notes_path.with_suffix(ext)
        if candidate.is_file():
            return candidate
    return None


def load_sidecar(notes_path: Path) -> Sidecar:
    """The sidecar beside a notes file, or an empty one."""
    path = sidecar_path(notes_path)
    if path is None:
        return Sidecar()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SidecarError(f"cannot be read: {exc}", path) from None
    return parse_sidecar(text, path)


def _load(text: str, path: Path) -> tuple[object, dict[str, int]]:
    """The sidecar's data (as `yaml.safe_load`), and the line of each key. PyYAML is imported only when there
    is a sidecar to read (`ankigen check` of a 40-card file without one: about 90 M of 950 M instructions
    fewer), and the text is parsed once for both (it was parsed by yaml.compose, then by yaml.load: check of
    the shipped notes 5.9 M instructions fewer). A sidecar read in an earlier run is not parsed again
    (`kept_yaml.py`: check of the shipped notes, with its sidecar, about 95 M instructions fewer)."""
    kept = kept_yaml.get(text)
    if kept is not None:
        return kept
    import yaml

    try:
        loader = yaml.SafeLoader(text)
        try:
            root = loader.get_single_node()
            lines = _node_lines(root)  # before the data is made: a merge key (<<) rewrites its mapping's node
            data = None if root is None else loader.construct_document(root)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise SidecarError(f"is not valid YAML: {exc.problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise SidecarError(f"is not valid YAML: {exc}", path) from None
    kept_yaml.keep(text, data, lines)
    return data, lines


def parse_sidecar(text: str, path: Path) -> Sidecar:
    data, lines = _load(text, path)
    if data is None:
        return Sidecar(path=path)

    def fail(message: str, key: str) -> SidecarError:
        return SidecarError(message, path, lines.get(key))

    if not isinstance(data, dict):
        raise SidecarError("must be a mapping of settings (deck:, paragraphs:, ...)", path, 1)
    _no_unknown(data, TOP_KEYS, "", fail)

    paragraphs = _paragraphs(data.get("paragraphs") or {}, fail)
    essay = data.get("essay") or {}
    if not isinstance(essay, dict):
        raise fail("`essay` must hold judgement: and reasoning:", "essay")
    _no_unknown(essay, ESSAY_KEYS, "essay.", fail)
    cloze = data.get("cloze") or {}
    if isinstance(cloze, bool):
        cloze = {"auto": cloze}
    if not isinstance(cloze, dict):
        raise fail("`cloze` must hold auto:, always:, never:", "cloze")
    _no_unknown(cloze, CLOZE_KEYS, "cloze.", fail)
    auto = cloze.get("auto", True)
    if not isinstance(auto, bool):
        raise fail("`cloze.auto` must be true or false", "cloze.auto")

    return Sidecar(
        path=path,
        deck=_text(data.get("deck"), "deck", fail),
        description=_text(data.get("description"), "description", fail),
        paragraphs=paragraphs,
        essay_judgement=_text(essay.get("judgement"), "essay.judgement", fail),
        essay_reasoning=_text(essay.get("reasoning"), "essay.reasoning", fail),
        scale=_scale(data.get("scale"), fail),
        cloze_auto=auto,
        cloze_always=_terms(cloze.get("always"), "cloze.always", fail),
        cloze_never=_terms(cloze.get("never"), "cloze.never", fail),
        lines=lines,
    )


def _paragraphs(raw: object, fail) -> dict[str, ParagraphConfig]:
    if not isinstance(raw, dict):
        raise fail("`paragraphs` must map P1, P2, ... to settings", "paragraphs")
    paragraphs: dict[str, ParagraphConfig] = {}
    for key, value in raw.items():
        m = _PARAGRAPH.match(str(key))
        if not m:
            raise fail(f"unknown paragraph `{key}` (write P1, P2, ...)", f"paragraphs.{key}")
        if isinstance(value, str):
            value = {"theme": value}
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise fail(f"`{key}` must hold theme:, judgement:, reasoning:", f"paragraphs.{key}")
        _no_unknown(value, PARAGRAPH_KEYS, f"paragraphs.{key}.", fail)
        paragraphs[f"P{int(m.group(1))}"] = ParagraphConfig(
            theme=_text(value.get("theme"), f"paragraphs.{key}.theme", fail),
            judgement=_text(value.get("judgement"), f"paragraphs.{key}.judgement", fail),
            reasoning=_text(value.get("reasoning"), f"paragraphs.{key}.reasoning", fail),
        )
    return paragraphs


def _scale(scale: object, fail) -> tuple[str, ...] | None:
    if scale is None:
        return None
    if isinstance(scale, str):
        scale = [s.strip() for s in re.split(r"[/,]", scale) if s.strip()]
    if not isinstance(scale, list) or not 2 <= len(scale) <= 6 or not all(isinstance(s, str) for s in scale):
        raise fail("`scale` must list two to six words, e.g. [fundamental, partial, superficial]", "scale")
    return tuple(s.strip() for s in scale)


def _no_unknown(mapping: dict, allowed: set[str], prefix: str, fail) -> None:
    for key in mapping:
        if str(key) not in allowed:
            known = ", ".join(sorted(allowed))
            # A typo or the other spelling (`judgment`, `theme:` as `themes:`): name the setting meant.
            close = difflib.get_close_matches(str(key).lower(), sorted(allowed), n=1, cutoff=0.6)
            meant = f": did you mean `{close[0]}`?" if close else ""
            raise fail(f"unknown setting `{prefix}{key}`{meant} (known here: {known})", f"{prefix}{key}")


def _text(value: object, key: str, fail) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    raise fail(f"`{key}` must be text", key)


def _terms(value: object, key: str, fail) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise fail(f"`{key}` must be a list of words or phrases", key)
    return tuple(str(v).strip() for v in value if str(v).strip())


def _node_lines(node: yaml.Node | None, prefix: str = "") -> dict[str, int]:
    """Line numbers of every key, as "paragraphs.P1.theme" -> 3."""
    import yaml

    out: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{prefix}{key_node.value}"
            out[key] = key_node.start_mark.line + 1
            out.update(_node_lines(value_node, key + "."))
    return out
