"""ankigen's records (`ankigen.namedtuples.NamedTuple`) are the classes `typing.NamedTuple` makes."""

from __future__ import annotations

import pickle
import typing

import pytest

from ankigen import namedtuples
from ankigen.lock import Entry
from ankigen.records import Card, Kind


def _define(base):
    class Point(base):
        """A point."""

        x: int
        y: int = 0
        label: str | None = None

        def moved(self, dx: int) -> Point:
            return self._replace(x=self.x + dx)

        @property
        def norm(self) -> int:
            return abs(self.x) + abs(self.y)

    return Point


def test_a_record_is_what_typing_makes_of_the_same_class():
    ours, theirs = _define(namedtuples.NamedTuple), _define(typing.NamedTuple)
    for cls in (ours, theirs):
        p = cls(3)
        assert (p, p.moved(2), p.norm, p._asdict()) == ((3, 0, None), (5, 0, None), 3, {"x": 3, "y": 0, "label": None})
        assert cls(1, 2, "a") == (1, 2, "a") and cls._make([1, 2, "a"]) == cls(x=1, y=2, label="a")
    assert ours.__bases__ == theirs.__bases__ == (tuple,)
    assert ours._fields == theirs._fields and ours._field_defaults == theirs._field_defaults
    assert (ours.__doc__, ours.__module__, ours.__qualname__, repr(ours(1))) == (
        theirs.__doc__, theirs.__module__, theirs.__qualname__, repr(theirs(1)))
    assert list(ours.__annotations__) == list(theirs.__annotations__) == ["x", "y", "label"]
    assert not hasattr(ours(1), "__dict__")


def test_records_pickle_and_compare_as_tuples():
    card = Card("P1- analysis", ("a back",), "P1", Kind.ANALYSIS, None, 3, 4)
    entry = Entry(guid="g", kind="qa")
    assert pickle.loads(pickle.dumps(entry)) == entry and entry[:4] == ("g", "qa", "", 0)
    assert pickle.loads(pickle.dumps(card)) == card and card.back_text == "a back" and card[3] is Kind.ANALYSIS


def test_a_field_without_a_default_after_one_with_one_is_refused_as_typing_does():
    with pytest.raises(TypeError):
        class Bad(namedtuples.NamedTuple):  # type: ignore[misc]
            a: int = 0
            b: int
    with pytest.raises(AttributeError):
        class Replaces(namedtuples.NamedTuple):
            a: int

            def _replace(self, **kw):  # type: ignore[override]
                return self
