"""`NamedTuple`, as ankigen's records are defined: `typing.NamedTuple` for the type checker, and at run time the
very class `collections.namedtuple` makes, without `typing`'s check of every field's annotation.

Under `from __future__ import annotations` each annotation is a string, and `typing.NamedTuple` compiles
every one of them into a `ForwardRef` when the class is defined: ankigen's 34 records, some 200 fields, cost
`ankigen check` of the shipped notes 440 M -> 422 M instructions to define (its build 606 M -> 588 M:
cachegrind). Nothing reads those checked annotations back; here a record keeps them as the strings written.
A record is made as `typing.NamedTuple` makes it: a `collections.namedtuple` of the annotated fields, with
the values given as their defaults, then the class body's methods, docstring and other attributes on it.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # What typing.NamedTuple itself never copies from the class body, or refuses to.
    _KEPT = frozenset({"__module__", "__name__", "__annotations__"})
    _REFUSED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
                          "_make", "_replace", "_asdict", "_source"})

    class _Record(type):
        def __new__(mcs, name: str, bases: tuple, namespace: dict):
            annotations = namespace.get("__annotations__", {})
            defaults = [f for f in annotations if f in namespace]
            if defaults != list(annotations)[len(annotations) - len(defaults):]:
                raise TypeError(f"{name}: a field without a default after one with a default")
            record = collections.namedtuple(name, list(annotations), module=namespace["__module__"],
                                            defaults=[namespace[f] for f in defaults])
            record.__annotations__ = dict(annotations)
            for key, value in namespace.items():
                if key in _REFUSED:
                    raise AttributeError(f"Cannot overwrite NamedTuple attribute {key}")
                if key not in _KEPT and key not in annotations:
                    setattr(record, key, value)
            return record

    NamedTuple = type.__new__(_Record, "NamedTuple", (), {})
