"""Modules a dependency imports and ankigen never uses, put in `sys.modules` as placeholders that load them
the first time they are used.

genanki.model imports PyYAML, and reads it only for fields or templates given as YAML text, which ankigen never
gives: loading it was 92 M of the 723 M instructions of building the shipped notes (cachegrind), one deck in
eight. A sidecar read afresh (`sidecar.py`) loads it as it always did, placeholder or not.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types


class Unloaded(types.ModuleType):
    """A module put in sys.modules before it is loaded: the first read of an attribute it lacks loads it, as
    `import` would, and takes on its attributes, so that a name bound to the placeholder works like the module.
    (`importlib.util.LazyLoader` cannot do this: `import` itself reads a module's `__spec__`, which loads it.)"""

    def __getattr__(self, attr: str) -> object:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        module = importlib.import_module(self.__name__)
        self.__dict__.update(module.__dict__)
        return getattr(module, attr)


def defer(name: str) -> None:
    """Import `name` as a placeholder that loads it when first used, unless it is loaded already (or missing:
    then the importer's own `import` fails as it always did)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    placeholder = Unloaded(name)
    placeholder.__spec__ = spec
    sys.modules[name] = placeholder
